"""How a dashboard learns what any process changed, without re-reading everything.

`ChangeFeed.poll()` is cheap when nothing changed (one `data_version` read); when something
did, it returns only the messages whose revision rose and the notifications added since the
last poll. A dashboard calls it a few times a second.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from core.models import Message, Notification
from storage.base import Store

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What changed since the previous poll."""

    messages: list[Message] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    posts: bool = False
    """Whether a post or an emergency changed (`Store.emergency_revision` moved)."""

    def __bool__(self) -> bool:
        return bool(self.messages or self.notifications or self.posts)


class ChangeFeed:
    """Polls one store for changes. Call `start()` once, then `poll()` as often as you like."""

    def __init__(self, store: Store, batch: int = 2000) -> None:
        self.store = store
        self.batch = batch
        self._version: int | None = None
        self._revision = 0
        self._notification_id = 0
        self._posts_revision = 0

    @property
    def started(self) -> bool:
        """Whether `start()` has given the feed its starting mark."""
        return self._version is not None

    async def start(self) -> None:
        """Begin from now: what is already stored is not reported as a change."""
        self._version = await self.store.data_version()
        self._revision = await self.store.max_revision()
        self._notification_id = await self.store.max_notification_id()
        self._posts_revision = await self.store.emergency_revision()

    async def restart(self) -> list[Notification]:
        """Begin again from now, returning the notifications added since the last mark (the
        changed messages are skipped: a dashboard refetches what it shows anyway). What an
        engine did while starting, without reading back every message it touched."""
        notifications, _ = await self._drain(self.store.notifications_after, self._notification_id,
                                             lambda n: n.id or 0)
        await self.start()
        return notifications

    async def poll(self) -> Changes:
        """Changes since the last poll (empty when `data_version` has not moved). Everything
        changed since is returned, however much: it is read in pages of `batch`."""
        version = await self.store.data_version()
        if version == self._version:
            return Changes()
        self._version = version
        messages, self._revision = await self._drain(self.store.changed_since, self._revision,
                                                     lambda m: m.revision)
        notifications, self._notification_id = await self._drain(
            self.store.notifications_after, self._notification_id, lambda n: n.id or 0)
        posts_revision = await self.store.emergency_revision()
        posts, self._posts_revision = posts_revision != self._posts_revision, posts_revision
        return Changes(messages=messages, notifications=notifications, posts=posts)

    async def _drain(self, fetch: Callable[[int, int], Awaitable[list[T]]], after: int,
                     mark: Callable[[T], int]) -> tuple[list[T], int]:
        """Every item `fetch(after, limit)` has past `after`, and the mark of the last one."""
        out: list[T] = []
        while True:
            chunk = await fetch(after, self.batch)
            out.extend(chunk)
            if chunk:
                after = mark(chunk[-1])
            if len(chunk) < self.batch:
                return out, after
