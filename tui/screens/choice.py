"""A small question with a few answers, each on its own key: "keep the draft or discard it?",
"a colleague holds this message: take it over?". `escape` answers None (nothing happens)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.keys import KeyBar


@dataclass(frozen=True)
class Choice:
    """One answer."""

    key: str
    """The key that gives it (a single character)."""
    label: str
    """What it does, in a few words (`Keep the draft`)."""
    value: str
    """What the screen returns when it is chosen."""


class ChoiceScreen(ModalScreen[str | None]):
    """Returns the chosen answer's value, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", tooltip="Back: nothing happens"),
    ]

    def __init__(self, title: str, lines: Sequence[str], choices: Sequence[Choice], *,
                 id: str | None = None, hint: str = "esc back") -> None:
        """`title` and `lines` are our own words; text from the public must already be made
        safe (`tui.widgets.safe_text.one_line`). `hint` says what escape does."""
        super().__init__(id=id)
        self._hint = hint
        self._title = title
        self._lines = list(lines)
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box choice-box"):
            yield Static(self._title, classes="modal-title", markup=False)
            for line in self._lines:
                yield Static(line, classes="choice-line", markup=False)
            keys = Content("  ").join(
                Content.assemble((c.key, "bold $accent"), f" {c.label}") for c in self._choices)
            yield Static(keys, classes="choice-keys", markup=False)
            yield Static(self._hint, classes="modal-hint", markup=False)
        yield KeyBar()

    @property
    def choices(self) -> list[Choice]:
        """The answers offered, in order."""
        return list(self._choices)

    def on_key(self, event: Key) -> None:
        for choice in self._choices:
            if event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def action_cancel(self) -> None:
        self.dismiss(None)
