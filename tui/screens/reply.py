"""The reply editor: the officer's kept draft or a template of the pack (chosen with
`ctrl+t`), the signature that will be added, a count against the network's limit, and warnings
that matter before sending (the account is closed; a colleague holds the message).

The modal only collects the text; the desk keeps it as a draft while it is typed and sends it
through `DeskSession.reply`, which signs it and refuses what the policy or the network does not
allow. Escape on changed text asks whether to keep the draft or discard it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Select, Static, TextArea

from core.models import Message
from core.replies import LengthCheck
from tui.screens.choice import Choice, ChoiceScreen
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line

#: Seconds of quiet typing after which the draft is kept in the store.
AUTOSAVE_AFTER = 1.0


@dataclass(frozen=True)
class ReplyOutcome:
    """What the officer chose in the editor."""

    choice: Literal["send", "keep", "discard"]
    """Send it; keep it as a draft for later; or throw it away."""
    text: str
    """The reply body as typed (unsigned)."""


@dataclass(frozen=True)
class ReplyContext:
    """What the editor needs from the desk, worked out before it opens."""

    message: Message
    """The message replied to."""
    where: str
    """The account the reply goes out on (`X @EastbourneBC`)."""
    text: str
    """The text to start from: the officer's kept draft, or the suggested template."""
    from_draft: bool
    """Whether `text` is a kept draft (said in the editor)."""
    templates: Sequence[tuple[str, str]]
    """The pack's templates as (id, title)."""
    template: str | None
    """The template `text` came from (None for a draft)."""
    fill: Callable[[str], str]
    """A template's body by id (`DeskSession.draft`)."""
    signed: Callable[[str], str]
    """The text as it will be sent (`DeskSession.signed`)."""
    length: Callable[[str], LengthCheck]
    """The signed text against the network's limit (`DeskSession.reply_length`)."""
    warnings: Sequence[str] = ()
    """What the officer must know before sending (closed account, a colleague's claim)."""


class ReplyScreen(ModalScreen[ReplyOutcome | None]):
    """Returns a ReplyOutcome, or None when escape found nothing to keep."""

    BINDINGS = [
        Binding("ctrl+s", "send", "Send reply", priority=True,
                tooltip="Send the reply, signed with your name"),
        Binding("ctrl+t", "templates", "Templates", priority=True,
                tooltip="Choose a template of the pack (ctrl+z undoes the change)"),
        Binding("escape", "cancel", "Close", priority=True,
                tooltip="Close the editor; a changed draft asks: keep it or discard it"),
    ]

    def __init__(self, context: ReplyContext, *, cursor_blink: bool = True,
                 autosave: Callable[[str], object] | None = None) -> None:
        """`autosave(text)` keeps the draft while the officer types (after a pause)."""
        super().__init__()
        self._reply = context
        self._start = context.text
        self._cursor_blink = cursor_blink
        self._autosave = autosave
        self._autosave_timer: Timer | None = None
        self._template = context.template

    def compose(self) -> ComposeResult:
        c = self._reply
        m = c.message
        with Vertical(id="reply-box", classes="modal-box"):
            yield Static(Content.assemble(("Reply to ", "bold"), one_line(m.author.handle, 40),
                                          (" on ", "bold"), one_line(c.where, 40)),
                         classes="modal-title", markup=False)
            for warning in c.warnings:
                yield Static(Content.assemble(("▲ ", "bold"), warning), classes="reply-warning",
                             markup=False)
            yield Static(one_line(m.text, 300), id="reply-quote", markup=False)
            options = [(one_line(title, 60), tid) for tid, title in c.templates]
            prompt = "Your kept draft · ctrl+t for a template" if c.from_draft else "Template (ctrl+t)"
            yield Select(options, prompt=prompt, id="reply-template", compact=True,
                         allow_blank=True, value=c.template if c.template in dict(c.templates)
                         else Select.NULL)
            editor = TextArea(c.text, id="reply-text", soft_wrap=True)
            editor.cursor_blink = self._cursor_blink
            yield editor
            yield Static("", id="reply-count", markup=False)
            yield Static("", id="reply-signature", markup=False)
            kept = " · draft kept as you type" if self._autosave else ""
            yield Static(f"ctrl+s send · ctrl+t template · esc close{kept}",
                         classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        self._show(editor.text)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._show(event.text_area.text)
        if self._autosave is not None:
            if self._autosave_timer is not None:
                self._autosave_timer.stop()
            self._autosave_timer = self.set_timer(AUTOSAVE_AFTER, self._save_now)

    def _save_now(self) -> None:
        self._autosave_timer = None
        if self._autosave is not None and self.text != self._start:
            self._autosave(self.text)

    def _show(self, text: str) -> None:
        signature = self._reply.signed("").strip()
        already = text.rstrip().endswith(signature)
        note = "already at the end, not added again" if already else "added when sent"
        self.query_one("#reply-signature", Static).update(
            Content.assemble(("Signature: ", "$text-muted"), (signature, "bold"),
                             (f"  ({note})", "$text-muted")))
        check = self._reply.length(text)
        count = self.query_one("#reply-count", Static)
        words = check.describe() + (" (with the signature)" if not already else "")
        if check.over:
            words += ": shorten it before sending"
        count.update(words)
        count.set_class(bool(check.over), "-over")
        count.set_class(check.near, "-near")

    # -- templates --------------------------------------------------------------------------
    def action_templates(self) -> None:
        select = self.query_one("#reply-template", Select)
        select.focus()
        select.expanded = True

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL or event.value == self._template:
            return
        self._template = str(event.value)
        editor = self.query_one(TextArea)
        # Replaced through the editor, so ctrl+z brings the officer's own text back.
        editor.replace(self._reply.fill(self._template), editor.document.start,
                       editor.document.end)
        editor.focus()
        editor.move_cursor(editor.document.end)

    # -- leaving ----------------------------------------------------------------------------
    def action_send(self) -> None:
        if self._reply.length(self.text).over:
            self.notify("Too long for the network: shorten it before sending (the draft is kept).",
                        severity="warning", markup=False)
            return
        self._stop_autosave()
        self.dismiss(ReplyOutcome("send", self.text))

    def action_cancel(self) -> None:
        select = self.query_one("#reply-template", Select)
        if select.expanded:
            select.expanded = False
            self.query_one(TextArea).focus()
            return
        self._stop_autosave()
        if self.text == self._start or not self.text.strip():
            self.dismiss(None if self.text == self._start else ReplyOutcome("discard", ""))
            return
        question = ChoiceScreen(
            "Keep this draft?", ["Your reply has not been sent."],
            [Choice("k", "Keep the draft for later", "keep"),
             Choice("d", "Discard it", "discard")], id="discard")
        self.app.push_screen(question, self._answered)

    def _answered(self, answer: str | None) -> None:
        if answer is None:  # back to the editor
            self.query_one(TextArea).focus()
            return
        self.dismiss(ReplyOutcome("keep" if answer == "keep" else "discard", self.text))

    def _stop_autosave(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
