"""When a statutory clock warns and when it runs out: the engine's events for `core.statutory`.

Each statutory deadline (FOI, SAR, a complaint stage) has three events, fired once each by the
engine, as the first-response clock's are:

- **event 1**, the first warning: the start (local midnight) of the day on which the deadline
  has the pack's first `warnings_days_left` calendar days left (5 by default);
- **event 2**, the second warning: the start of the day with the second figure left (2);
- **event 3**, late: the start of the day after the due day (the deadline has run out).

These are the instants at which `core.statutory.statutory_clock` changes phase, read on the
account's calendar (its time zone), so the desk's badge and the engine agree. They run in real
time from receipt and never pause for opening hours. A warning whose day began before the
message was received fires at receipt, unless a later event of the same deadline also has:
then only that later one is scheduled (no "5 days left" for a request already 2 days from due).

The duty to warn ends when the desk has dealt with the message: the events fire only while the
message is waiting (new, claimed or referred, `MessageState.awaiting_response`); once it is
answered or set aside they stop.

Pure: nothing here reads the clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from core.lane_policy import Statutory
from core.statutory import StatutoryDeadline

WARNING_1, WARNING_2, LATE = 1, 2, 3
"""A statutory clock's events: the two warnings, then late (past the due day)."""
EVENTS = (WARNING_1, WARNING_2, LATE)

#: The action verb and notification kind of each event.
STATUTORY_VERBS = {WARNING_1: "statutory_warning_1", WARNING_2: "statutory_warning_2",
                   LATE: "statutory_late"}


class StatutoryEvent(BaseModel):
    """One instant at which a statutory deadline warns or runs out."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    deadline: StatutoryDeadline
    """The deadline it belongs to."""
    event: int
    """1 first warning, 2 second warning, 3 late."""
    at: datetime
    """When it fires (timezone-aware)."""


def start_of(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of local day `day` in `zone` (midnight; clocks change at 01:00 or
    later in the UK, so midnight always exists)."""
    return datetime.combine(day, time(0), tzinfo=zone)


def days_left_at(deadline: StatutoryDeadline, event: int, statutory: Statutory) -> int:
    """The calendar days left (as `core.statutory` counts them) once `event` has fired:
    the warnings' figures, and -1 for late."""
    return -1 if event == LATE else statutory.warnings_days_left[event - 1]


def event_instants(deadline: StatutoryDeadline, received_at: datetime, zone: ZoneInfo,
                   statutory: Statutory) -> list[StatutoryEvent]:
    """The events of `deadline`, earliest first, for a message received at `received_at`
    (see the module's rules: none before receipt, superseded warnings left out)."""
    instants = [(event, start_of(deadline.due_on - timedelta(days=days_left_at(deadline, event, statutory)),
                                 zone)) for event in EVENTS]
    passed = [event for event, at in instants if at <= received_at]
    latest_passed = max(passed, default=0)
    return [StatutoryEvent(deadline=deadline, event=event, at=max(at, received_at))
            for event, at in instants if event >= latest_passed]


def statutory_events(deadlines: tuple[StatutoryDeadline, ...], received_at: datetime, zone: ZoneInfo,
                     statutory: Statutory) -> list[StatutoryEvent]:
    """Every event of a message's statutory deadlines, earliest first."""
    found = [e for d in deadlines for e in event_instants(d, received_at, zone, statutory)]
    return sorted(found, key=lambda e: (e.at, e.event, e.deadline.short))


def event_sentence(deadline: StatutoryDeadline, event: int, statutory: Statutory,
                   today: date | None = None) -> str:
    """The event in words, for the message's history and the notice, citing the rule:
    `FOI response due in 5 days, by Tue 05 Jan 2027 (20 working days, FOI Act s.10)`;
    `FOI response is late: it was due by Tue 05 Jan 2027 (...)`. Given `today` (the local day
    it fires, later than its own when no engine ran then), a warning says the days left then."""
    by = f"{deadline.due_on:%a %d %b %Y}"
    if event == LATE:
        return f"{deadline.name} is late: it was due by {by} ({deadline.rule})"
    left = days_left_at(deadline, event, statutory) if today is None else (deadline.due_on - today).days
    if left < 0:
        which = "first" if event == WARNING_1 else "second"
        return f"{deadline.name} was due by {by} ({deadline.rule}): its {which} warning, fired late"
    when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
    return f"{deadline.name} due {when}, by {by} ({deadline.rule})"
