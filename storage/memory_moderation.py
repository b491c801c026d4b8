"""The moderation part of the in-memory store: the same rules as `storage.sqlite_moderation`,
in dicts and lists (the contract tests run both)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from core.models import Message
from core.moderation_models import (
    AuthorChange,
    AuthorKey,
    AuthorRecord,
    AuthorStatus,
    ModerationEntry,
    Strike,
    StrikeResult,
)
from storage.base import utc
from storage.moderation_base import DecideChange, DecideStrike, ModerationStore, by_activity


class MemoryModeration(ModerationStore):
    """Mixed into `MemoryStore`, whose messages, log appending and change count it uses."""

    _check_open: Any
    _changed: Any
    _prepared: Any
    _append: Any

    def _init_moderation(self) -> None:
        self._strikes: dict[int, Strike] = {}
        """Strikes by message id (one a message)."""
        self._statuses: dict[AuthorKey, AuthorStatus] = {}
        self._moderation: list[ModerationEntry] = []

    def _moderation_tables(self) -> tuple[dict[int, Strike], dict[AuthorKey, AuthorStatus],
                                          list[ModerationEntry]]:
        return self._strikes, self._statuses, self._moderation

    async def strike(self, message_id: int, decide: DecideStrike) -> StrikeResult:
        self._check_open()
        strikes, _, _ = self._moderation_tables()
        if message_id in strikes:
            return StrikeResult(strikes[message_id], False, None)
        message: Message = await self.get_message(message_id)  # type: ignore[attr-defined]
        key = AuthorKey(message.platform, message.author.platform_id)
        decision = decide(message, self._record(key))
        logs = self._prepared(decision.actions, decision.notifications, decision.outbox)
        made = decision.strike.model_copy(update={"id": len(strikes) + 1,
                                                  "at": utc(decision.strike.at, "strike.at")})
        strikes[message_id] = made
        if decision.status is not None:
            self._save_status(decision.status)
        self._add_entry(decision.entry)
        self._append(*logs)
        self._changed()
        return StrikeResult(made, True, decision)

    async def change_author(self, key: AuthorKey, decide: DecideChange) -> AuthorChange:
        self._check_open()
        change = decide(self._record(key))
        logs = self._prepared(change.actions, change.notifications, ())
        self._save_status(change.status)
        self._add_entry(change.entry)
        self._append(*logs)
        self._changed()
        return change

    async def author_record(self, key: AuthorKey) -> AuthorRecord:
        self._check_open()
        return self._record(key)

    async def author_records(self, keys: Sequence[AuthorKey]) -> dict[AuthorKey, AuthorRecord]:
        self._check_open()
        known = self._known_authors()
        return {key: self._record(key) for key in sorted(set(keys)) if key in known}

    async def moderated_authors(self, limit: int = 500) -> list[AuthorRecord]:
        self._check_open()
        return by_activity([self._record(key) for key in self._known_authors()], limit)

    async def moderation_log(self, since: datetime | None = None, until: datetime | None = None,
                             key: AuthorKey | None = None, limit: int = 100_000) -> list[ModerationEntry]:
        self._check_open()
        low = utc(since, "since") if since is not None else None
        high = utc(until, "until") if until is not None else None
        picked = [e for e in self._moderation_tables()[2]
                  if (low is None or e.at >= low) and (high is None or e.at < high)
                  and (key is None or (e.platform, e.author_platform_id) == key)]
        picked.sort(key=lambda e: (e.at, e.id))
        return picked[:max(limit, 0)]

    # -- helpers ------------------------------------------------------------------------------
    def _known_authors(self) -> set[AuthorKey]:
        strikes, statuses, _ = self._moderation_tables()
        return {AuthorKey(s.platform, s.author_platform_id) for s in strikes.values()} | set(statuses)

    def _record(self, key: AuthorKey) -> AuthorRecord:
        strikes, statuses, log = self._moderation_tables()
        mine = tuple(sorted((s for s in strikes.values()
                             if (s.platform, s.author_platform_id) == key), key=lambda s: s.id))
        status = statuses.get(key)
        marked = [e.author_handle for e in log
                  if e.action == "marked" and (e.platform, e.author_platform_id) == key]
        handle = marked[-1] if marked else (status.handle if status is not None else "")
        return AuthorRecord(platform=key.platform, author_platform_id=key.author_id,
                            handle=handle, strikes=mine, status=status)

    def _save_status(self, status: AuthorStatus) -> None:
        cleared = status.cleared_at
        self._moderation_tables()[1][AuthorKey(status.platform, status.author_platform_id)] = \
            status.model_copy(update={"since": utc(status.since, "status.since"),
                                      "cleared_at": utc(cleared, "cleared_at") if cleared else None})

    def _add_entry(self, entry: ModerationEntry) -> None:
        log = self._moderation_tables()[2]
        log.append(entry.model_copy(update={"id": len(log) + 1, "at": utc(entry.at, "entry.at")}))
