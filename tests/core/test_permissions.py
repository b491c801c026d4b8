"""Who may do what: the register, training, access for a set period, and role limits that hold
even when `core.permissions.require` is called directly."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from core.clock import NaiveDatetimeError
from core.permissions import (
    NotAuthorisedError,
    UnknownOfficerError,
    authorised_officer,
    can,
    refusal,
    require,
)
from core.pack_files import load_pack
from core.policy import Officer, Permission, PolicyPack

LONDON = ZoneInfo("Europe/London")
# A frozen "now": a Tuesday morning in term time, well before any set period ends.
NOW = datetime(2026, 6, 9, 10, 0, tzinfo=LONDON)
SHIPPED = ["buckinghamshire", "leighton-linslade", "lewes-eastbourne", "lincolnshire", "north-lincolnshire"]


@pytest.fixture(scope="module")
def lewes() -> PolicyPack:
    return load_pack("lewes-eastbourne")


def _officer(pack_name: str, officer_id: str, now: datetime = NOW) -> tuple[PolicyPack, Officer]:
    pack = load_pack(pack_name)
    return pack, authorised_officer(pack, officer_id, now)


# -- the register ---------------------------------------------------------------------------------

def test_duty_officer_cannot_block_even_calling_require_directly(lewes: PolicyPack) -> None:
    duty = authorised_officer(lewes, "kmorgan", NOW)
    with pytest.raises(NotAuthorisedError, match=r"Kate Morgan \(Customer First social media officer\) may not block"):
        require(lewes, duty, Permission.BLOCK, "lewes-x")
    assert not can(lewes, duty, Permission.BLOCK)


def test_only_the_lead_blocks_in_lewes(lewes: PolicyPack) -> None:
    blockers = [o.id for o in lewes.officers if can(lewes, o, Permission.BLOCK)]
    assert blockers == ["tgreaves"]
    require(lewes, lewes.officer("tgreaves"), Permission.BLOCK, "eastbourne-x")


@pytest.mark.parametrize("name", SHIPPED)
def test_block_follows_the_policys_blocking_role(name: str) -> None:
    pack = load_pack(name)
    for officer in pack.officers:
        assert can(pack, officer, Permission.BLOCK) == (officer.role in pack.moderation.block_roles)


def test_a_hand_built_pack_cannot_smuggle_block_to_a_duty_officer(lewes: PolicyPack) -> None:
    # model_copy skips validation: the role now claims `block`, but the policy's list of
    # blocking roles still names only the Lead, so require refuses.
    duty_role = lewes.role("duty_officer")
    widened = duty_role.model_copy(update={"permissions": duty_role.permissions | {Permission.BLOCK}})
    roles = tuple(widened if r.id == "duty_officer" else r for r in lewes.roles)
    pack = lewes.model_copy(update={"roles": roles})
    with pytest.raises(NotAuthorisedError, match="may not block"):
        require(pack, pack.officer("kmorgan"), Permission.BLOCK)


def test_unknown_officer_is_refused_naming_the_register(lewes: PolicyPack) -> None:
    with pytest.raises(UnknownOfficerError) as caught:
        authorised_officer(lewes, "bmabey", NOW)
    message = str(caught.value)
    assert "'bmabey' is not on the register of authorised officers" in message
    assert "Lewes District and Eastbourne Borough Councils" in message and "3.2" in message


def test_an_officer_from_another_pack_is_refused(lewes: PolicyPack) -> None:
    bucks, head = _officer("buckinghamshire", "dcampbell")
    assert can(bucks, head, Permission.BLOCK)
    with pytest.raises(UnknownOfficerError, match="not on the register"):
        require(lewes, head, Permission.VIEW)


def test_an_edited_register_entry_is_refused(lewes: PolicyPack) -> None:
    # Widening an officer's accounts in memory does not widen their authorisation.
    duty = lewes.officer("kmorgan")
    forged = duty.model_copy(update={"accounts": None})
    assert refusal(lewes, forged, Permission.REPLY) is not None
    with pytest.raises(UnknownOfficerError):
        require(lewes, forged, Permission.REPLY, "eastbourne-x")


# -- training and access for a set period -----------------------------------------------------------

def test_untrained_officer_is_refused() -> None:
    pack = load_pack("north-lincolnshire")
    with pytest.raises(NotAuthorisedError, match="Amy Brook has not completed the required training"):
        authorised_officer(pack, "abrook", NOW)
    assert authorised_officer(pack, "sholt", NOW).name == "Sarah Holt"


@pytest.mark.parametrize(("now", "allowed"), [
    (datetime(2026, 8, 31, 9, 0, tzinfo=LONDON), True),
    (datetime(2026, 8, 31, 23, 59, tzinfo=LONDON), True),
    (datetime(2026, 9, 1, 0, 0, tzinfo=LONDON), False),
    # 23:30 UTC on 31 August is 00:30 on 1 September in London (BST): access has ended.
    (datetime(2026, 8, 31, 23, 30, tzinfo=UTC), False),
    (datetime(2026, 8, 31, 22, 30, tzinfo=UTC), True),
])
def test_access_for_a_set_period_ends_after_its_local_date(now: datetime, allowed: bool) -> None:
    pack = load_pack("leighton-linslade")
    if allowed:
        assert authorised_officer(pack, "bturner", now).id == "bturner"
    else:
        with pytest.raises(NotAuthorisedError, match="Ben Turner's access ended on 31 August 2026"):
            authorised_officer(pack, "bturner", now)


def test_a_naive_now_is_refused(lewes: PolicyPack) -> None:
    with pytest.raises(NaiveDatetimeError, match="today_local"):
        authorised_officer(lewes, "kmorgan", datetime(2026, 6, 9, 10, 0))


# -- accounts and roles ---------------------------------------------------------------------------

@pytest.mark.parametrize(("account", "allowed"), [
    ("lewes-x", True), ("ldc-housing-facebook", True), ("eastbourne-x", False),
    ("visit-eastbourne-instagram", False), (None, True),
])
def test_officer_acts_only_on_the_accounts_on_record(lewes: PolicyPack, account: str | None, allowed: bool) -> None:
    duty = lewes.officer("kmorgan")
    assert can(lewes, duty, Permission.REPLY, account) is allowed
    if not allowed:
        with pytest.raises(NotAuthorisedError, match=f"not authorised for the account '{account}'"):
            require(lewes, duty, Permission.REPLY, account)


@pytest.mark.parametrize(("officer_id", "permission", "allowed"), [
    ("kmorgan", Permission.DECLARE_EMERGENCY, False),
    ("kmorgan", Permission.POST_CRISIS_UPDATE, False),
    ("rfletcher", Permission.POST_CRISIS_UPDATE, True),
    ("rfletcher", Permission.APPROVE_CRISIS_POST, False),
    ("jharding", Permission.APPROVE_CRISIS_POST, True),
    ("jharding", Permission.REPLY, False),
    ("tgreaves", Permission.DECLARE_EMERGENCY, True),
    ("spatel", Permission.DECLARE_EMERGENCY, True),
    ("tgreaves", Permission.REMOVE, False),
    ("lchambers", Permission.MANAGE_REGISTER, True),
])
def test_lewes_crisis_roles(lewes: PolicyPack, officer_id: str, permission: Permission, allowed: bool) -> None:
    assert can(lewes, lewes.officer(officer_id), permission) is allowed


@pytest.mark.parametrize(("officer_id", "permission", "allowed"), [
    ("cmason", Permission.VIEW_DIRECT_MESSAGES, False),
    ("cmason", Permission.REPLY, True),
    ("cmason", Permission.REMOVE, False),
    ("nshaw", Permission.VIEW_DIRECT_MESSAGES, True),
    ("nshaw", Permission.BLOCK, True),
    ("nshaw", Permission.REMOVE, True),
    ("gpowell", Permission.MANAGE_REGISTER, True),
])
def test_leighton_linslade_editor_versus_administrator(officer_id: str, permission: Permission, allowed: bool) -> None:
    pack = load_pack("leighton-linslade")
    assert can(pack, pack.officer(officer_id), permission) is allowed


def test_buckinghamshire_removal_is_open_to_officers_but_blocking_is_not() -> None:
    pack, officer = _officer("buckinghamshire", "ebaxter")
    require(pack, officer, Permission.REMOVE, "bucks-facebook")
    with pytest.raises(NotAuthorisedError, match=r"\(Communications officer \(Communications Team\)\) may not block"):
        require(pack, officer, Permission.BLOCK, "bucks-facebook")


# -- reading ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("officer_id", "account", "kind", "reason"), [
    ("nshaw", "lltc-facebook", "dm", None),                      # administrator: DMs too
    ("cmason", "lltc-facebook", "comment", None),                # editor on their account
    ("cmason", "lltc-facebook", "dm", "may not view direct messages"),  # 12.1
    ("cmason", "lltc-events-facebook", "comment", "not authorised for the account"),
    ("bturner", "lltc-events-facebook", "dm", "may not view direct messages"),
])
def test_read_refusal(officer_id: str, account: str, kind: str, reason: str | None) -> None:
    from core.models import MessageKind
    from core.permissions import read_refusal, require_read

    pack, officer = _officer("leighton-linslade", officer_id)
    found = read_refusal(pack, officer, account, MessageKind(kind))
    if reason is None:
        assert found is None
        require_read(pack, officer, account, MessageKind(kind))
    else:
        assert found is not None and reason in found
        with pytest.raises(NotAuthorisedError, match=reason):
            require_read(pack, officer, account, MessageKind(kind))


# -- taking over a colleague's claim (dutydesk's rule: the role breaches escalate to) ----------

@pytest.mark.parametrize(
    ("officer", "account", "allowed"),
    [
        ("tgreaves", "eastbourne-x", True),       # engagement lead: breaches escalate to them
        ("dokafor", "eastbourne-x", False),       # duty officer
        ("rfletcher", "lewes-x", False),          # designated responder
        ("spatel", "eastbourne-x", False),        # head of service: may not even claim
    ],
)
def test_who_may_take_over_a_claim(officer: str, account: str, allowed: bool) -> None:
    from core.permissions import take_over_refusal

    pack = load_pack("lewes-eastbourne")
    reason = take_over_refusal(pack, pack.officer(officer), account)
    assert (reason is None) is allowed
    if not allowed:
        assert pack.officer(officer).name in reason
