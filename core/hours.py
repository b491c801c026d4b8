"""Opening hours and business time: when an account is staffed, and where N business minutes end.

Conventions every caller relies on:

* Instants in, instants out. Every datetime given must be timezone-aware (a naive one raises
  `core.clock.NaiveDatetimeError`, a ValueError naming the argument). Every datetime returned
  is in UTC; show it with `.astimezone(hours.zone)`. UTC because subtracting two datetimes that
  share one ZoneInfo ignores a clock change between them, and countdowns subtract.
* An opening interval is [open, close): the opening instant is open, the closing instant is
  closed.
* A due time that runs out exactly at a closing instant is that instant (17:00 Friday, not
  08:30 Monday). Adding zero at a closed instant gives the next opening; adding zero at an open
  instant gives the instant itself.
* Business time is real elapsed time: 00:00-24:00 on 29 March 2026 (clocks go forward) is 23
  hours, on 25 October 2026 (clocks go back) 25 hours. Exact to the microsecond; no rounding.
* Wall-clock interval ends are read with fold=0 and normalised through UTC. A wall time that
  repeats (01:30 on 25 October 2026 in London) means its first occurrence (BST). A wall time
  that does not exist (01:30 on 29 March 2026) is read with the offset in force before the
  change, so it is 02:30 BST. An interval that this makes empty is dropped; one it makes
  overlap the interval before is clipped to start where that one ends.
* "24:00" ends a day: it is the next local date's 00:00.
* Searches are bounded: after `SEARCH_DAYS` local days in a row without open time the calendar
  is taken never to open again (`NoOpenTimeError`, a ValueError).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PrivateAttr, field_validator

from core.bank_holidays import BankHolidayRegion, bank_holidays
from core.clock import require_aware

#: Local days in a row without open time after which a search gives up.
SEARCH_DAYS = 400

#: An open interval as UTC instants: (opens, closes), closes excluded.
Span = tuple[datetime, datetime]

ZERO = timedelta(0)
ONE_DAY = timedelta(days=1)
_ONE_MICROSECOND = timedelta(microseconds=1)
_HHMM = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00")
_DAY_CACHE_LIMIT = 4096  # local dates kept per calendar; ~11 years, far more than a desk needs


class NoOpenTimeError(ValueError):
    """The calendar has no open time within `SEARCH_DAYS` days of the instant asked about."""


# -- the weekly pattern ----------------------------------------------------------------------

def _from_toml_time(value: Any) -> Any:
    # TOML has a local-time literal (08:30:00); take it as "HH:MM" rather than refuse it.
    if isinstance(value, time):
        if value.second or value.microsecond or value.tzinfo is not None:
            raise ValueError(f"{value} must be a whole minute with no time zone")
        return value.strftime("%H:%M")
    return value


def _check_hhmm(value: str) -> str:
    if not _HHMM.fullmatch(value):
        raise ValueError(f"{value!r} is not a time of day as HH:MM (00:00 to 24:00)")
    return value


def _seconds(hhmm: str) -> int:
    return int(hhmm[:2]) * 3600 + int(hhmm[3:]) * 60


def _check_order(interval: tuple[str, str]) -> tuple[str, str]:
    opens, closes = interval
    if _seconds(opens) >= _seconds(closes):
        raise ValueError(f"opens at {opens} but closes at {closes}: the close must come later")
    return interval


def _check_no_overlap(intervals: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    ordered = tuple(sorted(intervals, key=lambda iv: _seconds(iv[0])))
    for before, after in zip(ordered, ordered[1:]):
        if _seconds(after[0]) < _seconds(before[1]):
            raise ValueError(f"{before[0]}-{before[1]} overlaps {after[0]}-{after[1]}")
    return ordered


ClockTime = Annotated[str, BeforeValidator(_from_toml_time), AfterValidator(_check_hhmm)]
"""A local wall time "HH:MM", 00:00 to 24:00."""
Interval = Annotated[tuple[ClockTime, ClockTime], AfterValidator(_check_order)]
"""[opens, closes) in local wall time."""
DayHours = Annotated[tuple[Interval, ...], AfterValidator(_check_no_overlap)]
"""One weekday's intervals, sorted; they may touch but not overlap."""


