"""The SQLite store: one file, opened by several dutydesk processes at once.

How it holds together:
- WAL mode, `synchronous=NORMAL`, foreign keys on, a busy timeout. Every write is one
  `BEGIN IMMEDIATE` transaction, so two writers queue for the lock instead of failing; if the
  lock stays taken past the timeout the store backs off and retries, then raises a plain
  StoreError. "database is locked" never reaches the user.
- Each operation is a single function run on aiosqlite's connection thread (transaction, reads
  and conversion together), so coroutines sharing a store cannot interleave inside one
  transaction and a cancelled caller cannot leave one half-open.
- Times are INTEGER microseconds since the Unix epoch, UTC (`to_micros` / `from_micros`): exact,
  and ordered as integers. Every datetime read back is aware and in UTC.
- `data_version()` combines SQLite's `PRAGMA data_version` (changes when another connection
  commits) with a count of this store's own commits that changed something.
- The rules (claims, firing once, leases, opening records) are the functions in `storage.base`
  that the in-memory fake uses too.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import aiosqlite
from platformdirs import user_data_dir

from core.models import Action, Message, Notification, OutboxItem
from storage.base import (
    AccountCounts,
    EventFiring,
    FiredEvent,
    QueueQuery,
    StateChange,
    Store,
    StoreError,
    changed_state,
    lane_then_page,
    lease_free_for,
    status_changes,
    unfired_events,
    utc,
    with_event_fired,
)
from storage.rows import InsertResult, MessageRow
from storage.sqlite_drafts import SqliteDrafts
from storage.sqlite_moderation import SqliteModeration
from storage.sqlite_outbox import SqliteOutbox
from storage.sqlite_posts import SqlitePosts
from storage.sqlite_statutory import SqliteStatutory
from storage.sqlite_rows import (
    ACCOUNT_COUNTS_SQL,
    NEXT_EVENT_SQL,
    PENDING_SQL,
    T,
    _CACHE_SIZE,
    _SELECT_MESSAGES,
    _action,
    _append_logs,
    _fetch_message,
    _next_revision,
    _notification,
    _save_changes,
    from_micros,
    lane_sql,
    queue_sql,
    row_to_message,
    to_micros,
)
from storage.sqlite_health import (
    Leftovers,
    check_integrity,
    damage_behind,
    should_check_on_open,
    writable_or_refuse,
)
from storage.sqlite_writer import (
    SqliteRowWriter,
    busy_pauses,
    in_transaction,
    insert_rows,
    prepare_connection,
    prepare_rows,
    retry_pause,
)


def _fire(conn: sqlite3.Connection, firing: EventFiring) -> bool:
    after = with_event_fired(_fetch_message(conn, firing.fired.message_id), firing.fired.event)
    if after is None:
        return False
    _save_changes(conn, after, _next_revision(conn))
    _append_logs(conn, firing.actions, firing.notifications, ())
    return True


def default_db_path() -> Path:
    """Where the store lives unless told otherwise: the user's data directory."""
    return Path(user_data_dir("dutydesk")) / "dutydesk.sqlite3"


