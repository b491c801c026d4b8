"""The store's part for outgoing posts and emergencies (`Store` inherits it).

The promises these methods keep, in both stores:
- `declare_emergency` records the incident and freezes every scheduled (and held) post in ONE
  write transaction, with one `post_frozen` line per frozen post in that transaction (after
  the declaration's own line); a second declaration while one is active is refused.
- `publish_due` decides each due post inside ONE write transaction that first reads whether an
  emergency is declared: a post is published (moved to the outbox) only if no emergency is, so
  a post due in the freeze's own second is either published before the declaration committed
  or frozen by it, never published after it.
- `change_post` is compare-and-set on the post's state; a post rescheduled while an emergency
  is declared is frozen instead, in the same transaction.
- Given the rule (`retime`), declaring and resolving re-time the awaiting emergency-related
  messages in the same transaction; `retime_related` does it alone, in one transaction.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime, timedelta

from core.emergency import EmergencyError, Incident
from core.models import Action, Notification, OutboxItem
from core.posts import DueOutcome, Post, PostChange, PostState
from storage.retime import Retime

#: For `publish_due`: the log lines and outbox item of one post's outcome (the post as after).
DueRecords = Callable[[Post, DueOutcome], tuple[Sequence[Action], OutboxItem | None]]


class EmergencyActiveError(EmergencyError):
    """An emergency is already declared (only one at a time)."""


class PostStore(ABC):
    """Outgoing posts and incidents."""

    @abstractmethod
    async def add_post(self, post: Post, actions: Sequence[Action] = (),
                       outbox: OutboxItem | None = None) -> Post:
        """Store a new post with its log lines. A scheduled post arriving while an emergency is
        declared is stored FROZEN by it. With `outbox` (a crisis update needing no approval)
        the post is published in the same transaction."""

    @abstractmethod
    async def change_post(self, change: PostChange, actions: Sequence[Action] = (),
                          outbox: OutboxItem | None = None) -> Post:
        """Apply `change` (see `core.posts.post_after`) with its log lines; with `outbox`, the
        post is published as that item. NotFoundError, or PostStateError if it moved on."""

    @abstractmethod
    async def get_post(self, post_id: int) -> Post:
        """The post, or NotFoundError."""

    @abstractmethod
    async def posts(self, states: Collection[PostState] | None = None,
                    accounts: Collection[str] | None = None, limit: int = 500) -> list[Post]:
        """Posts in `states` on `accounts` (None: all), by publish time then id."""

    @abstractmethod
    async def publish_due(self, now: datetime, grace: timedelta, records: DueRecords,
                          limit: int = 500) -> list[Post]:
        """Publish, hold or freeze each scheduled post due at or before `now` (see
        `core.posts.due_outcome`), in one transaction that reads the emergency state first;
        the posts changed, as after."""

    @abstractmethod
    async def next_post_at(self) -> datetime | None:
        """When the earliest scheduled post is due, or None."""

    @abstractmethod
    async def posted_today(self, since: datetime) -> set[str]:
        """The accounts with a post published at or after `since`, or scheduled (or frozen)
        from `since` on."""

    # -- incidents ---------------------------------------------------------------------------
    @abstractmethod
    async def declare_emergency(self, incident: Incident, actions: Sequence[Action] = (),
                                notifications: Sequence[Notification] = (),
                                freeze: bool = True, retime: Retime | None = None) -> Incident:
        """Record `incident` and (with `freeze`) freeze every scheduled or held post, all in
        one transaction; EmergencyActiveError if one is already declared. With `retime`, the
        same transaction re-times every awaiting emergency-related message for the incident
        (`storage.retime`). The incident as stored (id, frozen_count)."""

    @abstractmethod
    async def resolve_emergency(self, incident_id: int, by: str, at: datetime, reason: str,
                                actions: Sequence[Action] = (),
                                notifications: Sequence[Notification] = (),
                                retime: Retime | None = None) -> Incident:
        """End the incident and move every post it froze to REVIEW, in one transaction (with
        `retime`, re-timing every awaiting emergency-related message for no emergency);
        PostStateError if it is not active."""

    @abstractmethod
    async def retime_related(self, retime: Retime) -> int:
        """In one transaction, read the declared emergency (if any) and re-time every awaiting
        emergency-related message for it (`storage.retime`): the ones that arrived since the
        declaration. How many changed."""

    @abstractmethod
    async def active_incident(self) -> Incident | None:
        """The declared emergency, if one is."""

    @abstractmethod
    async def get_incident(self, incident_id: int) -> Incident:
        """The incident, or NotFoundError."""

    @abstractmethod
    async def incidents(self, limit: int = 100) -> list[Incident]:
        """Incidents, newest first."""

    @abstractmethod
    async def incident_timeline(self, incident: Incident, limit: int | None = 5000,
                                freeze_lines: int | None = None) -> list[Action]:
        """The incident's record, oldest first: every action from its declaration to its
        resolution, then the post actions that name it (releases after it). At most `limit`
        lines (None: all), of which at most `freeze_lines` `post_frozen` lines (None: all), so
        a screen can fold a freeze of thousands of posts and still show what came after."""

    @abstractmethod
    async def emergency_revision(self) -> int:
        """A number that moves whenever a post or an incident changes."""


#: Why the freeze holds a scheduled post already handed to the outbox but not yet delivered
#: (delivery's hold: it never reaches a connector until released).
FREEZE_REASON = "emergency freeze"

#: Action verbs about posts (the timeline keeps those naming the incident after it ends).
POST_VERBS = ("post_scheduled", "post_edited", "post_cancelled", "post_released", "post_published",
              "post_held", "post_frozen", "crisis_drafted", "crisis_approved", "crisis_refused", "crisis_published")


def names_incident(action: Action, incident_id: int) -> bool:
    """Whether a post action after the incident belongs to its record."""
    return action.verb in POST_VERBS and action.detail.get("incident") == incident_id


#: The note on each timeline line of a post frozen by a declaration.
FROZEN_BY_DECLARATION = "frozen by the declaration"
#: The note on the line of a post scheduled (or rescheduled) while an emergency is declared.
FROZEN_ON_ARRIVAL = "frozen on arrival: an emergency is declared"


def freeze_line(post: Post, incident_id: int, by: str, at: datetime, note: str) -> Action:
    """The timeline line of one frozen post: which post, its account and scheduled time, who
    froze it (the declarer, or the officer whose post arrived frozen) and when."""
    return Action(at=at, actor=by, verb="post_frozen", account=post.account,
                  detail={"post": post.id, "incident": incident_id, "text": post.text,
                          "publish_at": post.publish_at.astimezone(UTC).isoformat(), "note": note})


def arrival_freeze(before: Post | None, after: Post) -> list[Action]:
    """The freeze line of a post that arrived (or was rescheduled) frozen, if it did."""
    if after.state is not PostState.FROZEN or after.incident_id is None:
        return []
    if before is not None and before.state is PostState.FROZEN:
        return []
    at = after.updated_at or after.created_at
    return [freeze_line(after, after.incident_id, after.updated_by or after.created_by, at, FROZEN_ON_ARRIVAL)]


def fold_freezes(actions: Sequence[Action], limit: int | None, freeze_lines: int | None) -> list[Action]:
    """`actions` with at most `freeze_lines` post_frozen lines, then at most `limit` lines."""
    if freeze_lines is not None:
        seen = 0
        kept = []
        for a in actions:
            if a.verb == "post_frozen":
                seen += 1
                if seen > freeze_lines:
                    continue
            kept.append(a)
        actions = kept
    return list(actions) if limit is None else list(actions)[:max(limit, 0)]
