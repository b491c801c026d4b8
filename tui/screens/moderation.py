"""The moderation screen: authors with strikes, pending block requests first, and the
highlighted author's history across every account of the council.

The blocking role blocks (`b`) and unblocks or declines a request (`u`) here; anyone who may
warn may request a block (`B`). The keys a role may not use are hidden, and the refusal itself
comes from `core.moderation`, whatever the screen shows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from core.moderation_models import AuthorKey, AuthorRecord, AuthorState, ModerationEntry, Standing
from core.policy import Permission
from service.desk import DeskSession
from tui.screens.moderation_dialogs import ReasonScreen
from tui.widgets.banner import EmergencyBanner
from tui.widgets.keys import KeyBar
from tui.widgets.queue_render import fit, when_text
from tui.widgets.safe_text import one_line

#: Pending requests first (the blocking role's work), then blocks, then warned authors.
_ORDER = {AuthorState.BLOCK_REQUESTED: 0, AuthorState.BLOCKED: 1, AuthorState.CLEAR: 2}
_ACTIONS = {"marked": "marked", "block_requested": "block requested", "blocked": "BLOCKED",
            "unblocked": "unblocked", "request_declined": "request declined"}


def author_line(record: AuthorRecord, standing: Standing, now: datetime, zone: ZoneInfo,
                width: int) -> str:
    """One author as a row: standing, handle, platform, strikes, last activity, accounts."""
    accounts = ", ".join(dict.fromkeys(s.account for s in record.strikes)) or "\N{EM DASH}"
    last = max([s.at for s in record.strikes] + ([record.status.since] if record.status else []))
    cells = [(standing.badge or "strikes expired", 15), (record.handle or record.author_platform_id, 18),
             (record.platform.value, 9), (f"{standing.strikes}/{len(record.strikes)}", 5),
             (when_text(last, now, zone), 9)]
    head = " ".join(fit(text, w) for text, w in cells)
    return head + " " + fit(accounts, max(4, width - cell_len(head) - 1))


def history_lines(entries: list[ModerationEntry], session: DeskSession, now: datetime,
                  zone: ZoneInfo) -> Content:
    """The author's log, oldest first: when, where, what, who, the outcome and the content."""
    if not entries:
        return Content("No moderation log for this author yet.")
    lines = []
    for e in entries:
        what = _ACTIONS.get(e.action, e.action)
        where = f" on {e.account}" if e.account else ""
        head = f"{when_text(e.at, now, zone)}  {what}{where} by {session.officer_name(e.actor)}"
        if e.category:
            head += f" ({e.category})"
        lines.append(Content.styled(one_line(head), "bold"))
        lines.append(Content(one_line(f"  {e.outcome}" + (f". Reason: {e.reason}" if e.reason else ""))))
        if e.content:
            lines.append(Content(one_line(f"  \N{LEFT DOUBLE QUOTATION MARK}{e.content}"
                                          "\N{RIGHT DOUBLE QUOTATION MARK}", 400)))
    return Content("\n").join(lines)


