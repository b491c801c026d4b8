"""The accounts list, like a mail client's folders: "All accounts" first, then each of the
officer's accounts with how many messages wait, how many are in warning and how many have
breached. Accounts outside their opening hours are marked closed after their name; accounts with
nothing posted or scheduled today are marked "no post today" after their counts (the policies
expect corporate accounts to post daily). Choosing one (enter or click) filters the queue.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from core.models import Platform
from service.desk import DeskSession
from storage.base import AccountCounts
from tui.widgets.safe_text import one_line

ALL_ACCOUNTS = "__all__"
"""The option id of the "All accounts" entry (not a valid account id in a pack)."""

#: The longest account name shown in the list (the narrow list is 26 columns wide).
_NAME_CELLS = 22

_PLATFORM = {Platform.X: "X", Platform.FACEBOOK: "FB", Platform.INSTAGRAM: "IG",
             Platform.MASTODON: "MA", Platform.LINKEDIN: "IN"}


def platform_tag(platform: Platform) -> str:
    """A two-letter tag for a network (rows are narrow)."""
    return _PLATFORM.get(platform, platform.value[:2].upper())


def account_label(session: DeskSession, account: str) -> str:
    """`X @LewesDC`: the network and handle of one of the pack's accounts."""
    a = session.pack.account(account)
    return f"{platform_tag(a.platform)} {one_line(a.handle)}"


def counts_line(counts: AccountCounts | None, room: int = _NAME_CELLS) -> Content:
    """`12 waiting 3 warn 1 late`, coloured by theme variables; in fewer words when that is
    wider than `room` cells (`112 wait 13 warn 10 late`, then `1248 · 164 · 68` in the same
    colours), so a count line never wraps."""
    c = counts or AccountCounts(account="")
    for words in _WORDINGS:
        line = _counts(c, *words)
        if line.cell_length <= room:
            break
    return line


#: (waiting, warning, breached) wordings, fullest first.
_WORDINGS = ((" waiting", " warn", " late"), (" wait", " warn", " late"), ("", "", ""))


#: The gap between counts in their most compact form (no words).
_COMPACT_GAP = " · "


def _counts(c: AccountCounts, waiting: str, warn: str, late: str) -> Content:
    gap = " " if waiting else _COMPACT_GAP
    parts: list[Content | tuple[str, str] | str] = [f"{c.waiting}{waiting}"]
    if c.warning:
        parts += [gap, (f"{c.warning}{warn}", "$text-warning")]
    if c.breached:
        parts += [gap, (f"{c.breached}{late}", "bold $text-error")]
    return Content.assemble(*parts)


#: The marks after the counts of an account with nothing posted or scheduled today, fullest
#: first (the shorter one when the counts need the room).
QUIET_MARKS = ("no post today", "no post")


def counts_with_mark(counts: AccountCounts | None, room: int, quiet: bool) -> Content:
    """The count line, followed (for a `quiet` account) by the fullest quiet mark that leaves
    the counts in words; else the shortest mark, cut short if need be (the counts stay whole)."""
    if not quiet:
        return counts_line(counts, room)
    for mark in QUIET_MARKS:
        line = counts_line(counts, max(room - len(mark) - 1, 1))
        if line.cell_length + len(mark) + 1 <= room and _COMPACT_GAP not in line.plain:
            return line + Content.assemble(" ", (mark, "$text-warning italic"))
    line = counts_line(counts, max(room - len(QUIET_MARKS[-1]) - 1, 1))
    left = room - line.cell_length - 1
    if left < 3:  # no room for a readable mark: the counts matter more
        return line
    return line + Content.assemble(" ", (one_line(QUIET_MARKS[-1], left), "$text-warning italic"))


#: The mark after a closed account's name (an account is closed outside its opening hours;
#: a message is never "closed": see tui.widgets.queue_render for the words a message gets).
CLOSED_MARK = "closed"


