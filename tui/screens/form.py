"""A small form in a modal: a title, a few labelled one-line fields, ctrl+s (or enter on the
last field) to submit, escape to cancel. Used for posts, releases, declarations, resolutions
and refusals; the service checks what is typed and refuses with a reason. Given `act`, the form
runs it on submit and stays open on a refusal, the reason shown under the fields and nothing
typed lost; it closes only once `act` has done its work."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.screens.reply_setup import REFUSALS
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import visible

Field = tuple[str, str, str]
"""(name, label, initial value) of one field."""

Act = Callable[[dict[str, str]], Awaitable[object]]
"""The work a submit does; a refusal (or a ValueError: bad input) keeps the form open."""


class FormScreen(ModalScreen[dict[str, str] | None]):
    """Returns {name: text} (ctrl+s, once `act` has succeeded), or None (escape)."""

    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", priority=True, tooltip="Save what is typed"),
        Binding("escape", "cancel", "Cancel", priority=True, tooltip="Cancel: nothing changes"),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(self, title: str, fields: Sequence[Field], hint: str = "",
                 cursor_blink: bool = True, act: Act | None = None) -> None:
        super().__init__()
        self._act = act
        self._busy = False
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
            yield Static("", id="form-error", markup=False)
            yield Static(self._hint or "ctrl+s save · esc cancel", classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#form-error", Static).display = False
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
        answer = {name: self.query_one(f"#form-{name}", Input).value for name, _, _ in self._fields}
        if self._act is None:
            self.dismiss(answer)
        elif not self._busy:
            self._busy = True
            self.app.run_worker(self._submit(answer), name=self._title, group="action",
                                exit_on_error=False)

    async def _submit(self, answer: dict[str, str]) -> None:
        """Any other fault reaches the app's one worker-error handler; the form stays open."""
        try:
            await self._act(answer)  # type: ignore[misc]
        except (*REFUSALS, ValueError) as exc:
            self.show_error(f"Not done: {visible(str(exc))}")
            return
        finally:
            self._busy = False
        self.dismiss(answer)

    def show_error(self, text: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(text)
        error.display = bool(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
