"""The desk: accounts on the left, the queue and the selected message on the right, the keys
in the footer. Each key is a binding with an `action_*` method; what a role may not do is
hidden, but the refusal itself comes from `DeskSession` and is shown as an error toast.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Label

from core.handling import CloseReason
from core.models import Message
from core.policy import Permission
from service.desk import DeskSession
from tui.screens.close import CloseScreen
from tui.screens.help import HelpScreen, help_rows
from tui.screens.moderation import ModerationScreen
from tui.screens.moderation_keys import (
    MODERATION_BINDINGS,
    MODERATION_KEYS,
    MODERATION_PERMISSIONS,
    ModerationActions,
)
from tui.screens.refer import ReferScreen, referral_contacts
from tui.screens.reply import ReplyOutcome, ReplyScreen
from tui.screens.reply_setup import REFUSALS, claim_question, reply_context
from tui.state import QueueFilter, QueueWindow, empty_lines
from tui.widgets.badges import MODERATION_WORDS, badge_legend, row_badges
from tui.widgets.banner import EmergencyBanner
from tui.widgets.detail import DetailPane
from tui.widgets.header import DeskHeader, desk_zone
from tui.widgets.keys import KeyBar
from tui.widgets.notices import NoticeBar
from tui.widgets.outbox_status import OutboxStatus
from tui.widgets.queue import QueueTable
from tui.widgets.safe_text import one_line
from tui.widgets.sidebar import AccountList, account_label

#: The permission each message action needs (for hiding keys; the session enforces it).
_ACTION_PERMISSION = {
    "claim": Permission.CLAIM,
    "reply": Permission.REPLY,
    "close_message": Permission.CLOSE,
    "refer": Permission.REFER,
    **MODERATION_PERMISSIONS,
}


def holder_mark(session: DeskSession, message: Message) -> str:
    """The initials of the officer holding a message still waiting ('' if nobody holds it), so
    colleagues see at a glance what is taken."""
    if not message.claimed_by or not message.state.awaiting_response:
        return ""
    name = session.officer_name(message.claimed_by)
    return "".join(part[0] for part in name.split()[:3]).upper() or message.claimed_by[:3]


def moderation_legend() -> list[tuple[str, str]]:
    """What each author badge on a row means (for the help screen)."""
    return list(MODERATION_WORDS.items())


class DeskScreen(ModerationActions, Screen[None]):
    """The officer's desk. Reads the app's `now`, `queue_filter` and published windows; asks the
    app (`set_queue_filter`, `request_refresh`) for changes."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", tooltip="Filter by text, author or label"),
        Binding("enter", "open", "Open", tooltip="Open the selected message in the detail pane"),
        Binding("escape", "back", "Back", tooltip="Back to the queue; clear the filter; all accounts"),
        Binding("c", "claim", "Claim", tooltip="Claim the selected message"),
        Binding("r", "reply", "Reply", tooltip="Reply: ctrl+s sends, ctrl+t picks a template"),
        Binding("x", "close_message", "Aside", tooltip="Set aside without a reply, with a reason"),
        Binding("f", "refer", "Refer", tooltip="Refer to a team or manager, with a note"),
        *MODERATION_BINDINGS,
        # Not in the footer (room for the rest on an 80-column terminal); listed in help.
        Binding("a", "accounts", "Accounts", show=False,
                tooltip="Go to the accounts list (enter chooses one)"),
        Binding("p", "posts", "Posts", show=False,
                tooltip="Posts: scheduled, approval and review queues"),
        Binding("i", "incident", "Incident", show=False,
                tooltip="The incident: declare, resolve, timeline"),
        Binding("question_mark", "help", "Help", tooltip="Show every key"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (104, "-medium"), (120, "-wide")]
    """The queue needs about 75 columns to show message text. Below 104 the accounts list is
    hidden until `a` opens it; below 120 it is narrower and the council's short name is used."""

    now: reactive[datetime] = reactive(datetime.min, init=False)
    """The app's instant, passed on to the header, sidebar, queue and detail by data binding."""

    def __init__(self, session: DeskSession, now: datetime) -> None:
        super().__init__()
        self.session = session
        self.set_reactive(DeskScreen.now, now)

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        session = self.session
        mark = "DEMO" if getattr(self.app, "demo", None) is not None else ""
        yield DeskHeader(session, mark=mark, id="header").data_bind(DeskScreen.now)
        yield EmergencyBanner()
        with Horizontal(id="body"):
            yield AccountList(session, id="accounts").data_bind(DeskScreen.now)
            with Vertical(id="main"):
                with Horizontal(id="queue-bar"):
                    yield Input(placeholder="/ to filter: text, author or label", id="filter",
                                compact=True)
                    yield Label("", id="queue-summary", markup=False)
                yield QueueTable(session.countdown, self.now, id="queue",
                                 account_label=lambda a: account_label(session, a),
                                 holder=lambda m: holder_mark(session, m),
                                 badges=lambda m: row_badges(session, m),
                                 local_zone=desk_zone(session)).data_bind(DeskScreen.now)
                yield DetailPane(session, id="detail").data_bind(DeskScreen.now)
        yield OutboxStatus(id="outbox-status")
        yield KeyBar(extra=MODERATION_KEYS)
        yield NoticeBar(id="notices")

    def on_mount(self) -> None:
        self.query_one("#filter", Input).cursor_blink = self.app.CURSOR_BLINK
        self.watch(self.app, "now", self._set_now)
        self.app.window_published.subscribe(self, self._show_window)
        self.app.notices_changed.subscribe(self, self.query_one(NoticeBar).show)
        if self.app.window is not None:
            self._show_window(self.app.window)
        self.query_one(QueueTable).focus()

    def on_screen_resume(self) -> None:
        # Notices that came while a dialog was up show now, in the notice line.
        self.query_one(NoticeBar).show(list(self.app._notifications))

    def _set_now(self, now: datetime) -> None:
        self.now = now

    @property
    def queue(self) -> QueueTable:
        return self.query_one(QueueTable)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    # -- what the app publishes -----------------------------------------------------------------
    def _show_window(self, window: QueueWindow) -> None:
        account = window.filter.account
        self.queue.set_empty_text(empty_lines(
            window, account_label(self.session, account) if account is not None else ""))
        self.queue.set_messages(window.messages)
        self.query_one(AccountList).set_counts(window.counts, window.quiet)
        self.query_one(OutboxStatus).show(window.outbox)
        summary = window.summary()
        if window.filter.account is not None:
            summary = f"{account_label(self.session, window.filter.account)} · {summary}"
        self.query_one("#queue-summary", Label).update(summary)
        self._follow_highlight()
        self.refresh_bindings()

    def _follow_highlight(self) -> None:
        """Keep the detail pane on the queue's highlighted row, and up to date with it."""
        shown = self.detail.message
        current = self.queue.highlighted
        if current is None:
            if shown is not None:
                self._show_detail(None)
            return
        if shown is None or shown.id != current.id or shown.revision != current.revision:
            self._show_detail(current)

    def _show_detail(self, message: Message | None) -> None:
        self.detail.show(message)
        if message is not None:
            self._load_history(message.id)

    def _load_history(self, message_id: int) -> None:
        # Workers run on the app, whose one handler reports their errors.
        self.app.run_worker(self._fetch_history(message_id), name=f"history of #{message_id}",
                            group="detail", exclusive=True, exit_on_error=False)

    async def _fetch_history(self, message_id: int) -> None:
        actions = await self.session.history(message_id)
        self.detail.show_history(message_id, actions)

    # -- what the widgets say -------------------------------------------------------------------
    def on_queue_table_highlighted(self, event: QueueTable.Highlighted) -> None:
        shown = self.detail.message
        if event.message is None or shown is None or shown.id != event.message.id:
            self._show_detail(event.message)
        self.refresh_bindings()

    def on_queue_table_opened(self, event: QueueTable.Opened) -> None:
        self.action_open()

    def on_account_list_account_chosen(self, event: AccountList.AccountChosen) -> None:
        self.query_one(DeskHeader).account = event.account
        self._set_filter(account=event.account)
        self.remove_class("-accounts-open")
        self.queue.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self._set_filter(search=event.value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.queue.focus()

    def _set_filter(self, **change: object) -> None:
        current: QueueFilter = self.app.queue_filter
        self.app.set_queue_filter(QueueFilter(**{**current.__dict__, **change}))

    # -- keys -----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        permission = _ACTION_PERMISSION.get(action)
        if permission is None:
            return True
        if not self.session.may(permission):
            return False  # the role never may: hide the key
        return True if self._selected() is not None else None  # greyed with nothing selected

    def _selected(self) -> Message | None:
        return self.queue.highlighted if self.is_mounted else None

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_open(self) -> None:
        if self._selected() is not None:
            if self.detail.message is None or self.detail.message.id != self._selected().id:
                self._show_detail(self._selected())
            self.detail.focus()

    def action_accounts(self) -> None:
        # On a narrow screen the list is hidden until asked for (and hidden again after).
        self.add_class("-accounts-open")
        self.call_after_refresh(self.query_one(AccountList).focus)

    def action_back(self) -> None:
        focused = self.focused
        search = self.query_one("#filter", Input)
        if isinstance(focused, (DetailPane, AccountList)):
            self.remove_class("-accounts-open")
            self.queue.focus()
        elif focused is search or self.app.queue_filter.search:
            search.value = ""
            self.queue.focus()
        elif self.app.queue_filter.account is not None:
            self.query_one(AccountList).choose_all()

    def action_help(self) -> None:
        desk_keys: set[str] = set()
        moving = [("tab", "", "Next pane: accounts, filter, queue, detail"),
                  ("shift+tab", "", "Previous pane")]
        sections = [("Desk", help_rows(self.BINDINGS, moving, self.app.BINDINGS, seen=desk_keys)),
                    ("Queue", help_rows(QueueTable.BINDINGS, seen=desk_keys)),
                    ("Accounts list", [("enter", "Show only that account (All accounts: every one)")]),
                    ("Reply editor", help_rows(ReplyScreen.BINDINGS)),
                    ("Set aside", help_rows(CloseScreen.BINDINGS, [("enter", "", "Set aside with the reason chosen")])),
                    ("Refer", help_rows(ReferScreen.BINDINGS)),
                    ("Moderation screen (m)", help_rows(ModerationScreen.BINDINGS)),
                    ("Labels on rows", badge_legend()),
                    ("Author badges", moderation_legend())]
        self.app.push_screen(HelpScreen([s for s in sections if s[1]]))

    def action_posts(self) -> None:
        from tui.screens.posts import PostsScreen

        self.app.push_screen(PostsScreen(self.app.crisis))

    def action_incident(self) -> None:
        from tui.screens.incident import IncidentScreen

        self.app.push_screen(IncidentScreen(self.app.crisis))

    def action_claim(self) -> None:
        if (m := self._needs_selection()) is not None:
            self._act(f"claim #{m.id}", lambda: self.session.claim(m.id), "Claimed", m)

    def action_reply(self) -> None:
        if (m := self._needs_selection()) is None:
            return
        question = claim_question(self.session, m)
        if question is None:
            self._open_editor(m)
            return
        self.app.push_screen(question, lambda answer: self._claim_answered(m, answer))

    def _claim_answered(self, m: Message, answer: str | None) -> None:
        if answer == "take":
            self.app.run_worker(self._take_over_then_reply(m), name=f"take over #{m.id}",
                                group="action", exit_on_error=False)
        elif answer == "draft":
            self._open_editor(m, held=True)

    async def _take_over_then_reply(self, m: Message) -> None:
        try:
            taken = await self.session.take_over(m.id)
        finally:
            self.app.request_refresh()
        self.notify(f"Taken over: {one_line(m.author.handle, 40)}", markup=False)
        await self._editor_for(taken, held=False)

    def _open_editor(self, m: Message, held: bool = False) -> None:
        self.app.run_worker(self._editor_for(m, held), name=f"reply to #{m.id}", group="editor",
                            exclusive=True, exit_on_error=False)

    async def _editor_for(self, m: Message, held: bool) -> None:
        context = await reply_context(self.session, m, self.now, held=held)
        editor = ReplyScreen(context, cursor_blink=self.app.CURSOR_BLINK,
                             autosave=lambda text: self._keep_draft(m, text))
        self.app.push_screen(editor, lambda outcome: self._replied(m, outcome))

    def _keep_draft(self, m: Message, text: str) -> None:
        self.app.run_worker(self.session.keep_draft(m.id, text), name=f"keep draft #{m.id}",
                            group="draft", exit_on_error=False)

    def _replied(self, m: Message, outcome: ReplyOutcome | None) -> None:
        if outcome is None:
            return
        if outcome.choice == "send":
            self._act(f"reply to #{m.id}", lambda: self._send(m, outcome.text), "Reply sent", m)
        elif outcome.choice == "keep":
            self.app.run_worker(self.session.keep_draft(m.id, outcome.text), group="draft",
                                name=f"keep draft #{m.id}", exit_on_error=False)
            self.notify("Draft kept: r on this message opens it again.", markup=False)
        else:
            self.app.run_worker(self.session.drop_draft(m.id), group="draft",
                                name=f"discard draft #{m.id}", exit_on_error=False)
            self.notify("Draft discarded.", markup=False)

    async def _send(self, m: Message, text: str) -> Message:
        # Kept before the send: a refusal (a colleague's claim, a network's limit) loses nothing.
        await self.session.keep_draft(m.id, text)
        try:
            return await self.session.reply(m.id, text)
        except REFUSALS as exc:
            if not text.strip():
                raise
            raise type(exc)(f"{exc} (your draft is kept: r opens it again)") from None

    def action_close_message(self) -> None:
        if (m := self._needs_selection()) is not None:
            self.app.push_screen(CloseScreen(m), lambda reason: self._close(m, reason))

    def _close(self, m: Message, reason: CloseReason | None) -> None:
        if reason is not None:
            self._act(f"close #{m.id}", lambda: self.session.close(m.id, reason),
                      f"Closed ({reason.label})", m)

    def action_refer(self) -> None:
        if (m := self._needs_selection()) is None:
            return
        modal = ReferScreen(m, referral_contacts(self.session.pack),
                            cursor_blink=self.app.CURSOR_BLINK)
        self.app.push_screen(modal, lambda answer: self._refer(m, answer))

    def _refer(self, m: Message, answer: tuple[str, str] | None) -> None:
        if answer is not None:
            to, note = answer
            self._act(f"refer #{m.id}", lambda: self.session.refer(m.id, to, note),
                      f"Referred to {one_line(to, 60)}", m)

    def _needs_selection(self) -> Message | None:
        message = self._selected()
        if message is None:
            self.notify("No message selected.", severity="warning")
        return message

    # -- acting ---------------------------------------------------------------------------------
    def _act(self, what: str, act: Callable[[], Awaitable[Message]], done: str, m: Message) -> None:
        """Run one action in a worker. A refusal propagates to the app's one worker-error
        handler, which shows its text; the queue is refetched either way."""
        self.app.run_worker(self._run_action(act, done, m), name=what, group="action",
                            exit_on_error=False)

    async def _run_action(self, act: Callable[[], Awaitable[Message]], done: str, m: Message) -> None:
        try:
            changed = await act()
        finally:
            self.app.request_refresh()
        self.notify(f"{done}: {one_line(m.author.handle, 40)}", markup=False)
        if self.detail.message is not None and self.detail.message.id == changed.id:
            self._show_detail(changed)
