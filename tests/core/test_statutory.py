"""Statutory clocks (core.statutory): FOI 20 working days across bank holidays and Christmas,
SAR one calendar month across month ends, the packs' complaint stages, and their warnings."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.hours import OpeningHours
from core.lane_policy import Statutory
from core.pack_files import load_pack, shipped_pack_names
from core.sla import Phase
from core.statutory import (
    StatutoryClock,
    StatutoryDeadline,
    clock_badge,
    clock_sentence,
    clock_text,
    most_pressing,
    one_month_after,
    statutory_clock,
    statutory_deadlines,
    working_days_after,
)

LONDON = ZoneInfo("Europe/London")


def calendar(region: str | None = "england-and-wales", closed: tuple[str, ...] = ()) -> OpeningHours:
    return OpeningHours.model_validate({
        "timezone": "Europe/London", "bank_holidays": region, "closed_dates": list(closed),
        "weekly": {d: [["08:30", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}})


ENGLAND = calendar()
STATUTORY = load_pack("lewes-eastbourne").statutory


# -- FOI: the twentieth working day after receipt -------------------------------------------------

@pytest.mark.parametrize(("received", "region", "due"), [
    # Four plain weeks: received on a Monday, day one is Tuesday.
    (date(2026, 11, 2), "england-and-wales", date(2026, 11, 30)),
    # Received on a Saturday: day one is Monday.
    (date(2026, 11, 21), "england-and-wales", date(2026, 12, 18)),
    # Christmas: 25 Dec (Fri), 28 Dec (Boxing Day's substitute) and 1 Jan do not count.
    (date(2026, 12, 16), "england-and-wales", date(2027, 1, 18)),
    # Scotland also keeps 2 January (a Saturday in 2027: Monday 4 January instead).
    (date(2026, 12, 16), "scotland", date(2027, 1, 19)),
    # Easter 2027: Good Friday 26 March and Easter Monday 29 March do not count.
    (date(2027, 3, 19), "england-and-wales", date(2027, 4, 20)),
    # Scotland has no Easter Monday holiday: a day sooner.
    (date(2027, 3, 19), "scotland", date(2027, 4, 19)),
    # The early May and spring bank holidays 2026 (4 and 25 May).
    (date(2026, 4, 30), "england-and-wales", date(2026, 6, 1)),
])
def test_foi_is_due_on_the_twentieth_working_day(received: date, region: str, due: date) -> None:
    assert working_days_after(received, 20, calendar(region)) == due


def test_the_councils_own_closure_days_still_count_as_working_days() -> None:
    """s.10(6) counts weekends and bank holidays only: a council closing 29-31 December (as
    Lewes and Eastbourne do) does not stop the statutory clock."""
    closed = calendar(closed=("2026-12-29", "2026-12-30", "2026-12-31"))
    assert working_days_after(date(2026, 12, 16), 20, closed) == date(2027, 1, 18)


def test_working_days_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        working_days_after(date(2026, 1, 1), 0, ENGLAND)


# -- SAR: one calendar month ----------------------------------------------------------------------

@pytest.mark.parametrize(("received", "due"), [
    (date(2026, 3, 15), date(2026, 4, 15)),
    (date(2026, 1, 31), date(2026, 2, 28)),   # no 31 February: the month's last day
    (date(2028, 1, 31), date(2028, 2, 29)),   # a leap year
    (date(2026, 1, 30), date(2026, 2, 28)),
    (date(2026, 1, 28), date(2026, 2, 28)),
    (date(2026, 3, 31), date(2026, 4, 30)),
    (date(2026, 8, 31), date(2026, 9, 30)),
    (date(2026, 12, 31), date(2027, 1, 31)),  # across the year
    (date(2026, 12, 24), date(2027, 1, 24)),  # Christmas is not skipped: calendar days
    (date(2026, 2, 28), date(2026, 3, 28)),
])
def test_sar_is_due_one_calendar_month_after_receipt(received: date, due: date) -> None:
    assert one_month_after(received) == due


def test_sar_counts_from_the_local_day_of_receipt() -> None:
    """00:30 on 1 June in London is still 31 May in UTC: the local day counts."""
    received = datetime(2026, 6, 1, 0, 30, tzinfo=LONDON)
    (sar,) = statutory_deadlines(("sar",), received, ENGLAND, STATUTORY)
    assert sar.due_on == date(2026, 7, 1)


# -- deadlines of a message -------------------------------------------------------------------------

def test_a_message_carries_a_deadline_per_statutory_label_soonest_first() -> None:
    received = datetime(2026, 1, 31, 11, 0, tzinfo=LONDON)  # a Saturday
    found = statutory_deadlines(("complaint", "sar", "foi", "press"), received, ENGLAND, STATUTORY)
    assert [(d.short, d.due_on) for d in found] == [
        ("ACK", date(2026, 2, 6)),    # 5 working days: Mon 2 .. Fri 6 Feb
        ("CS1", date(2026, 2, 20)),   # 15 working days
        ("FOI", date(2026, 2, 27)),   # 20 working days
        ("SAR", date(2026, 2, 28)),   # 31 January + one month
    ]
    assert {d.label for d in found} == {"complaint", "sar", "foi"}


def test_no_statutory_label_no_clock() -> None:
    assert statutory_deadlines(("press", "safeguarding"), datetime(2026, 1, 5, tzinfo=LONDON),
                               ENGLAND, STATUTORY) == ()


@pytest.mark.parametrize("name", shipped_pack_names())
def test_every_pack_states_its_complaint_stages_and_their_source(name: str) -> None:
    statutory = load_pack(name).statutory
    assert statutory.complaint_stages and statutory.source
    assert "default" in statutory.source or "stage" in statutory.source.casefold()


# -- where a clock stands -----------------------------------------------------------------------------

FOI_DUE = StatutoryDeadline(label="foi", short="FOI", name="FOI response", rule="20 working days",
                            due_on=date(2027, 1, 18))


@pytest.mark.parametrize(("today", "phase", "left", "text", "badge"), [
    (date(2026, 12, 17), Phase.ON_TIME, 32, "FOI 32d", "FOI32d"),
    (date(2027, 1, 12), Phase.ON_TIME, 6, "FOI 6d", "FOI6d"),
    (date(2027, 1, 13), Phase.WARNING_1, 5, "FOI 5d!", "FOI5d"),
    (date(2027, 1, 16), Phase.WARNING_2, 2, "FOI 2d!", "FOI2d"),
    (date(2027, 1, 18), Phase.WARNING_2, 0, "FOI today", "FOI!"),
    (date(2027, 1, 19), Phase.BREACHED, -1, "FOI late 1d", "FOI-1d"),
    (date(2027, 2, 1), Phase.BREACHED, -14, "FOI late 14d", "FOI-14d"[:6]),
])
def test_a_statutory_clock_warns_like_the_first_response_clock(
        today: date, phase: Phase, left: int, text: str, badge: str) -> None:
    clock = statutory_clock(FOI_DUE, today, STATUTORY)
    assert (clock.phase, clock.days_left) == (phase, left)
    assert clock_text(clock) == text
    assert clock_badge(clock) == badge and len(clock_badge(clock)) <= 6


def test_the_detail_line_names_the_rule_and_the_year_when_it_is_not_this_one() -> None:
    clock = statutory_clock(FOI_DUE, date(2026, 12, 17), STATUTORY)
    assert clock_sentence(clock) == ("FOI response due by Mon 18 Jan 2027 (20 working days): "
                                     "32 days left.")
    late = statutory_clock(FOI_DUE, date(2027, 1, 20), STATUTORY)
    assert clock_sentence(late).endswith("LATE by 2 days.")


def test_the_row_shows_the_soonest_deadline_still_ahead_else_the_last_missed() -> None:
    deadlines = statutory_deadlines(("complaint",), datetime(2026, 2, 2, 9, tzinfo=LONDON),
                                    ENGLAND, STATUTORY)
    ack, stage_1 = deadlines
    assert most_pressing(deadlines, date(2026, 2, 3), STATUTORY).deadline == ack
    assert most_pressing(deadlines, ack.due_on + timedelta(days=1), STATUTORY).deadline == stage_1
    missed = most_pressing(deadlines, stage_1.due_on + timedelta(days=3), STATUTORY)
    assert isinstance(missed, StatutoryClock)
    assert (missed.deadline, missed.phase) == (stage_1, Phase.BREACHED)
    assert most_pressing((), date(2026, 2, 3), STATUTORY) is None


@pytest.mark.parametrize(("stages", "problem"), [
    ([{"name": "a", "short": "A1", "working_days": 10}, {"name": "b", "short": "B1", "working_days": 5}],
     "in order"),
    ([{"name": "a", "short": "ack", "working_days": 5}], "pattern"),
    ([{"name": "a", "short": "ACK", "working_days": 0}], "greater than 0"),
    ([], "at least 1"),
    ([{"name": "a", "short": "ACK", "working_days": 5}, {"name": "b", "short": "ACK", "working_days": 15}],
     "its own short name"),
    ([{"name": "a", "short": "FOI", "working_days": 5}], "not FOI or SAR"),
])
def test_complaint_stages_are_checked(stages: list[dict], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Statutory.model_validate({"complaint_stages": stages, "source": "test"})
