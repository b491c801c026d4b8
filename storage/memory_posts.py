"""The in-memory store's outgoing posts and incidents: the same rules as `storage.sqlite_posts`
(`core.posts.post_after` and `decided`), kept in lists. Each method finishes without an
await, so it is as atomic as a transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta

from core.emergency import Incident
from core.models import Action, Message, Notification, OutboxItem
from core.posts import OUTBOX_KINDS, Post, PostChange, PostKind, PostState, PostStateError, decided, post_after
from storage.base import NotFoundError, utc
from storage.posts_base import (
    FREEZE_REASON,
    FROZEN_BY_DECLARATION,
    DueRecords,
    EmergencyActiveError,
    PostStore,
    arrival_freeze,
    fold_freezes,
    freeze_line,
    names_incident,
)
from storage.retime import Retime, retimed


class MemoryPosts(PostStore):
    """Mixed into `MemoryStore`: uses its logs (`_prepared`, `_append`, `_outbox`) and messages."""

    _check_open: Callable[[], None]
    _changed: Callable[[], None]
    _prepared: Callable[..., tuple[list, list, list]]
    _append: Callable[[list, list, list], None]
    _outbox: list[OutboxItem]
    _update: Callable[..., OutboxItem]
    _actions: list[Action]
    _messages: dict[int, Message]
    _next_revision: Callable[[], int]

    def _post_tables(self) -> tuple[list[Post], list[Incident]]:
        if not hasattr(self, "_posts_list"):
            self._posts_list: list[Post] = []
            self._incidents_list: list[Incident] = []
            self._post_revision = 0
        return self._posts_list, self._incidents_list

    def _active(self) -> Incident | None:
        return next((i for i in self._post_tables()[1] if i.active), None)

    def _bump(self) -> int:
        self._post_tables()
        self._post_revision += 1
        self._changed()
        return self._post_revision

    def _log(self, actions: Sequence[Action], notifications: Sequence[Notification] = (),
             outbox: OutboxItem | None = None) -> int | None:
        """Append log lines (and an outbox item); the outbox item's id."""
        logs = self._prepared(actions, notifications, [outbox] if outbox is not None else [])
        self._append(*logs)
        return logs[2][0].id if outbox is not None else None

    def _save(self, post: Post, revision: int) -> Post:
        posts, incidents = self._post_tables()
        post = post.model_copy(update={"revision": revision})
        if post.id is None:
            post = post.model_copy(update={"id": len(posts) + 1})
            posts.append(post)
        else:
            posts[post.id - 1] = post
        if post.kind is PostKind.CRISIS and post.incident_id and post.published_at is not None:
            incident = incidents[post.incident_id - 1]
            if incident.first_update_at is None:
                incidents[post.incident_id - 1] = incident.model_copy(
                    update={"first_update_at": post.published_at, "revision": revision})
        return post

    def _checked_actions(self, actions: Sequence[Action], post_id: int) -> list[Action]:
        return [a if a.detail.get("post") is not None else a.model_copy(update={"detail": {**a.detail, "post": post_id}})
                for a in actions]

    async def add_post(self, post: Post, actions: Sequence[Action] = (),
                       outbox: OutboxItem | None = None) -> Post:
        self._check_open()
        posts, _ = self._post_tables()
        new = post.model_copy(update={"id": None})
        active = self._active()
        if post.kind is PostKind.SCHEDULED and active is not None and post.state is PostState.SCHEDULED:
            new = new.model_copy(update={"state": PostState.FROZEN, "incident_id": active.id})
        self._prepared(self._checked_actions(actions, len(posts) + 1), (), [outbox] if outbox else [])
        if outbox is not None:
            new = new.model_copy(update={"state": PostState.PUBLISHED, "published_at": utc(outbox.created_at, "at"),
                                         "outbox_id": self._log((), (), outbox)})
        saved = self._save(new, self._bump())
        self._log(self._checked_actions([*actions, *arrival_freeze(None, saved)], saved.id or 0))
        return saved

    async def change_post(self, change: PostChange, actions: Sequence[Action] = (),
                          outbox: OutboxItem | None = None) -> Post:
        self._check_open()
        active = self._active()
        before = await self.get_post(change.post_id)
        after = post_after(before, change, None if active is None else active.id)
        self._prepared(actions, (), [outbox] if outbox else [])  # refuses bad references first
        if outbox is not None:
            after = after.model_copy(update={"outbox_id": self._log((), (), outbox)})
        saved = self._save(after, self._bump())
        self._log(self._checked_actions([*actions, *arrival_freeze(before, saved)], change.post_id))
        return saved

    async def get_post(self, post_id: int) -> Post:
        self._check_open()
        posts, _ = self._post_tables()
        if not 1 <= post_id <= len(posts):
            raise NotFoundError(f"no post with id {post_id}")
        return posts[post_id - 1]

    async def posts(self, states: Collection[PostState] | None = None,
                    accounts: Collection[str] | None = None, limit: int = 500) -> list[Post]:
        self._check_open()
        picked = [p for p in self._post_tables()[0] if (states is None or p.state in states)
                  and (accounts is None or p.account in accounts)]
        picked.sort(key=lambda p: (p.publish_at, p.id))
        return picked[:max(limit, 0)]

    async def publish_due(self, now: datetime, grace: timedelta, records: DueRecords,
                          limit: int = 500) -> list[Post]:
        self._check_open()
        now = utc(now, "now")
        active = self._active()
        due = [p for p in await self.posts({PostState.SCHEDULED}, limit=len(self._post_tables()[0]))
               if active is not None or p.publish_at <= now][:max(limit, 0)]
        if not due:
            return []
        revision = self._bump()
        out = []
        for post in due:
            after, outcome = decided(post, now, grace, None if active is None else active.id)
            actions, item = records(after, outcome)
            if item is not None and post.outbox_id is not None:
                self._release_held(post)  # handed over before a freeze held it
            elif item is not None:
                after = after.model_copy(update={"outbox_id": self._log((), (), item)})
            self._log(actions)
            out.append(self._save(after, revision))
        return out

    async def next_post_at(self) -> datetime | None:
        self._check_open()
        return min((p.publish_at for p in self._post_tables()[0] if p.state is PostState.SCHEDULED),
                   default=None)

    async def posted_today(self, since: datetime) -> set[str]:
        self._check_open()
        since = utc(since, "since")
        return {p.account for p in self._post_tables()[0]
                if (p.published_at is not None and p.published_at >= since)
                or (p.state in (PostState.SCHEDULED, PostState.FROZEN) and p.publish_at >= since)}

    # -- incidents ---------------------------------------------------------------------------
    async def declare_emergency(self, incident: Incident, actions: Sequence[Action] = (),
                                notifications: Sequence[Notification] = (),
                                freeze: bool = True, retime: Retime | None = None) -> Incident:
        self._check_open()
        posts, incidents = self._post_tables()
        if self._active() is not None:
            raise EmergencyActiveError("an emergency is already declared: resolve it first")
        incident_id = len(incidents) + 1
        frozen = [i for i, p in enumerate(posts) if freeze and p.kind is PostKind.SCHEDULED
                  and p.state in (PostState.SCHEDULED, PostState.HELD)]
        held_items, handed_over = self._handed_over(posts) if freeze else (set(), [])
        frozen += handed_over
        logged = [a.model_copy(update={"detail": {**a.detail, "incident": incident_id, "frozen": len(frozen)}})
                  for a in actions]
        logs = self._prepared(logged, notifications, [])
        revision = self._bump()
        at = utc(incident.declared_at, "declared_at")
        for item in [o for o in self._outbox if o.id in held_items]:
            self._update(item, held=True, hold_reason=FREEZE_REASON)
        for i in frozen:
            posts[i] = posts[i].model_copy(update={"state": PostState.FROZEN, "incident_id": incident_id,
                                                   "updated_by": incident.declared_by,
                                                   "updated_at": at, "revision": revision})
        stored = incident.model_copy(update={"id": incident_id, "frozen_count": len(frozen),
                                             "revision": revision, "declared_at": at})
        incidents.append(stored)
        self._append(*logs)
        by_time = sorted((posts[i] for i in frozen), key=lambda p: (p.publish_at, p.id))
        self._log([freeze_line(p, incident_id, incident.declared_by, at, FROZEN_BY_DECLARATION) for p in by_time])
        if retime is not None:
            self._retime_related(stored, retime)
        return stored

    def _handed_over(self, posts: list[Post]) -> tuple[set[int | None], list[int]]:
        """The undelivered, unheld outbox items of scheduled posts (the freeze holds them), and
        the indexes of the published posts they carry (the freeze freezes them)."""
        kind = OUTBOX_KINDS[PostKind.SCHEDULED]
        held = {o.id for o in self._outbox if o.sent_at is None and not o.held and o.kind == kind}
        return held, [i for i, p in enumerate(posts) if p.kind is PostKind.SCHEDULED
                      and p.state is PostState.PUBLISHED and p.outbox_id in held]

    def _release_held(self, post: Post) -> None:
        item = self._outbox[(post.outbox_id or 0) - 1]
        if item.sent_at is None and item.held and item.hold_reason == FREEZE_REASON:
            self._update(item, held=False, hold_reason=None, text=post.text)

    async def resolve_emergency(self, incident_id: int, by: str, at: datetime, reason: str,
                                actions: Sequence[Action] = (),
                                notifications: Sequence[Notification] = (),
                                retime: Retime | None = None) -> Incident:
        self._check_open()
        posts, incidents = self._post_tables()
        active = self._active()
        if active is None or active.id != incident_id:
            raise PostStateError(f"incident {incident_id} is not the declared emergency")
        logs = self._prepared(actions, notifications, [])
        revision = self._bump()
        at = utc(at, "at")
        for i, p in enumerate(posts):
            if p.state is PostState.FROZEN:
                posts[i] = p.model_copy(update={"state": PostState.REVIEW, "updated_by": by,
                                                "updated_at": at, "revision": revision})
        done = active.model_copy(update={"resolved_by": by, "resolved_at": at, "resolve_reason": reason,
                                         "revision": revision})
        incidents[incident_id - 1] = done
        self._append(*logs)
        if retime is not None:
            self._retime_related(None, retime)
        return done

    async def retime_related(self, retime: Retime) -> int:
        self._check_open()
        self._post_tables()
        return self._retime_related(self._active(), retime)

    def _retime_related(self, incident: Incident | None, retime: Retime) -> int:
        """Re-time every awaiting emergency-related message (`storage.retime`); how many."""
        changed = [after for m in list(self._messages.values()) if (after := retimed(m, incident, retime))]
        for after in changed:
            self._messages[after.id] = after.model_copy(update={"revision": self._next_revision()})
        if changed:
            self._changed()
        return len(changed)

    async def active_incident(self) -> Incident | None:
        self._check_open()
        return self._active()

    async def get_incident(self, incident_id: int) -> Incident:
        self._check_open()
        incidents = self._post_tables()[1]
        if not 1 <= incident_id <= len(incidents):
            raise NotFoundError(f"no incident with id {incident_id}")
        return incidents[incident_id - 1]

    async def incidents(self, limit: int = 100) -> list[Incident]:
        self._check_open()
        return list(reversed(self._post_tables()[1]))[:max(limit, 0)]

    async def incident_timeline(self, incident: Incident, limit: int | None = 5000,
                                freeze_lines: int | None = None) -> list[Action]:
        self._check_open()
        start, end = utc(incident.declared_at, "declared_at"), incident.resolved_at
        during = [a for a in self._actions if a.at >= start and (end is None or a.at <= end)]
        after = [a for a in self._actions if end is not None and a.at > end
                 and names_incident(a, incident.id or 0)]
        key = lambda a: (a.at, a.id)  # noqa: E731
        return fold_freezes(sorted(during, key=key) + sorted(after, key=key), limit, freeze_lines)

    async def emergency_revision(self) -> int:
        self._check_open()
        self._post_tables()
        return self._post_revision
