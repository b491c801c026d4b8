"""The posts and incidents part of the `Store` contract, against both stores."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.emergency import Incident
from core.models import Action, Message, OutboxItem
from core.posts import DueOutcome, Post, PostChange, PostKind, PostState, PostStateError
from core.sla import Deadlines
from storage.base import FiredEvent, NotFoundError, Store
from storage.posts_base import EmergencyActiveError
from tests.storage.helpers import T0, new_message
from tests.storage.helpers import minutes as span


def minutes(n: float):
    return T0 + span(n)

GRACE = timedelta(minutes=5)


def post(at_minutes: float = 10, account: str = "acct", kind: PostKind = PostKind.SCHEDULED,
         state: PostState = PostState.SCHEDULED, by: str = "kim") -> Post:
    return Post(account=account, kind=kind, text=f"post at {at_minutes}", publish_at=minutes(at_minutes),
                state=state, created_by=by, created_at=T0)


def incident(at: float = 0) -> Incident:
    return Incident(title="Flood", reason="river burst", declared_by="lead", declared_at=minutes(at),
                    first_update_due=minutes(at + 20))


def records(post: Post, outcome: DueOutcome) -> tuple[list[Action], OutboxItem | None]:
    action = Action(at=post.updated_at, actor="engine", verb=f"post_{outcome.value}",
                    account=post.account, detail={"post": post.id})
    item = None
    if outcome is DueOutcome.PUBLISH:
        item = OutboxItem(created_at=post.updated_at, account=post.account, kind="scheduled_post",
                          text=post.text, created_by=post.created_by)
    return [action], item


async def test_add_and_read_posts_in_time_order(store: Store) -> None:
    late = await store.add_post(post(30))
    early = await store.add_post(post(10, account="other"))
    assert late.id != early.id and late.revision > 0
    assert [p.id for p in await store.posts()] == [early.id, late.id]
    assert [p.id for p in await store.posts(accounts={"other"})] == [early.id]
    assert await store.posts(states=set()) == []
    assert (await store.get_post(late.id)).text == "post at 30"
    assert await store.next_post_at() == minutes(10)
    with pytest.raises(NotFoundError):
        await store.get_post(999)


async def test_publish_due_publishes_once_through_the_outbox(store: Store) -> None:
    p = await store.add_post(post(10))
    assert await store.publish_due(minutes(9), GRACE, records) == []
    done = await store.publish_due(minutes(11), GRACE, records)
    assert [(d.id, d.state) for d in done] == [(p.id, PostState.PUBLISHED)]
    assert done[0].outbox_id is not None and done[0].published_at == minutes(11)
    assert await store.publish_due(minutes(12), GRACE, records) == []
    items = await store.outbox()
    assert [(i.id, i.kind, i.text) for i in items] == [(done[0].outbox_id, "scheduled_post", "post at 10")]
    assert await store.next_post_at() is None
    assert "acct" in await store.posted_today(T0)


async def test_a_post_missed_past_the_grace_is_held_not_published(store: Store) -> None:
    p = await store.add_post(post(10))
    done = await store.publish_due(minutes(16), GRACE, records)
    assert [(d.id, d.state) for d in done] == [(p.id, PostState.HELD)]
    assert await store.outbox() == []


async def test_declaring_freezes_every_scheduled_post_and_refuses_a_second(store: Store) -> None:
    a = await store.add_post(post(1))
    b = await store.add_post(post(600))
    declared = await store.declare_emergency(incident(), [Action(at=T0, actor="lead", verb="emergency_declared")])
    assert declared.id is not None and declared.frozen_count == 2
    assert {p.state for p in await store.posts()} == {PostState.FROZEN}
    assert (await store.active_incident()).id == declared.id
    # Due now, but frozen: nothing publishes, and the timeline says who declared.
    assert await store.publish_due(minutes(2), GRACE, records) == []
    assert await store.outbox() == []
    timeline = await store.incident_timeline(declared)
    assert timeline[0].verb == "emergency_declared" and timeline[0].detail["frozen"] == 2
    with pytest.raises(EmergencyActiveError):
        await store.declare_emergency(incident(1))
    # A post scheduled during the emergency is frozen on arrival; rescheduling keeps it frozen.
    c = await store.add_post(post(700))
    assert c.state is PostState.FROZEN and c.incident_id == declared.id
    with pytest.raises(PostStateError):
        await store.change_post(PostChange(post_id=a.id, by="kim", at=minutes(3),
                                           expect_from=frozenset({PostState.FROZEN}),
                                           to_state=PostState.SCHEDULED, not_during_emergency=True))
    assert b.id is not None


async def test_resolving_puts_frozen_posts_in_review_and_nothing_publishes(store: Store) -> None:
    a = await store.add_post(post(1))
    declared = await store.declare_emergency(incident())
    resolved = await store.resolve_emergency(declared.id, "lead", minutes(30), "water receding")
    assert not resolved.active and resolved.resolve_reason == "water receding"
    assert (await store.get_post(a.id)).state is PostState.REVIEW
    assert await store.publish_due(minutes(31), GRACE, records) == []
    assert await store.active_incident() is None
    with pytest.raises(PostStateError):
        await store.resolve_emergency(declared.id, "lead", minutes(31), "again")
    # Released at a new time by a person: it publishes then, and the timeline keeps the release.
    released = await store.change_post(
        PostChange(post_id=a.id, by="kim", at=minutes(32), expect_from=frozenset({PostState.REVIEW}),
                   to_state=PostState.SCHEDULED, publish_at=minutes(40), not_during_emergency=True),
        [Action(at=minutes(32), actor="kim", verb="post_released", detail={"incident": declared.id})])
    assert released.state is PostState.SCHEDULED
    assert [d.state for d in await store.publish_due(minutes(40), GRACE, records)] == [PostState.PUBLISHED]
    timeline = await store.incident_timeline(await store.get_incident(declared.id))
    assert [a.verb for a in timeline][-1] == "post_released"


async def test_crisis_update_published_sets_the_first_update(store: Store) -> None:
    declared = await store.declare_emergency(incident())
    draft = await store.add_post(post(5, kind=PostKind.CRISIS, state=PostState.AWAITING_APPROVAL)
                                 .model_copy(update={"incident_id": declared.id}))
    assert draft.state is PostState.AWAITING_APPROVAL
    item = OutboxItem(created_at=minutes(6), account="acct", kind="crisis_update", text=draft.text,
                      created_by="kim")
    approved = await store.change_post(
        PostChange(post_id=draft.id, by="bsp", at=minutes(6), expect_from=frozenset({PostState.AWAITING_APPROVAL}),
                   approved_by="bsp", publish=True), outbox=item)
    assert approved.state is PostState.PUBLISHED and approved.outbox_id is not None
    assert (await store.active_incident()).first_update_at == minutes(6)
    with pytest.raises(PostStateError):
        await store.change_post(PostChange(post_id=draft.id, by="bsp", at=minutes(7),
                                           expect_from=frozenset({PostState.AWAITING_APPROVAL}), publish=True))


async def test_emergency_revision_moves_on_every_post_or_incident_change(store: Store) -> None:
    before = await store.emergency_revision()
    p = await store.add_post(post(10))
    after_add = await store.emergency_revision()
    declared = await store.declare_emergency(incident())
    after_declare = await store.emergency_revision()
    assert before < after_add < after_declare
    assert p.id is not None and declared.id is not None
    assert [i.id for i in await store.incidents()] == [declared.id]


async def test_a_post_handed_to_the_outbox_but_not_delivered_is_held_by_the_freeze(store: Store) -> None:
    p = await store.add_post(post(1))
    [published] = await store.publish_due(minutes(1), GRACE, records)
    declared = await store.declare_emergency(incident(2))
    assert declared.frozen_count == 1
    item = await store.outbox_item(published.outbox_id)
    assert item.held and item.hold_reason == "emergency freeze" and item.sent_at is None
    assert await store.due_deliveries(minutes(3)) == []  # never reaches a connector
    assert (await store.get_post(p.id)).state is PostState.FROZEN
    await store.resolve_emergency(declared.id, "lead", minutes(30), "over")
    edited = await store.change_post(PostChange(post_id=p.id, by="kim", at=minutes(31),
                                                expect_from=frozenset({PostState.REVIEW}), text="edited text",
                                                to_state=PostState.SCHEDULED, publish_at=minutes(32),
                                                not_during_emergency=True))
    assert edited.outbox_id == published.outbox_id
    [again] = await store.publish_due(minutes(32), GRACE, records)
    assert again.state is PostState.PUBLISHED and again.outbox_id == published.outbox_id
    items = [i for i in await store.outbox() if i.kind == "scheduled_post"]
    assert [(i.id, i.held, i.text) for i in items] == [(published.outbox_id, False, "edited text")]
    assert [i.id for i in await store.due_deliveries(minutes(33))] == [published.outbox_id]


async def test_the_declaration_logs_one_freeze_line_per_frozen_post(store: Store) -> None:
    late = await store.add_post(post(600, account="other"))
    early = await store.add_post(post(1))
    held = (await store.publish_due(minutes(20), GRACE, records))  # `early` (and only it) is held
    assert [p.state for p in held] == [PostState.HELD]
    declared = await store.declare_emergency(
        incident(21), [Action(at=minutes(21), actor="lead", verb="emergency_declared")])
    timeline = await store.incident_timeline(declared)
    assert [a.verb for a in timeline] == ["emergency_declared", "post_frozen", "post_frozen"]
    frozen = timeline[1:]
    # By scheduled time: which post, its account and time, who froze it and when.
    assert [(a.detail["post"], a.account, a.actor, a.at) for a in frozen] == [
        (early.id, "acct", "lead", minutes(21)), (late.id, "other", "lead", minutes(21))]
    assert frozen[0].detail == {"post": early.id, "incident": declared.id, "text": "post at 1",
                                "publish_at": minutes(1).isoformat(), "note": "frozen by the declaration"}
    assert frozen[1].detail["publish_at"] == minutes(600).isoformat()


async def test_a_post_arriving_during_the_emergency_logs_its_freeze(store: Store) -> None:
    declared = await store.declare_emergency(incident(), [Action(at=T0, actor="lead", verb="emergency_declared")])
    arrived = await store.add_post(post(30).model_copy(update={"created_at": minutes(2)}),
                                   [Action(at=minutes(2), actor="kim", verb="post_scheduled")])
    timeline = await store.incident_timeline(declared)
    assert [a.verb for a in timeline] == ["emergency_declared", "post_scheduled", "post_frozen"]
    assert (timeline[2].actor, timeline[2].detail["post"], timeline[2].detail["incident"]) == (
        "kim", arrived.id, declared.id)
    assert "on arrival" in timeline[2].detail["note"]
    # An edit of a post already frozen is no new freeze.
    await store.change_post(PostChange(post_id=arrived.id, by="kim", at=minutes(3),
                                       expect_from=frozenset({PostState.FROZEN}), text="new words"),
                            [Action(at=minutes(3), actor="kim", verb="post_edited")])
    assert [a.verb for a in await store.incident_timeline(declared)][-1] == "post_edited"


async def test_the_timeline_can_fold_the_freeze_lines_and_keep_what_follows(store: Store) -> None:
    for n in range(5):
        await store.add_post(post(10 + n))
    declared = await store.declare_emergency(incident(), [Action(at=T0, actor="lead", verb="emergency_declared")])
    await store.resolve_emergency(declared.id, "lead", minutes(9), "over",
                                  [Action(at=minutes(9), actor="lead", verb="emergency_resolved")])
    done = await store.get_incident(declared.id)
    assert len(await store.incident_timeline(done, limit=None)) == 7
    folded = await store.incident_timeline(done, freeze_lines=2)
    assert [a.verb for a in folded] == ["emergency_declared", "post_frozen", "post_frozen", "emergency_resolved"]
    assert [a.verb for a in await store.incident_timeline(done, limit=3)] == [
        "emergency_declared", "post_frozen", "post_frozen"]


def _rule(message: Message, incident: Incident | None) -> Deadlines | None:
    """A stand-in for `core.emergency.related_deadlines`: 10 minutes from the declaration while
    one is declared, 60 from receipt otherwise (the tests of the real rule are in tests/core)."""
    if incident is None:
        start, total, left = message.received_at, 60, (30, 10)
    else:
        start, total, left = incident.declared_at, 10, (5, 2)
    due = start + span(total)
    return Deadlines(due_at=due, warning_1_at=due - span(left[0]), warning_2_at=due - span(left[1]))


async def test_declaring_and_resolving_retime_awaiting_related_messages(store: Store) -> None:
    related = ("emergency_related",)
    [early, plain] = await store.add_messages([new_message("r1", labels=related), new_message("p1")])
    before = await store.max_revision()
    declared = await store.declare_emergency(incident(at=0), retime=_rule)
    one = await store.get_message(early.message_id)
    assert (one.due_at, one.warning_1_at, one.warning_2_at) == (minutes(10), minutes(5), minutes(8))
    assert (await store.get_message(plain.message_id)).due_at == minutes(60)
    assert one.revision > before and await store.next_event_at() == minutes(5)

    # One arriving during the emergency carries intake's normal times until re-timed, once.
    [late] = await store.add_messages([new_message("r2", received=minutes(3), labels=related)])
    assert await store.retime_related(_rule) == 1
    assert await store.retime_related(_rule) == 0
    assert (await store.get_message(late.message_id)).due_at == minutes(10)
    assert await store.fire_event(FiredEvent(message_id=early.message_id, event=3))

    await store.resolve_emergency(declared.id, "lead", minutes(20), "water receding", retime=_rule)
    one = await store.get_message(early.message_id)
    assert (one.due_at, one.warning_1_at, one.warning_2_at) == (minutes(60), minutes(30), minutes(50))
    assert one.breach_fired  # fired stays fired: the breach does not fire again at 60
    assert (await store.get_message(late.message_id)).due_at == minutes(63)
    assert await store.retime_related(_rule) == 0
    assert await store.next_event_at() == minutes(30)
