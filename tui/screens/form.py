"""A small form in a modal: a title, a few labelled one-line fields, ctrl+s (or enter on the
last field) to submit, escape to cancel. Used for posts, releases, declarations, resolutions
and refusals; the service checks what is typed and refuses with a reason."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.widgets.keys import KeyBar

Field = tuple[str, str, str]
"""(name, label, initial value) of one field."""


class FormScreen(ModalScreen[dict[str, str] | None]):
    """Returns {name: text} (ctrl+s), or None (escape)."""

    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", priority=True, tooltip="Save what is typed"),
        Binding("escape", "cancel", "Cancel", priority=True, tooltip="Cancel: nothing changes"),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(self, title: str, fields: Sequence[Field], hint: str = "",
                 cursor_blink: bool = True) -> None:
        super().__init__()
        self._title = title
        self._fields = tuple(fields)
        self._hint = hint
        self._blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box form-box"):
            yield Static(self._title, classes="modal-title", markup=False)
            for name, label, initial in self._fields:
                yield Label(label, classes="form-label", markup=False)
                yield Input(initial, id=f"form-{name}", compact=True, classes="form-input")
            yield Static(self._hint or "ctrl+s save · esc cancel", classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self._blink
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_submit()
        else:
            inputs[inputs.index(event.input) + 1].focus()

    def action_submit(self) -> None:
        self.dismiss({name: self.query_one(f"#form-{name}", Input).value for name, _, _ in self._fields})

    def action_cancel(self) -> None:
        self.dismiss(None)
