"""Statutory events in the in-memory store: the same rules as `storage.sqlite_statutory`, in a
dict."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from core.models import Message
from storage.base import AWAITING_STATES, utc
from storage.rows import EPOCH
from storage.statutory_base import (
    STATUTORY_LABELS,
    StatutoryFiring,
    StatutoryRow,
    StatutoryStore,
    UnscheduledMessages,
)


def _waiting(message: Message | None) -> bool:
    return message is not None and message.state in AWAITING_STATES


class MemoryStatutory(StatutoryStore):
    """Mixed into `MemoryStore`, whose messages, logs and open check it uses."""

    _check_open: Any
    _messages: dict[int, Message]
    _prepared: Any
    _append: Any
    _changed: Any
    _next_revision: Any

    def _init_statutory(self) -> None:
        self._statutory: dict[tuple[int, str, int], list[Any]] = {}
        """(message id, deadline, event) -> [fires_at, fired_at (None, a time, or EPOCH: set aside)]."""
        self._statutory_mark = 0

    async def statutory_unscheduled(self, limit: int = 20_000) -> UnscheduledMessages:
        self._check_open()
        after = self._statutory_mark
        through = max(after, min(max(self._messages, default=0), after + max(limit, 1)))
        found = [m for i, m in sorted(self._messages.items()) if after < i <= through
                 and _waiting(m) and STATUTORY_LABELS.intersection(m.labels)]
        return UnscheduledMessages(found, after, through)

    async def schedule_statutory(self, rows: Sequence[StatutoryRow], after: int, through: int) -> bool:
        self._check_open()
        if self._statutory_mark != after:
            return False
        for row in rows:
            utc(row.fires_at, "fires_at")
        for row in rows:
            self._statutory.setdefault((row.message_id, row.deadline, row.event),
                                       [utc(row.fires_at, "fires_at"), None])
        self._statutory_mark = through
        self._changed()
        return True

    def _unfired(self, until: datetime | None = None) -> list[tuple[Message, StatutoryRow]]:
        found = []
        for (mid, deadline, event), (fires_at, fired_at) in self._statutory.items():
            message = self._messages.get(mid)
            if fired_at is None and _waiting(message) and (until is None or fires_at <= until):
                found.append((message, StatutoryRow(mid, deadline, event, fires_at)))
        found.sort(key=lambda pair: (pair[1].fires_at, pair[1].message_id, pair[1].event))
        return found  # type: ignore[return-value]

    async def pending_statutory(self, until: datetime, limit: int = 1000) -> list[tuple[Message, StatutoryRow]]:
        self._check_open()
        return self._unfired(utc(until, "until"))[:max(limit, 0)]

    async def next_statutory_at(self) -> datetime | None:
        self._check_open()
        pending = self._unfired()
        return pending[0][1].fires_at if pending else None

    async def fire_statutory(self, firings: Sequence[StatutoryFiring], at: datetime) -> list[bool]:
        self._check_open()
        at = utc(at, "at")
        # Checked before anything is kept: a log line about a missing message fires none.
        for firing in firings:
            self._prepared(firing.actions, firing.notifications, ())
        results = []
        for firing in firings:
            row = firing.row
            entry = self._statutory.get((row.message_id, row.deadline, row.event))
            fired = entry is not None and entry[1] is None and _waiting(self._messages.get(row.message_id))
            if fired:
                entry[1] = at  # type: ignore[index]
                message = self._messages[row.message_id]
                self._messages[row.message_id] = message.model_copy(update={"revision": self._next_revision()})
                self._append(*self._prepared(firing.actions, firing.notifications, ()))
            results.append(fired)
        if any(results):
            self._changed()
        return results

    async def retire_statutory(self, until: datetime) -> int:
        self._check_open()
        until = utc(until, "until")
        retired = 0
        for (mid, _, _), entry in self._statutory.items():
            if entry[1] is None and entry[0] <= until and not _waiting(self._messages.get(mid)):
                entry[1] = EPOCH
                retired += 1
        if retired:
            self._changed()
        return retired

    async def statutory_rows(self, message_id: int) -> list[tuple[StatutoryRow, datetime | None]]:
        self._check_open()
        rows = [(StatutoryRow(mid, d, e, at), fired) for (mid, d, e), (at, fired) in self._statutory.items()
                if mid == message_id]
        return sorted(rows, key=lambda pair: (pair[0].fires_at, pair[0].event, pair[0].deadline))
