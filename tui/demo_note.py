"""What `dutydesk demo` says about itself: that the clock is simulated and from when, whom the
desk opened as and why (when `--as` was not given), and what becomes of its store. Free of
textual, as the command line imports it for every command."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from service.desk import DeskSession


@dataclass(frozen=True)
class DemoNote:
    """The demo's facts, from the command line."""

    chosen_because: str | None
    """Why the desk opened as this officer when `--as` was not given (None: it was given)."""
    kept_at: Path | None
    """Where the demo's store is kept after it ends (None: removed at exit)."""

    def lines(self, session: DeskSession, now: datetime) -> list[str]:
        """What the demo says at its start: simulated time, the officer and why, the store."""
        accounts = session.visible_accounts or tuple(a.id for a in session.pack.accounts)
        start = now.astimezone(session.pack.hours_for(accounts[0]).zone)
        out = [f"The clock is simulated: it started at {start:%a %d %b %H:%M}, when "
               f"{session.pack.council.short_name} is open. The messages are made up."]
        who = f"{session.officer.name} ({session.role.title})"
        if self.chosen_because:
            out.append(f"You are {who}: {self.chosen_because}. --as NAME opens the demo as "
                       "another officer on the register.")
        else:
            out.append(f"You are {who}, as --as asked.")
        if self.kept_at is None:
            out.append("The demo's store is removed when you quit (--keep PATH keeps it).")
        else:
            out.append(f"The demo's store is kept at {self.kept_at}.")
        return out
