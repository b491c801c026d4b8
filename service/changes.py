"""How a dashboard learns what any process changed, without re-reading everything.

`ChangeFeed.poll()` is cheap when nothing changed (one `data_version` read); when something
did, it returns only the messages whose revision rose and the notifications added since the
last poll. A dashboard calls it a few times a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.models import Message, Notification
from storage.base import Store


@dataclass(frozen=True)
class Changes:
    """What changed since the previous poll."""

    messages: list[Message] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.messages or self.notifications)


class ChangeFeed:
    """Polls one store for changes. Call `start()` once, then `poll()` as often as you like."""

    def __init__(self, store: Store, batch: int = 2000) -> None:
        self.store = store
        self.batch = batch
        self._version: int | None = None
        self._revision = 0
        self._notification_id = 0

    async def start(self) -> None:
        """Begin from now: what is already stored is not reported as a change."""
        self._version = await self.store.data_version()
        self._revision = await self.store.max_revision()
        self._notification_id = await self.store.max_notification_id()

    async def poll(self) -> Changes:
        """Changes since the last poll (empty when `data_version` has not moved)."""
        version = await self.store.data_version()
        if version == self._version:
            return Changes()
        self._version = version
        messages = await self._changed_messages()
        notifications = await self.store.notifications_after(self._notification_id)
        if notifications:
            self._notification_id = notifications[-1].id or self._notification_id
        return Changes(messages=messages, notifications=notifications)

    async def _changed_messages(self) -> list[Message]:
        out: list[Message] = []
        while True:
            chunk = await self.store.changed_since(self._revision, limit=self.batch)
            if not chunk:
                return out
            out.extend(chunk)
            self._revision = chunk[-1].revision
            if len(chunk) < self.batch:
                return out
