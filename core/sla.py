"""First-response clocks: when a message is due, when its warnings fire, and where it stands now.

All times are instants (timezone-aware); business time is counted by the account's
`OpeningHours`, so a clock pauses while the account is closed and resumes when it opens.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from core.hours import OpeningHours
from core.models import Message
from core.policy import FirstResponse


class Deadlines(BaseModel):
    """The three instants of a message's first-response clock (all None when there is no target)."""

    model_config = ConfigDict(frozen=True)

    due_at: datetime | None
    warning_1_at: datetime | None
    warning_2_at: datetime | None

    def event_at(self, event: int) -> datetime | None:
        """1: first warning, 2: second warning, 3: breach (the due time)."""
        return (self.warning_1_at, self.warning_2_at, self.due_at)[event - 1]


NO_DEADLINES = Deadlines(due_at=None, warning_1_at=None, warning_2_at=None)

#: Disclosures (`core.lane`): their clock runs in real time, never paused by closed hours.
NEVER_PAUSED = frozenset({"urgent_danger", "safeguarding"})


def deadlines(received_at: datetime, hours: OpeningHours, target: FirstResponse) -> Deadlines:
    """The due time and warning times of a message received at `received_at`."""
    if target.minutes is None:
        return NO_DEADLINES
    span = timedelta(minutes=target.minutes)
    first, second = (timedelta(minutes=m) for m in target.warnings_minutes_left)
    return Deadlines(
        due_at=hours.add_business_time(received_at, span),
        warning_1_at=hours.add_business_time(received_at, span - first),
        warning_2_at=hours.add_business_time(received_at, span - second),
    )


class Phase(StrEnum):
    """Where a first-response clock stands, in the order a row's colour escalates."""

    ON_TIME = "on_time"
    WARNING_1 = "warning_1"
    WARNING_2 = "warning_2"
    BREACHED = "breached"
    PAUSED = "paused"
    ANSWERED = "answered"
    CLOSED = "closed"
    NO_TARGET = "no_target"


class Countdown(BaseModel):
    """What a row shows about a message's first-response clock at one instant."""

    model_config = ConfigDict(frozen=True)

    phase: Phase
    due_at: datetime | None = None
    business_left: timedelta | None = None
    """Business time left to the due time (not while breached); real time for a disclosure,
    whose clock never pauses."""
    overdue_by: timedelta | None = None
    """Wall-clock time since the due time, when breached."""
    resumes_at: datetime | None = None
    """When the clock starts again, when paused."""


def countdown(message: Message, hours: OpeningHours, now: datetime) -> Countdown:
    """Where `message`'s first-response clock stands at `now`."""
    if message.responded_at is not None:
        return Countdown(phase=Phase.ANSWERED, due_at=message.due_at)
    if not message.state.awaiting_response:
        return Countdown(phase=Phase.CLOSED, due_at=message.due_at)
    due = message.due_at
    if due is None:
        return Countdown(phase=Phase.NO_TARGET)
    if now >= due:
        return Countdown(phase=Phase.BREACHED, due_at=due, overdue_by=now - due)
    if NEVER_PAUSED.intersection(message.labels):
        return Countdown(phase=_running_phase(message, now), due_at=due, business_left=due - now)
    left = hours.business_time_between(now, due)
    if not hours.is_open(now):
        return Countdown(phase=Phase.PAUSED, due_at=due, business_left=left,
                         resumes_at=hours.next_open(now))
    return Countdown(phase=_running_phase(message, now), due_at=due, business_left=left)


def _running_phase(message: Message, now: datetime) -> Phase:
    if message.warning_2_at is not None and now >= message.warning_2_at:
        return Phase.WARNING_2
    if message.warning_1_at is not None and now >= message.warning_1_at:
        return Phase.WARNING_1
    return Phase.ON_TIME


def format_span(span: timedelta) -> str:
    """A compact span for a countdown: `1h 05m`, `12m 30s`, `45s`, `2d 3h`."""
    seconds = int(abs(span).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours_, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    sign = "-" if span < timedelta(0) else ""
    if days:
        return f"{sign}{days}d {hours_}h"
    if hours_:
        return f"{sign}{hours_}h {minutes:02d}m"
    if minutes:
        return f"{sign}{minutes}m {secs:02d}s"
    return f"{sign}{secs}s"
