"""The moderation tables of the SQLite store (`storage.moderation_base.ModerationStore`).

A strike is one IMMEDIATE transaction: the message, its author's strikes and status are read,
the core decision made on what was read, and everything written before the lock is released.
Another process marking the same message waits for the lock, then finds the strike already
there; the UNIQUE message_id column holds even if a writer skipped that look.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from core.models import Platform
from core.moderation_models import (
    AuthorChange,
    AuthorKey,
    AuthorRecord,
    AuthorState,
    AuthorStatus,
    LadderStep,
    ModerationEntry,
    Strike,
    StrikeResult,
)
from storage.moderation_base import DecideChange, DecideStrike, ModerationStore, by_activity
from storage.rows import from_micros, micros_or_none, to_micros
from storage.sqlite_rows import _append_logs, _fetch_message, _lookup_chunks

T = TypeVar("T")

_STRIKE_COLUMNS = "id, platform, author_platform_id, message_id, account, category, at, by, number, step"
_STATUS_COLUMNS = "platform, author_platform_id, handle, state, since, by, reason, cleared_at"
_LOG_COLUMNS = ("id, at, actor, action, platform, author_platform_id, author_handle, message_id, "
                "account, category, content, outcome, reason")


class SqliteModeration(ModerationStore):
    """Mixed into `SqliteStore`, whose `_write` and `_call` run work on its connection."""

    _write: Callable[..., Any]
    _call: Callable[..., Any]

    async def strike(self, message_id: int, decide: DecideStrike) -> StrikeResult:
        def run(conn: sqlite3.Connection) -> StrikeResult:
            existing = _strike_for(conn, message_id)
            if existing is not None:
                return StrikeResult(existing, False, None)
            message = _fetch_message(conn, message_id)
            key = AuthorKey(message.platform, message.author.platform_id)
            decision = decide(message, _record(conn, key))
            inserted = _insert_strike(conn, decision.strike)
            if inserted is None:  # the UNIQUE column: someone got there inside this lock
                return StrikeResult(_strike_for(conn, message_id), False, None)  # type: ignore[arg-type]
            if decision.status is not None:
                _save_status(conn, decision.status)
            _insert_entries(conn, (decision.entry,))
            _append_logs(conn, decision.actions, decision.notifications, decision.outbox)
            return StrikeResult(inserted, True, decision)
        return await self._write(run)

    async def change_author(self, key: AuthorKey, decide: DecideChange) -> AuthorChange:
        def run(conn: sqlite3.Connection) -> AuthorChange:
            change = decide(_record(conn, key))
            _save_status(conn, change.status)
            _insert_entries(conn, (change.entry,))
            _append_logs(conn, change.actions, change.notifications, ())
            return change
        return await self._write(run)

    async def author_record(self, key: AuthorKey) -> AuthorRecord:
        return await self._call(lambda conn: _record(conn, key))

    async def author_records(self, keys: Sequence[AuthorKey]) -> dict[AuthorKey, AuthorRecord]:
        wanted = sorted(set(keys))
        return await self._call(lambda conn: _records(conn, wanted))

    async def moderated_authors(self, limit: int = 500) -> list[AuthorRecord]:
        def run(conn: sqlite3.Connection) -> list[AuthorRecord]:
            keys = [AuthorKey(Platform(p), a) for p, a in conn.execute(
                "SELECT platform, author_platform_id FROM moderation_strikes UNION "
                "SELECT platform, author_platform_id FROM moderation_authors")]
            return by_activity(list(_records(conn, keys).values()), limit)
        return await self._call(run)

    async def moderation_log(self, since: datetime | None = None, until: datetime | None = None,
                             key: AuthorKey | None = None, limit: int = 100_000) -> list[ModerationEntry]:
        where, params = ["1"], []
        if since is not None:
            where.append("at >= ?")
            params.append(to_micros(since, "since"))
        if until is not None:
            where.append("at < ?")
            params.append(to_micros(until, "until"))
        if key is not None:
            where.append("platform = ? AND author_platform_id = ?")
            params += [key.platform.value, key.author_id]
        sql = (f"SELECT {_LOG_COLUMNS} FROM moderation_log WHERE {' AND '.join(where)} "
               "ORDER BY at, id LIMIT ?")
        rows = await self._call(lambda conn: conn.execute(sql, (*params, max(limit, 0))).fetchall())
        return [_entry(row) for row in rows]


# -- reading ----------------------------------------------------------------------------------------

def _strike(row: Sequence[Any]) -> Strike:
    id_, platform, author, message_id, account, category, at, by, number, step = row
    return Strike(id=id_, platform=Platform(platform), author_platform_id=author,
                  message_id=message_id, account=account, category=category, at=from_micros(at),
                  by=by, number=number, step=LadderStep(step))


def _status(row: Sequence[Any]) -> AuthorStatus:
    platform, author, handle, state, since, by, reason, cleared_at = row
    return AuthorStatus(platform=Platform(platform), author_platform_id=author, handle=handle,
                        state=AuthorState(state), since=from_micros(since), by=by, reason=reason,
                        cleared_at=from_micros(cleared_at))


def _entry(row: Sequence[Any]) -> ModerationEntry:
    (id_, at, actor, action, platform, author, handle, message_id, account, category, content,
     outcome, reason) = row
    return ModerationEntry(id=id_, at=from_micros(at), actor=actor, action=action,
                           platform=Platform(platform), author_platform_id=author,
                           author_handle=handle, message_id=message_id, account=account,
                           category=category, content=content, outcome=outcome, reason=reason)


def _strike_for(conn: sqlite3.Connection, message_id: int) -> Strike | None:
    row = conn.execute(f"SELECT {_STRIKE_COLUMNS} FROM moderation_strikes WHERE message_id = ?",
                       (message_id,)).fetchone()
    return None if row is None else _strike(row)


def _record(conn: sqlite3.Connection, key: AuthorKey) -> AuthorRecord:
    params = (key.platform.value, key.author_id)
    strikes = tuple(_strike(r) for r in conn.execute(
        f"SELECT {_STRIKE_COLUMNS} FROM moderation_strikes WHERE platform = ? AND "
        "author_platform_id = ? ORDER BY id", params))
    row = conn.execute(f"SELECT {_STATUS_COLUMNS} FROM moderation_authors WHERE platform = ? "
                       "AND author_platform_id = ?", params).fetchone()
    status = None if row is None else _status(row)
    handle = _latest_handle(conn, key, status)
    return AuthorRecord(platform=key.platform, author_platform_id=key.author_id, handle=handle,
                        strikes=strikes, status=status)


def _latest_handle(conn: sqlite3.Connection, key: AuthorKey, status: AuthorStatus | None) -> str:
    row = conn.execute(
        "SELECT author_handle FROM moderation_log WHERE platform = ? AND author_platform_id = ? "
        "AND action = 'marked' ORDER BY id DESC LIMIT 1", (key.platform.value, key.author_id)).fetchone()
    if row is not None:
        return row[0]
    return status.handle if status is not None else ""


def _records(conn: sqlite3.Connection, keys: Sequence[AuthorKey]) -> dict[AuthorKey, AuthorRecord]:
    """The records of those of `keys` with a strike or a status (a quick look first: most
    authors on a screen have neither)."""
    found: set[tuple[str, str]] = set()
    for table in ("moderation_strikes", "moderation_authors"):  # our own names, not input
        for chunk, marks in _lookup_chunks([f"{k.platform.value}\x00{k.author_id}" for k in keys]):
            found.update(conn.execute(
                f"SELECT platform, author_platform_id FROM {table} WHERE "
                f"platform || char(0) || author_platform_id IN ({marks})", chunk))
    return {key: _record(conn, key) for key in keys if (key.platform.value, key.author_id) in found}


# -- writing ------------------------------------------------------------------------------------------

def _insert_strike(conn: sqlite3.Connection, strike: Strike) -> Strike | None:
    cursor = conn.execute(
        "INSERT INTO moderation_strikes (platform, author_platform_id, message_id, account, "
        "category, at, by, number, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (message_id) DO NOTHING",
        (strike.platform.value, strike.author_platform_id, strike.message_id, strike.account,
         strike.category, to_micros(strike.at, "strike.at"), strike.by, strike.number,
         strike.step.value))
    if cursor.rowcount == 0:
        return None
    return strike.model_copy(update={"id": cursor.lastrowid, "at": from_micros(
        to_micros(strike.at, "strike.at"))})


def _save_status(conn: sqlite3.Connection, status: AuthorStatus) -> None:
    conn.execute(
        f"INSERT INTO moderation_authors ({_STATUS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (platform, author_platform_id) DO UPDATE SET handle = excluded.handle, "
        "state = excluded.state, since = excluded.since, by = excluded.by, "
        "reason = excluded.reason, cleared_at = excluded.cleared_at",
        (status.platform.value, status.author_platform_id, status.handle, status.state.value,
         to_micros(status.since, "status.since"), status.by, status.reason,
         micros_or_none(status.cleared_at, "status.cleared_at")))


def _insert_entries(conn: sqlite3.Connection, entries: Sequence[ModerationEntry]) -> None:
    conn.executemany(
        f"INSERT INTO moderation_log ({_LOG_COLUMNS.removeprefix('id, ')}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(to_micros(e.at, "entry.at"), e.actor, e.action, e.platform.value, e.author_platform_id,
          e.author_handle, e.message_id, e.account, e.category, e.content, e.outcome, e.reason)
         for e in entries])
