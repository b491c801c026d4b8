"""Rows and statements of the SQLite store: how messages, log lines and times become rows and
come back, and the SQL the store runs. Only `storage.sqlite` uses this module (and the bench).

Times are INTEGER microseconds since the Unix epoch, UTC (`to_micros` / `from_micros`): exact, and
ordered as integers. Every datetime read back is aware and in UTC.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

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
    NotFoundError,
    QueueQuery,
    log_references,
    missing_messages_error,
    next_event,
    search_matches,
)
from storage.migrations import AWAITING_SQL, LANE_INDEX_WHERE, QUEUE_ORDER_SQL
from storage.rows import InsertResult, MessageRow, from_micros, micros_or_none, to_micros

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
_LOOKUP_CHUNK = 500  # bound parameters per IN (...) lookup, well under any SQLite's limit
_CACHE_SIZE = 4096  # messages kept converted; a dashboard's queue is a few hundred


@lru_cache(maxsize=256)
def _labels_json(labels: tuple[str, ...]) -> str:
    """Labels as stored; cached, since nearly every message has one of a few sets of them."""
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


def rows_per_insert(conn: sqlite3.Connection) -> int:
    """How many rows one bulk INSERT takes on `conn`, its parameters within the connection's limit."""
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(_ROWS_PER_INSERT, limit // _INSERT_COLUMNS))


def _insert_params(row: MessageRow) -> tuple:
    """The INSERT parameters of `row`, all but the revision (set inside the transaction)."""
    first = _first_event(row.warning_1_at, row.warning_2_at, row.due_at)
    return (*row[:15], _labels_json(tuple(row.labels)), first)


def _first_event(w1: int | None, w2: int | None, due: int | None) -> int | None:
    """next_event_at of a new message: the earliest of its warnings and due time."""
    if w1 is not None and w2 is not None and due is not None:
        return min(w1, w2, due)  # the usual case, without the generator's cost
    return min((t for t in (w1, w2, due) if t is not None), default=None)


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
        (message.state.value, message.state_by, micros_or_none(message.state_at, "state_at"),
         message.claimed_by, micros_or_none(message.responded_at, "responded_at"),
         message.warnings_fired, int(message.breach_fired), revision,
         micros_or_none(next_event(message), "next_event_at"), message.id))


class Layout(NamedTuple):
    """A batch laid out for bulk INSERTs (`lay_out`): the rows to insert, by position, in the
    order they go in; and each INSERT's parameters, the revisions left to fill in."""

    order: list[int]
    chunks: list[list[Any]]


def lay_out(rows: Sequence[MessageRow], per_insert: int) -> Layout:
    """`rows` in `_insert_order`, as the parameters of INSERTs of `per_insert` rows: each
    row's `_insert_params` (built inline: every imported message comes here), then a place
    for its revision, which is known only under the write lock. Touches no database: an
    import's workers do this side by side, before their turn to write."""
    order = _insert_order(rows)
    chunks: list[list[Any]] = []
    for start in range(0, len(order), per_insert):
        flat: list[Any] = []
        extend, append = flat.extend, flat.append
        for i in order[start:start + per_insert]:
            row = rows[i]
            extend(row)  # its 16 fields: the last, the labels, is replaced by their JSON
            labels = row[15]
            flat[-1] = _labels_json(labels if type(labels) is tuple else tuple(labels))
            due, w1, w2 = row[12], row[13], row[14]
            if w1 is not None and w2 is not None and due is not None:
                append(min(w1, w2, due))  # as _first_event, inline
            else:
                append(_first_event(w1, w2, due))
            append(0)  # the revision, set by _insert_laid_out
        chunks.append(flat)
    return Layout(order, chunks)


def _insert_laid_out(conn: sqlite3.Connection, layout: Layout, base: int) -> None:
    """The layout's INSERTs, the j-th row in with revision base + j (written into the
    layout, so a retried transaction can use it again)."""
    start = 0
    for flat in layout.chunks:
        count = len(flat) // _INSERT_COLUMNS
        flat[_INSERT_COLUMNS - 1::_INSERT_COLUMNS] = range(base + start, base + start + count)
        conn.execute(_insert_rows_sql(count), flat)
        start += count


