"""The moderation part of the store interface: strikes, authors' standing and the moderation
log. `Store` inherits these; `storage.sqlite_moderation` and `storage.memory_moderation`
implement them, and `tests/storage/test_moderation_contract.py` runs both on the same cases.

The ladder's rules are `core.moderation`'s: a store is handed the decision as a function and
calls it inside its write transaction with what it has just read, so two officers marking the
same message at the same instant make one strike, and every strike counts the ones before it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from datetime import datetime

from core.models import Message
from core.moderation_models import (
    AuthorChange,
    AuthorKey,
    AuthorRecord,
    ModerationEntry,
    StrikeDecision,
    StrikeResult,
)
from storage.rows import EPOCH

DecideStrike = Callable[[Message, AuthorRecord], StrikeDecision]
"""Given the message as stored and its author's record, what a marking writes (may raise)."""
DecideChange = Callable[[AuthorRecord], AuthorChange]
"""Given an author's record, their new status and what it logs (may raise)."""


class ModerationStore(ABC):
    """Strikes, authors and the moderation log; every write is one transaction."""

    @abstractmethod
    async def strike(self, message_id: int, decide: DecideStrike) -> StrikeResult:
        """Mark message `message_id` inappropriate: in one transaction, read the message and its
        author's record, call `decide`, and write its strike, log line, status, action lines,
        outbox items and notifications. A message already marked (by anyone, in any process)
        writes nothing and returns that strike with `made=False`. NotFoundError for no such
        message; whatever `decide` raises leaves the store untouched."""

    @abstractmethod
    async def change_author(self, key: AuthorKey, decide: DecideChange) -> AuthorChange:
        """Block, unblock, request or decline: `decide(record)` read and written in one
        transaction (its status replaces the author's, its lines are appended)."""

    @abstractmethod
    async def author_record(self, key: AuthorKey) -> AuthorRecord:
        """The author's strikes (oldest first), status and latest handle; empty if none."""

    @abstractmethod
    async def author_records(self, keys: Sequence[AuthorKey]) -> dict[AuthorKey, AuthorRecord]:
        """The records of those of `keys` with any strike or status (for a screen of rows)."""

    @abstractmethod
    async def moderated_authors(self, limit: int = 500) -> list[AuthorRecord]:
        """Every author with a strike or a status, most recently active first."""

    @abstractmethod
    async def moderation_log(self, since: datetime | None = None, until: datetime | None = None,
                             key: AuthorKey | None = None, limit: int = 100_000) -> list[ModerationEntry]:
        """Log lines with since <= at < until (either open), of one author if `key` is given,
        oldest first."""


def last_activity(record: AuthorRecord) -> datetime | None:
    """When the ladder last touched the author (their latest strike or status change)."""
    times = [s.at for s in record.strikes]
    if record.status is not None:
        times.append(record.status.since)
    return max(times, default=None)


def by_activity(records: Sequence[AuthorRecord], limit: int) -> list[AuthorRecord]:
    """`records` most recently active first (then by platform and id), at most `limit`."""
    ordered = sorted(records, key=lambda r: (r.platform.value, r.author_platform_id))
    ordered.sort(key=lambda r: last_activity(r) or EPOCH, reverse=True)
    return ordered[:max(limit, 0)]
