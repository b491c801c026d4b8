"""The safeguarding lane's rules (core.lane): tiers, a clock that never pauses, the out-of-hours
escalation instant, contacts and 999, the warning before a private message to a child, and the
pack fields they read (young_or_vulnerable target, out-of-hours route, templates' promises)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.lane import (
    first_response_deadlines,
    in_lane,
    lane_contact,
    lane_lines,
    lane_tier,
    out_of_hours_escalation,
    out_of_hours_notice,
    private_message_warning,
)
from core.models import Author, Message, MessageKind, Platform
from core.pack_files import load_pack, parse_pack, shipped_pack_names
from core.policy import Audience
from core.sla import Phase, countdown
from tests.core.test_policy_packs import VALID_TEXT

LONDON = ZoneInfo("Europe/London")
PACK = load_pack("lewes-eastbourne")
HOURS = PACK.hours_for("lewes-x")  # Mon-Fri 08:30-17:00
TARGET = PACK.first_response       # 90 minutes, warnings at 30 and 10 left


def at(day: int, hh: int, mm: int = 0) -> datetime:
    """November 2026: Mon 16 .. Sun 22."""
    return datetime(2026, 11, day, hh, mm, tzinfo=LONDON)


def message(labels: tuple[str, ...] = (), *, kind: MessageKind = MessageKind.COMMENT,
            text: str = "hello", account: str = "lewes-x", received: datetime = at(17, 14)) -> Message:
    d = first_response_deadlines(received, labels, PACK.hours_for(account), PACK.target_for(account))
    return Message(platform=Platform.X, platform_id="1", account=account, kind=kind,
                   author=Author(platform_id="a", handle="@a"), text=text, received_at=received,
                   labels=labels, id=1, ingested_at=received, due_at=d.due_at,
                   warning_1_at=d.warning_1_at, warning_2_at=d.warning_2_at)


# -- tiers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("labels", "normal", "emergency"), [
    ((), None, None),
    (("foi", "complaint"), None, None),
    (("urgent_danger", "safeguarding"), 0, 0),
    (("safeguarding",), 1, 1),
    (("urgent_danger",), 0, 0),
    (("emergency_related",), None, 2),
    (("emergency_related", "safeguarding"), 1, 1),
    (("emergency_related", "urgent_danger", "safeguarding"), 0, 0),
])
def test_lane_tier(labels: tuple[str, ...], normal: int | None, emergency: int | None) -> None:
    assert lane_tier(labels) == normal
    assert lane_tier(labels, emergency_active=True) == emergency


def test_only_disclosures_never_pause() -> None:
    assert in_lane(("safeguarding",)) and in_lane(("urgent_danger",))
    assert not in_lane(("emergency_related",)) and not in_lane(("foi",))


# -- the clock that never pauses ----------------------------------------------------------------

@pytest.mark.parametrize(("received", "due", "first", "second"), [
    # In hours: the target in real time, warnings 30 and 10 minutes before.
    (at(17, 14), at(17, 15, 30), at(17, 15), at(17, 15, 20)),
    # Near closing: due after closing (not paused till Monday); the first warning at closing.
    (at(17, 16, 55), at(17, 18, 25), at(17, 17), at(17, 18, 15)),
    # The case: Friday 17:05 fell due on Monday. Now due at 18:35, escalated at once.
    (at(20, 17, 5), at(20, 18, 35), at(20, 17, 5), at(20, 18, 25)),
    # Saturday: escalated at once, due 90 minutes later.
    (at(21, 10), at(21, 11, 30), at(21, 10), at(21, 11, 20)),
])
def test_a_disclosures_clock_runs_in_real_time(received: datetime, due: datetime,
                                               first: datetime, second: datetime) -> None:
    d = first_response_deadlines(received, ("safeguarding",), HOURS, TARGET)
    assert (d.due_at, d.warning_1_at, d.warning_2_at) == (due, first, second)


def test_other_messages_keep_business_time() -> None:
    d = first_response_deadlines(at(20, 17, 5), ("foi",), HOURS, TARGET)
    assert d.due_at == at(23, 10)  # Monday 08:30 + 90 minutes


def test_a_disclosures_countdown_is_not_paused_out_of_hours() -> None:
    m = message(("urgent_danger", "safeguarding"), received=at(21, 10))
    c = countdown(m, HOURS, at(21, 10, 30))
    assert c.phase == Phase.WARNING_1 and c.business_left == timedelta(hours=1)
    plain = countdown(message(("foi",), received=at(21, 10)), HOURS, at(21, 10, 30))
    assert plain.phase == Phase.PAUSED


@pytest.mark.parametrize(("labels", "when", "escalates"), [
    (("safeguarding",), at(21, 10), True),       # Saturday
    (("urgent_danger",), at(17, 17), True),      # the closing instant is closed
    (("safeguarding",), at(17, 14), False),      # open: the desk is there
    (("foi",), at(21, 10), False),               # not a disclosure
    (("emergency_related",), at(21, 10), False),
])
def test_out_of_hours_escalation(labels: tuple[str, ...], when: datetime, escalates: bool) -> None:
    assert out_of_hours_escalation(message(labels), HOURS, when) is escalates


# -- who to call --------------------------------------------------------------------------------

def test_urgent_danger_says_999_first_then_the_safeguarding_contact() -> None:
    assert lane_contact(("urgent_danger", "safeguarding"), PACK).startswith("999 now; then ")
    assert lane_contact(("safeguarding",), PACK) == PACK.contacts.safeguarding
    assert lane_contact(("foi",), PACK) == ""
    lines = lane_lines(message(("urgent_danger", "safeguarding")), PACK, is_open=False)
    assert "call 999" in lines[0]
    assert PACK.contacts.safeguarding in lines[1]
    assert PACK.safeguarding.out_of_hours in lines[2] and "call 999" in lines[2]
    assert lane_lines(message(("safeguarding",)), PACK, is_open=True) == [
        f"Safeguarding contact: {PACK.contacts.safeguarding}."]
    assert lane_lines(message(("foi",)), PACK, is_open=False) == []


@pytest.mark.parametrize("text", [
    "This account is now closed for engagement. We're back on Mon 08:30.",
    "Closed. If anyone is in danger, call 999.",
])
def test_every_out_of_hours_notice_says_call_999(text: str) -> None:
    notice = out_of_hours_notice(text)
    assert notice.endswith("If anyone is in danger, call 999.")
    assert notice.count("999") == 1


# -- a private message to a child -----------------------------------------------------------------

DM = MessageKind.DIRECT_MESSAGE


@pytest.mark.parametrize(("kind", "account", "text", "labels", "warns"), [
    (DM, "lewes-x", "I'm 15 and my mum kicked me out", (), True),
    (DM, "lewes-x", "im 17, where do I go tonight", (), True),
    (DM, "lewes-x", "I am only 12", (), True),
    (DM, "lewes-x", "I'm in year 9 and getting bullied", (), True),
    (DM, "lewes-x", "help, someone is hurting me", ("safeguarding",), True),
    (DM, "lewes-x", "When is the tip open?", (), False),
    (DM, "lewes-x", "I'm 15 minutes away from the office", (), False),
    (DM, "lewes-x", "I'm 45 and my bins were missed", (), False),
    (MessageKind.COMMENT, "lewes-x", "I'm 15 and my mum kicked me out", (), False),
])
def test_a_reply_by_private_message_to_a_possible_child_is_warned(
        kind: MessageKind, account: str, text: str, labels: tuple[str, ...], warns: bool) -> None:
    warning = private_message_warning(message(labels, kind=kind, text=text, account=account), PACK)
    assert (warning is not None) is warns
    if warns:
        assert "5.1" in warning and "child" in warning


def test_an_account_for_young_or_vulnerable_people_always_warns_before_a_private_message() -> None:
    pack = load_pack("lincolnshire")
    young = next(a for a in pack.accounts if a.audience == Audience.YOUNG_OR_VULNERABLE)
    received = at(17, 14)
    m = Message(platform=young.platform, platform_id="1", account=young.id, kind=DM,
                author=Author(platform_id="a", handle="@a"), text="When is the next meet-up?",
                received_at=received, id=1, ingested_at=received, due_at=None)
    assert private_message_warning(m, pack) is not None


# -- the pack fields ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", shipped_pack_names())
def test_every_pack_names_its_out_of_hours_route_and_who_is_told(name: str) -> None:
    pack = load_pack(name)
    route = pack.safeguarding
    assert route.out_of_hours and route.private_messages and route.source
    assert pack.role(route.escalate_to)
    assert "default" in route.source or "§" in route.source or any(ch.isdigit() for ch in route.source)


def test_young_or_vulnerable_accounts_get_the_tighter_target() -> None:
    pack = load_pack("lincolnshire")
    young = next(a for a in pack.accounts if a.audience == Audience.YOUNG_OR_VULNERABLE)
    general = next(a for a in pack.accounts if a.audience == Audience.GENERAL)
    assert pack.target_for(young.id).minutes == pack.first_response.young_or_vulnerable_minutes == 60
    assert pack.target_for(general.id).minutes == pack.first_response.minutes == 90
    assert "monitored frequently" in pack.first_response.source


YOUNG_ACCOUNT = '[[accounts]]\nid = "test-young"\nplatform = "x"\nhandle = "@young"\n' \
                'audience = "young_or_vulnerable"\nhours = "office"\n\n[first_response]'


@pytest.mark.parametrize(("change", "field", "reason"), [
    (("[first_response]", YOUNG_ACCOUNT), "first_response.young_or_vulnerable_minutes", "required"),
    (("minutes = 90", "minutes = 90\nyoung_or_vulnerable_minutes = 120"),
     "first_response.young_or_vulnerable_minutes", "less than"),
    (("minutes = 90", "minutes = 90\nyoung_or_vulnerable_minutes = 20"),
     "first_response.young_or_vulnerable_minutes", "first warning"),
])
def test_the_young_or_vulnerable_target_is_checked(change: tuple[str, str], field: str,
                                                   reason: str) -> None:
    with pytest.raises(Exception) as caught:
        parse_pack(VALID_TEXT.replace(*change, 1), "test.toml")
    assert field in str(caught.value) and reason in str(caught.value)


@pytest.mark.parametrize(("text", "reason"), [
    ("We'll reply within 10 working days.", "'10 working days'"),
    ("You'll hear from us within 3 days.", "'within 3 days'"),
    ("A response within 2 weeks.", "'within 2 weeks'"),
])
def test_a_template_may_not_promise_a_time_limit_the_pack_does_not_hold(text: str, reason: str) -> None:
    pack_text = VALID_TEXT + f'\n[[templates]]\nid = "promise"\ntitle = "Promise"\ntext = "{text}"\n'
    with pytest.raises(Exception) as caught:
        parse_pack(pack_text, "test.toml")
    assert "does not hold" in str(caught.value) and reason in str(caught.value)


def test_a_template_may_promise_the_foi_limit_and_the_complaint_stages() -> None:
    text = "FOI: within 20 working days. Complaints: 5 working days, then 15 working days."
    parse_pack(VALID_TEXT + f'\n[[templates]]\nid = "ok"\ntitle = "OK"\ntext = "{text}"\n', "t.toml")


def test_an_out_of_hours_template_must_say_call_999() -> None:
    pack_text = VALID_TEXT + '\n[[templates]]\nid = "out_of_hours"\ntitle = "Closed"\ntext = "Closed."\n'
    with pytest.raises(Exception, match="call 999"):
        parse_pack(pack_text, "test.toml")
