"""`MemoryStore`'s outbox methods: the same rules as `storage.sqlite_outbox`, on a list."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Any

from core.models import Action, Notification, OutboxItem
from storage.base import NotFoundError, utc
from storage.outbox import HoldFilter, OutboxCounts, count_by_account, deliverable, next_try, short_error


class MemoryOutbox:
    """Mixed into `MemoryStore`, whose `_outbox`, `_check_open`, `_changed`, `_prepared` and
    `_append` these use. Item n is `_outbox[n - 1]`."""

    _outbox: list[OutboxItem]
    _check_open: Callable[[], None]
    _changed: Callable[[], None]
    _prepared: Callable[..., tuple[list, list, list]]
    _append: Callable[..., None]
    _identity: str | None = None

    def _item(self, item_id: int) -> OutboxItem:
        self._check_open()
        if not 1 <= item_id <= len(self._outbox):
            raise NotFoundError(f"no outbox item with id {item_id}")
        return self._outbox[item_id - 1]

    def _update(self, item: OutboxItem, **changes: Any) -> OutboxItem:
        assert item.id is not None
        after = self._outbox[item.id - 1] = item.model_copy(update=changes)
        self._changed()
        return after

    async def outbox(self, unsent_only: bool = True, limit: int = 500) -> list[OutboxItem]:
        self._check_open()
        picked = [o for o in self._outbox if not unsent_only or o.sent_at is None]
        return picked[:max(limit, 0)]

    async def outbox_item(self, item_id: int) -> OutboxItem:
        return self._item(item_id)

    async def mark_outbox_sent(self, item_id: int, at: datetime) -> bool:
        at = utc(at, "at")
        item = self._item(item_id)
        if item.sent_at is not None:
            return False
        self._update(item, sent_at=at)
        return True

    async def store_id(self) -> str:
        self._check_open()
        if self._identity is None:
            self._identity = uuid.uuid4().hex
        return self._identity

    async def due_deliveries(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        self._check_open()
        now = utc(now, "now")
        return [o for o in self._outbox if deliverable(o, now)][:max(limit, 0)]

    async def next_delivery_at(self) -> datetime | None:
        self._check_open()
        return min((next_try(o) for o in self._outbox if deliverable(o)), default=None)

    async def begin_delivery(self, item_id: int, now: datetime,
                             retry_at: datetime) -> OutboxItem | None:
        now, retry_at = utc(now, "now"), utc(retry_at, "retry_at")
        item = self._item(item_id)
        if not deliverable(item, now):
            return None
        return self._update(item, attempts=item.attempts + 1, next_attempt_at=retry_at)

    async def delivery_failed(self, item_id: int, error: str, at: datetime,
                              retry_at: datetime | None,
                              notifications: Sequence[Notification] = ()) -> bool:
        at = utc(at, "at")
        retry = None if retry_at is None else utc(retry_at, "retry_at")
        item = self._item(item_id)
        if item.sent_at is not None:
            return False
        logs = self._prepared((), notifications, ())
        self._update(item, last_error=short_error(error), next_attempt_at=retry,
                     failed_at=at if retry is None else None)
        self._append(*logs)
        return True

    async def route_outbox(self, routed: Collection[str]) -> dict[str, int]:
        self._check_open()
        found: dict[str, int] = {}
        for item in list(self._outbox):
            if item.sent_at is not None:
                continue
            if item.account in routed and item.no_connector:
                self._update(item, no_connector=False)
            elif item.account not in routed and not item.no_connector:
                self._update(item, no_connector=True)
                found[item.account] = found.get(item.account, 0) + 1
        return dict(sorted(found.items()))

    async def hold_outbox(self, reason: str, which: HoldFilter = HoldFilter()) -> list[int]:
        self._check_open()
        return self._hold(reason, which)

    def _hold(self, reason: str, which: HoldFilter) -> list[int]:
        """`hold_outbox` without awaiting, for another change of this store to call inside its
        own (uninterrupted) step, as `storage.sqlite_outbox.hold_unsent` is for SQLite."""
        picked = [o for o in self._outbox if o.sent_at is None and not o.held and which.matches(o)]
        for item in picked:
            self._update(item, held=True, hold_reason=reason)
        return [o.id for o in picked if o.id is not None]

    async def release_outbox(self, item_ids: Sequence[int]) -> list[int]:
        self._check_open()
        wanted = set(item_ids)
        picked = [o for o in self._outbox if o.id in wanted and o.sent_at is None and o.held]
        for item in picked:
            self._update(item, held=False, hold_reason=None)
        return [o.id for o in picked if o.id is not None]

    async def retry_outbox(self, item_id: int, actions: Sequence[Action] = (),
                           notifications: Sequence[Notification] = ()) -> bool:
        item = self._item(item_id)
        if item.sent_at is not None or item.held:
            return False
        logs = self._prepared(actions, notifications, ())
        self._update(item, failed_at=None, attempts=0, next_attempt_at=None)
        self._append(*logs)
        return True

    async def outbox_counts(self) -> dict[str, OutboxCounts]:
        self._check_open()
        return count_by_account([o for o in self._outbox if o.sent_at is None])