def _insert_batch(conn: sqlite3.Connection, rows: Sequence[MessageRow], layout: Layout) -> list[InsertResult]:
    """Insert `rows` (laid out as `layout`), then find every row's id: those inserted by
    their revision (base + place in the layout), repeats (earlier or within this batch) by
    their key.

    Rows go in as multi-row INSERTs and come back as single JSON rows, not one SQLite step per
    row: Python's sqlite3 lets go of the GIL at every step, and while another thread parses
    the next batch (as intake does) each step's wait to get it back adds up to ~100x slower.
    """
    keys = [(row.platform, row.platform_id) for row in rows]
    base = _next_revision(conn)
    _insert_laid_out(conn, layout, base)
    revisions, ids = conn.execute(_INSERTED_SQL, (base,)).fetchone()
    by_revision = dict(zip(json.loads(revisions), json.loads(ids), strict=True))
    found = {i: by_revision[base + place] for place, i in enumerate(layout.order)
             if base + place in by_revision}
    repeats = _ids_by_key(conn, {keys[i] for i in range(len(keys)) if i not in found})
    return [InsertResult(found[i], True) if i in found else InsertResult(repeats[key], False)
            for i, key in enumerate(keys)]


def _insert_only(conn: sqlite3.Connection, layout: Layout) -> int:
    """Insert a laid-out batch (repeats skipped) and say how many rows went in, finding no ids."""
    before = conn.total_changes
    _insert_laid_out(conn, layout, _next_revision(conn))
    return conn.total_changes - before


#: Where a message without a due time sorts in the queue index (as in QUEUE_ORDER_SQL).
_NO_DUE = 9223372036854775807


def _insert_order(rows: Sequence[MessageRow]) -> list[int]:
    """The positions of `rows` to insert, in the queue index's order (due, then received).

    A batch's messages arrive in any order of due time; added to the queue index in its own
    order they go in next to each other, not all over it, which saves a third of SQLite's
    work on a big import. A repeat of a (platform, platform_id) earlier in the batch is left
    out, so the first line of a file still wins whatever its due time.
    """
    # (due, received) as one integer, due * 2**64 + received: as a stored INTEGER, a received
    # time is within 2**63 either side of 0, so this sorts as the pair does, a third faster.
    keys = [((_NO_DUE if row[12] is None else row[12]) << 64) + row[8] for row in rows]
    positions: Sequence[int] = range(len(rows))
    if len({row[1] for row in rows}) < len(rows):  # a platform id twice: maybe a repeat
        first: dict[tuple[str, str], int] = {}
        for i, row in enumerate(rows):
            first.setdefault((row[0], row[1]), i)
        positions = list(first.values())
    return sorted(positions, key=keys.__getitem__)  # stable: ties stay in batch order


def _lookup_chunks(values: Sequence[T]) -> Iterator[tuple[Sequence[T], str]]:
    """`values` in chunks of at most _LOOKUP_CHUNK, each with its `?, ?, ...` for an IN (...)."""
    for start in range(0, len(values), _LOOKUP_CHUNK):
        chunk = values[start:start + _LOOKUP_CHUNK]
        yield chunk, ", ".join("?" * len(chunk))


