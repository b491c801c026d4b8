"""Close a message without a reply: choose one of the policy's reasons."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from core.handling import CloseReason
from core.models import Message
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line


class CloseScreen(ModalScreen[CloseReason | None]):
    """Returns the chosen CloseReason (enter), or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Cancel: the message stays open")]

    def __init__(self, message: Message) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        m = self._message
        with Vertical(id="close-box", classes="modal-box"):
            yield Static(Content.assemble(("Set aside without a reply: ", "bold"),
                                          one_line(m.author.handle, 40)),
                         classes="modal-title", markup=False)
            yield Static(one_line(m.text, 200), classes="modal-quote", markup=False)
            yield OptionList(*(Option(reason.label, id=reason.value) for reason in CloseReason),
                             id="close-reasons", markup=False)
            yield Static("enter choose · esc cancel", classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(CloseReason(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
