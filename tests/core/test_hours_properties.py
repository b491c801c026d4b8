"""Business-time arithmetic laws, checked over generated calendars in zones with awkward clock
changes (London, New York, Lord Howe's half hour, Santiago and Havana changing at midnight)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from core.bank_holidays import BankHolidayRegion
from core.hours import OpeningHours

PROPS = settings(max_examples=200, deadline=None)
ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago",
         "America/Havana", "Asia/Kolkata", "UTC"]
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def day_hours(draw: st.DrawFn) -> list[list[str]]:
    """Up to three intervals on quarter hours; sometimes touching (which must act as one)."""
    marks = sorted(draw(st.lists(st.integers(0, 96), unique=True, max_size=6)))
    touching = draw(st.booleans())
    pairs = zip(marks, marks[1:]) if touching else zip(marks[::2], marks[1::2])
    return [[_hhmm(a * 15), _hhmm(b * 15)] for a, b in pairs]


@st.composite
def calendars(draw: st.DrawFn) -> OpeningHours:
    weekly = {day: draw(day_hours()) for day in DAYS if draw(st.booleans())}
    if not any(weekly.values()):
        weekly["wed"] = [["09:00", "17:00"]]
    closed = draw(st.lists(st.dates(date(2026, 1, 1), date(2028, 12, 31)), max_size=5))
    region = draw(st.sampled_from([None, *BankHolidayRegion]))
    return OpeningHours.model_validate({"timezone": draw(st.sampled_from(ZONES)), "weekly": weekly,
                                        "closed_dates": closed, "bank_holidays": region})


def _zones() -> st.SearchStrategy:
    return st.sampled_from([UTC, ZoneInfo("Europe/London"), ZoneInfo("America/Santiago")])


instants = st.datetimes(datetime(2026, 1, 1), datetime(2028, 12, 31), timezones=_zones())
spans = st.timedeltas(timedelta(0), timedelta(hours=36))
offsets = st.timedeltas(timedelta(days=-40), timedelta(days=40))  # keeps each example's walk short


@PROPS
@given(calendars(), instants, spans)
def test_adding_then_measuring_gives_the_span(hours: OpeningHours, start: datetime, span: timedelta) -> None:
    due = hours.add_business_time(start, span)
    assert hours.business_time_between(hours.next_open(start), due) == span
    assert hours.business_time_between(start, due) == span


@PROPS
@given(calendars(), instants, spans)
def test_due_is_open_or_exactly_a_closing_instant(hours: OpeningHours, start: datetime, span: timedelta) -> None:
    due = hours.add_business_time(start, span)
    assert due >= hours.next_open(start) >= start
    if span:
        assert hours.is_open(due) or hours.is_closing_instant(due)
    else:
        assert due == hours.next_open(start) and hours.is_open(due)


@PROPS
@given(calendars(), instants, instants, spans)
def test_monotonic_in_the_start(hours: OpeningHours, a: datetime, b: datetime, span: timedelta) -> None:
    early, late = sorted((a, b))
    assert hours.add_business_time(early, span) <= hours.add_business_time(late, span)


@PROPS
@given(calendars(), instants, spans, spans)
def test_monotonic_in_the_span(hours: OpeningHours, start: datetime, x: timedelta, y: timedelta) -> None:
    short, long = sorted((x, y))
    assert hours.add_business_time(start, short) <= hours.add_business_time(start, long)


@PROPS
@given(calendars(), instants, offsets, offsets)
def test_between_is_antisymmetric_and_additive(hours: OpeningHours, a: datetime, to_b: timedelta,
                                               to_c: timedelta) -> None:
    b, c = a + to_b, a + to_c
    assert hours.business_time_between(a, b) == -hours.business_time_between(b, a)
    assert hours.business_time_between(a, a) == timedelta(0)
    first, middle, last = sorted((a, b, c))
    whole = hours.business_time_between(first, last)
    assert whole == hours.business_time_between(first, middle) + hours.business_time_between(middle, last)
    assert timedelta(0) <= whole <= last - first


@PROPS
@given(calendars(), instants)
def test_next_open_and_next_close_agree_with_is_open(hours: OpeningHours, at: datetime) -> None:
    at_utc = at.astimezone(UTC)  # a repeated-hour datetime never == one in another zone (PEP 495)
    opens = hours.next_open(at)
    assert (opens == at_utc) is hours.is_open(at)
    assert hours.is_open(opens)
    assert hours.business_time_between(at, opens) == timedelta(0)
    closes = hours.next_close(at)
    if closes is None:  # open for good: only a calendar open all day every day, no holidays
        assert hours.is_open(at) and hours.bank_holidays is None
        return
    assert closes >= at_utc and not hours.is_open(closes)
    assert hours.business_time_between(at, closes) == closes - at_utc  # open all the way
