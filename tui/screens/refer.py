"""Refer a message to a team or manager with a note. The pack's contacts are suggested; the
officer may type anyone. A referral is not a response: the first-response clock keeps running.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from core.models import Message
from core.policy import PolicyPack
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line


def _first_sentence(text: str) -> str:
    head, _, _ = text.partition(". ")
    return head.rstrip(".")


def referral_contacts(pack: PolicyPack) -> list[str]:
    """Who the pack says things go to: the escalation role, the named contacts, a manager."""
    c = pack.contacts
    out = [pack.role(pack.first_response.escalate_to).title]
    out += [f"{label}: {_first_sentence(text)}" for label, text in (
        ("Safeguarding", c.safeguarding), ("Press", c.press), ("Complaints", c.complaints),
        ("FOI", c.foi), ("Moderation", pack.moderation.report_to))]
    out.append("Your manager")
    return list(dict.fromkeys(out))


class ReferScreen(ModalScreen[tuple[str, str] | None]):
    """Returns (to, note) on ctrl+s, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "send", "Refer", priority=True,
                tooltip="Refer with the note (a referral is not a response: the clock runs on)"),
        Binding("escape", "cancel", "Cancel", priority=True, tooltip="Cancel: nothing is referred"),
    ]

    def __init__(self, message: Message, contacts: Sequence[str], *,
                 cursor_blink: bool = True) -> None:
        super().__init__()
        self._message = message
        self._contacts = list(contacts)
        self._cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        m = self._message
        with Vertical(id="refer-box", classes="modal-box"):
            yield Static(Content.assemble(("Refer ", "bold"), one_line(m.author.handle, 40)),
                         classes="modal-title", markup=False)
            yield Static(one_line(m.text, 200), classes="modal-quote", markup=False)
            to = Input(placeholder="Refer to (team or manager)", id="refer-to",
                       suggester=SuggestFromList(self._contacts, case_sensitive=False))
            to.cursor_blink = self._cursor_blink
            yield to
            yield OptionList(*(Option(Content(c), id=f"c{i}") for i, c in enumerate(self._contacts)),
                             id="refer-contacts", markup=False)
            note = TextArea("", id="refer-note", soft_wrap=True, placeholder="A note for them")
            note.cursor_blink = self._cursor_blink
            yield note
            yield Static("ctrl+s refer · enter on a contact picks it · esc cancel",
                         classes="modal-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#refer-to", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#refer-to", Input).value = self._contacts[event.option_index]
        self.query_one("#refer-note", TextArea).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#refer-note", TextArea).focus()

    def action_send(self) -> None:
        to = self.query_one("#refer-to", Input).value
        note = self.query_one("#refer-note", TextArea).text
        self.dismiss((to, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
