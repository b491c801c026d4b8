"""The engine's publishing job: each scheduled post goes to the outbox at its time, once.

`Store.publish_due` decides every due post inside one write transaction that first reads
whether an emergency is declared, so a post is never published after a freeze has committed.
A post whose time passed more than the pack's grace period ago (nothing ran at its time) is
held for a person instead. Each outcome is logged; a hold notifies the desks.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from core.models import Action, Notification, NotificationLevel, OutboxItem
from core.policy import PolicyPack
from core.posts import OUTBOX_KINDS, DueOutcome, Post
from service.firing import ENGINE_ACTOR, first_words
from storage.base import Store

log = logging.getLogger("dutydesk.engine")

#: How many due posts one transaction decides; `publish_posts` keeps going until none are left.
BATCH = 500

_VERBS = {DueOutcome.PUBLISH: "post_published", DueOutcome.HOLD: "post_held",
          DueOutcome.FREEZE: "post_frozen"}


def post_detail(post: Post, **extra: object) -> dict[str, object]:
    """The detail every post action carries: which post, which incident, what it says."""
    return {"post": post.id, "incident": post.incident_id, "text": post.text, **extra}


def due_records(post: Post, outcome: DueOutcome) -> tuple[Sequence[Action], OutboxItem | None]:
    """The log line of one due post's outcome, and its outbox item when it is published."""
    at = post.updated_at
    assert at is not None
    late = max(0, round((at - post.publish_at).total_seconds()))
    action = Action(at=at, actor=ENGINE_ACTOR, verb=_VERBS.get(outcome, "post_frozen"),
                    account=post.account, detail=post_detail(post, late_seconds=late))
    item = None
    if outcome is DueOutcome.PUBLISH:
        item = OutboxItem(created_at=at, account=post.account, kind=OUTBOX_KINDS[post.kind],
                          text=post.text, created_by=post.created_by)
    return [action], item


def hold_notice(post: Post) -> Notification:
    at = post.updated_at
    assert at is not None
    late = (at - post.publish_at)
    minutes = int(late.total_seconds() // 60)
    return Notification(at=at, level=NotificationLevel.WARNING, kind="post_held",
                        title=f"Scheduled post held for review: {minutes} min past its time",
                        body=first_words(post.text), account=post.account)


async def publish_posts(store: Store, pack: PolicyPack, now: datetime) -> int:
    """Publish (or hold, or freeze) every scheduled post due at or before `now`; how many
    were published."""
    grace = timedelta(minutes=pack.emergency.grace_minutes)
    published = 0
    while True:
        done = await store.publish_due(now, grace, due_records, limit=BATCH)
        held = [p for p in done if p.state.value == "held"]
        if held:
            await store.record(notifications=[hold_notice(p) for p in held])
        for post in done:
            log.info("post %s (%s): %s", post.id, post.account, post.state.value)
        published += sum(1 for p in done if p.published_at == now and p.state.value == "published")
        if len(done) < BATCH:
            return published


async def next_work_at(store: Store) -> datetime | None:
    """When the engine next has something to do: a warning or breach, a statutory clock's
    warning or lateness, or a post's time."""
    times = [t for t in (await store.next_event_at(), await store.next_statutory_at(),
                         await store.next_post_at()) if t is not None]
    return min(times, default=None)
