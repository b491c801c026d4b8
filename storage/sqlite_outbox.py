"""`SqliteStore`'s outbox methods: the log's reads, and delivery and the freeze (see
`storage.outbox`). Each write is one IMMEDIATE transaction on the connection thread, so the
worker's `begin_delivery` and a freeze's `hold_outbox` are strictly one before the other.

`hold_unsent` takes the caller's connection, so a change of another module (declaring an
emergency) can hold the outbox inside its own transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Any, TypeVar

from core.models import Action, Notification, OutboxItem
from storage.base import NotFoundError
from storage.outbox import HoldFilter, OutboxCounts, deliverable, short_error
from storage.rows import micros_or_none, to_micros
from storage.sqlite_rows import OUTBOX_COLUMNS, _append_logs, _outbox_item, from_micros

T = TypeVar("T")

#: Unsent, not held, not failed, routed: what the worker may hand to a connector.
DELIVERABLE_SQL = "sent_at IS NULL AND held = 0 AND failed_at IS NULL AND no_connector = 0"

_COUNTS_SQL = """SELECT account,
    sum(attempts = 0 AND held = 0 AND failed_at IS NULL AND no_connector = 0),
    sum(attempts > 0 AND held = 0 AND failed_at IS NULL AND no_connector = 0),
    sum(held = 0 AND failed_at IS NULL AND no_connector = 1),
    sum(held = 1),
    sum(held = 0 AND failed_at IS NOT NULL)
    FROM outbox WHERE sent_at IS NULL GROUP BY account ORDER BY account"""


_MISROUTED_SQL = """SELECT 1 FROM outbox WHERE sent_at IS NULL AND (
    (no_connector = 1 AND account IN (SELECT value FROM json_each(?)))
    OR (no_connector = 0 AND account NOT IN (SELECT value FROM json_each(?)))) LIMIT 1"""


def _json_or_none(values: Collection[Any] | None) -> str | None:
    return None if values is None else json.dumps(list(values))


def fetch_outbox_item(conn: sqlite3.Connection, item_id: int) -> OutboxItem:
    row = conn.execute(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no outbox item with id {item_id}")
    return _outbox_item(row)


def hold_unsent(conn: sqlite3.Connection, reason: str, which: HoldFilter = HoldFilter()) -> list[int]:
    """Hold the unsent items `which` picks, inside the caller's transaction; the ids held."""
    params = (_json_or_none(which.item_ids), _json_or_none(which.item_ids),
              _json_or_none(which.accounts), _json_or_none(which.accounts),
              _json_or_none(which.kinds), _json_or_none(which.kinds))
    picked = [row[0] for row in conn.execute(
        "SELECT id FROM outbox WHERE sent_at IS NULL AND held = 0 "
        "AND (? IS NULL OR id IN (SELECT value FROM json_each(?))) "
        "AND (? IS NULL OR account IN (SELECT value FROM json_each(?))) "
        "AND (? IS NULL OR kind IN (SELECT value FROM json_each(?))) ORDER BY id", params)]
    conn.executemany("UPDATE outbox SET held = 1, hold_reason = ? WHERE id = ?",
                     [(reason, item_id) for item_id in picked])
    return picked