class AccountList(OptionList):
    """The officer's accounts with their counts; posts `AccountChosen` when one is chosen."""

    class AccountChosen(Message):
        """The officer chose an account to show (None: all accounts)."""

        def __init__(self, account: str | None) -> None:
            super().__init__()
            self.account = account

    now: reactive[datetime | None] = reactive(None)
    """The app's current instant (bound to its one-second tick): decides the closed marks."""
    chosen: reactive[str | None] = reactive(None, init=False)
    """The account whose messages the queue shows (None: all); marked with a pointer."""

    def __init__(self, session: DeskSession, *, id: str | None = None) -> None:
        self._session = session
        self._counts: dict[str, AccountCounts] = {}
        self._quiet: frozenset[str] = frozenset()
        self._shown: dict[str, tuple] = {}
        super().__init__(id=id, markup=False)
        self.add_options([Option(self._all_prompt(), id=ALL_ACCOUNTS)]
                         + [Option(self._prompt(a, False), id=a) for a in session.visible_accounts])
        self.action_first()

    def set_counts(self, counts: Mapping[str, AccountCounts], quiet: frozenset[str] = frozenset()) -> None:
        """Show new counts and the accounts with nothing posted or scheduled today (from a
        refresh: the one-second tick never asks the store)."""
        self._counts = dict(counts)
        self._quiet = quiet
        self._update_prompts()

    def watch_now(self) -> None:
        self._update_prompts()

    def watch_chosen(self) -> None:
        self._update_prompts()

    def on_resize(self) -> None:
        self._shown.clear()  # the room for names and counts changed
        self._update_prompts()

    @property
    def _room(self) -> int:
        """Cells for a name or a count line (after the two-cell pointer or indent)."""
        width = self.scrollable_content_region.width
        return width - 2 if width > 8 else _NAME_CELLS

    def _account_closed(self, account: str) -> bool:
        return self.now is not None and not self._session.is_open(account, self.now)

    def _update_prompts(self) -> None:
        # Only replace prompts that changed: each replacement re-renders the option.
        for account in self._session.visible_accounts:
            key = (self._counts.get(account), self._account_closed(account), self.chosen == account,
                   account in self._quiet)
            if self._shown.get(account) != key:
                self._shown[account] = key
                self.replace_option_prompt(account, self._prompt(account, key[1]))
        key = ("all", tuple(self._counts.values()), self.chosen is None)
        if self._shown.get(ALL_ACCOUNTS) != key:
            self._shown[ALL_ACCOUNTS] = key
            self.replace_option_prompt(ALL_ACCOUNTS, self._all_prompt())

    def _pointer(self, account: str | None) -> Content:
        return Content.styled("▸ ", "bold $accent") if self.chosen == account else Content("  ")

    def _prompt(self, account: str, closed: bool) -> Content:
        # One line per name, cut to fit the narrow list; the header and detail say it in full.
        room = self._room - (len(CLOSED_MARK) + 1 if closed else 0)
        name = self._pointer(account) + Content(one_line(account_label(self._session, account), room))
        if closed:
            name += Content.assemble(" ", (CLOSED_MARK, "$text-muted italic"))
        counts = counts_with_mark(self._counts.get(account), self._room, account in self._quiet)
        return Content("\n").join([name, Content("  ") + counts])

    def _all_prompt(self) -> Content:
        total = AccountCounts(account="", waiting=sum(c.waiting for c in self._counts.values()),
                              warning=sum(c.warning for c in self._counts.values()),
                              breached=sum(c.breached for c in self._counts.values()))
        title = self._pointer(None) + Content.styled("All accounts", "bold")
        return Content("\n").join([title, Content("  ") + counts_line(total, self._room)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = None if event.option.id == ALL_ACCOUNTS else event.option.id
        self.post_message(self.AccountChosen(self.chosen))

    def choose_all(self) -> None:
        """Go back to all accounts (as if "All accounts" were chosen)."""
        self.highlighted = self.get_option_index(ALL_ACCOUNTS)
        self.chosen = None
        self.post_message(self.AccountChosen(None))
