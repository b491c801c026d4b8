"""What the policy expects next of the officer, which reply template fits, and how replies are
signed: one wording per triage label (from `core.triage.RULES`), filled with the pack's contacts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.handling import draft_reply, expectations, local_when, sign, suggested_template
from core.models import Author, Message, MessageKind, MessageState
from core.pack_files import load_pack
from core.triage import RULES

LEWES = load_pack("lewes-eastbourne")
NOW = datetime(2026, 11, 17, 14, 0, tzinfo=UTC)  # a Tuesday afternoon, Customer First open


def message(*labels: str, kind: MessageKind = MessageKind.COMMENT, account: str = "lewes-x",
            **changes) -> Message:
    base = Message(platform="x", platform_id="1", account=account, kind=kind,
                   author=Author(platform_id="u", handle="@r"), text="hello", received_at=NOW,
                   ingested_at=NOW, due_at=NOW + timedelta(minutes=50), labels=labels, id=1)
    return base.model_copy(update=changes)


@pytest.mark.parametrize(("labels", "starts"), [
    (("safeguarding",), ["Safeguarding disclosure: act at once. Refer to the councils' safeguarding"]),
    (("press",), ["Press enquiry: refer it to Cobb PR"]),
    (("foi",), ["FOI request: acknowledge it and log it with the councils' Freedom of Information contact"]),
    (("complaint",), ["Complaint: acknowledge it and redirect to the complaints form"]),
    (("personal_data",), ["Personal data posted in public"]),
    (("abuse",), ["Possibly inappropriate: refer to your manager or the Customer Communications"]),
    # Several labels: triage's order, most urgent first.
    (("press", "complaint", "safeguarding"), ["Safeguarding", "Complaint", "Press"]),
])
def test_each_label_gets_its_advice_with_the_packs_contact(labels, starts) -> None:  # noqa: ANN001
    lines = expectations(message(*labels), LEWES, NOW)
    assert len(lines) == len(starts) + 1
    for line, start in zip(lines, starts, strict=False):
        assert line.startswith(start), line
    # A disclosure's clock runs in real time (core.lane).
    minutes = "minutes, never paused" if "safeguarding" in labels else "working minutes"
    assert lines[-1] == f"First response due by Tue 17 Nov 14:50 (target 90 {minutes})."


def test_every_placeholder_is_filled_for_every_label_and_pack() -> None:
    for name in ("lewes-eastbourne", "buckinghamshire", "lincolnshire", "north-lincolnshire",
                 "leighton-linslade"):
        pack = load_pack(name)
        lines = expectations(message(*(r.label for r in RULES), account=pack.accounts[0].id), pack, NOW)
        assert len(lines) == len(RULES) + 1
        assert not any("{" in line for line in lines), lines
        assert not any(" to ." in line or " via  (" in line for line in lines), lines  # no empty contact
    assert "2 warnings before any block" in " ".join(expectations(message("abuse"), LEWES, NOW))


def test_personal_data_in_a_direct_message_needs_no_taking_down() -> None:
    lines = expectations(message("personal_data", kind=MessageKind.DIRECT_MESSAGE), LEWES, NOW)
    assert not any(line.startswith("Personal data") for line in lines)


@pytest.mark.parametrize(("changes", "last"), [
    ({"due_at": NOW - timedelta(minutes=5)}, "First response is overdue (was due 13:55, target 90 minutes)."),
    ({"due_at": NOW - timedelta(days=260)}, "First response is overdue (was due Mon 02 Mar 14:00, target 90 minutes)."),
    ({"responded_at": NOW, "state": MessageState.RESPONDED}, "Answered: no further first response is due."),
    ({"state": MessageState.CLOSED}, "Set aside without a reply: nothing more is due."),
])
def test_the_last_line_says_where_the_first_response_stands(changes, last) -> None:  # noqa: ANN001
    assert expectations(message(**changes), LEWES, NOW)[-1] == last


@pytest.mark.parametrize(("labels", "template"), [
    ((), "acknowledge"), (("abuse",), "acknowledge"), (("press", "foi"), "foi"),
    (("complaint", "safeguarding"), "safeguarding"), (("personal_data",), "personal_data"),
])
def test_the_suggested_template_is_the_most_urgent_labels(labels, template) -> None:  # noqa: ANN001
    assert suggested_template(message(*labels)) == template
    assert draft_reply(LEWES, LEWES.officers[0], template)  # every suggestion exists in the pack


def test_a_reply_is_signed_once_with_the_officers_name() -> None:
    officer = LEWES.officers[0]
    signed = sign("Thanks, {officer} here.", LEWES, officer)
    assert signed == f"Thanks, {officer.name} here.\n^{officer.name}, Lewes & Eastbourne"
    assert sign(signed, LEWES, officer) == signed
    assert sign("Braces {typed} stay", LEWES, officer).startswith("Braces {typed} stay")


LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("when", "now", "shown"), [
    (datetime(2026, 11, 17, 9, 5, tzinfo=UTC), NOW, "09:05"),
    (datetime(2026, 11, 16, 23, 59, tzinfo=UTC), NOW, "Mon 23:59"),
    (datetime(2026, 11, 20, 8, 30, tzinfo=UTC), NOW, "Fri 08:30"),
    (datetime(2026, 11, 11, 14, 1, tzinfo=UTC), NOW, "Wed 14:01"),  # just under six days back
    (datetime(2026, 11, 11, 14, 0, tzinfo=UTC), NOW, "Wed 11 Nov 14:00"),  # six days: the date
    (datetime(2026, 11, 23, 14, 0, tzinfo=UTC), NOW, "Mon 23 Nov 14:00"),
    (datetime(2026, 3, 2, 10, 30, tzinfo=UTC), NOW, "Mon 02 Mar 10:30"),
    (datetime(2025, 12, 31, 9, 0, tzinfo=UTC), NOW, "Wed 31 Dec 2025 09:00"),
    # Local dates: 23:30 UTC in summer is 00:30 the next day in London.
    (datetime(2026, 7, 1, 23, 30, tzinfo=UTC), datetime(2026, 7, 2, 9, 0, tzinfo=UTC), "00:30"),
    (datetime(2026, 7, 1, 22, 30, tzinfo=UTC), datetime(2026, 7, 2, 9, 0, tzinfo=UTC), "Wed 23:30"),
])
def test_an_instant_reads_as_near_as_is_plain(when: datetime, now: datetime, shown: str) -> None:
    assert local_when(when, now, LONDON) == shown


def test_a_target_that_is_dutydesks_default_says_so() -> None:
    # Buckinghamshire's policy sets no response time: the 90 minutes are dutydesk's.
    bucks = load_pack("buckinghamshire")
    line = expectations(message(account=bucks.accounts[0].id), bucks, NOW)[-1]
    assert line.endswith("(target 90 working minutes, dutydesk's default).")
    assert "default" not in expectations(message(), LEWES, NOW)[-1]  # Lewes 7.2 sets its 90


def test_a_label_without_a_template_in_the_pack_is_passed_over() -> None:
    # urgent_danger is the most urgent label, but the Lewes pack has no template of that name.
    ids = {t.id for t in LEWES.templates}
    assert "urgent_danger" not in ids
    assert suggested_template(message("urgent_danger", "safeguarding"), ids) == "safeguarding"
    assert suggested_template(message("urgent_danger"), ids) == "acknowledge"
