"""The council's own outgoing posts: scheduled posts and crisis updates, and their rules.

A scheduled post waits for its time; the engine then publishes it through the outbox, once.
One whose time passed more than the pack's grace period ago (nothing was running) is HELD for a
person instead. While an emergency is declared every scheduled post is FROZEN; after it is
resolved each frozen post waits in REVIEW until a person releases, edits or cancels it. A crisis
update is written by a designated responder and, where the pack says so, AWAITS APPROVAL by a
second person before it is published.

Pure rules: the stores apply `post_after` (a change to one post) and `due_outcome` (what the
engine does with a due post) inside their own write transactions, so both stores agree.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.models import AwareDatetime, Platform


class PostKind(StrEnum):
    SCHEDULED = "scheduled"
    """A post written ahead and published at its time."""
    CRISIS = "crisis"
    """A crisis update written during an emergency by a designated responder."""


class PostState(StrEnum):
    SCHEDULED = "scheduled"
    """Waiting for its time; the engine publishes it then."""
    HELD = "held"
    """Its time passed while nothing ran, by more than the grace period: a person decides."""
    FROZEN = "frozen"
    """Frozen by a declared emergency: nothing publishes it."""
    REVIEW = "review"
    """Was frozen; the emergency is over: a person releases, edits or cancels it."""
    AWAITING_APPROVAL = "awaiting_approval"
    """A crisis update waiting for a second person in an approver role."""
    PUBLISHED = "published"
    """Handed to the outbox."""
    REFUSED = "refused"
    """A crisis update an approver refused."""
    CANCELLED = "cancelled"
    """Cancelled by a person."""

    @property
    def needs_person(self) -> bool:
        """Whether the post waits on a person (held, or in review after an emergency)."""
        return self in (PostState.HELD, PostState.REVIEW)


#: States a person may still edit or cancel.
EDITABLE = frozenset({PostState.SCHEDULED, PostState.HELD, PostState.FROZEN, PostState.REVIEW,
                      PostState.AWAITING_APPROVAL})
#: States a person releases from (back to SCHEDULED, at a time they choose).
RELEASABLE = frozenset({PostState.HELD, PostState.REVIEW})

#: The longest post each network takes, in characters.
PLATFORM_LIMITS = {Platform.X: 280, Platform.MASTODON: 500, Platform.INSTAGRAM: 2200,
                   Platform.LINKEDIN: 3000, Platform.FACEBOOK: 63206}

#: The outbox kinds of published posts.
OUTBOX_KINDS = {PostKind.SCHEDULED: "scheduled_post", PostKind.CRISIS: "crisis_update"}


class PostError(ValueError):
    """A post that cannot be written or changed as asked; the message says why."""


class Post(BaseModel):
    """One outgoing post of one account."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: int | None = None
    """The store's id (None before it is stored)."""
    account: str = Field(min_length=1, max_length=100)
    """The pack's id of the account it goes out on."""
    kind: PostKind
    """Scheduled post or crisis update."""
    text: str = Field(min_length=1, max_length=63206)
    """The body, exactly as it will be posted."""
    publish_at: AwareDatetime
    """When it is due to go out (a crisis update: when it was written)."""
    state: PostState
    """Where it stands."""
    created_by: str
    """The officer who wrote it."""
    created_at: AwareDatetime
    """When it was written."""
    updated_by: str | None = None
    """Who last changed it (an officer, or `engine`)."""
    updated_at: AwareDatetime | None = None
    """When it last changed."""
    approved_by: str | None = None
    """The approver of a crisis update."""
    incident_id: int | None = None
    """The emergency that froze it, or that a crisis update belongs to."""
    outbox_id: int | None = None
    """The outbox item it was published as."""
    published_at: AwareDatetime | None = None
    """When it was handed to the outbox."""
    note: str = ""
    """Why it was refused or cancelled, if it was."""
    revision: int = 0
    """Bumped on every change (dashboards refetch when it moves)."""


