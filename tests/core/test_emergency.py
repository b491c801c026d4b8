"""Emergency rules in core: who may declare, write and approve in each pack; what the engine
does with a due post; a change to a post; the banner; extended hours over a calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.emergency import (
    EmergencyError,
    Incident,
    banner_text,
    check_approver,
    check_crisis_author,
    declaration,
    extended_hours,
    incident_countdown,
    related_deadlines,
)
from core.models import Author, Message, MessageKind, Platform
from core.pack_files import load_pack
from core.permissions import NotAuthorisedError
from core.posts import DueOutcome, Post, PostChange, PostKind, PostState, PostStateError, due_outcome, post_after
from core.sla import Phase

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday morning, GMT
GRACE = timedelta(minutes=5)


@pytest.mark.parametrize("pack_name, officer, may", [
    ("lewes-eastbourne", "tgreaves", True), ("lewes-eastbourne", "spatel", True),
    ("lewes-eastbourne", "kmorgan", False), ("lewes-eastbourne", "rfletcher", False),
    ("lewes-eastbourne", "jharding", False),
    ("buckinghamshire", "dcampbell", True), ("buckinghamshire", "ahughes", True),
    ("buckinghamshire", "ebaxter", False),
])
def test_only_the_packs_declare_roles_declare(pack_name: str, officer: str, may: bool) -> None:
    pack = load_pack(pack_name)
    who = pack.officer(officer)
    if may:
        incident = declaration(pack, who, "Flood", "river burst", NOW)
        assert incident.declared_by == officer
    else:
        with pytest.raises(NotAuthorisedError):
            declaration(pack, who, "Flood", "river burst", NOW)


@pytest.mark.parametrize("title, reason", [("", "why"), ("Flood", ""), ("  ", "  ")])
def test_a_declaration_needs_a_name_and_a_reason(title: str, reason: str) -> None:
    pack = load_pack("lewes-eastbourne")
    with pytest.raises(EmergencyError):
        declaration(pack, pack.officer("tgreaves"), title, reason, NOW)


def test_lewes_sets_a_20_minute_first_update_and_12_hours_of_cover() -> None:
    pack = load_pack("lewes-eastbourne")
    incident = declaration(pack, pack.officer("tgreaves"), "Flood", "why", NOW)
    assert incident.first_update_due == NOW + timedelta(minutes=20)
    assert incident.extended_until == NOW + timedelta(hours=12)
    own = declaration(pack, pack.officer("tgreaves"), "Flood", "why", NOW, NOW + timedelta(hours=3))
    assert own.extended_until == NOW + timedelta(hours=3)


def _post(state: PostState = PostState.SCHEDULED, at: timedelta = timedelta(0), by: str = "kmorgan",
          kind: PostKind = PostKind.SCHEDULED) -> Post:
    return Post(id=1, account="lewes-x", kind=kind, text="hi", publish_at=NOW + at, state=state,
                created_by=by, created_at=NOW - timedelta(hours=1))


@pytest.mark.parametrize("state, at, emergency, outcome", [
    (PostState.SCHEDULED, timedelta(minutes=1), False, DueOutcome.WAIT),
    (PostState.SCHEDULED, timedelta(0), False, DueOutcome.PUBLISH),
    (PostState.SCHEDULED, -GRACE, False, DueOutcome.PUBLISH),
    (PostState.SCHEDULED, -GRACE - timedelta(microseconds=1), False, DueOutcome.HOLD),
    (PostState.SCHEDULED, timedelta(0), True, DueOutcome.FREEZE),
    (PostState.SCHEDULED, timedelta(hours=5), True, DueOutcome.FREEZE),
    (PostState.FROZEN, timedelta(0), False, DueOutcome.WAIT),
    (PostState.REVIEW, timedelta(0), False, DueOutcome.WAIT),
    (PostState.HELD, -timedelta(hours=1), False, DueOutcome.WAIT),
])
def test_what_the_engine_does_with_a_post(state, at, emergency, outcome) -> None:
    assert due_outcome(_post(state, at), NOW, GRACE, emergency) is outcome


def test_a_post_released_during_an_emergency_is_refused_and_one_rescheduled_is_frozen() -> None:
    release = PostChange(post_id=1, by="kmorgan", at=NOW, expect_from=frozenset({PostState.REVIEW}),
                         to_state=PostState.SCHEDULED, not_during_emergency=True)
    with pytest.raises(PostStateError, match="emergency is declared"):
        post_after(_post(PostState.REVIEW), release, emergency_id=7)
    assert post_after(_post(PostState.REVIEW), release, None).state is PostState.SCHEDULED
    reschedule = release.model_copy(update={"not_during_emergency": False})
    frozen = post_after(_post(PostState.REVIEW), reschedule, emergency_id=7)
    assert frozen.state is PostState.FROZEN and frozen.incident_id == 7
    with pytest.raises(PostStateError, match="is held, not review"):
        post_after(_post(PostState.HELD), release, None)


def test_crisis_authors_and_approvers() -> None:
    pack = load_pack("lewes-eastbourne")
    incident = Incident(id=1, title="Flood", reason="why", declared_by="tgreaves", declared_at=NOW)
    check_crisis_author(pack, pack.officer("rfletcher"), "lewes-x", incident)
    with pytest.raises(NotAuthorisedError):
        check_crisis_author(pack, pack.officer("kmorgan"), "lewes-x", incident)
    with pytest.raises(EmergencyError):
        check_crisis_author(pack, pack.officer("rfletcher"), "lewes-x", None)
    update = _post(PostState.AWAITING_APPROVAL, by="rfletcher", kind=PostKind.CRISIS)
    check_approver(pack, pack.officer("jharding"), update)
    with pytest.raises(NotAuthorisedError):
        check_approver(pack, pack.officer("rfletcher"), update)
    own = update.model_copy(update={"created_by": "jharding"})
    with pytest.raises(NotAuthorisedError, match="no one approves their own"):
        check_approver(pack, pack.officer("jharding"), own)


@pytest.mark.parametrize("now, text", [
    (NOW + timedelta(minutes=8), "EMERGENCY Flood · declared 8m 00s ago · first update due in 12m 00s"),
    (NOW + timedelta(minutes=22, seconds=5), "EMERGENCY Flood · declared 22m 05s ago · first update OVERDUE by 2m 05s"),
])
def test_the_banner_counts_down_to_the_first_update(now: datetime, text: str) -> None:
    incident = Incident(id=1, title="Flood", reason="r", declared_by="x", declared_at=NOW,
                        first_update_due=NOW + timedelta(minutes=20))
    assert banner_text(incident, now, UTC) == text
    done = incident.model_copy(update={"first_update_at": NOW + timedelta(minutes=9)})
    assert banner_text(done, now, UTC).endswith("first update 10:09")


def test_extended_hours_open_a_closed_evening_and_end_with_the_emergency() -> None:
    pack = load_pack("lewes-eastbourne")
    hours = pack.hours_for("lewes-x")
    evening = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    incident = Incident(id=1, title="Flood", reason="r", declared_by="x", declared_at=NOW,
                        extended_until=NOW + timedelta(hours=12))
    laid = extended_hours(hours, incident)
    assert not hours.is_open(evening) and laid.is_open(evening)
    assert not laid.is_open(NOW + timedelta(hours=12))  # 22:00: cover stops
    assert laid.business_time_between(NOW, NOW + timedelta(hours=12)) == timedelta(hours=12)
    resolved = incident.model_copy(update={"resolved_at": NOW + timedelta(hours=1)})
    assert extended_hours(hours, resolved) is hours


def test_an_incident_related_message_runs_on_the_tighter_target_and_extended_hours() -> None:
    pack = load_pack("lewes-eastbourne")
    late = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # after 17:00: normally paused
    message = Message(id=1, platform=Platform.X, platform_id="1", account="lewes-x",
                      kind=MessageKind.MENTION, author=Author(platform_id="a", handle="@a"),
                      text="is the road flooded?", received_at=late, ingested_at=late,
                      due_at=None, labels=("emergency_related",))
    incident = Incident(id=1, title="Flood", reason="r", declared_by="x", declared_at=NOW,
                        extended_until=NOW + timedelta(hours=12))
    clock = incident_countdown(message, pack, incident, late + timedelta(minutes=10))
    assert clock.phase is Phase.ON_TIME and clock.due_at == late + timedelta(minutes=30)
    plain = message.model_copy(update={"labels": ()})
    assert incident_countdown(plain, pack, incident, late).phase is Phase.NO_TARGET


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)  # March 2026: GMT, Monday the 2nd


_DECLARED = Incident(id=1, title="Flood", reason="r", declared_by="x", declared_at=NOW,
                     extended_until=_at(2, 22))
_RESOLVED = _DECLARED.model_copy(update={"resolved_at": _at(2, 19)})
_EM = ("emergency_related",)


@pytest.mark.parametrize("case, labels, received, account, incident, expected", [
    ("not incident-related", (), _at(2, 10), "lewes-x", _DECLARED, None),
    ("a disclosure keeps its lane clock", (*_EM, "safeguarding"), _at(2, 10), "lewes-x", _DECLARED, None),
    ("an account the pack lacks", _EM, _at(2, 10), "nowhere-x", _DECLARED, None),
    ("no emergency: normal 90 minutes", _EM, _at(2, 10), "lewes-x", None,
     (_at(2, 11, 30), _at(2, 11), _at(2, 11, 20))),
    ("declared: tighter 30 minutes", _EM, _at(2, 10, 5), "lewes-x", _DECLARED,
     (_at(2, 10, 35), _at(2, 10, 25), _at(2, 10, 30))),
    ("arrived before the declaration: from the declaration", _EM, _at(2, 9), "lewes-x", _DECLARED,
     (_at(2, 10, 30), _at(2, 10, 20), _at(2, 10, 25))),
    ("evening: runs on the extended hours", _EM, _at(2, 18), "lewes-x", _DECLARED,
     (_at(2, 18, 30), _at(2, 18, 20), _at(2, 18, 25))),
    ("cover ends mid-clock: resumes at the next opening", _EM, _at(2, 21, 50), "lewes-x", _DECLARED,
     (_at(3, 8, 50), _at(3, 8, 40), _at(3, 8, 45))),
    ("resolved: normal calendar and target from receipt", _EM, _at(2, 18), "lewes-x", _RESOLVED,
     (_at(3, 10), _at(3, 9, 30), _at(3, 9, 50))),
])
def test_related_deadlines(case: str, labels: tuple[str, ...], received: datetime, account: str,
                           incident: Incident | None,
                           expected: tuple[datetime, datetime, datetime] | None) -> None:
    pack = load_pack("lewes-eastbourne")
    message = Message(id=1, platform=Platform.X, platform_id="1", account=account,
                      kind=MessageKind.MENTION, author=Author(platform_id="a", handle="@a"),
                      text="is the road flooded?", received_at=received, ingested_at=received, due_at=None,
                      labels=labels)
    due = related_deadlines(message, pack, incident)
    got = None if due is None else (due.due_at, due.warning_1_at, due.warning_2_at)
    assert got == expected, case
