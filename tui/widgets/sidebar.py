"""The accounts list, like a mail client's folders: "All accounts" first, then each of the
officer's accounts with how many messages wait, how many are in warning and how many have
breached. Closed accounts are marked. Choosing one (enter or click) filters the queue.
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


def counts_line(counts: AccountCounts | None, closed: bool) -> Content:
    """`12 waiting 3 warn 1 late closed`, coloured by theme variables (narrow: one space)."""
    c = counts or AccountCounts(account="")
    parts: list[Content | tuple[str, str] | str] = [f"{c.waiting} waiting"]
    if c.warning:
        parts += [" ", (f"{c.warning} warn", "$text-warning")]
    if c.breached:
        parts += [" ", (f"{c.breached} late", "bold $text-error")]
    if closed:
        parts += [" ", ("closed", "$text-muted italic")]
    return Content.assemble(*parts)


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
        self._shown: dict[str, tuple] = {}
        super().__init__(id=id, markup=False)
        self.add_options([Option(self._all_prompt(), id=ALL_ACCOUNTS)]
                         + [Option(self._prompt(a, False), id=a) for a in session.visible_accounts])
        self.action_first()

    def set_counts(self, counts: Mapping[str, AccountCounts]) -> None:
        """Show new counts (from a refresh)."""
        self._counts = dict(counts)
        self._update_prompts()

    def watch_now(self) -> None:
        self._update_prompts()

    def watch_chosen(self) -> None:
        self._update_prompts()

    def _account_closed(self, account: str) -> bool:
        return self.now is not None and not self._session.is_open(account, self.now)

    def _update_prompts(self) -> None:
        # Only replace prompts that changed: each replacement re-renders the option.
        for account in self._session.visible_accounts:
            key = (self._counts.get(account), self._account_closed(account), self.chosen == account)
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
        label = one_line(account_label(self._session, account), _NAME_CELLS)
        name = self._pointer(account) + Content(label)
        return Content("\n").join([name, Content("  ") + counts_line(self._counts.get(account), closed)])

    def _all_prompt(self) -> Content:
        total = AccountCounts(account="", waiting=sum(c.waiting for c in self._counts.values()),
                              warning=sum(c.warning for c in self._counts.values()),
                              breached=sum(c.breached for c in self._counts.values()))
        title = self._pointer(None) + Content.styled("All accounts", "bold")
        return Content("\n").join([title, Content("  ") + counts_line(total, False)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = None if event.option.id == ALL_ACCOUNTS else event.option.id
        self.post_message(self.AccountChosen(self.chosen))

    def choose_all(self) -> None:
        """Go back to all accounts (as if "All accounts" were chosen)."""
        self.highlighted = self.get_option_index(ALL_ACCOUNTS)
        self.chosen = None
        self.post_message(self.AccountChosen(None))
