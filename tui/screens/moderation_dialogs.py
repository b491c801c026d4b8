"""The two small dialogs of the warning ladder: choose the category a message is marked with,
and give the reason for a block request, block or unblock."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line


class WarnScreen(ModalScreen[str | None]):
    """Mark a message inappropriate: returns the category chosen, or None when cancelled."""

    CSS_PATH = "../moderation.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True, tooltip="Cancel: nothing is marked"),
    ]

    def __init__(self, handle: str, text: str, categories: Sequence[str], next_step: str) -> None:
        """`next_step` says what the marking will do (e.g. "warning 1 goes to the author")."""
        super().__init__()
        self._handle, self._text = handle, text
        self._categories = list(categories)
        self._next = next_step

    def compose(self) -> ComposeResult:
        with Vertical(id="warn-box", classes="modal-box"):
            yield Static(Content.assemble(("Inappropriate: ", "bold"), one_line(self._handle, 40)),
                         classes="modal-title", markup=False)
            yield Static(one_line(self._text, 200), classes="modal-quote", markup=False)
            yield Static(self._next, id="warn-next", markup=False)
            yield OptionList(*(Option(Content(c), id=f"c{i}") for i, c in enumerate(self._categories)),
                             id="warn-categories", markup=False)
            yield Static("enter marks it with the category · esc cancel", classes="modal-hint",
                         markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._categories[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReasonScreen(ModalScreen[str | None]):
    """Ask for a reason: returns it (enter), or None when cancelled."""

    CSS_PATH = "../moderation.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True, tooltip="Cancel: nothing changes"),
    ]

    def __init__(self, title: str, subject: str, explain: str, *, cursor_blink: bool = True) -> None:
        """`title` says the action (ours), `subject` the author (untrusted), `explain` what
        will happen (ours)."""
        super().__init__()
        self._title, self._subject, self._explain = title, subject, explain
        self._cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box", classes="modal-box"):
            yield Static(Content.assemble((f"{self._title}: ", "bold"), one_line(self._subject, 40)),
                         classes="modal-title", markup=False)
            yield Static(self._explain, id="reason-explain", markup=False)
            reason = Input(placeholder="The reason (required, kept in the moderation log)",
                           id="reason-input")
            reason.cursor_blink = self._cursor_blink
            yield reason
            yield Static("enter confirms · esc cancel", classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
