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
import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite
from platformdirs import user_data_dir
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from core.clock import require_aware
from core.models import (
    Action,
    Author,
    Message,
    MessageKind,
    MessageState,
    Notification,
    NotificationLevel,
    OutboxItem,
    Platform,
)
from storage.base import (
    AccountCounts,
    FiredEvent,
    InsertResult,
    NewMessage,
    NotFoundError,
    QueueQuery,
    StateChange,
    Store,
    StoreError,
    changed_state,
    lease_free_for,
    merged_labels,
    next_event,
    search_matches,
    status_changes,
    unfired_events,
    unstorable_text,
    utc,
    with_event_fired,
)
from storage.migrations import AWAITING_SQL, QUEUE_ORDER_SQL, check_not_newer, migrate

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_LOOKUP_CHUNK = 500  # bound parameters per IN (...) lookup, well under any SQLite's limit
_CACHE_SIZE = 4096  # messages kept converted; a dashboard's queue is a few hundred


def default_db_path() -> Path:
    """Where the store lives unless told otherwise: the user's data directory."""
    return Path(user_data_dir("dutydesk")) / "dutydesk.sqlite3"


def to_micros(value: datetime, name: str) -> int:
    """`value` as integer microseconds since the epoch; NaiveDatetimeError naming `name`."""
    try:
        return (value - EPOCH) // _MICROSECOND  # aware minus aware: any offset works
    except TypeError:
        require_aware(value, name)  # a naive datetime: say so, naming the field
        raise


def _micros_or_none(value: datetime | None, name: str) -> int | None:
    return None if value is None else to_micros(value, name)


def from_micros(value: int | None) -> datetime | None:
    """A stored time as an aware UTC datetime (None stays None)."""
    return None if value is None else EPOCH + timedelta(0, 0, value)


def _labels_json(labels: Sequence[str]) -> str:
    return json.dumps(list(labels), ensure_ascii=False) if labels else "[]"


def _labels(text: str) -> tuple[str, ...]:
    return () if text == "[]" else tuple(json.loads(text))


# -- messages: rows in, rows out ------------------------------------------------------------------

_MESSAGE_COLUMNS = (
    "id, platform, platform_id, account, kind, author_platform_id, author_handle, "
    "author_display_name, text, received_at, ingested_at, thread_id, url, state, state_by, "
    "state_at, claimed_by, responded_at, due_at, warning_1_at, warning_2_at, warnings_fired, "
    "breach_fired, labels, revision")
_SELECT_MESSAGES = f"SELECT {_MESSAGE_COLUMNS} FROM messages"

_INSERT_HEAD = """INSERT INTO messages (platform, platform_id, account, kind,
    author_platform_id, author_handle, author_display_name, text, received_at, ingested_at,
    thread_id, url, due_at, warning_1_at, warning_2_at, labels, next_event_at, revision)
    VALUES """
_INSERT_COLUMNS = 18
_ROW_MARKS = f"({', '.join('?' * _INSERT_COLUMNS)})"
_ON_CONFLICT = " ON CONFLICT (platform, platform_id) DO NOTHING"
#: One message (the parameters of `_insert_params`, then the revision).
_INSERT_MESSAGE = _INSERT_HEAD + _ROW_MARKS + _ON_CONFLICT
_ROWS_PER_INSERT = 1000

#: (revisions, ids) of the rows a batch inserted, as two aligned JSON arrays in ONE row.
_INSERTED_SQL = ("SELECT json_group_array(revision), json_group_array(id) FROM messages "
                 "WHERE revision >= ?")


@lru_cache(maxsize=8)
def _insert_rows_sql(rows: int) -> str:
    """One INSERT of `rows` messages (only the placeholders vary, never values)."""
    return _INSERT_HEAD + ", ".join([_ROW_MARKS] * rows) + _ON_CONFLICT


