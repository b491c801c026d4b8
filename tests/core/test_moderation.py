"""The two-warning ladder in core, per shipped pack: the steps, who may block, what happens to
the content. Every refusal here is made by calling `core.moderation` directly, not a screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.models import Author, Message, MessageKind, NotificationLevel
from core.moderation import (
    PRIVATE_WARNING,
    REMOVE_CONTENT,
    ModerationError,
    block,
    counting_strikes,
    mark_inappropriate,
    next_step,
    request_block,
    standing,
    unblock,
)
from core.moderation_models import AuthorChange, AuthorRecord, AuthorState, LadderStep, StrikeDecision
from core.pack_files import load_pack
from core.permissions import NotAuthorisedError
from core.policy import PolicyPack

NOW = datetime(2026, 11, 17, 14, 0, tzinfo=UTC)
W, FINAL, REQUEST, NONE = (LadderStep.WARNING, LadderStep.FINAL_WARNING, LadderStep.BLOCK_REQUEST,
                           LadderStep.NONE)


def message(pack: PolicyPack, n: int, account: str | None = None, author: str = "u-1",
            kind: MessageKind = MessageKind.COMMENT) -> Message:
    account = account or pack.accounts[0].id
    return Message(platform=pack.account(account).platform, platform_id=str(n), account=account,
                   kind=kind, author=Author(platform_id=author, handle="@persistent"),
                   text=f"rude comment {n}", received_at=NOW, ingested_at=NOW, due_at=None, id=n)


def applied(record: AuthorRecord, decision: StrikeDecision | AuthorChange) -> AuthorRecord:
    """`record` after the store wrote `decision` (what the store does, minus the store)."""
    update: dict = {"handle": "@persistent"}
    if isinstance(decision, StrikeDecision):
        update["strikes"] = (*record.strikes, decision.strike)
    if decision.status is not None:
        update["status"] = decision.status
    return record.model_copy(update=update)


def empty(pack: PolicyPack, author: str = "u-1") -> AuthorRecord:
    return AuthorRecord(platform=pack.accounts[0].platform, author_platform_id=author)


def ladder(pack: PolicyPack, officer_id: str, count: int, account: str | None = None,
           step: timedelta = timedelta(hours=1)) -> tuple[AuthorRecord, list[StrikeDecision]]:
    officer = pack.officer(officer_id)
    record, decisions = empty(pack), []
    for n in range(1, count + 1):
        decision = mark_inappropriate(pack, officer, message(pack, n, account),
                                      pack.moderation.categories[0], record, NOW + step * n)
        decisions.append(decision)
        record = applied(record, decision)
    return record, decisions


# pack, an officer who marks, the account, the steps of strikes 1..4, removed?, the blocker,
# officers who may not block.
PACKS = [
    ("lewes-eastbourne", "kmorgan", "lewes-x", [W, FINAL, REQUEST, NONE], False, "tgreaves",
     ["kmorgan", "rfletcher", "spatel"]),
    ("buckinghamshire", "ebaxter", "bucks-x", [FINAL, REQUEST, NONE, NONE], True, "dcampbell",
     ["ebaxter", "lmurphy", "ahughes"]),
    ("lincolnshire", "gwright", "lincs-x", [W, FINAL, REQUEST, NONE], False, "jbarker",
     ["gwright", "cevans"]),
    ("lincolnshire", "jbarker", "lincs-x", [W, FINAL, REQUEST, NONE], True, "mhussain",
     ["owalker", "cevans"]),
    ("north-lincolnshire", "sholt", "nlc-x", [W, FINAL, REQUEST, NONE], False, "mkelly",
     ["sholt", "hjohnson", "ncarter"]),
    ("leighton-linslade", "cmason", "lltc-x", [W, FINAL, REQUEST, NONE], False, "nshaw",
     ["cmason", "gpowell", "jlewis"]),
    ("leighton-linslade", "nshaw", "lltc-x", [W, FINAL, REQUEST, NONE], True, "nshaw",
     ["cmason", "gpowell"]),
]
IDS = [f"{p[0]}-{p[1]}" for p in PACKS]


@pytest.mark.parametrize(("name", "marker", "account", "steps", "removed", "blocker", "others"), PACKS, ids=IDS)
def test_the_ladders_steps(name, marker, account, steps, removed, blocker, others) -> None:  # noqa: ANN001
    pack = load_pack(name)
    record, decisions = ladder(pack, marker, 4, account)
    assert [d.strike.step for d in decisions] == steps
    assert [d.strike.number for d in decisions] == [1, 2, 3, 4]
    assert record.state is AuthorState.BLOCK_REQUESTED
    warnings = [d.outbox for d in decisions]
    templates = pack.moderation.warning_templates
    for step, items in zip(steps, warnings, strict=True):
        texts = [i.text for i in items if i.kind == PRIVATE_WARNING]
        if step is W:
            assert texts and texts[0].startswith(templates.first.split("{")[0])
        elif step is FINAL:
            assert texts and texts[0].startswith(templates.final.split("{")[0])
        assert all(pack.moderation.categories[0] in t and pack.officer(marker).name in t for t in texts)
    request = decisions[steps.index(REQUEST)]
    asked = [n for n in request.notifications if n.kind == "block_request"]
    assert {n.role for n in asked} == set(pack.moderation.block_roles)


@pytest.mark.parametrize(("name", "marker", "account", "steps", "removed", "blocker", "others"), PACKS, ids=IDS)
def test_what_happens_to_the_content(name, marker, account, steps, removed, blocker, others) -> None:  # noqa: ANN001
    pack = load_pack(name)
    _, [first, *_] = ladder(pack, marker, 1, account)
    kinds = [i.kind for i in first.outbox]
    assert (REMOVE_CONTENT in kinds) == removed
    if removed:
        # Removed, then explained privately (Buckinghamshire 3): the warning says why.
        assert kinds == [REMOVE_CONTENT, PRIVATE_WARNING]
        assert "content removed" in first.entry.outcome
    else:
        assert f"referred to {pack.moderation.report_to}, not removed" in first.entry.outcome
    [report] = [n for n in first.notifications if n.kind == "moderation_report"]
    assert report.role == pack.moderation.reporting_role
    at_once = name == "lincolnshire"
    assert report.level == (NotificationLevel.WARNING if at_once else NotificationLevel.INFO)
    assert ("reported at once to the Digital Engagement Team (DET) officer" in first.entry.outcome) == at_once
    assert first.entry.content == "rude comment 1" and first.entry.category == pack.moderation.categories[0]


def test_lewes_and_eastbourne_never_remove_not_even_the_lead() -> None:
    pack = load_pack("lewes-eastbourne")
    _, decisions = ladder(pack, "tgreaves", 3)
    assert not any(i.kind == REMOVE_CONTENT for d in decisions for i in d.outbox)


@pytest.mark.parametrize(("name", "marker", "account", "steps", "removed", "blocker", "others"), PACKS, ids=IDS)
def test_only_the_blocking_role_blocks_and_unblocks(name, marker, account, steps, removed, blocker, others) -> None:  # noqa: ANN001
    pack = load_pack(name)
    record, _ = ladder(pack, marker, 4, account)
    for officer_id in others:
        officer = pack.officer(officer_id)
        with pytest.raises(NotAuthorisedError) as refused:
            block(pack, officer, record, NOW, "persistent abuse")
        # The refusal names who may and quotes the policy's section.
        assert pack.moderation.who_blocks in str(refused.value)
        assert pack.role(pack.moderation.block_roles[0]).title in str(refused.value)
    blocked = applied(record, block(pack, pack.officer(blocker), record, NOW, "persistent abuse"))
    assert blocked.state is AuthorState.BLOCKED
    for officer_id in others:
        with pytest.raises(NotAuthorisedError, match="may not unblock"):
            unblock(pack, pack.officer(officer_id), blocked, NOW, "apologised")
    lifted = applied(blocked, unblock(pack, pack.officer(blocker), blocked, NOW + timedelta(days=1),
                                      "apologised"))
    assert lifted.state is AuthorState.CLEAR
    # The ladder starts again after a block is lifted.
    assert next_step(pack, lifted, NOW + timedelta(days=2)) == steps[0]


def test_a_duty_officer_cannot_block_by_calling_core_directly() -> None:
    pack = load_pack("lewes-eastbourne")
    record, _ = ladder(pack, "kmorgan", 3)
    with pytest.raises(NotAuthorisedError, match=r"Kate Morgan \(Customer First social media officer\) "
                       r"may not block: only the Customer Communications and Engagement Lead may block \(8\.2"):
        block(pack, pack.officer("kmorgan"), record, NOW, "enough")


def test_block_needs_the_warnings_first_and_a_reason() -> None:
    pack = load_pack("lewes-eastbourne")
    lead = pack.officer("tgreaves")
    record, _ = ladder(pack, "kmorgan", 1)
    with pytest.raises(ModerationError, match="no block is requested .* 2 warning"):
        block(pack, lead, record, NOW, "enough")
    record, _ = ladder(pack, "kmorgan", 3)
    with pytest.raises(ModerationError, match="give a reason"):
        block(pack, lead, record, NOW, "   ")


def test_a_block_can_be_requested_by_hand_once_every_warning_is_sent() -> None:
    pack = load_pack("lewes-eastbourne")
    duty = pack.officer("kmorgan")
    one, _ = ladder(pack, "kmorgan", 1)
    with pytest.raises(ModerationError, match="had 1 of the 2 warning"):
        request_block(pack, duty, one, NOW, "still posting")
    two, _ = ladder(pack, "kmorgan", 2)
    change = request_block(pack, duty, two, NOW, "still posting")
    assert change.status.state is AuthorState.BLOCK_REQUESTED
    assert {n.role for n in change.notifications} == {"engagement_lead"}
    # The lead may decline it: the ladder starts again.
    declined = unblock(pack, pack.officer("tgreaves"), applied(two, change), NOW, "not persistent")
    assert declined.entry.action == "request_declined" and declined.status.cleared_at == NOW


def test_a_category_the_policy_does_not_name_is_refused() -> None:
    pack = load_pack("lewes-eastbourne")
    with pytest.raises(ModerationError, match="not one of the policy's categories"):
        mark_inappropriate(pack, pack.officer("kmorgan"), message(pack, 1), "rude", empty(pack), NOW)


def test_marking_needs_warn_on_the_account_and_sight_of_direct_messages() -> None:
    pack = load_pack("lewes-eastbourne")
    category = pack.moderation.categories[0]
    # Kate Morgan is not authorised for the Eastbourne accounts (3.2 register).
    with pytest.raises(NotAuthorisedError, match="not authorised for the account 'eastbourne-x'"):
        mark_inappropriate(pack, pack.officer("kmorgan"), message(pack, 1, "eastbourne-x"), category,
                           empty(pack), NOW)
    with pytest.raises(NotAuthorisedError, match="may not warn"):
        mark_inappropriate(pack, pack.officer("spatel"), message(pack, 1), category, empty(pack), NOW)
    lltc = load_pack("leighton-linslade")
    dm = message(lltc, 1, "lltc-x", kind=MessageKind.DIRECT_MESSAGE)
    with pytest.raises(NotAuthorisedError, match="view direct messages"):
        mark_inappropriate(lltc, lltc.officer("cmason"), dm, lltc.moderation.categories[0],
                           empty(lltc), NOW)


def test_strikes_count_across_the_councils_accounts() -> None:
    pack = load_pack("lewes-eastbourne")
    duty = pack.officer("rfletcher")  # every account
    record = empty(pack)
    for n, account in enumerate(["lewes-x", "eastbourne-x"], start=1):
        record = applied(record, mark_inappropriate(pack, duty, message(pack, n, account),
                                                    pack.moderation.categories[1], record, NOW))
    assert [s.step for s in record.strikes] == [W, FINAL]


def _expiring(days: int | None) -> PolicyPack:
    base = load_pack("lewes-eastbourne")
    return base.model_copy(update={"moderation": base.moderation.model_copy(
        update={"warnings_expire_days": days})})


@pytest.mark.parametrize(("days", "later", "expected"), [
    (None, timedelta(days=3650), FINAL),  # the default: warnings never expire
    (30, timedelta(days=29), FINAL),
    (30, timedelta(days=30), W),  # exactly the period later: expired
    (30, timedelta(days=31), W),
])
def test_warnings_expire_after_the_packs_period(days, later, expected) -> None:  # noqa: ANN001
    pack = _expiring(days)
    record, _ = ladder(pack, "kmorgan", 1, step=timedelta(0))
    assert next_step(pack, record, NOW + later) == expected
    assert len(counting_strikes(pack, record, NOW + later)) == (1 if expected is FINAL else 0)


def test_the_badge_follows_the_standing() -> None:
    pack = load_pack("lewes-eastbourne")
    badges = []
    for count in range(4):
        record, _ = ladder(pack, "kmorgan", count)
        badges.append(standing(pack, record, NOW + timedelta(days=1)).badge)
    record, _ = ladder(pack, "kmorgan", 3)
    blocked = applied(record, block(pack, pack.officer("tgreaves"), record, NOW, "persistent"))
    badges.append(standing(pack, blocked, NOW).badge)
    assert badges == ["", "W1", "W2", "BLOCK REQUESTED", "BLOCKED"]


def test_a_pack_with_no_warnings_requests_a_block_at_once() -> None:
    pack = _expiring(None)
    pack = pack.model_copy(update={"moderation": pack.moderation.model_copy(
        update={"warnings_before_block": 0})})
    _, [first] = ladder(pack, "kmorgan", 1)
    assert first.strike.step is REQUEST and not any(i.kind == PRIVATE_WARNING for i in first.outbox)


def test_shipped_packs_cite_their_warning_wording() -> None:
    for name in ("lewes-eastbourne", "buckinghamshire", "lincolnshire", "north-lincolnshire",
                 "leighton-linslade"):
        moderation = load_pack(name).moderation
        assert "warning_templates" in moderation.model_fields_set, name
        assert "block_source" in moderation.model_fields_set, name
        assert "{category}" in moderation.warning_templates.first
