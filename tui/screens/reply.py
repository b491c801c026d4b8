"""The reply editor: a draft from the pack's templates, the signature that will be added, and
ctrl+s to send or escape to cancel. The modal only collects the text; the desk sends it
through `DeskSession.reply`, which signs it and refuses what the policy does not allow.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from core.models import Message
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line


class ReplyScreen(ModalScreen[str | None]):
    """Returns the reply body (unsigned) on ctrl+s, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "send", "Send reply", priority=True,
                tooltip="Send the reply, signed with your name"),
        Binding("escape", "cancel", "Cancel", priority=True, tooltip="Cancel: nothing is sent"),
    ]

    def __init__(self, message: Message, draft: str, signed: Callable[[str], str],
                 where: str, *, cursor_blink: bool = True, warning: str | None = None) -> None:
        """`signed(text)` is `DeskSession.signed`: shows the signature that will be added.
        `where` names the account the reply goes out on; `warning` (from core, e.g. a private
        message to someone who may be a child) is shown above the editor."""
        super().__init__()
        self._message = message
        self._draft = draft
        self._signed = signed
        self._where = where
        self._cursor_blink = cursor_blink
        self._warning = warning

    def compose(self) -> ComposeResult:
        m = self._message
        with Vertical(id="reply-box", classes="modal-box -warned" if self._warning else "modal-box"):
            yield Static(Content.assemble(("Reply to ", "bold"), one_line(m.author.handle, 40),
                                          (" on ", "bold"), self._where),
                         classes="modal-title", markup=False)
            yield Static(one_line(m.text, 300), id="reply-quote", markup=False)
            if self._warning:
                yield Static(self._warning, id="reply-warning", markup=False)
            editor = TextArea(self._draft, id="reply-text", soft_wrap=True)
            editor.cursor_blink = self._cursor_blink
            yield editor
            yield Static("", id="reply-signature", markup=False)
            yield Static("ctrl+s send · esc cancel", classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        self._show_signature(editor.text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._show_signature(event.text_area.text)

    def _show_signature(self, text: str) -> None:
        signature = self._signed("").strip()
        already = text.rstrip().endswith(signature)
        note = "already at the end, not added again" if already else "added when sent"
        self.query_one("#reply-signature", Static).update(
            Content.assemble(("Signature: ", "$text-muted"), (signature, "bold"),
                             (f"  ({note})", "$text-muted")))

    def action_send(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