def _insert_params(new: NewMessage) -> tuple:
    """The INSERT parameters of `new`, all but the revision (set inside the transaction)."""
    m, author = new.inbound, new.inbound.author
    due, w1, w2 = new.due_at, new.warning_1_at, new.warning_2_at
    try:  # inline, not to_micros: this runs for every imported message
        received = (m.received_at - EPOCH) // _MICROSECOND
        ingested = (new.ingested_at - EPOCH) // _MICROSECOND
        due = None if due is None else (due - EPOCH) // _MICROSECOND
        w1 = None if w1 is None else (w1 - EPOCH) // _MICROSECOND
        w2 = None if w2 is None else (w2 - EPOCH) // _MICROSECOND
    except TypeError:
        _name_the_naive(new)
        raise
    if w1 is not None and w2 is not None and due is not None:
        first = min(w1, w2, due)  # the usual case, without the generator's cost
    else:
        first = min((t for t in (w1, w2, due) if t is not None), default=None)
    labels = "[]" if not new.labels and not m.labels else _labels_json(merged_labels(new))
    return (str(m.platform), m.platform_id, m.account, str(m.kind), author.platform_id,
            author.handle, author.display_name, m.text, received, ingested, m.thread_id, m.url,
            due, w1, w2, labels, first)


def _name_the_naive(new: NewMessage) -> None:
    """Raise NaiveDatetimeError naming the first naive time of `new`."""
    for name in ("received_at", "ingested_at", "due_at", "warning_1_at", "warning_2_at"):
        value = getattr(new.inbound if name == "received_at" else new, name)
        if value is not None:
            require_aware(value, name)


_PLATFORMS = {p.value: p for p in Platform}
_KINDS = {k.value: k for k in MessageKind}
_STATES = {s.value: s for s in MessageState}


def _trusted(model: type[M], values: dict[str, Any]) -> M:
    """An instance of `model` from complete, already-validated `values`: the steps of pydantic's
    `model_construct` without its per-field alias search, which costs more than the row read.
    `values` must name every field (tests/storage/test_sqlite.py checks it matches)."""
    instance = model.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


def row_to_message(row: Sequence[Any]) -> Message:
    """A `_SELECT_MESSAGES` row as a Message (not re-validated: it was checked on the way in)."""
    (id_, platform, platform_id, account, kind, author_id, handle, display_name, text,
     received_at, ingested_at, thread_id, url, state, state_by, state_at, claimed_by,
     responded_at, due_at, warning_1_at, warning_2_at, warnings_fired, breach_fired, labels,
     revision) = row
    author = _trusted(Author, {"platform_id": author_id, "handle": handle,
                               "display_name": display_name})
    return _trusted(Message, {
        "platform": _PLATFORMS[platform], "platform_id": platform_id, "account": account,
        "kind": _KINDS[kind], "author": author, "text": text,
        "received_at": from_micros(received_at), "thread_id": thread_id, "url": url,
        "labels": _labels(labels), "id": id_, "ingested_at": from_micros(ingested_at),
        "due_at": from_micros(due_at), "warning_1_at": from_micros(warning_1_at),
        "warning_2_at": from_micros(warning_2_at), "state": _STATES[state], "state_by": state_by,
        "state_at": from_micros(state_at), "claimed_by": claimed_by,
        "responded_at": from_micros(responded_at), "warnings_fired": warnings_fired,
        "breach_fired": bool(breach_fired), "revision": revision})


def _fetch_message(conn: sqlite3.Connection, message_id: int) -> Message:
    row = conn.execute(f"{_SELECT_MESSAGES} WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no message with id {message_id}")
    return row_to_message(row)


def _next_revision(conn: sqlite3.Connection) -> int:
    # Only ever called inside a write transaction, which holds the lock: no two writers race.
    return conn.execute("SELECT coalesce(max(revision), 0) + 1 FROM messages").fetchone()[0]


def _save_changes(conn: sqlite3.Connection, message: Message, revision: int) -> None:
    """Write back the parts of `message` that state changes and fired events touch."""
    conn.execute(
        """UPDATE messages SET state = ?, state_by = ?, state_at = ?, claimed_by = ?,
           responded_at = ?, warnings_fired = ?, breach_fired = ?, revision = ?,
           next_event_at = ? WHERE id = ?""",
        (message.state.value, message.state_by, _micros_or_none(message.state_at, "state_at"),
         message.claimed_by, _micros_or_none(message.responded_at, "responded_at"),
         message.warnings_fired, int(message.breach_fired), revision,
         _micros_or_none(next_event(message), "next_event_at"), message.id))


