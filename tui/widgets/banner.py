"""The emergency banner: one line on every screen while an emergency is declared, with the
incident, the time since it was declared, the countdown to the first factual update and the
extended hours. It reads the app's `crisis.incident` (refreshed with every change the desk is
told of, a few times a second) and redraws on the app's one-second tick."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from core.emergency import banner_text
from tui.widgets.safe_text import one_line


class EmergencyBanner(Static):
    """Hidden while no emergency is declared."""

    DEFAULT_CSS = """
    EmergencyBanner { height: auto; max-height: 2; display: none; }
    EmergencyBanner.-active { display: block; }
    """

    def __init__(self, *, id: str | None = "emergency-banner") -> None:
        super().__init__("", id=id, markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "now", self._show)
        self.app.window_published.subscribe(self, lambda _window: self._show(self.app.now))
        self._show(self.app.now)

    def _show(self, now: datetime) -> None:
        incident = self.app.crisis.incident
        self.set_class(incident is not None, "-active")
        if incident is None:
            return
        # The title is typed by an officer: shown on one line, controls made visible.
        zone = self.app.crisis.pack.zone
        self.update(" " + one_line(banner_text(incident, now, zone)))