class SqliteOutbox:
    """Mixed into `SqliteStore`, whose `_call`, `_write` and `_rows` these use."""

    _call: Callable[..., Any]
    _write: Callable[..., Any]
    _rows: Callable[..., Any]

    async def outbox(self, unsent_only: bool = True, limit: int = 500) -> list[OutboxItem]:
        unsent = "WHERE sent_at IS NULL " if unsent_only else ""
        rows = await self._rows(f"SELECT {OUTBOX_COLUMNS} FROM outbox {unsent}ORDER BY id LIMIT ?",
                                (max(limit, 0),))
        return [_outbox_item(row) for row in rows]

    async def outbox_item(self, item_id: int) -> OutboxItem:
        return await self._call(lambda conn: fetch_outbox_item(conn, item_id))

    async def mark_outbox_sent(self, item_id: int, at: datetime) -> bool:
        sent_at = to_micros(at, "at")

        def run(conn: sqlite3.Connection) -> bool:
            if fetch_outbox_item(conn, item_id).sent_at is not None:
                return False
            conn.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", (sent_at, item_id))
            return True
        return await self._write(run)

    async def store_id(self) -> str:
        return await self._call(
            lambda conn: conn.execute("SELECT id FROM store_identity").fetchone()[0])

    async def due_deliveries(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        rows = await self._rows(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE {DELIVERABLE_SQL} "
            "AND coalesce(next_attempt_at, 0) <= ? ORDER BY id LIMIT ?",
            (to_micros(now, "now"), max(limit, 0)))
        return [_outbox_item(row) for row in rows]

    async def next_delivery_at(self) -> datetime | None:
        rows = await self._rows("SELECT min(coalesce(next_attempt_at, created_at)) FROM outbox "
                                f"WHERE {DELIVERABLE_SQL}")
        return from_micros(rows[0][0])

    async def begin_delivery(self, item_id: int, now: datetime,
                             retry_at: datetime) -> OutboxItem | None:
        retry = to_micros(retry_at, "retry_at")
        to_micros(now, "now")

        def run(conn: sqlite3.Connection) -> OutboxItem | None:
            item = fetch_outbox_item(conn, item_id)
            if not deliverable(item, now):
                return None
            conn.execute("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? "
                         "WHERE id = ?", (retry, item_id))
            return fetch_outbox_item(conn, item_id)
        return await self._write(run)

    async def delivery_failed(self, item_id: int, error: str, at: datetime,
                              retry_at: datetime | None,
                              notifications: Sequence[Notification] = ()) -> bool:
        failed = None if retry_at is not None else to_micros(at, "at")
        retry = micros_or_none(retry_at, "retry_at")

        def run(conn: sqlite3.Connection) -> bool:
            if fetch_outbox_item(conn, item_id).sent_at is not None:
                return False
            conn.execute("UPDATE outbox SET last_error = ?, next_attempt_at = ?, failed_at = ? "
                         "WHERE id = ?", (short_error(error), retry, failed, item_id))
            _append_logs(conn, (), notifications, ())
            return True
        return await self._write(run)

    async def route_outbox(self, routed: Collection[str]) -> dict[str, int]:
        accounts = json.dumps(sorted(routed))
        # The worker asks on every pass; read first, so an unchanged outbox takes no write lock.
        if not await self._rows(_MISROUTED_SQL, (accounts, accounts)):
            return {}

        def run(conn: sqlite3.Connection) -> dict[str, int]:
            conn.execute("UPDATE outbox SET no_connector = 0 WHERE sent_at IS NULL AND "
                         "no_connector = 1 AND account IN (SELECT value FROM json_each(?))",
                         (accounts,))
            unrouted = "sent_at IS NULL AND no_connector = 0 AND account NOT IN " \
                       "(SELECT value FROM json_each(?))"
            found = dict(conn.execute(f"SELECT account, count(*) FROM outbox WHERE {unrouted} "
                                      "GROUP BY account ORDER BY account", (accounts,)).fetchall())
            if found:
                conn.execute(f"UPDATE outbox SET no_connector = 1 WHERE {unrouted}", (accounts,))
            return found
        return await self._write(run)

    async def hold_outbox(self, reason: str, which: HoldFilter = HoldFilter()) -> list[int]:
        return await self._write(lambda conn: hold_unsent(conn, reason, which))

    async def release_outbox(self, item_ids: Sequence[int]) -> list[int]:
        def run(conn: sqlite3.Connection) -> list[int]:
            picked = [row[0] for row in conn.execute(
                "SELECT id FROM outbox WHERE sent_at IS NULL AND held = 1 AND id IN "
                "(SELECT value FROM json_each(?)) ORDER BY id", (json.dumps(list(item_ids)),))]
            conn.executemany("UPDATE outbox SET held = 0, hold_reason = NULL WHERE id = ?",
                             [(item_id,) for item_id in picked])
            return picked
        return await self._write(run)

    async def retry_outbox(self, item_id: int, actions: Sequence[Action] = (),
                           notifications: Sequence[Notification] = ()) -> bool:
        def run(conn: sqlite3.Connection) -> bool:
            item = fetch_outbox_item(conn, item_id)
            if item.sent_at is not None or item.held:
                return False
            conn.execute("UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = NULL "
                         "WHERE id = ?", (item_id,))
            _append_logs(conn, actions, notifications, ())
            return True
        return await self._write(run)

    async def outbox_counts(self) -> dict[str, OutboxCounts]:
        rows = await self._rows(_COUNTS_SQL)
        return {a: OutboxCounts(account=a, queued=q, retrying=r, no_connector=n, held=h, failed=f)
                for a, q, r, n, h, f in rows}