class Weekly(BaseModel):
    """The usual week. An omitted or empty day is closed all day."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True,
                              defer_build=True)

    mon: DayHours = ()
    """Monday's open intervals, e.g. [["08:30", "12:30"], ["13:15", "17:00"]]."""
    tue: DayHours = ()
    """Tuesday's open intervals."""
    wed: DayHours = ()
    """Wednesday's open intervals."""
    thu: DayHours = ()
    """Thursday's open intervals."""
    fri: DayHours = ()
    """Friday's open intervals."""
    sat: DayHours = ()
    """Saturday's open intervals."""
    sun: DayHours = ()
    """Sunday's open intervals."""

    def day(self, weekday: int) -> tuple[tuple[str, str], ...]:
        """The intervals of `weekday` (0 Monday ... 6 Sunday, as `date.weekday()`)."""
        return (self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun)[weekday]


def _offsets(intervals: tuple[tuple[str, str], ...]) -> tuple[tuple[timedelta, timedelta], ...]:
    """Intervals as offsets from local midnight, touching ones merged (08:00-12:00 with
    12:00-17:00 does not close at 12:00)."""
    merged: list[list[int]] = []
    for opens, closes in intervals:
        start, end = _seconds(opens), _seconds(closes)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((timedelta(seconds=s), timedelta(seconds=e)) for s, e in merged)


# -- open time per local date -----------------------------------------------------------------

