"""Emergency mode through the service: per pack, the freeze, approvals, the review queue."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.emergency import EmergencyError
from core.pack_files import load_pack
from core.permissions import NotAuthorisedError
from core.policy import Officer, Permission, PolicyPack
from core.posts import PostState, PostStateError
from service.desk import DeskSession
from service.emergency import CrisisDesk, when_from_text
from service.engine import Engine
from service.publishing import publish_posts
from storage.base import Store
from storage.posts_base import EmergencyActiveError
from storage.sqlite import SqliteStore
from tests.service.conftest import MONDAY_10


def crisis(store: Store, pack: PolicyPack, clock: FixedClock, officer: str) -> CrisisDesk:
    return CrisisDesk(DeskSession(store, pack, clock, officer))


async def test_lewes_declaration_freezes_posts_and_crisis_updates_need_a_second_person(store: Store) -> None:
    pack, clock = load_pack("lewes-eastbourne"), FixedClock(MONDAY_10)
    kate = crisis(store, pack, clock, "kmorgan")
    post = await kate.schedule("lewes-x", "Bin day reminder", MONDAY_10 + timedelta(minutes=1))
    with pytest.raises(NotAuthorisedError):  # a duty officer may not declare
        await kate.declare("Flood", "river burst")
    lead = crisis(store, pack, clock, "tgreaves")
    with pytest.raises(EmergencyError):
        await lead.declare("Flood", "   ")
    incident = await lead.declare("Flood in Lewes", "the Ouse burst its banks")
    assert incident.frozen_count == 1
    assert incident.first_update_due == MONDAY_10 + timedelta(minutes=20)
    assert incident.extended_until == MONDAY_10 + timedelta(hours=12)
    assert (await store.get_post(post.id)).state is PostState.FROZEN
    with pytest.raises(EmergencyActiveError):
        await lead.declare("Again", "twice")

    # Only designated responders write crisis updates; a duty officer is refused in core.
    with pytest.raises(NotAuthorisedError):
        await kate.draft_crisis("lewes-x", "Avoid the riverside")
    rachel = crisis(store, pack, clock, "rfletcher")
    draft = await rachel.draft_crisis("lewes-x", "Avoid the riverside. Updates here.")
    assert draft.state is PostState.AWAITING_APPROVAL and await store.outbox() == []
    with pytest.raises(NotAuthorisedError):  # the author is not an approver
        await rachel.approve(draft.id)
    james = crisis(store, pack, clock, "jharding")
    clock.advance(timedelta(minutes=4))
    approved = await james.approve(draft.id)
    assert approved.state is PostState.PUBLISHED and approved.approved_by == "jharding"
    assert [i.kind for i in await store.outbox()] == ["crisis_update"]
    assert (await store.active_incident()).first_update_at == clock.now()

    # The statement names the extended hours and when cover resumes (6.3).
    statement = lead.statement(await lead.refresh(), clock.now(), "lewes-x")
    assert "until 22:00 on Monday 02 March" in statement and "starts again at 08:30" in statement

    # Due while frozen: the engine publishes nothing.
    clock.advance(timedelta(minutes=2))
    assert await publish_posts(store, pack, clock.now()) == 0
    assert [i.kind for i in await store.outbox()] == ["crisis_update"]

    # Resolving: only a declare role, with a reason; frozen posts wait in review.
    with pytest.raises(NotAuthorisedError):
        await rachel.resolve("over")
    done = await lead.resolve("water receding")
    assert not done.active
    assert (await store.get_post(post.id)).state is PostState.REVIEW
    clock.advance(timedelta(minutes=30))
    assert await publish_posts(store, pack, clock.now()) == 0
    released = await kate.release(post.id)
    assert released.state is PostState.SCHEDULED
    assert await publish_posts(store, pack, clock.now()) == 1
    assert "back to its normal hours" in lead.statement(done, clock.now(), "lewes-x")
    verbs = [a.verb for a in (await lead.timeline(incident.id))[1]]
    assert "emergency_declared" in verbs and "crisis_approved" in verbs
    assert "emergency_resolved" in verbs and verbs[-2:] == ["post_released", "post_published"]


def _two_approvers(pack: PolicyPack) -> PolicyPack:
    """Lewes with the BSP role also a responder, and a second BSP officer."""
    roles = tuple(r.model_copy(update={"permissions": r.permissions | {Permission.POST_CRISIS_UPDATE}})
                  if r.id == "bsp_officer" else r for r in pack.roles)
    emergency = pack.emergency.model_copy(
        update={"responder_roles": (*pack.emergency.responder_roles, "bsp_officer")})
    second = Officer(id="abell", name="Amy Bell", role="bsp_officer")
    return pack.model_copy(update={"roles": roles, "emergency": emergency,
                                   "officers": (*pack.officers, second)})


async def test_no_one_approves_their_own_crisis_update(store: Store) -> None:
    pack, clock = _two_approvers(load_pack("lewes-eastbourne")), FixedClock(MONDAY_10)
    await crisis(store, pack, clock, "tgreaves").declare("Fire", "warehouse fire")
    james = crisis(store, pack, clock, "jharding")
    draft = await james.draft_crisis("lewes-x", "Keep windows closed.")
    with pytest.raises(NotAuthorisedError, match="no one approves their own"):
        await james.approve(draft.id)
    assert (await store.get_post(draft.id)).state is PostState.AWAITING_APPROVAL
    amy = crisis(store, pack, clock, "abell")
    assert (await amy.approve(draft.id)).state is PostState.PUBLISHED


async def test_refusing_needs_a_reason_and_keeps_it_off_the_outbox(store: Store) -> None:
    pack, clock = load_pack("lewes-eastbourne"), FixedClock(MONDAY_10)
    await crisis(store, pack, clock, "tgreaves").declare("Fire", "warehouse fire")
    draft = await crisis(store, pack, clock, "rfletcher").draft_crisis("lewes-x", "Unverified rumour")
    james = crisis(store, pack, clock, "jharding")
    with pytest.raises(EmergencyError):
        await james.refuse(draft.id, " ")
    refused = await james.refuse(draft.id, "not agreed by silver command")
    assert refused.state is PostState.REFUSED and await store.outbox() == []


async def test_buckinghamshire_freezes_until_resolved_and_posts_without_approval(store: Store) -> None:
    pack, clock = load_pack("buckinghamshire"), FixedClock(MONDAY_10)
    emma = crisis(store, pack, clock, "ebaxter")
    posts = [await emma.schedule("bucks-x", f"Post {i}", MONDAY_10 + timedelta(minutes=i)) for i in range(3)]
    david = crisis(store, pack, clock, "dcampbell")
    incident = await david.declare("Hacked account", "suspicious posts")
    assert incident.first_update_due is None and incident.frozen_count == 3
    update = await emma.draft_crisis("bucks-x", "Our account was compromised; ignore recent posts.")
    assert update.state is PostState.PUBLISHED
    edited = await emma.edit(posts[0].id, at=MONDAY_10 + timedelta(minutes=5))
    assert edited.state is PostState.FROZEN  # edited, still frozen
    with pytest.raises(PostStateError):  # nothing is released while the emergency lasts
        await emma.release(posts[0].id)
    # Hours pass: every scheduled post stays frozen until the emergency is resolved.
    clock.advance(timedelta(hours=6))
    assert await publish_posts(store, pack, clock.now()) == 0
    await david.resolve("passwords reset")
    clock.advance(timedelta(hours=1))
    assert await publish_posts(store, pack, clock.now()) == 0
    assert sorted(p.state for p in await store.posts()) == [PostState.PUBLISHED] + [PostState.REVIEW] * 3


async def test_a_post_missed_past_the_grace_is_held_for_review(store: Store) -> None:
    pack, clock = load_pack("lewes-eastbourne"), FixedClock(MONDAY_10)
    kate = crisis(store, pack, clock, "kmorgan")
    late = await kate.schedule("lewes-x", "Too late", MONDAY_10 + timedelta(minutes=1))
    soon = await kate.schedule("lewes-x", "Within the grace", MONDAY_10 + timedelta(minutes=2))
    clock.set(MONDAY_10 + timedelta(minutes=6, seconds=30))  # 5m30s and 4m30s late
    assert await publish_posts(store, pack, clock.now()) == 1
    assert await publish_posts(store, pack, clock.now()) == 0
    assert (await store.get_post(soon.id)).state is PostState.PUBLISHED
    assert (await store.get_post(late.id)).state is PostState.HELD
    assert [n.kind for n in await store.notifications_after(0)] == ["post_held"]


async def test_quiet_accounts_are_those_with_nothing_posted_or_scheduled_today(store: Store) -> None:
    pack, clock = load_pack("lewes-eastbourne"), FixedClock(MONDAY_10)
    kate = crisis(store, pack, clock, "kmorgan")
    await kate.schedule("lewes-x", "Today", MONDAY_10 + timedelta(hours=3))
    assert "lewes-x" not in await kate.quiet_accounts(clock.now())
    assert "lewes-facebook" in await kate.quiet_accounts(clock.now())


@pytest.mark.parametrize("text, minutes", [("now", 0), ("+30m", 30), ("+2h", 120), ("10:45", 45),
                                           ("2026-03-02 11:00", 60)])
def test_times_typed_by_an_officer(text: str, minutes: int) -> None:
    assert when_from_text(text, MONDAY_10, "Europe/London") == MONDAY_10 + timedelta(minutes=minutes)


def test_a_time_that_is_not_one_is_refused_naming_it() -> None:
    with pytest.raises(EmergencyError, match="'soon'"):
        when_from_text("soon", MONDAY_10, "Europe/London")


async def test_freeze_race_a_post_due_in_the_freezes_own_second_is_never_published(tmp_path: Path) -> None:
    """Two connections on one file: the engine publishing and an officer declaring at the same
    instant, many times over. Each post ends frozen, and no outbox item of it is deliverable."""
    pack = load_pack("lewes-eastbourne")
    path = tmp_path / "race.sqlite3"
    desk_store, engine_store = SqliteStore(path), SqliteStore(path)
    await desk_store.open()
    await engine_store.open()
    try:
        for round_ in range(20):
            at = MONDAY_10 + timedelta(hours=round_)
            clock = FixedClock(at - timedelta(seconds=30))
            kate = crisis(desk_store, pack, clock, "kmorgan")
            post = await kate.schedule("lewes-x", f"round {round_}", at)
            clock.set(at)
            lead = crisis(desk_store, pack, clock, "tgreaves")
            await asyncio.gather(lead.declare("Race", "testing"), publish_posts(engine_store, pack, at))
            stored = await desk_store.get_post(post.id)
            outboxed = [i for i in await desk_store.outbox(unsent_only=False) if i.text == f"round {round_}"]
            # Whichever committed first, the post ends frozen: published a moment before, its
            # outbox item is held by the freeze and never reaches a connector.
            assert stored.state is PostState.FROZEN
            assert len(outboxed) <= 1 and all(i.held and i.sent_at is None for i in outboxed)
            assert await desk_store.due_deliveries(at + timedelta(hours=1)) == []
            assert await publish_posts(engine_store, pack, at + timedelta(seconds=1)) == 0
            await lead.resolve("done")
            await kate.cancel(post.id)
    finally:
        await desk_store.close()
        await engine_store.close()


async def test_engine_takeover_mid_incident_keeps_the_freeze(tmp_path: Path) -> None:
    pack = load_pack("lewes-eastbourne")
    path = tmp_path / "takeover.sqlite3"
    first, second = SqliteStore(path), SqliteStore(path)
    await first.open()
    await second.open()
    try:
        clock = FixedClock(MONDAY_10)
        kate = crisis(first, pack, clock, "kmorgan")
        post = await kate.schedule("lewes-x", "Due in a minute", MONDAY_10 + timedelta(minutes=1))
        engine_a = Engine(first, pack, clock, holder="a", lease_ttl=5, heartbeat=1)
        assert await engine_a.beat() == "gained"
        clock.advance(timedelta(seconds=1))
        incident = await crisis(first, pack, clock, "tgreaves").declare("Storm", "red warning")
        # Engine A dies without a word; B takes over after the ttl and catches up, with the
        # post's time passed (within the grace: unfrozen, it would go out).
        clock.advance(timedelta(minutes=2))
        engine_b = Engine(second, pack, clock, holder="b", lease_ttl=5, heartbeat=1)
        assert await engine_b.beat() == "gained"
        await engine_b.run_due(clock.now())
        assert (await second.get_post(post.id)).state is PostState.FROZEN
        assert await second.outbox() == []
        # The countdown and the timeline carry on from the store.
        again = await second.active_incident()
        assert again.id == incident.id and again.first_update_due == MONDAY_10 + timedelta(minutes=20, seconds=1)
        james = crisis(second, pack, clock, "rfletcher")
        await james.draft_crisis("lewes-x", "Stay indoors")
        verbs = [a.verb for a in await second.incident_timeline(again)]
        assert verbs[0] == "emergency_declared" and verbs[-1] == "crisis_drafted"
    finally:
        await first.close()
        await second.close()


async def test_the_timeline_records_every_freeze_and_every_review_with_who_and_when(store: Store) -> None:
    pack, clock = load_pack("lewes-eastbourne"), FixedClock(MONDAY_10)
    kate = crisis(store, pack, clock, "kmorgan")
    posts = [await kate.schedule("lewes-x", f"Notice {n}", MONDAY_10 + timedelta(hours=n + 1)) for n in range(3)]
    lead = crisis(store, pack, clock, "tgreaves")
    incident = await lead.declare("Flood", "river burst")
    clock.advance(timedelta(minutes=5))
    late = await kate.schedule("lewes-x", "Arrives frozen", MONDAY_10 + timedelta(hours=6))
    clock.advance(timedelta(minutes=5))
    await lead.resolve("water receding")
    clock.advance(timedelta(minutes=5))
    await kate.release(posts[0].id, MONDAY_10 + timedelta(hours=2))
    await kate.edit(posts[1].id, "Notice 1, put right")
    await kate.cancel(posts[2].id, "no longer true")
    _, lines = await lead.timeline(incident.id)
    frozen = [(a.detail["post"], a.actor, a.at, a.detail["note"]) for a in lines if a.verb == "post_frozen"]
    assert frozen == [(p.id, "tgreaves", MONDAY_10, "frozen by the declaration") for p in posts] + [
        (late.id, "kmorgan", MONDAY_10 + timedelta(minutes=5), "frozen on arrival: an emergency is declared")]
    reviewed = [(a.verb, a.detail["post"], a.actor, a.at) for a in lines
                if a.verb in ("post_released", "post_edited", "post_cancelled")]
    after = MONDAY_10 + timedelta(minutes=15)
    assert reviewed == [("post_released", posts[0].id, "kmorgan", after),
                        ("post_edited", posts[1].id, "kmorgan", after),
                        ("post_cancelled", posts[2].id, "kmorgan", after)]
    # A screen may fold the freeze lines; what follows them stays.
    _, folded = await lead.timeline(incident.id, freeze_lines=1)
    assert [a.verb for a in folded].count("post_frozen") == 1 and folded[-1].verb == "post_cancelled"