def _insert_batch(conn: sqlite3.Connection, params: list[tuple],
                  keys: list[tuple[str, str]]) -> list[InsertResult]:
    """Insert, then find every row's id: those inserted by their revision (base + position),
    repeats (earlier or within this batch) by their key.

    Rows go in as multi-row INSERTs and come back as single JSON rows, not one SQLite step per
    row: Python's sqlite3 lets go of the GIL at every step, and while another thread parses
    the next batch (as intake does) each step's wait to get it back adds up to ~100x slower.
    """
    base = _next_revision(conn)
    per_insert = max(1, min(_ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
                            // _INSERT_COLUMNS))
    for start in range(0, len(params), per_insert):
        chunk = params[start:start + per_insert]
        flat: list[Any] = []
        for offset, row in enumerate(chunk, start=base + start):
            flat.extend(row)
            flat.append(offset)
        conn.execute(_insert_rows_sql(len(chunk)), flat)
    revisions, ids = conn.execute(_INSERTED_SQL, (base,)).fetchone()
    by_revision = dict(zip(json.loads(revisions), json.loads(ids), strict=True))
    found = {i: by_revision[base + i] for i in range(len(keys)) if base + i in by_revision}
    repeats = _ids_by_key(conn, {keys[i] for i in range(len(keys)) if i not in found})
    return [_trusted(InsertResult, {"message_id": found[i], "inserted": True}) if i in found
            else _trusted(InsertResult, {"message_id": repeats[key], "inserted": False})
            for i, key in enumerate(keys)]


def _ids_by_key(conn: sqlite3.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    by_platform: dict[str, list[str]] = {}
    for platform, platform_id in keys:
        by_platform.setdefault(platform, []).append(platform_id)
    ids = {}
    for platform, platform_ids in by_platform.items():
        for start in range(0, len(platform_ids), _LOOKUP_CHUNK):
            chunk = platform_ids[start:start + _LOOKUP_CHUNK]
            found_ids, found_ids_of = conn.execute(
                "SELECT json_group_array(platform_id), json_group_array(id) FROM messages "
                f"WHERE platform = ? AND platform_id IN ({', '.join('?' * len(chunk))})",
                (platform, *chunk)).fetchone()
            for pid, id_ in zip(json.loads(found_ids), json.loads(found_ids_of), strict=True):
                ids[(platform, pid)] = id_
    return ids


# -- log lines -------------------------------------------------------------------------------------

def _append_logs(conn: sqlite3.Connection, actions: Sequence[Action],
                 notifications: Sequence[Notification], outbox: Sequence[OutboxItem]) -> None:
    if actions:
        conn.executemany(
            "INSERT INTO actions (at, actor, verb, message_id, account, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(to_micros(a.at, "action.at"), a.actor, a.verb, a.message_id, a.account,
              json.dumps(to_jsonable_python(a.detail), ensure_ascii=False)) for a in actions])
    if notifications:
        conn.executemany(
            "INSERT INTO notifications (at, level, kind, title, body, role, message_id, account) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(to_micros(n.at, "notification.at"), n.level.value, n.kind, n.title, n.body, n.role,
              n.message_id, n.account) for n in notifications])
    if outbox:
        conn.executemany(
            "INSERT INTO outbox (created_at, account, kind, text, in_reply_to, created_by, "
            "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(to_micros(o.created_at, "outbox.created_at"), o.account, o.kind, o.text,
              o.in_reply_to, o.created_by, _micros_or_none(o.sent_at, "outbox.sent_at"))
             for o in outbox])


def _action(row: Sequence[Any]) -> Action:
    id_, at, actor, verb, message_id, account, detail = row
    return Action(id=id_, at=from_micros(at), actor=actor, verb=verb, message_id=message_id,
                  account=account, detail=json.loads(detail))