class _Days:
    """The parsed calendar behind an `OpeningHours`: each local date's open spans in UTC, cached.

    A plain class, not pydantic private attributes: those are slow to reach, and this is the
    hot path (every message imported goes through it).
    """

    __slots__ = ("zone", "_week", "_closed", "_region", "_cache", "_extra")

    def __init__(self, zone: ZoneInfo, weekly: Weekly, closed: frozenset[date],
                 region: BankHolidayRegion | None) -> None:
        self.zone = zone
        self._week = tuple(_offsets(weekly.day(i)) for i in range(7))
        self._closed = closed
        self._region = region
        self._cache: dict[date, tuple[Span, ...]] = {}
        self._extra: Span | None = None

    def with_extra(self, extra: Span) -> _Days:
        """A copy that is also open over `extra` (UTC), whatever the week or holidays say."""
        days = object.__new__(_Days)
        days.zone, days._week, days._closed, days._region = self.zone, self._week, self._closed, self._region
        days._cache = {}
        days._extra = extra
        return days

    def is_bank_holiday(self, local_date: date) -> bool:
        region = self._region
        return region is not None and local_date in bank_holidays(region, local_date.year)

    def on(self, local_date: date) -> tuple[Span, ...]:
        """The open spans of one local date, in order."""
        spans = self._cache.get(local_date)
        if spans is None:
            if len(self._cache) >= _DAY_CACHE_LIMIT:
                self._cache.clear()
            spans = self._cache[local_date] = self._build(local_date)
        return spans

    def _build(self, local_date: date) -> tuple[Span, ...]:
        spans = self._build_usual(local_date)
        return spans if self._extra is None else self._merge_extra(local_date, spans)

    def _merge_extra(self, local_date: date, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        """`spans` with the extra open time that falls on `local_date` merged in."""
        start = datetime(local_date.year, local_date.month, local_date.day, tzinfo=self.zone)
        end = (start + ONE_DAY).astimezone(UTC)
        assert self._extra is not None
        opens, closes = max(self._extra[0], start.astimezone(UTC)), min(self._extra[1], end)
        if closes <= opens:
            return spans
        merged: list[list[datetime]] = []
        for a, b in sorted([*spans, (opens, closes)]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        return tuple((a, b) for a, b in merged)

    def _build_usual(self, local_date: date) -> tuple[Span, ...]:
        if local_date in self._closed or self.is_bank_holiday(local_date):
            return ()
        # Aware + timedelta moves the wall clock (fold=0); astimezone then fixes the instant.
        midnight = datetime(local_date.year, local_date.month, local_date.day, tzinfo=self.zone)
        spans: list[Span] = []
        for start, end in self._week[local_date.weekday()]:
            opens = (midnight + start).astimezone(UTC)
            closes = (midnight + end).astimezone(UTC)
            if spans:
                opens = max(opens, spans[-1][1])
            if closes > opens:
                spans.append((opens, closes))
        return tuple(spans)

    def spans(self, floor: datetime, until: datetime | None) -> Iterator[Span]:
        """See `OpeningHours.open_spans`; `floor` and `until` already UTC."""
        # Start a day early: where clocks change around midnight, a day's last interval can
        # end after the next local date has begun.
        day = floor.astimezone(self.zone).date() - ONE_DAY
        last_day = None if until is None else until.astimezone(self.zone).date() + ONE_DAY
        closed_run = 0
        while last_day is None or day <= last_day:
            spans = self.on(day)
            closed_run = 0 if spans else closed_run + 1
            if last_day is None and closed_run > SEARCH_DAYS:
                return
            for opens, closes in spans:
                if closes <= floor:
                    continue
                if until is not None and opens >= until:
                    return
                yield (max(opens, floor), closes)
                floor = closes
            day += ONE_DAY

    def is_open(self, at: datetime) -> bool:
        """Whether UTC `at` falls in an open span (of its local date or the day before)."""
        day = at.astimezone(self.zone).date()
        for local_date in (day - ONE_DAY, day):
            for opens, closes in self.on(local_date):
                if opens <= at < closes:
                    return True
        return False


# -- the calendar ----------------------------------------------------------------------------

class OpeningHours(BaseModel):
    """An account's opening hours: a weekly pattern in a time zone, less closed dates and bank
    holidays, and the business-time arithmetic over it.

    Conventions (detailed in the module docstring): intervals are [open, close); a due time
    that runs out exactly at a closing instant is that instant; adding zero gives the next open
    instant (the start itself when open); business time is real elapsed time across clock
    changes, exact to the microsecond; wall times are read with fold=0 through UTC; every
    datetime in must be aware, every datetime out is UTC.
    Build variants with `model_validate` or `model_copy(update=...)` (which re-validates), so
    the private caches always match the fields.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True,
                              defer_build=True)

    timezone: str = "Europe/London"
    """The IANA time zone (zoneinfo name) the weekly hours and closed dates are read in."""
    weekly: Weekly
    """The usual week: mon..sun, each a list of ["HH:MM", "HH:MM"] intervals; omitted: closed."""
    closed_dates: frozenset[date] = frozenset()
    """Local dates closed all day (e.g. "2026-12-24"), whatever the weekly pattern says."""
    bank_holidays: BankHolidayRegion | None = None
    """Whose bank holidays close the desk all day: england-and-wales, scotland,
    northern-ireland, or united-kingdom (only the days common to all parts); none if omitted."""

    _days: _Days = PrivateAttr()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError(f"unknown time zone {value!r} (want an IANA name like Europe/London)") from None
        return value

    def model_post_init(self, context: Any, /) -> None:
        # Parse once here: the arithmetic below runs for every message imported.
        self._days = _Days(ZoneInfo(self.timezone), self.weekly, self.closed_dates, self.bank_holidays)

    @property
    def _cal(self) -> _Days:
        # Straight to the private dict: pydantic's __getattr__ costs more than the arithmetic.
        return self.__pydantic_private__["_days"]  # type: ignore[index]

    # Caches are not part of a calendar's identity: compare and hash the fields only.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OpeningHours):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((self.timezone, self.weekly, self.closed_dates, self.bank_holidays))

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> OpeningHours:
        """A copy; with `update`, validated afresh so its caches match its new fields."""
        if update:
            return type(self).model_validate({**self.model_dump(), **update})
        return super().model_copy(deep=deep)

    def with_extra_open(self, opens: datetime, closes: datetime) -> OpeningHours:
        """This calendar, also open from `opens` to `closes` (an emergency's extended hours),
        whatever the week, closed dates or bank holidays say. It compares equal to this one
        (equality is by fields), so do not use it as a cache key."""
        extra = (require_aware(opens, "opens").astimezone(UTC), require_aware(closes, "closes").astimezone(UTC))
        copy = super().model_copy()
        copy.__pydantic_private__["_days"] = self._cal.with_extra(extra)  # type: ignore[index]
        return copy

    @property
    def zone(self) -> ZoneInfo:
        """The calendar's time zone."""
        return self._cal.zone

    # -- days ---------------------------------------------------------------------------------
    def is_bank_holiday(self, local_date: date) -> bool:
        """Whether `local_date` is a bank holiday of this calendar's region (False with none)."""
        return self._cal.is_bank_holiday(local_date)

    def is_working_day(self, local_date: date) -> bool:
        """Monday to Friday and not a bank holiday of this calendar's region.

        The statutory sense: neither the weekly hours nor `closed_dates` count.
        """
        return local_date.weekday() < 5 and not self._cal.is_bank_holiday(local_date)

    def day_spans(self, local_date: date) -> tuple[Span, ...]:
        """The open intervals of one local date as UTC (opens, closes) instants, in order."""
        return self._cal.on(local_date)

    # -- the one source of open time ------------------------------------------------------------
    def open_spans(self, since: datetime, until: datetime | None = None) -> Iterator[Span]:
        """Open time from `since` forward as UTC (opens, closes) pairs, in order, never overlapping.

        The first pair starts at `since` when the calendar is open then. Pairs may touch (a day
        open to 24:00, the next from 00:00): touching pairs are one stretch of open time. With
        `until`, only pairs that open before it (the last may close after it); without, after `SEARCH_DAYS` local days in a row closed.
        Everything here reads open time through this, so an overlay (extra emergency hours)
        can be merged in at this one place.
        """
        floor = require_aware(since, "since").astimezone(UTC)
        last = None if until is None else require_aware(until, "until").astimezone(UTC)
        return self._cal.spans(floor, last)

    # -- questions about one instant ------------------------------------------------------------
    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at `at` (an opening instant is open, a closing one is not)."""
        return self._cal.is_open(require_aware(at, "at").astimezone(UTC))

    def is_closing_instant(self, at: datetime) -> bool:
        """Whether `at` is exactly where a stretch of open time ends (closed, open just before)."""
        cal = self._cal
        at = require_aware(at, "at").astimezone(UTC)
        return not cal.is_open(at) and cal.is_open(at - _ONE_MICROSECOND)

    def next_open(self, at: datetime) -> datetime:
        """The first open instant at or after `at` (`at` itself when open). UTC.

        Raises NoOpenTimeError when nothing opens within `SEARCH_DAYS` days.
        """
        at = require_aware(at, "at").astimezone(UTC)
        for opens, _ in self._cal.spans(at, None):
            return opens
        raise NoOpenTimeError(f"no open time within {SEARCH_DAYS} days after {at.isoformat()}")

    def next_close(self, at: datetime) -> datetime | None:
        """The first closed instant at or after `at`: `at` itself when closed, else the end of
        the stretch of open time `at` is in. None only if the calendar never closes again. UTC.
        """
        at = require_aware(at, "at").astimezone(UTC)
        close: datetime | None = None
        for opens, closes in self._cal.spans(at, None):
            if opens > (at if close is None else close):
                break
            close = closes
            if close - at > timedelta(days=SEARCH_DAYS):
                return self._first_closed_date_from(close)
        return at if close is None else close

    def _first_closed_date_from(self, instant: datetime) -> datetime | None:
        # Open for over SEARCH_DAYS without a break means every weekday is open all day and no
        # bank holidays apply (every region has some each year): only a closed date can close it.
        day = instant.astimezone(self.zone).date()
        later = [d for d in self.closed_dates if d >= day]
        if not later:
            return None
        first = min(later)
        return datetime(first.year, first.month, first.day, tzinfo=self.zone).astimezone(UTC)

    # -- business time --------------------------------------------------------------------------
    def add_business_time(self, start: datetime, delta: timedelta) -> datetime:
        """The instant by which `delta` of open time has passed since `start` (a due time). UTC.

        Exactly at a closing instant when it runs out there; the next opening for a zero
        `delta` at a closed instant. Raises ValueError for a negative `delta`, NoOpenTimeError
        when the calendar stops opening first.
        """
        floor = require_aware(start, "start").astimezone(UTC)
        if delta < ZERO:
            raise ValueError(f"delta must not be negative, got {delta}")
        left = delta
        for opens, closes in self._cal.spans(floor, None):
            room = closes - opens
            if left <= room:
                return opens + left
            left -= room
        raise NoOpenTimeError(f"no open time within {SEARCH_DAYS} days after {floor.isoformat()}"
                              f" to finish {delta} of business time")

    def business_time_between(self, a: datetime, b: datetime) -> timedelta:
        """The open time between `a` and `b`; negative when `b` is before `a`."""
        a = require_aware(a, "a").astimezone(UTC)
        b = require_aware(b, "b").astimezone(UTC)
        if b < a:
            return -self.business_time_between(b, a)
        total = ZERO
        for opens, closes in self._cal.spans(a, b):
            total += min(closes, b) - opens
        return total