class ModerationScreen(Screen[None]):
    """Authors on the warning ladder and their history. `escape` goes back to the desk."""

    CSS_PATH = "../moderation.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the desk"),
        Binding("b", "block", "Block", tooltip="Block the author on every account (blocking role)"),
        Binding("u", "unblock", "Unblock", tooltip="Unblock, or decline a request (blocking role)"),
        Binding("B", "request_block", "Request block", key_display="B",
                tooltip="Ask the blocking role to block the author (a reason)"),
    ]

    def __init__(self, session: DeskSession, focus: AuthorKey | None = None,
                 focus_handle: str = "") -> None:
        """`focus`: the author to show first (the desk's highlighted message's), even if the
        ladder has never touched them."""
        super().__init__()
        self.session = session
        self._focus, self._focus_handle = focus, focus_handle
        self._rows: list[tuple[AuthorRecord, Standing]] = []

    def compose(self) -> ComposeResult:
        pack = self.session.pack
        m = pack.moderation
        yield EmergencyBanner()
        with Vertical(id="moderation-box"):
            yield Static(Content.assemble(("Moderation", "bold"), f" \N{MIDDLE DOT} {pack.council.short_name}"
                                          f" \N{MIDDLE DOT} {m.warnings_before_block} warning(s) before a block"),
                         id="moderation-title", markup=False)
            yield Static(fit("STANDING", 15) + " " + fit("AUTHOR", 18) + " " + fit("PLATFORM", 9)
                         + " " + fit("STRK", 5) + " " + fit("LAST", 9) + " ACCOUNTS",
                         id="moderation-header", markup=False)
            yield OptionList(id="moderation-authors", markup=False)
            with VerticalScroll(id="moderation-history"):
                yield Static("", id="moderation-log", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.app.window_published.subscribe(self, lambda _window: self.reload())
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        self.app.run_worker(self._load(), name="moderation list", group="moderation",
                            exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        rows = await self.session.moderation.authors()
        rows.sort(key=lambda pair: _ORDER[pair[1].state])
        if self._focus is not None and all(r.key != self._focus for r, _ in rows):
            record = AuthorRecord(platform=self._focus.platform, author_platform_id=self._focus.author_id,
                                  handle=self._focus_handle)
            rows.insert(0, (record, Standing(AuthorState.CLEAR, 0, 0)))
        self._show(rows)

    def _show(self, rows: list[tuple[AuthorRecord, Standing]]) -> None:
        listing = self.query_one(OptionList)
        current = self.selected
        self._rows = rows
        now, zone = self.session.clock.now(), self.session.pack.zone
        width = max(40, (listing.size.width or self.app.size.width) - 2)
        listing.clear_options()
        listing.add_options([Option(Content(_line(r, s, now, zone, width))) for r, s in rows])
        keys = [r.key for r, _ in rows]
        wanted = current.key if current is not None else self._focus
        if rows:
            listing.highlighted = keys.index(wanted) if wanted in keys else 0
        else:
            self.query_one("#moderation-log", Static).update(
                "No author has been marked inappropriate yet. On the desk, w marks the highlighted message.")
        self.refresh_bindings()

    @property
    def selected(self) -> AuthorRecord | None:
        index = self.query_one(OptionList).highlighted if self.is_mounted else None
        return self._rows[index][0] if index is not None and index < len(self._rows) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        record = self.selected
        if record is not None:
            self.app.run_worker(self._history(record.key), name="author history",
                                group="moderation-history", exclusive=True, exit_on_error=False)
        self.refresh_bindings()

    async def _history(self, key: AuthorKey) -> None:
        entries = await self.session.moderation.history(key)
        record = self.selected
        handle = one_line(record.handle, 40) if record is not None and record.handle else key.author_id
        title = Content.styled(f"History of {handle} ({key.platform.value} id "
                               f"{one_line(key.author_id, 40)}), every account", "bold $accent")
        log = history_lines(entries, self.session, self.session.clock.now(), self.session.pack.zone)
        self.query_one("#moderation-log", Static).update(Content("\n").join([title, log]))

    # -- keys -------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("block", "unblock"):
            if not self.session.moderation.may_block:
                return False  # only the blocking role: hide the keys
        elif action == "request_block" and not self.session.may(Permission.WARN):
            return False
        if action in ("block", "unblock", "request_block"):
            return True if self.selected is not None else None
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_block(self) -> None:
        self._ask("Block", "blocked on every account of the council; the log keeps your reason",
                  self.session.moderation.block, "Blocked")

    def action_unblock(self) -> None:
        self._ask("Unblock or decline", "the block is lifted (or the request declined) and the "
                  "warnings start again", self.session.moderation.unblock, "Done")

    def action_request_block(self) -> None:
        self._ask("Request a block", "the blocking role is asked to block this author",
                  self.session.moderation.request_block, "Block requested")

    def _ask(self, title: str, explain: str, act: Callable[[AuthorKey, str], Awaitable[object]],
             done: str) -> None:
        record = self.selected
        if record is None:
            return
        dialog = ReasonScreen(title, record.handle or record.author_platform_id, explain,
                              cursor_blink=self.app.CURSOR_BLINK)

        def answered(reason: str | None) -> None:
            if reason is not None:
                self.app.run_worker(self._run(act, record.key, reason, done, record.handle),
                                    name=title.lower(), group="action", exit_on_error=False)
        self.app.push_screen(dialog, answered)

    async def _run(self, act: Callable[[AuthorKey, str], Awaitable[object]], key: AuthorKey,
                   reason: str, done: str, handle: str) -> None:
        try:
            await act(key, reason)
        finally:
            self.app.request_refresh()
            self.reload()
        self.notify(f"{done}: {one_line(handle, 40)}", markup=False)


def _line(record: AuthorRecord, standing: Standing, now: datetime, zone: ZoneInfo, width: int) -> str:
    return author_line(record, standing, now, zone, width) if record.strikes or record.status else (
        fit("no strikes", 15) + " " + fit(one_line(record.handle or record.author_platform_id), 18)
        + " " + fit(record.platform.value, 9))
