"""The desk's warning-ladder keys: `w` marks the highlighted message inappropriate (choosing one
of the pack's categories), `B` requests a block of its author, `m` opens the moderation screen
on its author. Mixed into `DeskScreen`, which holds the bindings; the refusals are core's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from core.moderation import next_step
from core.moderation_models import LadderStep
from core.policy import Permission
from service.moderation import author_key
from tui.screens.moderation import ModerationScreen
from tui.screens.moderation_dialogs import ReasonScreen, WarnScreen
from tui.widgets.safe_text import one_line

if TYPE_CHECKING:
    from core.models import Message
    from service.desk import DeskSession

#: Not in the desk's usual footer: an 80-column footer is full with the handling keys and `?`;
#: a wider one shows them too (MODERATION_KEYS), the `?` help screen lists them, and the
#: moderation screen's own footer shows its keys.
MODERATION_BINDINGS = [
    Binding("w", "warn", "Warn", show=False, tooltip="Warn: mark inappropriate with a category (a strike)"),
    Binding("B", "request_block", "Request block", show=False, key_display="B",
            tooltip="Ask the blocking role to block the author (a reason)"),
    Binding("m", "moderation", "Moderation", show=False, tooltip="Moderation: authors with strikes, requests, history"),
]

#: The actions of the keys above a wide desk's footer shows after its usual keys, while each
#: fits (KeyBar `extra`), most wanted first: `m` from 95 columns, all three from 120.
MODERATION_KEYS = ("moderation", "warn", "request_block")

#: The permission each of these needs (for hiding keys; core enforces it).
MODERATION_PERMISSIONS = {"warn": Permission.WARN, "request_block": Permission.WARN}

_WHAT_NEXT = {
    LadderStep.WARNING: "A strike: warning 1 goes to the author privately.",
    LadderStep.FINAL_WARNING: "A strike: the final warning goes to the author privately.",
    LadderStep.BLOCK_REQUEST: "A strike past the warnings: a block is requested of the blocking role.",
    LadderStep.NONE: "A strike is recorded: the author is already blocked or a block requested.",
}


class ModerationActions:
    """`action_*` methods for the bindings above (the host is the desk screen)."""

    session: DeskSession
    app: Any
    _needs_selection: Any
    """The desk screen's: the highlighted message, or a "No message selected." toast."""

    def action_warn(self) -> None:
        if (m := self._needs_selection()) is not None:
            self.app.run_worker(self._open_warn(m), name=f"warn #{m.id}", group="action",
                                exit_on_error=False)

    async def _open_warn(self, m: Message) -> None:
        s = self.session
        record = await s.moderation.record(author_key(m))
        step = next_step(s.pack, record, s.clock.now())
        content = ("removed if your role may remove it" if s.pack.moderation.removal.value == "remove"
                   else "referred, never removed")
        what = f"{_WHAT_NEXT[step]} The content is {content}."
        dialog = WarnScreen(m.author.handle, m.text, s.pack.moderation.categories, what)
        self.app.push_screen(dialog, lambda category: self._mark(m, category))

    def _mark(self, m: Message, category: str | None) -> None:
        if category is not None:
            self.app.run_worker(self._run_mark(m, category), name=f"mark #{m.id}", group="action",
                                exit_on_error=False)

    async def _run_mark(self, m: Message, category: str) -> None:
        try:
            result = await self.session.moderation.mark_inappropriate(m.id, category)
        finally:
            self.app.request_refresh()
        who = one_line(m.author.handle, 40)
        if not result.made:
            by = self.session.officer_name(result.strike.by)
            self.app.notify(f"Already marked by {by}: one strike, nothing sent twice ({who})",
                            severity="warning", markup=False)
            return
        self.app.notify(f"Marked ({category}): {_WHAT_NEXT[result.strike.step]} {who}", markup=False)

    def action_request_block(self) -> None:
        if (m := self._needs_selection()) is None:
            return
        dialog = ReasonScreen("Request a block", m.author.handle,
                              "the blocking role is asked to block this author",
                              cursor_blink=self.app.CURSOR_BLINK)
        self.app.push_screen(dialog, lambda reason: self._request(m, reason))

    def _request(self, m: Message, reason: str | None) -> None:
        if reason is not None:
            self.app.run_worker(self._run_request(m, reason), name=f"request block #{m.id}",
                                group="action", exit_on_error=False)

    async def _run_request(self, m: Message, reason: str) -> None:
        try:
            await self.session.moderation.request_block(author_key(m), reason)
        finally:
            self.app.request_refresh()
        self.app.notify(f"Block requested: {one_line(m.author.handle, 40)}", markup=False)

    def action_moderation(self) -> None:
        m = self.queue.highlighted if self.is_mounted else None  # type: ignore[attr-defined]
        focus = author_key(m) if m is not None else None
        self.app.push_screen(ModerationScreen(self.session, focus, m.author.handle if m else ""))