class SqliteStore(SqliteModeration, SqliteOutbox, SqliteDrafts, SqlitePosts, SqliteStatutory, Store):
    """The store in one SQLite file at `path` (created, with its directory, if missing).

    `busy_timeout` is how long one attempt waits for another process's write lock;
    `busy_retries` how many more attempts follow, with a growing pause, before StoreError.
    """

    def __init__(self, path: str | Path, *, busy_timeout: float = 10.0,
                 busy_retries: int = 4, check: bool | None = None) -> None:
        """`check`: run the integrity check at open (None: on files up to
        `storage.sqlite_health.CHECK_ON_OPEN_BYTES`; it reads the whole file)."""
        self.path = Path(path)
        self._check = check
        self._busy_timeout = busy_timeout
        self._busy_retries = busy_retries
        self._db: aiosqlite.Connection | None = None
        self._own_commits = 0
        # Messages already converted, by id; reused while the row's revision is unchanged (a
        # dashboard asks for the same few hundred rows every second). Used on the connection
        # thread only.
        self._converted: dict[int, Message] = {}

    # -- opening ------------------------------------------------------------------------------
    async def open(self) -> None:
        """Open the file, refuse a newer schema untouched, upgrade an older one, set WAL."""
        if self._db is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        writable_or_refuse(self.path)
        leftovers = Leftovers(self.path)
        check = should_check_on_open(self.path, self._check)
        db = aiosqlite.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        try:
            self._db = await db
        except sqlite3.Error as exc:
            # aiosqlite stops its thread without waiting; wait here, or the thread may report
            # back to an event loop that has already closed.
            await asyncio.get_running_loop().run_in_executor(None, db._thread.join, 5.0)
            leftovers.remove()
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        try:
            await self._call(partial(self._prepare, check=check))
        except BaseException:
            await self.close()
            leftovers.remove()
            raise

    def _prepare(self, conn: sqlite3.Connection, check: bool) -> None:
        if check:
            check_integrity(conn, self.path)
        prepare_connection(conn, self.path)

    async def close(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            await db.close()

    # -- running work on the connection thread ---------------------------------------------------
    async def _call(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn(conn)` on the connection thread; retry while another process holds the lock.

        `fn` runs as ONE job through aiosqlite's `_execute` (private, but stable across the
        pinned aiosqlite <0.23): a transaction never spans two awaits, so other coroutines'
        statements cannot land inside it and cancelling the caller cannot leave it open.
        """
        if self._db is None:
            raise StoreError(f"the store {self.path} is not open: call `await store.open()` first")
        db = self._db
        for pause in busy_pauses(self._busy_retries):
            try:
                return await db._execute(lambda: fn(db._conn))  # one job, never interleaved
            except sqlite3.Error as exc:
                try:
                    wait = retry_pause(self.path, exc, pause, self._busy_timeout, self._busy_retries + 1)
                except StoreError as plain:
                    # Not a busy lock: if the file is damaged, say that instead.
                    found = await db._execute(lambda: damage_behind(db._conn, self.path, exc))  # noqa: B023
                    raise (found or plain) from exc
            await self._backoff(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _backoff(self, seconds: float) -> None:
        """The pause between busy attempts (tests replace it to act at that moment)."""
        await asyncio.sleep(seconds)

    def _transaction(self, conn: sqlite3.Connection, fn: Callable[[sqlite3.Connection], T]) -> T:
        """`fn(conn)` in one IMMEDIATE transaction (`in_transaction`), counting own commits."""
        before = conn.total_changes
        result = in_transaction(conn, fn)
        if conn.total_changes != before:
            self._own_commits += 1
        return result

    async def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        return await self._call(lambda conn: self._transaction(conn, fn))

    async def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return await self._call(lambda conn: conn.execute(sql, params).fetchall())

    async def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self._call(lambda conn: conn.execute(sql, params).fetchone()[0])

    async def _messages(self, sql: str, params: Sequence[Any] = ()) -> list[Message]:
        return await self._call(
            lambda conn: [self._message(r) for r in conn.execute(sql, params).fetchall()])

    def _message(self, row: Sequence[Any]) -> Message:
        known = self._converted.get(row[0])
        if known is not None and known.revision == row[-1]:
            return known
        if len(self._converted) >= _CACHE_SIZE:
            self._converted.clear()
        message = self._converted[row[0]] = row_to_message(row)
        return message

    # -- messages --------------------------------------------------------------------------------
    async def add_rows(self, rows: Sequence[MessageRow]) -> list[InsertResult]:
        if not rows:
            return []
        return await self._call(partial(self._add_on_thread, rows))

    def _add_on_thread(self, rows: Sequence[MessageRow], conn: sqlite3.Connection) -> list[InsertResult]:
        return insert_rows(conn, prepare_rows(conn, rows), self._transaction)

    def row_writer(self) -> Callable[[], SqliteRowWriter]:
        return partial(SqliteRowWriter, self.path, self._busy_timeout, self._busy_retries)

    async def get_message(self, message_id: int) -> Message:
        return await self._call(lambda conn: _fetch_message(conn, message_id))

    async def queue(self, query: QueueQuery) -> list[Message]:
        if query.accounts == ():
            return []
        page = await self._messages(*queue_sql(query))
        if not query.lane_first:
            return page
        return lane_then_page(await self._messages(*lane_sql(query)), page, query.limit)

    async def changed_since(self, revision: int, limit: int = 1000) -> list[Message]:
        return await self._messages(f"{_SELECT_MESSAGES} WHERE revision > ? ORDER BY revision "
                                    "LIMIT ?", (revision, max(limit, 0)))

    async def max_revision(self) -> int:
        return await self._scalar("SELECT coalesce(max(revision), 0) FROM messages")

    async def account_counts(self, now: datetime) -> dict[str, AccountCounts]:
        at = to_micros(now, "now")
        rows = await self._rows(ACCOUNT_COUNTS_SQL, {"now": at})
        return {account: AccountCounts(account=account, waiting=w, warning=x, breached=b)
                for account, w, x, b in rows}

    async def count_messages(self) -> int:
        return await self._scalar("SELECT count(*) FROM messages")

    # -- changes -----------------------------------------------------------------------------------
    async def change_state(self, change: StateChange, actions: Sequence[Action] = (),
                           outbox: Sequence[OutboxItem] = (),
                           notifications: Sequence[Notification] = ()) -> Message:
        def run(conn: sqlite3.Connection) -> Message:
            after = changed_state(_fetch_message(conn, change.message_id), change)
            revision = _next_revision(conn)
            _save_changes(conn, after, revision)
            _append_logs(conn, actions, notifications, outbox)
            return after.model_copy(update={"revision": revision})
        return await self._write(run)

    async def fire_event(self, fired: FiredEvent, actions: Sequence[Action] = (),
                         notifications: Sequence[Notification] = ()) -> bool:
        # The read and the update share one IMMEDIATE transaction: a second engine waits for
        # the lock, then reads the event as fired. That is the compare-and-set.
        return await self._write(lambda conn: _fire(conn, EventFiring(fired, actions, notifications)))

    async def fire_events(self, firings: Sequence[EventFiring]) -> list[bool]:
        return await self._write(lambda conn: [_fire(conn, f) for f in firings])

    async def pending_events(self, until: datetime,
                             limit: int = 1000) -> list[tuple[Message, int, datetime]]:
        # The `limit` messages with the earliest next event hold the `limit` earliest events:
        # any other message's events all fall at or after its own next event.
        messages = await self._messages(PENDING_SQL, (to_micros(until, "until"), max(limit, 0)))
        found = [(m, event, when) for m in messages
                 for event, when in unfired_events(m, utc(until, "until"))]
        found.sort(key=lambda item: (item[2], item[1], item[0].id))
        return found[:max(limit, 0)]

    async def next_event_at(self) -> datetime | None:
        return from_micros(await self._scalar(NEXT_EVENT_SQL))

    # -- logs ----------------------------------------------------------------------------------------
    async def record(self, actions: Sequence[Action] = (),
                     notifications: Sequence[Notification] = (),
                     outbox: Sequence[OutboxItem] = ()) -> None:
        if actions or notifications or outbox:
            await self._write(lambda conn: _append_logs(conn, actions, notifications, outbox))

    async def actions(self, message_id: int | None = None, after_id: int = 0,
                      limit: int = 500) -> list[Action]:
        columns = "SELECT id, at, actor, verb, message_id, account, detail FROM actions"
        if message_id is None:
            rows = await self._rows(f"{columns} WHERE id > ? ORDER BY id LIMIT ?",
                                    (after_id, max(limit, 0)))
        else:
            rows = await self._rows(f"{columns} WHERE message_id = ? AND id > ? ORDER BY id "
                                    "LIMIT ?", (message_id, after_id, max(limit, 0)))
        return [_action(row) for row in rows]

    async def notifications_after(self, after_id: int, limit: int = 200) -> list[Notification]:
        rows = await self._rows(
            "SELECT id, at, level, kind, title, body, role, message_id, account FROM "
            "notifications WHERE id > ? ORDER BY id LIMIT ?", (after_id, max(limit, 0)))
        return [_notification(row) for row in rows]

    async def max_notification_id(self) -> int:
        return await self._scalar("SELECT coalesce(max(id), 0) FROM notifications")

    # -- account opening status ------------------------------------------------------------------------
    async def account_status(self, account: str) -> tuple[bool, datetime] | None:
        return await self._call(lambda conn: _status(conn, account))

    async def set_account_status(self, account: str, is_open: bool, since: datetime,
                                 actions: Sequence[Action] = (),
                                 notifications: Sequence[Notification] = (),
                                 outbox: Sequence[OutboxItem] = ()) -> bool:
        since_utc = utc(since, "since")

        def run(conn: sqlite3.Connection) -> bool:
            if not status_changes(_status(conn, account), is_open, since_utc):
                return False
            conn.execute(
                "INSERT INTO account_status (account, is_open, since) VALUES (?, ?, ?) "
                "ON CONFLICT (account) DO UPDATE SET is_open = excluded.is_open, "
                "since = excluded.since", (account, int(is_open), to_micros(since_utc, "since")))
            _append_logs(conn, actions, notifications, outbox)
            return True
        return await self._write(run)

    # -- the engine lease -----------------------------------------------------------------------------
    async def acquire_lease(self, name: str, holder: str, now: datetime, ttl_seconds: float) -> bool:
        now_utc = utc(now, "now")
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        expires = to_micros(now_utc + timedelta(seconds=ttl_seconds), "expires_at")

        def run(conn: sqlite3.Connection) -> bool:
            if not lease_free_for(_lease(conn, name), holder, now_utc):
                return False
            conn.execute(
                "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) "
                "DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at",
                (name, holder, expires))
            return True
        return await self._write(run)

    async def release_lease(self, name: str, holder: str) -> None:
        def run(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))
        await self._write(run)

    async def lease_holder(self, name: str, now: datetime) -> str | None:
        at = to_micros(now, "now")
        return await self._call(lambda conn: _holder_at(conn, name, at))

    # -- change notice ----------------------------------------------------------------------------------
    async def data_version(self) -> int:
        """SQLite's data_version (moves when another connection commits) in the high bits, this
        store's own commits in the low 32: the number changes on any commit to the file."""
        others = await self._scalar("PRAGMA data_version")
        return (others << 32) | (self._own_commits & 0xFFFFFFFF)


def _status(conn: sqlite3.Connection, account: str) -> tuple[bool, datetime] | None:
    row = conn.execute("SELECT is_open, since FROM account_status WHERE account = ?",
                       (account,)).fetchone()
    return None if row is None else (bool(row[0]), from_micros(row[1]))


def _lease(conn: sqlite3.Connection, name: str) -> tuple[str, datetime] | None:
    row = conn.execute("SELECT holder, expires_at FROM leases WHERE name = ?", (name,)).fetchone()
    return None if row is None else (row[0], from_micros(row[1]))


def _holder_at(conn: sqlite3.Connection, name: str, at: int) -> str | None:
    row = conn.execute("SELECT holder FROM leases WHERE name = ? AND expires_at > ?",
                       (name, at)).fetchone()
    return None if row is None else row[0]
