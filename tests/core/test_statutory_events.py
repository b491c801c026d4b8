"""When the statutory clocks warn and run out (core.statutory_events): the instants the engine
fires at, across bank holidays, Christmas, month ends and clock changes, never before receipt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.hours import OpeningHours
from core.lane_policy import Statutory
from core.pack_files import load_pack
from core.sla import Phase
from core.statutory import statutory_clock, statutory_deadlines
from core.statutory_events import LATE, WARNING_1, WARNING_2, event_sentence, statutory_events

LONDON = ZoneInfo("Europe/London")
ENGLAND = OpeningHours.model_validate({
    "timezone": "Europe/London", "bank_holidays": "england-and-wales",
    "weekly": {d: [["08:30", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}})
STATUTORY = load_pack("lewes-eastbourne").statutory  # warnings at 5 and 2 days left


def london(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


def instants(label: str, received: datetime, statutory: Statutory = STATUTORY) -> list[tuple[str, int, datetime]]:
    deadlines = statutory_deadlines([label], received, ENGLAND, statutory)
    return [(e.deadline.short, e.event, e.at) for e in statutory_events(deadlines, received, LONDON, statutory)]


@pytest.mark.parametrize(("label", "received", "expected"), [
    # FOI across Christmas: received Wed 16 Dec 2026, due Mon 18 Jan 2027 (25, 28 Dec and
    # 1 Jan do not count); warned from the start of 13 and 16 January, late from 19 January.
    ("foi", london(2026, 12, 16, 10), [("FOI", WARNING_1, london(2027, 1, 13)),
                                       ("FOI", WARNING_2, london(2027, 1, 16)),
                                       ("FOI", LATE, london(2027, 1, 19))]),
    # FOI across Easter 2027 (Good Friday, Easter Monday): due Tue 20 April, in summer time:
    # the start of the day is 23:00 UTC the day before.
    ("foi", london(2027, 3, 19, 9), [("FOI", WARNING_1, datetime(2027, 4, 14, 23, tzinfo=UTC)),
                                     ("FOI", WARNING_2, datetime(2027, 4, 17, 23, tzinfo=UTC)),
                                     ("FOI", LATE, datetime(2027, 4, 20, 23, tzinfo=UTC))]),
    # SAR 31 January + 1 month: 28 February 2027; late from the start of 1 March.
    ("sar", london(2027, 1, 31, 15), [("SAR", WARNING_1, london(2027, 2, 23)),
                                      ("SAR", WARNING_2, london(2027, 2, 26)),
                                      ("SAR", LATE, london(2027, 3, 1))]),
    # ... and in a leap year, 29 February 2028.
    ("sar", london(2028, 1, 31, 15), [("SAR", WARNING_1, london(2028, 2, 24)),
                                      ("SAR", WARNING_2, london(2028, 2, 27)),
                                      ("SAR", LATE, london(2028, 3, 1))]),
    # A SAR received late on 31 December: due 31 January, warned from 26 and 29 January.
    ("sar", london(2026, 12, 31, 23, 30), [("SAR", WARNING_1, london(2027, 1, 26)),
                                           ("SAR", WARNING_2, london(2027, 1, 29)),
                                           ("SAR", LATE, london(2027, 2, 1))]),
    # A complaint on Mon 21 Dec 2026: acknowledgement due Wed 30 Dec (5 working days: 22, 23,
    # 24, 29, 30), so its first warning falls on Christmas Day itself: the clock never pauses.
    ("complaint", london(2026, 12, 21, 11), [("ACK", WARNING_1, london(2026, 12, 25)),
                                             ("ACK", WARNING_2, london(2026, 12, 28)),
                                             ("ACK", LATE, london(2026, 12, 31)),
                                             # stage 1: 15 working days, Thu 14 January
                                             ("CS1", WARNING_1, london(2027, 1, 9)),
                                             ("CS1", WARNING_2, london(2027, 1, 12)),
                                             ("CS1", LATE, london(2027, 1, 15))]),
])
def test_the_warning_and_late_instants(label: str, received: datetime,
                                       expected: list[tuple[str, int, datetime]]) -> None:
    assert instants(label, received) == expected


def test_the_instants_are_where_the_desks_clock_changes_phase() -> None:
    received = london(2026, 12, 16, 10)
    (deadline,) = statutory_deadlines(["foi"], received, ENGLAND, STATUTORY)
    phases = {Phase.WARNING_1: WARNING_1, Phase.WARNING_2: WARNING_2, Phase.BREACHED: LATE}
    for event in statutory_events((deadline,), received, LONDON, STATUTORY):
        day = event.at.astimezone(LONDON).date()
        before = statutory_clock(deadline, day - timedelta(days=1), STATUTORY)
        at = statutory_clock(deadline, day, STATUTORY)
        assert phases[at.phase] == event.event
        assert before.phase != at.phase


@pytest.mark.parametrize(("warnings", "received", "expected"), [
    # A first warning whose day began before receipt fires at receipt...
    ((10, 2), london(2026, 11, 2, 9), [(WARNING_1, london(2026, 11, 2, 9)),
                                       (WARNING_2, london(2026, 11, 7)), (LATE, london(2026, 11, 10))]),
    # ... unless the second's has too: then only the second, at receipt.
    ((30, 10), london(2026, 11, 2, 9), [(WARNING_2, london(2026, 11, 2, 9)), (LATE, london(2026, 11, 10))]),
    # On the due day itself (0 days left).
    ((3, 0), london(2026, 11, 2, 9), [(WARNING_1, london(2026, 11, 6)), (WARNING_2, london(2026, 11, 9)),
                                      (LATE, london(2026, 11, 10))]),
])
def test_no_event_before_receipt(warnings: tuple[int, int], received: datetime,
                                 expected: list[tuple[int, datetime]]) -> None:
    statutory = STATUTORY.model_copy(update={"warnings_days_left": warnings,
                                             "complaint_stages": STATUTORY.complaint_stages[:1]})
    # ACK: 5 working days from Mon 2 Nov 2026 is Mon 9 Nov.
    assert [(e, at) for _, e, at in instants("complaint", received, statutory)] == expected


def test_no_statutory_label_no_events() -> None:
    assert instants("press", london(2026, 11, 2, 9)) == []


@pytest.mark.parametrize(("label", "event", "words"), [
    ("foi", WARNING_1, "FOI response due in 5 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    ("foi", WARNING_2, "FOI response due in 2 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    ("foi", LATE, "FOI response is late: it was due by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    ("sar", WARNING_1, "Subject access response due in 5 days, by Sat 16 Jan 2027 (one month, UK GDPR Art. 12(3))"),
])
def test_the_event_in_words_cites_the_rule(label: str, event: int, words: str) -> None:
    (deadline,) = statutory_deadlines([label], london(2026, 12, 16, 10), ENGLAND, STATUTORY)
    assert event_sentence(deadline, event, STATUTORY) == words


def test_due_today_in_words() -> None:
    statutory = STATUTORY.model_copy(update={"warnings_days_left": (3, 0)})
    (deadline,) = statutory_deadlines(["foi"], london(2026, 12, 16, 10), ENGLAND, statutory)
    assert event_sentence(deadline, WARNING_2, statutory).startswith("FOI response due today, by Mon 18 Jan 2027")
    assert date(2027, 1, 18) == deadline.due_on


@pytest.mark.parametrize(("today", "words"), [
    (date(2027, 1, 13), "FOI response due in 5 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    # Fired late (no engine ran at its time): the days left on the day it fires.
    (date(2027, 1, 15), "FOI response due in 3 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    (date(2027, 1, 18), "FOI response due today, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    (date(2027, 1, 20), "FOI response was due by Mon 18 Jan 2027 (20 working days, FOI Act s.10): "
                        "its first warning, fired late"),
])
def test_a_warning_fired_late_says_the_days_left_then(today: date, words: str) -> None:
    (deadline,) = statutory_deadlines(["foi"], london(2026, 12, 16, 10), ENGLAND, STATUTORY)
    assert event_sentence(deadline, WARNING_1, STATUTORY, today) == words
