"""Opening hours: open/closed, next opening and closing, and business time, across the days
that go wrong (clock changes, Christmas 2026, Easter 2027 on the clock-change weekend)."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from pydantic import ValidationError

from core.bank_holidays import BankHolidayRegion, bank_holidays
from core.clock import NaiveDatetimeError
from core.hours import SEARCH_DAYS, NoOpenTimeError, OpeningHours

LONDON = ZoneInfo("Europe/London")


# Expected instants are compared after .astimezone(UTC): a datetime in a repeated hour never
# compares equal to one in another zone (PEP 495), whatever instant it names.
def lon(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0, us: int = 0, fold: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, s, us, tzinfo=LONDON, fold=fold)


def hrs(h: float = 0, m: int = 0) -> timedelta:
    return timedelta(hours=h, minutes=m)


def make(weekly: dict, **extra: object) -> OpeningHours:
    return OpeningHours.model_validate({"timezone": "Europe/London", "weekly": weekly, **extra})


# The calendar from the contract: a lunch break on Monday, Wednesday closed, Thursday all day,
# Christmas Eve closed, England and Wales bank holidays.
DESK = make(
    {"mon": [["08:30", "12:30"], ["13:15", "17:00"]], "tue": [["08:30", "17:00"]],
     "wed": [], "thu": [["00:00", "24:00"]], "fri": [["08:30", "16:30"]], "sat": [], "sun": []},
    closed_dates=["2026-12-24"], bank_holidays="england-and-wales")
# Open all of every Sunday: the clock changes happen on Sundays.
SUNDAYS = make({"sun": [["00:00", "24:00"]]})
ALWAYS = make({day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
NEVER = make({})


# -- add_business_time ------------------------------------------------------------------------

ADD = [
    # (id, calendar, start, delta, expected)
    ("plain morning", DESK, lon(2026, 3, 30, 9), hrs(1, 30), lon(2026, 3, 30, 10, 30)),
    ("runs into lunch, resumes after", DESK, lon(2026, 3, 30, 12), hrs(1), lon(2026, 3, 30, 13, 45)),
    ("ends exactly at lunch", DESK, lon(2026, 3, 30, 12), hrs(0, 30), lon(2026, 3, 30, 12, 30)),
    ("starts in lunch", DESK, lon(2026, 3, 30, 12, 45), hrs(0, 15), lon(2026, 3, 30, 13, 30)),
    ("zero at lunch start: next opening", DESK, lon(2026, 3, 30, 12, 30), hrs(0), lon(2026, 3, 30, 13, 15)),
    ("zero when open: the start", DESK, lon(2026, 3, 30, 9, 1, 2, 3), hrs(0), lon(2026, 3, 30, 9, 1, 2, 3)),
    ("exactly at opening", DESK, lon(2026, 3, 30, 8, 30), hrs(1, 30), lon(2026, 3, 30, 10)),
    ("due exactly at close is the close", DESK, lon(2026, 3, 30, 16, 30), hrs(0, 30), lon(2026, 3, 30, 17)),
    ("one minute past close: next day", DESK, lon(2026, 3, 30, 16, 30), hrs(0, 31), lon(2026, 3, 31, 8, 31)),
    ("starts at closing instant", DESK, lon(2026, 3, 30, 17), hrs(0, 1), lon(2026, 3, 31, 8, 31)),
    ("zero at closing instant: next opening", DESK, lon(2026, 3, 27, 16, 30), hrs(0), lon(2026, 3, 30, 8, 30)),
    ("Friday due at close, not Monday", DESK, lon(2026, 3, 27, 15), hrs(1, 30), lon(2026, 3, 27, 16, 30)),
    ("over the spring weekend", DESK, lon(2026, 3, 27, 16), hrs(1), lon(2026, 3, 30, 9)),
    ("starts Saturday before spring change", DESK, lon(2026, 3, 28, 10), hrs(1, 30), lon(2026, 3, 30, 10)),
    ("over the autumn weekend", DESK, lon(2026, 10, 23, 16), hrs(1), lon(2026, 10, 26, 9)),
    ("skips closed Wednesday into Thursday 00:00", DESK, lon(2026, 3, 31, 16), hrs(2), lon(2026, 4, 2, 1)),
    ("Thursday to 24:00, then Easter 2026 to Tuesday", DESK, lon(2026, 4, 2, 23), hrs(2), lon(2026, 4, 7, 9, 30)),
    ("Thursday all day", DESK, lon(2026, 3, 26), hrs(24), lon(2026, 3, 27)),
    ("microseconds kept", DESK, lon(2026, 3, 30, 9), timedelta(microseconds=1), lon(2026, 3, 30, 9, 0, 0, 1)),
    # Christmas 2026: Wed 23 closed weekday, Thu 24 closed date, Fri 25 Christmas Day,
    # Mon 28 the substitute Boxing Day; the desk reopens Tuesday 29th.
    ("over Christmas 2026", DESK, lon(2026, 12, 22, 16), hrs(2), lon(2026, 12, 29, 9, 30)),
    ("starts on Christmas Day", DESK, lon(2026, 12, 25, 12), hrs(0), lon(2026, 12, 29, 8, 30)),
    ("starts on substitute Boxing Day", DESK, lon(2026, 12, 28, 9), hrs(0, 30), lon(2026, 12, 29, 9)),
    ("starts on closed Christmas Eve", DESK, lon(2026, 12, 24, 10), hrs(1), lon(2026, 12, 29, 9, 30)),
    # Easter 2027: Good Friday 26 March, clocks forward Sunday 28, Easter Monday 29 March.
    ("over Easter 2027", DESK, lon(2027, 3, 25, 23), hrs(2), lon(2027, 3, 30, 9, 30)),
    ("starts on Good Friday 2027", DESK, lon(2027, 3, 26, 9), hrs(0), lon(2027, 3, 30, 8, 30)),
    ("starts on Easter Monday 2027", DESK, lon(2027, 3, 29, 9), hrs(1), lon(2027, 3, 30, 9, 30)),
    # A whole clock-change day is 23 or 25 real hours.
    ("spring Sunday is 23 hours", SUNDAYS, lon(2026, 3, 29), hrs(23), lon(2026, 3, 30)),
    ("spring Sunday: 2 hours from midnight", SUNDAYS, lon(2026, 3, 29), hrs(2), lon(2026, 3, 29, 3)),
    ("spring Sunday: 23h + 1 minute runs to next Sunday", SUNDAYS, lon(2026, 3, 29), hrs(23, 1),
     lon(2026, 4, 5, 0, 1)),
    ("autumn Sunday is 25 hours", SUNDAYS, lon(2026, 10, 25), hrs(25), lon(2026, 10, 26)),
    ("autumn Sunday: first 01:00", SUNDAYS, lon(2026, 10, 25), hrs(1), lon(2026, 10, 25, 1, fold=0)),
    ("autumn Sunday: second 01:00", SUNDAYS, lon(2026, 10, 25), hrs(2), lon(2026, 10, 25, 1, fold=1)),
    ("autumn Sunday: 24 hours is 23:00", SUNDAYS, lon(2026, 10, 25), hrs(24), lon(2026, 10, 25, 23)),
    ("from the repeated hour", SUNDAYS, lon(2026, 10, 25, 1, 30, fold=1), hrs(1), lon(2026, 10, 25, 2, 30)),
    ("24/7 counts real hours over the change", ALWAYS, lon(2026, 3, 28, 12), hrs(48), lon(2026, 3, 30, 13)),
]


@pytest.mark.parametrize(("calendar", "start", "delta", "expected"),
                         [case[1:] for case in ADD], ids=[case[0] for case in ADD])
def test_add_business_time(calendar: OpeningHours, start: datetime, delta: timedelta, expected: datetime) -> None:
    due = calendar.add_business_time(start, delta)
    assert due == expected.astimezone(UTC)
    assert due.tzinfo is UTC


def test_add_business_time_accepts_any_zone_for_the_start() -> None:
    start = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # 09:00 BST
    assert DESK.add_business_time(start, hrs(1, 30)) == lon(2026, 3, 30, 10, 30)


def test_negative_delta_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        DESK.add_business_time(lon(2026, 3, 30, 9), -hrs(1))


# -- business_time_between --------------------------------------------------------------------

BETWEEN = [
    ("a Monday with lunch", DESK, lon(2026, 3, 30, 8), lon(2026, 3, 30, 18), hrs(7, 45)),
    ("reversed is negative", DESK, lon(2026, 3, 30, 18), lon(2026, 3, 30, 8), -hrs(7, 45)),
    ("same instant", DESK, lon(2026, 3, 30, 9), lon(2026, 3, 30, 9), hrs(0)),
    ("inside lunch", DESK, lon(2026, 3, 30, 12, 40), lon(2026, 3, 30, 13), hrs(0)),
    ("over the spring weekend", DESK, lon(2026, 3, 27, 16), lon(2026, 3, 30, 9), hrs(1)),
    ("over the autumn weekend", DESK, lon(2026, 10, 23, 16), lon(2026, 10, 26, 9), hrs(1)),
    ("over Christmas 2026", DESK, lon(2026, 12, 22, 16), lon(2026, 12, 29, 9, 30), hrs(2)),
    ("over Easter 2027", DESK, lon(2027, 3, 25, 23), lon(2027, 3, 30, 9, 30), hrs(2)),
    ("spring Sunday", SUNDAYS, lon(2026, 3, 28), lon(2026, 3, 30), hrs(23)),
    ("autumn Sunday", SUNDAYS, lon(2026, 10, 24), lon(2026, 10, 26), hrs(25)),
    ("never open", NEVER, lon(2026, 1, 1), lon(2027, 1, 1), hrs(0)),
    ("a week of the desk", DESK, lon(2026, 6, 1), lon(2026, 6, 8), hrs(7, 45) + hrs(8, 30) + hrs(24) + hrs(8)),
]


@pytest.mark.parametrize(("calendar", "a", "b", "expected"),
                         [case[1:] for case in BETWEEN], ids=[case[0] for case in BETWEEN])
def test_business_time_between(calendar: OpeningHours, a: datetime, b: datetime, expected: timedelta) -> None:
    assert calendar.business_time_between(a, b) == expected


# -- is_open / next_open / next_close ---------------------------------------------------------

IS_OPEN = [
    ("opening instant is open", DESK, lon(2026, 3, 30, 8, 30), True),
    ("a microsecond before opening", DESK, lon(2026, 3, 30, 8, 29, 59, 999999), False),
    ("closing instant is closed", DESK, lon(2026, 3, 30, 17), False),
    ("a microsecond before closing", DESK, lon(2026, 3, 30, 16, 59, 59, 999999), True),
    ("lunch", DESK, lon(2026, 3, 30, 12, 30), False),
    ("omitted weekday (sat) closed", DESK, lon(2026, 3, 28, 12), False),
    ("empty weekday (wed) closed", DESK, lon(2026, 4, 1, 12), False),
    ("Thursday 00:00 open", DESK, lon(2026, 4, 2), True),
    ("Thursday last microsecond open", DESK, lon(2026, 4, 2, 23, 59, 59, 999999), True),
    ("Thursday 24:00 (Friday 00:00) closed", DESK, lon(2026, 4, 3), False),
    ("closed date", DESK, lon(2026, 12, 24, 10), False),
    ("Christmas Day", DESK, lon(2026, 12, 25, 10), False),
    ("substitute Boxing Day", DESK, lon(2026, 12, 28, 10), False),
    ("Tuesday after Christmas", DESK, lon(2026, 12, 29, 10), True),
    ("Good Friday 2027", DESK, lon(2027, 3, 26, 10), False),
    ("Easter Monday 2027", DESK, lon(2027, 3, 29, 10), False),
    ("Tuesday after Easter 2027", DESK, lon(2027, 3, 30, 10), True),
    ("given in UTC", DESK, datetime(2026, 3, 30, 7, 30, tzinfo=UTC), True),
    ("second 01:30 of autumn Sunday", SUNDAYS, lon(2026, 10, 25, 1, 30, fold=1), True),
    ("Monday after autumn Sunday", SUNDAYS, lon(2026, 10, 26, 0), False),
    ("always open", ALWAYS, lon(2026, 12, 25, 3), True),
    ("never open", NEVER, lon(2026, 3, 30, 9), False),
]


@pytest.mark.parametrize(("calendar", "at", "expected"),
                         [case[1:] for case in IS_OPEN], ids=[case[0] for case in IS_OPEN])
def test_is_open(calendar: OpeningHours, at: datetime, expected: bool) -> None:
    assert calendar.is_open(at) is expected


NEXT_OPEN = [
    ("open: itself", DESK, lon(2026, 3, 30, 9, 15), lon(2026, 3, 30, 9, 15)),
    ("before opening", DESK, lon(2026, 3, 30, 7), lon(2026, 3, 30, 8, 30)),
    ("lunch", DESK, lon(2026, 3, 30, 12, 30), lon(2026, 3, 30, 13, 15)),
    ("closing instant", DESK, lon(2026, 3, 30, 17), lon(2026, 3, 31, 8, 30)),
    ("Friday evening before spring change", DESK, lon(2026, 3, 27, 18), lon(2026, 3, 30, 8, 30)),
    ("Christmas Eve", DESK, lon(2026, 12, 24, 9), lon(2026, 12, 29, 8, 30)),
    ("Good Friday 2027", DESK, lon(2027, 3, 26, 9), lon(2027, 3, 30, 8, 30)),
]


@pytest.mark.parametrize(("calendar", "at", "expected"),
                         [case[1:] for case in NEXT_OPEN], ids=[case[0] for case in NEXT_OPEN])
def test_next_open(calendar: OpeningHours, at: datetime, expected: datetime) -> None:
    assert calendar.next_open(at) == expected.astimezone(UTC)


CLOSES_FRIDAY_8 = make({"thu": [["00:00", "24:00"]], "fri": [["00:00", "08:00"]]})
ALWAYS_BUT_HOLIDAYS = ALWAYS.model_copy(update={"bank_holidays": "england-and-wales"})
ALWAYS_BUT_ONE_DAY = ALWAYS.model_copy(update={"closed_dates": ["2028-06-01"]})

NEXT_CLOSE = [
    ("open: end of the morning", DESK, lon(2026, 3, 30, 9), lon(2026, 3, 30, 12, 30)),
    ("opening instant", DESK, lon(2026, 3, 30, 13, 15), lon(2026, 3, 30, 17)),
    ("closed: itself", DESK, lon(2026, 3, 30, 12, 30), lon(2026, 3, 30, 12, 30)),
    ("Thursday closes at 24:00", DESK, lon(2026, 4, 2, 10), lon(2026, 4, 3)),
    ("Thursday runs on into Friday", CLOSES_FRIDAY_8, lon(2026, 4, 2, 10), lon(2026, 4, 3, 8)),
    ("spring Sunday", SUNDAYS, lon(2026, 3, 29, 1, 30), lon(2026, 3, 30)),
    ("autumn Sunday, second 01:30", SUNDAYS, lon(2026, 10, 25, 1, 30, fold=1), lon(2026, 10, 26)),
    ("24/7 closes for Christmas", ALWAYS_BUT_HOLIDAYS, lon(2026, 12, 1), lon(2026, 12, 25)),
    ("24/7 with one closed date years off", ALWAYS_BUT_ONE_DAY, lon(2026, 3, 1), lon(2028, 6, 1)),
    ("24/7 past its one closed date: never", ALWAYS_BUT_ONE_DAY, lon(2028, 6, 2), None),
    ("24/7 with no holidays: never", ALWAYS, lon(2026, 3, 30, 9), None),
    ("never open: itself", NEVER, lon(2026, 3, 30, 9), lon(2026, 3, 30, 9)),
]


@pytest.mark.parametrize(("calendar", "at", "expected"),
                         [case[1:] for case in NEXT_CLOSE], ids=[case[0] for case in NEXT_CLOSE])
def test_next_close(calendar: OpeningHours, at: datetime, expected: datetime | None) -> None:
    assert calendar.next_close(at) == (None if expected is None else expected.astimezone(UTC))


def test_touching_intervals_are_one_stretch() -> None:
    split = make({"mon": [["12:00", "17:00"], ["08:00", "12:00"]]})
    assert split.weekly.mon == (("08:00", "12:00"), ("12:00", "17:00"))
    assert split.next_close(lon(2026, 3, 30, 9)) == lon(2026, 3, 30, 17)
    assert split.is_open(lon(2026, 3, 30, 12))
    assert not split.is_closing_instant(lon(2026, 3, 30, 12))
    assert split.is_closing_instant(lon(2026, 3, 30, 17))


@pytest.mark.parametrize("call", [
    lambda: NEVER.next_open(lon(2026, 3, 30, 9)),
    lambda: NEVER.add_business_time(lon(2026, 3, 30, 9), hrs(0)),
    lambda: NEVER.add_business_time(lon(2026, 3, 30, 9), hrs(1)),
], ids=["next_open", "add zero", "add an hour"])
def test_no_open_time_is_a_clear_error(call) -> None:
    with pytest.raises(NoOpenTimeError, match=f"no open time within {SEARCH_DAYS} days"):
        call()


def test_open_time_found_after_a_long_closure() -> None:
    # A year of closed dates is within the search bound: the next opening is still found.
    closed = [date(2026, 1, 5) + timedelta(days=i) for i in range(370)]
    calendar = make({"mon": [["09:00", "10:00"]]}, closed_dates=[d.isoformat() for d in closed])
    assert calendar.next_open(lon(2026, 1, 5)) == lon(2027, 1, 11, 9)


# -- odd wall times (fold=0 through UTC) ------------------------------------------------------

DAY_SPANS = [
    ("spring: 00:30-03:00 is 1.5 real hours", {"sun": [["00:30", "03:00"]]}, date(2026, 3, 29),
     [(lon(2026, 3, 29, 0, 30), lon(2026, 3, 29, 3))]),
    ("autumn: 00:30-03:00 is 3.5 real hours", {"sun": [["00:30", "03:00"]]}, date(2026, 10, 25),
     [(lon(2026, 10, 25, 0, 30), lon(2026, 10, 25, 3))]),
    ("spring: 01:30 (missing) opens at 02:30 BST", {"sun": [["01:30", "04:00"]]}, date(2026, 3, 29),
     [(lon(2026, 3, 29, 2, 30), lon(2026, 3, 29, 4))]),
    ("autumn: 01:30 (repeated) is the first one", {"sun": [["01:30", "04:00"]]}, date(2026, 10, 25),
     [(lon(2026, 10, 25, 1, 30, fold=0), lon(2026, 10, 25, 4))]),
    ("spring: an interval the gap empties is dropped", {"sun": [["01:30", "02:15"]]}, date(2026, 3, 29), []),
    ("spring: an overlap the gap makes is clipped", {"sun": [["00:00", "01:30"], ["02:00", "03:00"]]},
     date(2026, 3, 29), [(lon(2026, 3, 29), lon(2026, 3, 29, 2, 30)), (lon(2026, 3, 29, 2, 30), lon(2026, 3, 29, 3))]),
    ("bank holiday has none", {"fri": [["09:00", "17:00"]]}, date(2026, 12, 25), []),
]


@pytest.mark.parametrize(("weekly", "day", "expected"),
                         [case[1:] for case in DAY_SPANS], ids=[case[0] for case in DAY_SPANS])
def test_day_spans(weekly: dict, day: date, expected: list) -> None:
    calendar = make(weekly, bank_holidays="england-and-wales")
    assert list(calendar.day_spans(day)) == [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in expected]


def test_open_spans_start_at_since_and_never_overlap() -> None:
    spans = DESK.open_spans(lon(2026, 3, 30, 9))
    first, second, third = next(spans), next(spans), next(spans)
    assert first == (lon(2026, 3, 30, 9), lon(2026, 3, 30, 12, 30))
    assert second == (lon(2026, 3, 30, 13, 15), lon(2026, 3, 30, 17))
    assert third == (lon(2026, 3, 31, 8, 30), lon(2026, 3, 31, 17))
    assert list(DESK.open_spans(lon(2026, 3, 30, 9), until=lon(2026, 3, 30, 13))) == [first]
    assert list(DESK.open_spans(lon(2026, 3, 30, 9), until=lon(2026, 3, 30, 13, 15))) == [first]
    assert list(DESK.open_spans(lon(2026, 3, 30, 9), until=lon(2026, 3, 30, 13, 16))) == [first, second]


# -- bank holidays and working days -----------------------------------------------------------

HOLIDAYS = [
    ("england-and-wales", date(2026, 12, 25), True),
    ("england-and-wales", date(2026, 12, 26), True),   # a Saturday, still the holiday itself
    ("england-and-wales", date(2026, 12, 28), True),   # substitute Boxing Day
    ("england-and-wales", date(2026, 12, 29), False),
    ("england-and-wales", date(2027, 3, 26), True),    # Good Friday
    ("england-and-wales", date(2027, 3, 29), True),    # Easter Monday
    ("england-and-wales", date(2026, 8, 31), True),
    ("scotland", date(2026, 8, 3), True),
    ("scotland", date(2026, 8, 31), False),
    ("scotland", date(2027, 1, 4), True),              # 2 January falls on a Saturday
    ("scotland", date(2027, 3, 29), False),            # no Easter Monday in Scotland
    ("northern-ireland", date(2026, 3, 17), True),
    ("northern-ireland", date(2026, 7, 13), True),
    ("united-kingdom", date(2027, 3, 26), True),       # Good Friday is everywhere
    ("united-kingdom", date(2027, 3, 29), False),      # Easter Monday is not in Scotland
    ("united-kingdom", date(2026, 12, 28), True),
    ("united-kingdom", date(2026, 8, 31), False),
]


@pytest.mark.parametrize(("region", "day", "expected"), HOLIDAYS)
def test_is_bank_holiday(region: str, day: date, expected: bool) -> None:
    assert make({}, bank_holidays=region).is_bank_holiday(day) is expected


def test_england_and_wales_agree() -> None:
    for year in range(2024, 2031):
        assert bank_holidays(BankHolidayRegion.ENGLAND_AND_WALES, year) == bank_holidays("england-and-wales", year)
        eng = set(holidays.country_holidays("GB", subdiv="ENG", years=year))
        wls = set(holidays.country_holidays("GB", subdiv="WLS", years=year))
        assert eng == wls


def test_no_region_means_no_bank_holidays() -> None:
    assert not make({}).is_bank_holiday(date(2026, 12, 25))


WORKING = [
    (date(2026, 12, 24), True),    # a closed date, but a working day in the statutory sense
    (date(2026, 12, 25), False),
    (date(2026, 12, 26), False),
    (date(2026, 12, 28), False),
    (date(2026, 12, 29), True),
    (date(2027, 3, 27), False),    # Saturday
    (date(2027, 3, 29), False),
    (date(2027, 3, 30), True),
]


@pytest.mark.parametrize(("day", "expected"), WORKING)
def test_is_working_day(day: date, expected: bool) -> None:
    assert DESK.is_working_day(day) is expected


# -- validation ---------------------------------------------------------------------------------

INVALID = [
    ("bad hour", {"weekly": {"mon": [["08:30", "25:00"]]}}, ("weekly", "mon", 0, 1)),
    ("one-digit hour", {"weekly": {"mon": [["8:30", "12:00"]]}}, ("weekly", "mon", 0, 0)),
    ("not a time", {"weekly": {"tue": [["noon", "13:00"]]}}, ("weekly", "tue", 0, 0)),
    ("24:30", {"weekly": {"mon": [["08:30", "24:30"]]}}, ("weekly", "mon", 0, 1)),
    ("reversed", {"weekly": {"mon": [["17:00", "08:30"]]}}, ("weekly", "mon", 0)),
    ("empty", {"weekly": {"mon": [["09:00", "09:00"]]}}, ("weekly", "mon", 0)),
    ("24:00 opening", {"weekly": {"mon": [["24:00", "24:00"]]}}, ("weekly", "mon", 0)),
    ("three ends", {"weekly": {"mon": [["08:00", "09:00", "10:00"]]}}, ("weekly", "mon", 0)),
    ("overlap", {"weekly": {"fri": [["08:00", "12:00"], ["11:00", "13:00"]]}}, ("weekly", "fri")),
    ("unknown weekday", {"weekly": {"funday": []}}, ("weekly", "funday")),
    ("unknown key", {"weekly": {}, "opening": "9-5"}, ("opening",)),
    ("bad zone", {"weekly": {}, "timezone": "Europe/Londres"}, ("timezone",)),
    ("empty zone", {"weekly": {}, "timezone": ""}, ("timezone",)),
    ("bad region", {"weekly": {}, "bank_holidays": "wales"}, ("bank_holidays",)),
    ("bad closed date", {"weekly": {}, "closed_dates": ["2026-13-01"]}, ("closed_dates", 0)),
    ("weekly missing", {}, ("weekly",)),
    ("time with seconds", {"weekly": {"mon": [[time(8, 30, 15), "12:00"]]}}, ("weekly", "mon", 0, 0)),
]


@pytest.mark.parametrize(("data", "loc"), [case[1:] for case in INVALID], ids=[case[0] for case in INVALID])
def test_invalid_hours_name_the_field(data: dict, loc: tuple) -> None:
    with pytest.raises(ValidationError) as caught:
        OpeningHours.model_validate(data)
    assert [e["loc"] for e in caught.value.errors()] == [loc]


def test_toml_local_times_are_taken() -> None:
    calendar = make({"mon": [[time(8, 30), time(17, 0)]]})
    assert calendar.weekly.mon == (("08:30", "17:00"),)


def test_is_frozen() -> None:
    with pytest.raises(ValidationError):
        DESK.timezone = "UTC"  # type: ignore[misc]


def test_equal_and_hashable_whatever_is_cached() -> None:
    fresh = OpeningHours.model_validate(DESK.model_dump())
    DESK.add_business_time(lon(2026, 3, 30, 9), hrs(100))   # fills DESK's caches, not fresh's
    assert fresh == DESK and hash(fresh) == hash(DESK)
    assert DESK != ALWAYS


def test_model_copy_with_update_revalidates() -> None:
    copy = DESK.model_copy(update={"closed_dates": []})
    assert copy.is_open(lon(2026, 12, 24, 10))              # Thursday, all day, no longer closed
    assert not DESK.is_open(lon(2026, 12, 24, 10))
    with pytest.raises(ValidationError):
        DESK.model_copy(update={"timezone": "Mars/Olympus"})
    assert DESK.model_copy(deep=True) == DESK


# -- naive datetimes ----------------------------------------------------------------------------

NAIVE = datetime(2026, 3, 30, 9)
AWARE = lon(2026, 3, 30, 9)
NAIVE_CALLS = [
    ("is_open", lambda: DESK.is_open(NAIVE), "at"),
    ("next_open", lambda: DESK.next_open(NAIVE), "at"),
    ("next_close", lambda: DESK.next_close(NAIVE), "at"),
    ("add_business_time", lambda: DESK.add_business_time(NAIVE, hrs(1)), "start"),
    ("between, first", lambda: DESK.business_time_between(NAIVE, AWARE), "a"),
    ("between, second", lambda: DESK.business_time_between(AWARE, NAIVE), "b"),
    ("open_spans", lambda: DESK.open_spans(NAIVE), "since"),
    ("open_spans until", lambda: DESK.open_spans(AWARE, until=NAIVE), "until"),
    ("is_closing_instant", lambda: DESK.is_closing_instant(NAIVE), "at"),
]


@pytest.mark.parametrize(("call", "name"), [c[1:] for c in NAIVE_CALLS], ids=[c[0] for c in NAIVE_CALLS])
def test_naive_datetimes_refused(call, name: str) -> None:
    with pytest.raises(NaiveDatetimeError, match=f"^{name} must be timezone-aware"):
        call()


def test_survives_json_and_pickle() -> None:
    DESK.add_business_time(lon(2026, 3, 30, 9), hrs(10))
    for again in (OpeningHours.model_validate_json(DESK.model_dump_json()), pickle.loads(pickle.dumps(DESK))):
        assert again == DESK
        assert again.add_business_time(lon(2026, 12, 22, 16), hrs(2)) == lon(2026, 12, 29, 9, 30).astimezone(UTC)
