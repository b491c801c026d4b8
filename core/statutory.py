"""Statutory clocks: the second clock of an FOI request, a subject access request or a complaint.

They run from receipt and never pause for the desk's opening hours; they count days, read on
the account's calendar (its time zone and bank holidays). A deadline is a local date: the
response is due by the end of that day.

- **FOI** (label `foi`): the Freedom of Information Act 2000, s.10(1): "promptly and in any
  event not later than the twentieth working day following the date of receipt". The day after
  receipt is day one. A working day (s.10(6)) is any day but a Saturday, a Sunday, Christmas
  Day, Good Friday or a bank holiday. dutydesk counts the bank holidays of the account's nation
  (`OpeningHours.is_working_day`); s.10(6) excludes those of *any* part of the UK, so on the
  rare day only another nation keeps (St Patrick's Day in England) dutydesk's deadline falls a
  day *earlier* than the law's, never later.
- **SAR** (label `sar`): UK GDPR Article 12(3), "without undue delay and in any event within one
  month of receipt". As the ICO's guidance on the right of access counts it: from the day of
  receipt to the same date next month, or the last day of next month when it has no such date
  (31 January -> 28 or 29 February). The ICO lets a deadline on a weekend or bank holiday move
  to the next working day; dutydesk does not, so its date is never later than the law allows.
- **Complaints** (label `complaint`): each pack's stages (`[statutory]`), in working days from
  receipt counted as for FOI.

Pure: `now` is always a parameter.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from pydantic import BaseModel, ConfigDict

from core.hours import OpeningHours
from core.lane_policy import FOI_WORKING_DAYS, Statutory
from core.sla import Phase

#: The labels that start a statutory clock.
FOI, SAR, COMPLAINT = "foi", "sar", "complaint"

#: Where each rule comes from, for the detail pane.
FOI_RULE = "20 working days, FOI Act s.10"
SAR_RULE = "one month, UK GDPR Art. 12(3)"


class StatutoryDeadline(BaseModel):
    """One statutory deadline of a message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    """The triage label that started it: `foi`, `sar` or `complaint`."""
    short: str
    """What the row shows: `FOI`, `SAR`, or a complaint stage's short name (`ACK`)."""
    name: str
    """What the detail pane shows, e.g. `FOI response` or `Complaint acknowledgement`."""
    rule: str
    """The rule counted, with its source."""
    due_on: date
    """The last local day on which the response is in time."""


class StatutoryClock(BaseModel):
    """Where one statutory deadline stands on one local day."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    deadline: StatutoryDeadline
    phase: Phase
    """ON_TIME, WARNING_1, WARNING_2 or BREACHED (past the due day)."""
    days_left: int
    """Calendar days from today to the due day: 0 on the day itself, negative once late."""


def working_days_after(received: date, days: int, hours: OpeningHours) -> date:
    """The `days`-th working day after `received` (the day after receipt is day one if it is a
    working day), skipping weekends and the calendar's bank holidays."""
    if days <= 0:
        raise ValueError(f"days must be positive, got {days!r}")
    day, counted = received, 0
    while counted < days:
        day += timedelta(days=1)
        counted += hours.is_working_day(day)
    return day


def one_month_after(received: date) -> date:
    """The same day of the next month, or that month's last day when it has no such day."""
    year, month = (received.year + 1, 1) if received.month == 12 else (received.year, received.month + 1)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(received.day, last))


def statutory_deadlines(labels: Iterable[str], received_at: datetime, hours: OpeningHours,
                        statutory: Statutory) -> tuple[StatutoryDeadline, ...]:
    """Every statutory deadline a message with `labels`, received at `received_at`, carries,
    soonest first (none for a message without `foi`, `sar` or `complaint`)."""
    wanted = set(labels)
    received = received_at.astimezone(hours.zone).date()
    out = []
    if FOI in wanted:
        out.append(StatutoryDeadline(label=FOI, short="FOI", name="FOI response", rule=FOI_RULE,
                                     due_on=working_days_after(received, FOI_WORKING_DAYS, hours)))
    if SAR in wanted:
        out.append(StatutoryDeadline(label=SAR, short="SAR", name="Subject access response", rule=SAR_RULE,
                                     due_on=one_month_after(received)))
    if COMPLAINT in wanted:
        out += [StatutoryDeadline(label=COMPLAINT, short=stage.short, name=f"Complaint {stage.name}",
                                  rule=f"{stage.working_days} working days, the pack's stages",
                                  due_on=working_days_after(received, stage.working_days, hours))
                for stage in statutory.complaint_stages]
    return tuple(sorted(out, key=lambda d: d.due_on))


def statutory_clock(deadline: StatutoryDeadline, today: date, statutory: Statutory) -> StatutoryClock:
    """Where `deadline` stands on local day `today`: warned as the first-response clock is,
    at the pack's `warnings_days_left`."""
    left = (deadline.due_on - today).days
    first, second = statutory.warnings_days_left
    if left < 0:
        phase = Phase.BREACHED
    elif left <= second:
        phase = Phase.WARNING_2
    elif left <= first:
        phase = Phase.WARNING_1
    else:
        phase = Phase.ON_TIME
    return StatutoryClock(deadline=deadline, phase=phase, days_left=left)


def most_pressing(deadlines: Iterable[StatutoryDeadline], today: date,
                  statutory: Statutory) -> StatutoryClock | None:
    """The clock a row shows: the soonest deadline not yet passed, else the latest one missed."""
    ordered = sorted(deadlines, key=lambda d: d.due_on)
    if not ordered:
        return None
    ahead = [d for d in ordered if d.due_on >= today]
    return statutory_clock(ahead[0] if ahead else ordered[-1], today, statutory)


def clock_text(clock: StatutoryClock) -> str:
    """The row's words, at most eleven cells: `FOI 19d`, `SAR 4d!` (warned), `SAR today`,
    `ACK late 3d`."""
    short, left = clock.deadline.short, clock.days_left
    if left > 0:
        warned = "!" if clock.phase in (Phase.WARNING_1, Phase.WARNING_2) else ""
        return f"{short} {left}d{warned}"
    if left == 0:
        return f"{short} today"
    return f"{short} late {-left}d"


def clock_badge(clock: StatutoryClock) -> str:
    """The row's badge, at most six cells: `FOI19d`, `SAR!` on the day, `ACK-3d` once late
    (days past); `d` is dropped where it would not fit."""
    short, left = clock.deadline.short, clock.days_left
    if left == 0:
        return f"{short}!"
    text = f"{short}{left}d" if left > 0 else f"{short}-{-left}d"
    return text if len(text) <= 6 else text[:-1][:6]


def clock_sentence(clock: StatutoryClock) -> str:
    """The detail pane's line, e.g. `FOI response due by Tue 05 Jan 2027 (20 working days, FOI
    Act s.10): 19 days left.` (the year only when it is not this year's)."""
    d = clock.deadline
    today = d.due_on - timedelta(days=clock.days_left)
    when = f"{d.due_on:%a %d %b}" + (f" {d.due_on.year}" if d.due_on.year != today.year else "")
    if clock.days_left > 0:
        state = f"{clock.days_left} day{'s' if clock.days_left != 1 else ''} left"
    elif clock.days_left == 0:
        state = "due today"
    else:
        state = f"LATE by {-clock.days_left} day{'s' if clock.days_left != -1 else ''}"
    return f"{d.name} due by {when} ({d.rule}): {state}."