def _notification(row: Sequence[Any]) -> Notification:
    id_, at, level, kind, title, body, role, message_id, account = row
    return Notification(id=id_, at=from_micros(at), level=NotificationLevel(level), kind=kind,
                        title=title, body=body, role=role, message_id=message_id, account=account)


def _outbox_item(row: Sequence[Any]) -> OutboxItem:
    id_, created_at, account, kind, text, in_reply_to, created_by, sent_at = row
    return OutboxItem(id=id_, created_at=from_micros(created_at), account=account, kind=kind,
                      text=text, in_reply_to=in_reply_to, created_by=created_by,
                      sent_at=from_micros(sent_at))


def queue_sql(query: QueueQuery) -> tuple[str, list[Any]]:
    """The queue's SELECT and its parameters; values are always bound, never spliced in."""
    where: list[str] = []
    params: list[Any] = []
    if query.handled_since is not None:
        # Word for word the messages_handled index's WHERE clause, so SQLite uses it.
        where += [f"NOT ({AWAITING_SQL})", "state_at >= ?"]
        params.append(to_micros(query.handled_since, "handled_since"))
    elif query.awaiting_only:
        where.append(AWAITING_SQL)
    if query.accounts is not None:
        where.append(f"account IN ({', '.join('?' * len(query.accounts))})")
        params.extend(query.accounts)
    if query.exclude_kinds:
        where.append(f"kind NOT IN ({', '.join('?' * len(query.exclude_kinds))})")
        params.extend(k.value for k in query.exclude_kinds)
    if query.search:
        where.append("dd_search(?, text, author_handle, author_display_name, labels)")
        params.append(query.search.casefold())
    sql = _SELECT_MESSAGES + (f" WHERE {' AND '.join(where)}" if where else "")
    order = "state_at DESC, id DESC" if query.handled_since is not None else QUEUE_ORDER_SQL
    return f"{sql} ORDER BY {order} LIMIT ?", [*params, max(query.limit, 0)]


#: Waiting, warning and breached per account at :now; covered by the messages_queue index.
ACCOUNT_COUNTS_SQL = f"""SELECT account, count(*),
      sum(CASE WHEN responded_at IS NULL AND warning_1_at <= :now
               AND (due_at IS NULL OR due_at > :now) THEN 1 ELSE 0 END),
      sum(CASE WHEN responded_at IS NULL AND due_at <= :now THEN 1 ELSE 0 END)
    FROM messages WHERE {AWAITING_SQL} GROUP BY account ORDER BY account"""


#: Messages with an unfired event at or before ?, earliest first (messages_queue, covering
#: the filter: only matching rows are read).
PENDING_SQL = (f"{_SELECT_MESSAGES} WHERE {AWAITING_SQL} AND next_event_at <= ? "
               "ORDER BY next_event_at, id LIMIT ?")

#: When the earliest unfired event falls (a scan of messages_queue alone).
NEXT_EVENT_SQL = f"SELECT min(next_event_at) FROM messages WHERE {AWAITING_SQL}"


def _search(needle: str, text: str, handle: str, display_name: str, labels: str) -> bool:
    """SQL function dd_search: the shared search rule, so Unicode case-folding is Python's."""
    return search_matches(needle, text, handle, display_name, _labels(labels))


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


