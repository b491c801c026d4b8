"""The key bar at the foot of a screen: Textual's `Footer`, rebuilt only when what it shows
changes, and showing some of the keys it otherwise leaves out when it is wide enough.

The stock footer removes and mounts every key again on each bindings refresh, and the desk
asks for one on every queue refresh (which actions are allowed depends on the highlighted
message). Each rebuild restyles every key: a fifth of a second of the desk's first paint on a
small machine, and again at every change the desk is told of, for the same keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[str, str, str, bool, str], ...]
"""What a footer shows: (key, action, description, enabled, tooltip) of each shown binding."""


class KeyBar(Footer):
    """A `Footer` that skips a rebuild when its keys, their labels and their enabled states
    are what it already shows."""

    _shown: Shown | None = None
    """What the bar was last built for."""

    def __init__(self, *, extra: Iterable[str] = ()) -> None:
        """`extra`: actions of bindings kept out of the bar (`show=False`) that it shows after
        the others, in this order, as many as fit the bar's width (none at 80 columns)."""
        super().__init__()
        self._extra = tuple(extra)

    def shown(self) -> Shown:
        """What the screen's active bindings would put in the bar now, at its width."""
        active = [(binding, enabled, tooltip)
                  for _, binding, enabled, tooltip in self.screen.active_bindings.values()]
        shown = [item for item in active if item[0].show]
        room = self.size.width - sum(self._cells(binding) for binding, _, _ in shown)
        hidden = {item[0].action: item for item in reversed(active) if not item[0].show}
        for item in (hidden[action] for action in self._extra if action in hidden):
            room -= self._cells(item[0])
            if room < 0:  # the first that does not fit ends them: the most wanted go first
                break
            shown.append(item)
        return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                     for binding, enabled, tooltip in shown)

    def _cells(self, binding: Binding) -> int:
        """The width of a binding's key on the bar: its key and description, a space around
        the key and after the description (FooterKey's padding)."""
        return cell_len(self.app.get_key_display(binding)) + cell_len(binding.description) + 3

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if not self._extra or not self._bindings_ready:
            return
        # The bar's usual keys come first (Footer's own layout); the extras follow them.
        usual = sum(1 for _, b, _, _ in self.screen.active_bindings.values() if b.show)
        extras = (self._shown if self._shown is not None else self.shown())[usual:]
        bindings = {b.action: b for _, b, _, _ in self.screen.active_bindings.values()}
        for key, action, description, enabled, tooltip in extras:
            yield FooterKey(key, self.app.get_key_display(bindings[action]), description, action,
                            disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)

    async def recompose(self) -> None:
        # A screen being dismissed is no longer current: its check_action may read widgets
        # already removed, and nobody sees its bar. A desk under a dialog is still current.
        if not self.is_attached or not self.screen.is_current:
            return
        shown = self.shown()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()

    async def on_resize(self, event: events.Resize) -> None:
        if self._extra:
            await self.recompose()  # a no-op unless the extras that fit have changed
