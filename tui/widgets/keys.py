"""The key bar at the foot of a screen: Textual's `Footer`, rebuilt only when what it shows
changes.

The stock footer removes and mounts every key again on each bindings refresh, and the desk
asks for one on every queue refresh (which actions are allowed depends on the highlighted
message). Each rebuild restyles every key: a fifth of a second of the desk's first paint on a
small machine, and again at every change the desk is told of, for the same keys.
"""

from __future__ import annotations

from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]
"""What a footer shows: (key, action, description, enabled, tooltip) of each shown binding."""


class KeyBar(Footer):
    """A `Footer` that skips a rebuild when its keys, their labels and their enabled states
    are what it already shows."""

    _shown: Shown | None = None
    """What the bar was last built for."""

    def shown(self) -> Shown:
        """What the screen's active bindings would put in the bar now."""
        return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                     for _, binding, enabled, tooltip in self.screen.active_bindings.values()
                     if binding.show)

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        shown = self.shown()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
