"""The notice line: the desk's toasts, shown in one line over the key bar instead of in boxes
over the detail pane, so a notice never hides the message the officer is reading.

The key bar is the one part of the desk an officer can do without for a few seconds (`?`
lists every key). The line shows the newest live notice, in its severity's colour, and how
many more are live; each notice leaves when its time is up, as a toast would.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.notifications import Notification
from textual.timer import Timer
from textual.widgets import Static

from tui.widgets.safe_text import one_line

_SEVERITY_MARK = {"information": "●", "warning": "▲", "error": "■"}


def notice_text(live: Sequence[Notification], width: int) -> Content:
    """The newest of `live` as one line: `■ Not done: claimed by Tom Greaves  (+2 more)`."""
    newest = live[-1]
    more = f"  (+{len(live) - 1} more)" if len(live) > 1 else ""
    mark = _SEVERITY_MARK.get(newest.severity, "●")
    # Notices quote the public: plain text on one line, controls shown as placeholders.
    title = f"{one_line(newest.title, 60)}: " if newest.title else ""
    room = max(8, width - len(more) - 2 - len(title))
    return Content.assemble((f"{mark} {title}", "bold"), one_line(newest.message, room), more)


class NoticeBar(Static):
    """One line over the key bar while notices are live; hidden otherwise."""

    DEFAULT_CSS = """
    NoticeBar { dock: bottom; height: 1; display: none; padding: 0 1; }
    NoticeBar.-live { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._expiry: Timer | None = None

    def show(self, notifications: Sequence[Notification]) -> None:
        """Show the live ones of `notifications` (oldest first), or hide when none are."""
        live = [n for n in notifications if not n.has_expired]
        self.set_class(bool(live), "-live")
        self.screen.set_class(bool(live), "-notice")
        if self._expiry is not None:
            self._expiry.stop()
            self._expiry = None
        if not live:
            return
        newest = live[-1]
        for severity in ("information", "warning", "error"):
            self.set_class(newest.severity == severity, f"-{severity}")
        self.update(notice_text(live, max(20, self.screen.size.width - 2)))
        soonest = min(n.time_left for n in live)
        self._expiry = self.set_timer(max(0.05, soonest), self._expire)

    def _expire(self) -> None:
        self._expiry = None
        self.show(list(self.app._notifications))