def _ids_by_key(conn: sqlite3.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    by_platform: dict[str, list[str]] = {}
    for platform, platform_id in keys:
        by_platform.setdefault(platform, []).append(platform_id)
    ids = {}
    for platform, platform_ids in by_platform.items():
        for chunk, marks in _lookup_chunks(platform_ids):
            found_ids, found_ids_of = conn.execute(
                "SELECT json_group_array(platform_id), json_group_array(id) FROM messages "
                f"WHERE platform = ? AND platform_id IN ({marks})", (platform, *chunk)).fetchone()
            for pid, id_ in zip(json.loads(found_ids), json.loads(found_ids_of), strict=True):
                ids[(platform, pid)] = id_
    return ids


# -- log lines -------------------------------------------------------------------------------------

def _append_logs(conn: sqlite3.Connection, actions: Sequence[Action],
                 notifications: Sequence[Notification], outbox: Sequence[OutboxItem]) -> None:
    """Append the lines inside the caller's transaction. The foreign keys refuse a line about
    a message the file does not hold; then NotFoundError names the missing messages."""
    try:
        _insert_logs(conn, actions, notifications, outbox)
    except sqlite3.IntegrityError as exc:
        if "FOREIGN KEY" not in str(exc):
            raise
        raise missing_messages_error(
            _missing_messages(conn, log_references(actions, notifications, outbox))) from exc


def _missing_messages(conn: sqlite3.Connection, ids: set[int]) -> set[int]:
    """Which of `ids` the file holds no message for."""
    found: set[int] = set()
    for chunk, marks in _lookup_chunks(sorted(ids)):
        found.update(row[0] for row in conn.execute(f"SELECT id FROM messages WHERE id IN ({marks})", chunk))
    return ids - found


def _insert_logs(conn: sqlite3.Connection, actions: Sequence[Action],
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
            f"INSERT INTO outbox ({OUTBOX_COLUMNS[4:]}) VALUES ({', '.join('?' * 14)})",
            [_outbox_values(o) for o in outbox])


def _action(row: Sequence[Any]) -> Action:
    id_, at, actor, verb, message_id, account, detail = row
    return Action(id=id_, at=from_micros(at), actor=actor, verb=verb, message_id=message_id,
                  account=account, detail=json.loads(detail))


def _notification(row: Sequence[Any]) -> Notification:
    id_, at, level, kind, title, body, role, message_id, account = row
    return Notification(id=id_, at=from_micros(at), level=NotificationLevel(level), kind=kind,
                        title=title, body=body, role=role, message_id=message_id, account=account)


#: The outbox's columns in `_outbox_item`'s order (the first, id, is left out on insert).
OUTBOX_COLUMNS = ("id, created_at, account, kind, text, in_reply_to, created_by, sent_at, held, "
                  "hold_reason, attempts, next_attempt_at, last_error, failed_at, no_connector")


def _outbox_values(o: OutboxItem) -> tuple:
    return (to_micros(o.created_at, "outbox.created_at"), o.account, o.kind, o.text,
            o.in_reply_to, o.created_by, micros_or_none(o.sent_at, "outbox.sent_at"), int(o.held),
            o.hold_reason, o.attempts, micros_or_none(o.next_attempt_at, "outbox.next_attempt_at"),
            o.last_error, micros_or_none(o.failed_at, "outbox.failed_at"), int(o.no_connector))


def _outbox_item(row: Sequence[Any]) -> OutboxItem:
    (id_, created_at, account, kind, text, in_reply_to, created_by, sent_at, held, hold_reason,
     attempts, next_attempt_at, last_error, failed_at, no_connector) = row
    return OutboxItem(id=id_, created_at=from_micros(created_at), account=account, kind=kind,
                      text=text, in_reply_to=in_reply_to, created_by=created_by,
                      sent_at=from_micros(sent_at), held=bool(held), hold_reason=hold_reason,
                      attempts=attempts, next_attempt_at=from_micros(next_attempt_at),
                      last_error=last_error, failed_at=from_micros(failed_at),
                      no_connector=bool(no_connector))


def lane_sql(query: QueueQuery) -> tuple[str, list[Any]]:
    """The lane's SELECT (its own small index, messages_lane), with the queue's filters: the
    tiers this query puts first, most urgent first, then soonest due."""
    where, params = [LANE_INDEX_WHERE, "lane <= ?"], [query.lowest_tier]
    _filters(query, where, params)
    return (f"{_SELECT_MESSAGES} WHERE {' AND '.join(where)} ORDER BY lane, {QUEUE_ORDER_SQL} "
            "LIMIT ?", [*params, max(query.limit, 0)])


def _filters(query: QueueQuery, where: list[str], params: list[Any]) -> None:
    """The queue's account, kind and search filters, appended to `where` and `params`."""
    if query.accounts is not None:
        where.append(f"account IN ({', '.join('?' * len(query.accounts))})")
        params.extend(query.accounts)
    if query.exclude_kinds:
        where.append(f"kind NOT IN ({', '.join('?' * len(query.exclude_kinds))})")
        params.extend(k.value for k in query.exclude_kinds)
    if query.search:
        where.append("dd_search(?, text, author_handle, author_display_name, labels)")
        params.append(query.search.casefold())


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
    _filters(query, where, params)
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
