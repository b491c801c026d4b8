"""Statutory events in the SQLite store (`storage.statutory_base.StatutoryStore`): the
`statutory_events` and `statutory_scan` tables (storage.migrations)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from core.models import Message
from storage.migrations import AWAITING_SQL, STATUTORY_LABELS_SQL
from storage.base import log_references, missing_messages_error
from storage.rows import from_micros, to_micros
from storage.sqlite_rows import (
    _MESSAGE_COLUMNS,
    _append_logs,
    _missing_messages,
    _next_revision,
    row_to_message,
)
from storage.statutory_base import (
    StatutoryFiring,
    StatutoryRow,
    StatutoryStore,
    UnscheduledMessages,
)

_MARK_SQL = "SELECT through FROM statutory_scan WHERE id = 1"
_UNSCHEDULED_SQL = (f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE id > ? AND id <= ? "
                    f"AND {AWAITING_SQL} AND {STATUTORY_LABELS_SQL} ORDER BY id")
_INSERT_SQL = ("INSERT OR IGNORE INTO statutory_events (message_id, deadline, event, fires_at) "
               "VALUES (?, ?, ?, ?)")
_WAITING = f"EXISTS (SELECT 1 FROM messages m WHERE m.id = statutory_events.message_id AND m.{AWAITING_SQL})"
_PENDING_SQL = (f"SELECT {_MESSAGE_COLUMNS}, deadline, event, fires_at FROM statutory_events "
                f"JOIN messages ON messages.id = statutory_events.message_id "
                f"WHERE fired_at IS NULL AND fires_at <= ? AND messages.{AWAITING_SQL} "
                "ORDER BY fires_at, message_id, event LIMIT ?")
_NEXT_SQL = (f"SELECT fires_at FROM statutory_events WHERE fired_at IS NULL AND {_WAITING} "
             "ORDER BY fires_at LIMIT 1")
_FIRE_SQL = ("UPDATE statutory_events SET fired_at = ? WHERE message_id = ? AND deadline = ? "
             f"AND event = ? AND fired_at IS NULL AND {_WAITING}")
_RETIRE_SQL = (f"UPDATE statutory_events SET fired_at = 0 WHERE fired_at IS NULL AND fires_at <= ? "
               f"AND NOT {_WAITING}")
_ROWS_SQL = ("SELECT deadline, event, fires_at, fired_at FROM statutory_events WHERE message_id = ? "
             "ORDER BY fires_at, event, deadline")


class SqliteStatutory(StatutoryStore):
    """Mixed into `SqliteStore`, whose `_write` and `_call` run work on its connection."""

    _write: Callable[..., Any]
    _call: Callable[..., Any]

    async def statutory_unscheduled(self, limit: int = 20_000) -> UnscheduledMessages:
        def run(conn: sqlite3.Connection) -> UnscheduledMessages:
            after = conn.execute(_MARK_SQL).fetchone()[0]
            last = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
            through = max(after, min(last, after + max(limit, 1)))
            rows = conn.execute(_UNSCHEDULED_SQL, (after, through)).fetchall()
            return UnscheduledMessages([row_to_message(r) for r in rows], after, through)
        return await self._call(run)

    async def schedule_statutory(self, rows: Sequence[StatutoryRow], after: int, through: int) -> bool:
        params = [(r.message_id, r.deadline, r.event, to_micros(r.fires_at, "fires_at")) for r in rows]

        def run(conn: sqlite3.Connection) -> bool:
            moved = conn.execute("UPDATE statutory_scan SET through = ? WHERE id = 1 AND through = ?",
                                 (through, after)).rowcount
            if moved:
                conn.executemany(_INSERT_SQL, params)
            return bool(moved)
        return await self._write(run)

    async def pending_statutory(self, until: datetime, limit: int = 1000) -> list[tuple[Message, StatutoryRow]]:
        rows = await self._call(lambda conn: conn.execute(
            _PENDING_SQL, (to_micros(until, "until"), max(limit, 0))).fetchall())
        out = []
        for row in rows:
            message = row_to_message(row[:-3])
            deadline, event, fires_at = row[-3:]
            out.append((message, StatutoryRow(message.id, deadline, event, from_micros(fires_at))))
        return out

    async def next_statutory_at(self) -> datetime | None:
        row = await self._call(lambda conn: conn.execute(_NEXT_SQL).fetchone())
        return None if row is None else from_micros(row[0])

    async def fire_statutory(self, firings: Sequence[StatutoryFiring], at: datetime) -> list[bool]:
        when = to_micros(at, "at")

        def run(conn: sqlite3.Connection) -> list[bool]:
            # Like the fake: a log line about a message the file lacks fires none of the batch.
            refs = {r for f in firings for r in log_references(f.actions, f.notifications, ())}
            missing = _missing_messages(conn, refs)
            if missing:
                raise missing_messages_error(missing)
            results = []
            for firing in firings:
                row = firing.row
                fired = conn.execute(_FIRE_SQL, (when, row.message_id, row.deadline, row.event)).rowcount > 0
                if fired:
                    conn.execute("UPDATE messages SET revision = ? WHERE id = ?",
                                 (_next_revision(conn), row.message_id))
                    _append_logs(conn, firing.actions, firing.notifications, ())
                results.append(fired)
            return results
        return await self._write(run)

    async def retire_statutory(self, until: datetime) -> int:
        until_micros = to_micros(until, "until")
        return await self._write(lambda conn: conn.execute(_RETIRE_SQL, (until_micros,)).rowcount)

    async def statutory_rows(self, message_id: int) -> list[tuple[StatutoryRow, datetime | None]]:
        rows = await self._call(lambda conn: conn.execute(_ROWS_SQL, (message_id,)).fetchall())
        return [(StatutoryRow(message_id, d, e, from_micros(at)), from_micros(fired))
                for d, e, at, fired in rows]
