"""The selected message in full: the text exactly as written, who sent it, where, the clock,
the state, labels, what the policy expects next, and the action history.

Everything from the public is shown as plain text: never parsed as markup, and with control
characters and bidi overrides replaced by visible placeholders (`safe_text.visible`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from core.models import Action, Message
from core.sla import Phase, format_span
from core.statutory import clock_sentence
from service.desk import DeskSession
from tui.widgets.header import desk_zone
from tui.widgets.history_words import detail_words, state_words, verb_words
from tui.widgets.safe_text import one_line, visible
from tui.widgets.sidebar import account_label

_PHASE_TEXT = {
    Phase.ON_TIME: ("on time", "$success"),
    Phase.WARNING_1: ("first warning", "$warning"),
    Phase.WARNING_2: ("second warning", "bold $warning"),
    Phase.BREACHED: ("BREACHED", "bold $error"),
    Phase.PAUSED: ("paused, account closed", "$text-muted"),
    Phase.ANSWERED: ("answered", "$success"),
    Phase.CLOSED: ("set aside without a reply", "$text-muted"),
    Phase.NO_TARGET: ("no response target", "$text-muted"),
}


#: Expectation boxes kept ready (core.handling.expectations gives at most eight today).
_MAX_EXPECTATIONS = 8


#: Action details not worth a line: the reason's code (its label is shown), and the engine's
#: bookkeeping for warnings and breaches (the verb and the time say it).
_QUIET_DETAIL = frozenset({"reason", "event", "event_at", "due_at", "late_seconds", "deadline"})


def _label(text: str) -> tuple[str, str]:
    return (text, "$text-muted")


class DetailPane(VerticalScroll, can_focus=True):
    """The highlighted message in full. `show(message)` to change it, `show_history` when the
    action log for it has been fetched."""

    now: reactive[datetime | None] = reactive(None)
    """The app's current instant (bound to its tick): the clock line and expectations follow it."""

    def __init__(self, session: DeskSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._session = session
        self.message: Message | None = None
        """The message shown (None: nothing selected)."""
        self._lines: list[str] | None = None
        # The expectation lines the boxes show: on most ticks they are unchanged, and then
        # nothing is re-laid out.

    def compose(self) -> ComposeResult:
        yield Static("No message selected.", id="detail-who", markup=False)
        yield Static("", id="detail-where", markup=False)
        yield Static("", id="detail-when", markup=False)
        yield Static("", id="detail-lane", markup=False)
        yield Static("", id="detail-statutory", markup=False)
        yield Static("", id="detail-state", markup=False)
        yield Static("", id="detail-body", markup=False)
        with Vertical(id="detail-next") as expected:
            expected.display = False  # until a message is shown
            yield Static("Expected next", id="detail-next-title", markup=False)
            # A fixed set, shown as needed: one box per expectation keeps wrapped lines indented.
            for _ in range(_MAX_EXPECTATIONS):
                with Horizontal(classes="expectation"):
                    yield Static("•", classes="bullet", markup=False)
                    yield Static("", classes="expectation-text", markup=False)
        yield Static("", id="detail-history", markup=False)

    @property
    def expectations_shown(self) -> list[str]:
        """The expectation lines on screen, in order (for callers and tests)."""
        return [str(box.query_one(".expectation-text", Static).content)
                for box in self.query(".expectation") if box.display]

    # -- what callers use ---------------------------------------------------------------------
    def show(self, message: Message | None) -> None:
        """Show `message` (None: nothing selected). The history shows once `show_history` runs."""
        changed = message is None or self.message is None or message.id != self.message.id
        self.message = message
        self.set_class(message is None, "-empty")
        if message is None:
            self._set("#detail-who", "No message selected.")
            for part in ("where", "when", "lane", "statutory", "state", "body", "history"):
                self._set(f"#detail-{part}", "")
            self.query_one("#detail-next").display = False
            return
        self.query_one("#detail-next").display = True
        self._set("#detail-who", self._who(message))
        self._set("#detail-where", self._where(message))
        self._set("#detail-state", self._state(message))
        self._set("#detail-body", visible(message.text))
        self._tick()
        if changed:
            self._set("#detail-history", Content.assemble(_label("History: loading…")))
            self.scroll_home(animate=False)

    def show_history(self, message_id: int, actions: Sequence[Action]) -> None:
        """Show the action log of message `message_id` (ignored if another is shown by now)."""
        if self.message is None or self.message.id != message_id:
            return
        lines = [Content.styled("History", "bold")]
        lines += [self._action_line(a) for a in actions] or [Content.styled("  nothing yet", "$text-muted")]
        self._set("#detail-history", Content("\n").join(lines))

    def watch_now(self) -> None:
        self._tick()

    # -- rendering ------------------------------------------------------------------------------
    def _set(self, selector: str, content: Content | str) -> None:
        if self.is_mounted:
            self.query_one(selector, Static).update(content)

    def _when(self, instant: datetime | None) -> str:
        if instant is None:
            return "-"
        zone = desk_zone(self._session, self.message.account if self.message else None)
        return f"{instant.astimezone(zone):%a %d %b %H:%M}"

    def _who(self, m: Message) -> Content:
        a = m.author
        return Content.assemble(
            (one_line(a.handle) or "(no handle)", "bold"), "  ", one_line(a.display_name), "  ",
            _label("platform id "), one_line(a.platform_id))

    def _where(self, m: Message) -> Content:
        parts: list = [account_label(self._session, m.account), _label(" · "), m.kind.value]
        if m.thread_id:
            parts += [_label(" · thread "), one_line(m.thread_id)]
        if m.url:
            parts += [_label(" · "), one_line(m.url)]
        return Content.assemble(*parts)

    def _state(self, m: Message) -> Content:
        who = f" by {self._session.officer_name(m.state_by)}" if m.state_by else ""
        when = f", {self._when(m.state_at)}" if m.state_at else ""
        parts: list = [_label("State "), (state_words(m.state), "bold"), who, when]
        if m.claimed_by and m.claimed_by != m.state_by:
            parts += [_label(" · held by "), self._session.officer_name(m.claimed_by)]
        parts += [_label("   Labels "), ", ".join(one_line(x) for x in m.labels) or "none"]
        return Content.assemble(*parts)

    def _tick(self) -> None:
        m, now = self.message, self.now
        if m is None or now is None:
            return
        self._set("#detail-when", self._clock_line(m, now))
        self._show_optional("#detail-lane", "\n".join(self._session.lane_lines(m, now)))
        self._show_optional("#detail-statutory", self._statutory_lines(m, now))
        lines = self._session.expectations(m, now)
        if len(lines) > _MAX_EXPECTATIONS:
            lines = lines[:_MAX_EXPECTATIONS - 1] + [" ".join(lines[_MAX_EXPECTATIONS - 1:])]
        if self.is_mounted and lines != self._lines:
            self._lines = lines
            for i, box in enumerate(self.query(".expectation")):
                box.display = i < len(lines)
                box.query_one(".expectation-text", Static).update(lines[i] if i < len(lines) else "")

    def _clock_line(self, m: Message, now: datetime) -> Content:
        c = self._session.countdown(m, now)
        text, style = _PHASE_TEXT[c.phase]
        if c.phase == Phase.BREACHED and c.overdue_by is not None:
            text = f"BREACHED {format_span(c.overdue_by)} ago"
        elif c.business_left is not None:
            text = f"{format_span(c.business_left)} left, {text}"
        return Content.assemble(_label("Received "), self._when(m.received_at),
                                _label("   Due "), self._when(m.due_at), "  ", (text, style))

    def _show_optional(self, selector: str, content: Content | str) -> None:
        """Show `content`, hiding the line altogether when there is nothing to say."""
        if self.is_mounted:
            widget = self.query_one(selector, Static)
            widget.display = bool(str(content))
            widget.update(content)

    def _statutory_lines(self, m: Message, now: datetime) -> Content:
        """One line per statutory deadline (core.statutory), coloured as the first-response
        clock is at the same phase."""
        lines = [Content.assemble(_label("Statutory "), (clock_sentence(c), _PHASE_TEXT[c.phase][1]))
                 for c in self._session.statutory_clocks(m, now)]
        return Content("\n").join(lines)

    def _action_line(self, action: Action) -> Content:
        who = self._session.officer_name(action.actor)
        detail = "; ".join(f"{detail_words(k)}: {self._detail_value(k, v)}"
                           for k, v in action.detail.items() if k not in _QUIET_DETAIL)
        return Content.assemble("  ", self._when(action.at), "  ", (verb_words(action.verb), "bold"),
                                "  ", who, ("  " + detail if detail else "", "$text-muted"))

    def _detail_value(self, key: str, value: object) -> str:
        if key == "from":  # an officer id: their name
            return self._session.officer_name(str(value))
        return one_line(str(value), 80)