class SqliteStore(Store):
    """The store in one SQLite file at `path` (created, with its directory, if missing).

    `busy_timeout` is how long one attempt waits for another process's write lock;
    `busy_retries` how many more attempts follow, with a growing pause, before StoreError.
    """

    def __init__(self, path: str | Path, *, busy_timeout: float = 10.0,
                 busy_retries: int = 4) -> None:
        self.path = Path(path)
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
        db = aiosqlite.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        try:
            self._db = await db
        except sqlite3.Error as exc:
            # aiosqlite stops its thread without waiting; wait here, or the thread may report
            # back to an event loop that has already closed.
            await asyncio.get_running_loop().run_in_executor(None, db._thread.join, 5.0)
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        try:
            await self._call(self._prepare)
        except BaseException:
            await self.close()
            raise

    def _prepare(self, conn: sqlite3.Connection) -> None:
        # Checked before anything else: switching to WAL would already write to the file.
        check_not_newer(conn, self.path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -32768")  # 32 MB: keeps the indexes warm on big files
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn, self.path)
        conn.create_function("dd_search", 5, _search, deterministic=True)

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
        pause = 0.05
        for attempt in range(self._busy_retries + 1):
            try:
                return await db._execute(lambda: fn(db._conn))  # one job, never interleaved
            except sqlite3.Error as exc:
                if not _is_busy(exc):
                    raise self._plain_error(exc) from exc
                if attempt == self._busy_retries:
                    raise StoreError(
                        f"the store {self.path} stayed busy: another dutydesk process held it "
                        f"for over {self._busy_timeout:g} s, {attempt + 1} times running. "
                        "Nothing was written; try again.") from exc
            await self._backoff(pause)
            pause *= 2
        raise AssertionError("unreachable")

    async def _backoff(self, seconds: float) -> None:
        """The pause between busy attempts (tests replace it to act at that moment)."""
        await asyncio.sleep(seconds)

    def _plain_error(self, exc: sqlite3.Error) -> StoreError:
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
            return StoreError(f"{self.path} is not a dutydesk store (not an SQLite database file)")
        return StoreError(f"the store {self.path} failed: {exc}")

    def _transaction(self, conn: sqlite3.Connection, fn: Callable[[sqlite3.Connection], T]) -> T:
        """`fn(conn)` in one IMMEDIATE transaction: committed whole, or rolled back and raised."""
        before = conn.total_changes
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
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
    async def add_messages(self, rows: Sequence[NewMessage]) -> list[InsertResult]:
        if not rows:
            return []
        return await self._call(partial(self._add_on_thread, rows))

    def _add_on_thread(self, rows: Sequence[NewMessage], conn: sqlite3.Connection) -> list[InsertResult]:
        # Parameters are built before the lock is taken: no other writer waits on Python work.
        params = [_insert_params(row) for row in rows]
        keys = [(p[0], p[1]) for p in params]
        try:
            return self._transaction(conn, lambda c: _insert_batch(c, params, keys))
        except UnicodeEncodeError as exc:
            where = next(filter(None, map(unstorable_text, rows)), "a row")
            raise StoreError(f"cannot store {where}: it holds characters that are not valid "
                             "Unicode text (a lone surrogate); nothing in this batch was stored") from exc

    async def get_message(self, message_id: int) -> Message:
        return await self._call(lambda conn: _fetch_message(conn, message_id))

    async def queue(self, query: QueueQuery) -> list[Message]:
        if query.accounts == ():
            return []
        return await self._messages(*queue_sql(query))

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
        def run(conn: sqlite3.Connection) -> bool:
            before = _fetch_message(conn, fired.message_id)
            after = with_event_fired(before, fired.event)
            if after is None:
                return False
            _save_changes(conn, after, _next_revision(conn))
            _append_logs(conn, actions, notifications, ())
            return True
        # The read and the update share one IMMEDIATE transaction: a second engine waits for
        # the lock, then reads the event as fired. That is the compare-and-set.
        return await self._write(run)

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

    async def outbox(self, unsent_only: bool = True, limit: int = 500) -> list[OutboxItem]:
        unsent = "WHERE sent_at IS NULL " if unsent_only else ""
        rows = await self._rows(
            "SELECT id, created_at, account, kind, text, in_reply_to, created_by, sent_at "
            f"FROM outbox {unsent}ORDER BY id LIMIT ?", (max(limit, 0),))
        return [_outbox_item(row) for row in rows]

    async def mark_outbox_sent(self, item_id: int, at: datetime) -> bool:
        sent_at = to_micros(at, "at")

        def run(conn: sqlite3.Connection) -> bool:
            row = conn.execute("SELECT sent_at FROM outbox WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no outbox item with id {item_id}")
            if row[0] is not None:
                return False
            conn.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", (sent_at, item_id))
            return True
        return await self._write(run)

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