class PostChange(BaseModel):
    """A change to one post by a person, applied only if the post is in `expect_from`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    post_id: int
    """The post."""
    by: str
    """The officer."""
    at: AwareDatetime
    """When."""
    expect_from: frozenset[PostState]
    """The states the change applies to; StateConflictError from the store otherwise."""
    to_state: PostState | None = None
    """The new state (None: unchanged; FROZEN instead of SCHEDULED while an emergency lasts)."""
    text: str | None = None
    """New text, if edited."""
    publish_at: AwareDatetime | None = None
    """New time, if rescheduled."""
    approved_by: str | None = None
    """Set when a crisis update is approved."""
    note: str | None = None
    """The reason given (a refusal, a cancellation)."""
    publish: bool = False
    """Hand it to the outbox in the same transaction (an approved or unapproved crisis update)."""
    not_during_emergency: bool = False
    """Refuse while an emergency is declared (releasing a post)."""


def check_text(text: str, platform: Platform) -> str:
    """`text` stripped; PostError if empty or too long for the network."""
    body = text.strip()
    if not body:
        raise PostError("a post cannot be empty")
    limit = PLATFORM_LIMITS[platform]
    if len(body) > limit:
        raise PostError(f"{len(body):,} characters is too long for {platform.value} "
                        f"(at most {limit:,})")
    return body


def check_time(publish_at: datetime, now: datetime) -> datetime:
    """A time to schedule for: PostError if it is already past by more than a minute."""
    if publish_at < now - timedelta(minutes=1):
        raise PostError(f"{publish_at:%Y-%m-%d %H:%M} has passed: choose a later time")
    return publish_at


class DueOutcome(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    FREEZE = "freeze"
    WAIT = "wait"


def due_outcome(post: Post, now: datetime, grace: timedelta, emergency: bool) -> DueOutcome:
    """What the engine does with a scheduled post at `now`: nothing yet, publish it, hold it
    (its time passed more than `grace` ago), or freeze it (an emergency is declared)."""
    if post.state is not PostState.SCHEDULED:
        return DueOutcome.WAIT
    if emergency and post.kind is PostKind.SCHEDULED:
        return DueOutcome.FREEZE
    if post.publish_at > now:
        return DueOutcome.WAIT
    if now - post.publish_at > grace:
        return DueOutcome.HOLD
    return DueOutcome.PUBLISH


def decided(post: Post, now: datetime, grace: timedelta,
            emergency_id: int | None) -> tuple[Post, DueOutcome]:
    """A due post as the engine leaves it at `now` (published, held or frozen by the declared
    emergency `emergency_id`), and the outcome. The store adds the outbox id."""
    outcome = due_outcome(post, now, grace, emergency_id is not None)
    update: dict = {"updated_by": "engine", "updated_at": now}
    if outcome is DueOutcome.FREEZE:
        update |= {"state": PostState.FROZEN, "incident_id": emergency_id}
    elif outcome is DueOutcome.HOLD:
        update["state"] = PostState.HELD
    elif outcome is DueOutcome.PUBLISH:
        update |= {"state": PostState.PUBLISHED, "published_at": now}
    return post.model_copy(update=update), outcome


def post_after(post: Post, change: PostChange, emergency_id: int | None) -> Post:
    """`post` after `change`, or PostStateError. A post scheduled while an emergency is
    declared (`emergency_id`) is frozen by it instead. The revision is the store's to set."""
    if post.state not in change.expect_from:
        expected = ", ".join(sorted(s.value for s in change.expect_from))
        raise PostStateError(f"post {post.id} is {post.state.value}, not {expected}")
    if change.not_during_emergency and emergency_id is not None:
        raise PostStateError("an emergency is declared: every scheduled post stays frozen until "
                             "it is resolved")
    update: dict = {"updated_by": change.by, "updated_at": change.at}
    state = change.to_state
    if state is PostState.SCHEDULED and emergency_id is not None and post.kind is PostKind.SCHEDULED:
        state = PostState.FROZEN
        update["incident_id"] = emergency_id
    if state is not None:
        update["state"] = state
    for name in ("text", "publish_at", "approved_by", "note"):
        value = getattr(change, name)
        if value is not None:
            update[name] = value
    if change.publish:
        update["state"] = PostState.PUBLISHED
        update["published_at"] = change.at
    return post.model_copy(update=update)


class PostStateError(PostError):
    """The post was not in a state the change expected (someone got there first)."""
