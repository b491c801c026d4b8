"""The SQLite store's outgoing posts and incidents (see `storage.posts_base` for the promises).

Each method is one function run on the connection thread, inside one IMMEDIATE transaction
when it writes, like the rest of `storage.sqlite`.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar

from core.emergency import Incident
from core.models import Action, Notification, OutboxItem
from core.posts import OUTBOX_KINDS, Post, PostChange, PostKind, PostState, decided, post_after
from storage.base import NotFoundError
from storage.posts_base import (
    FREEZE_REASON,
    FROZEN_BY_DECLARATION,
    POST_VERBS,
    DueRecords,
    EmergencyActiveError,
    PostStore,
    arrival_freeze,
    fold_freezes,
)
from storage.retime import Retime
from storage.rows import from_micros, micros_or_none, to_micros
from storage.outbox import HoldFilter
from storage.sqlite_outbox import hold_unsent
from storage.sqlite_retime import retime_related_rows
from storage.sqlite_rows import _action, _append_logs

T = TypeVar("T")

_POST_COLUMNS = ("id, account, kind, text, publish_at, state, created_by, created_at, updated_by, "
                 "updated_at, approved_by, incident_id, outbox_id, published_at, note, revision")
_INCIDENT_COLUMNS = ("id, title, reason, declared_by, declared_at, first_update_due, "
                     "first_update_at, extended_until, frozen_count, resolved_by, resolved_at, "
                     "resolve_reason, revision")
_ACTION_COLUMNS = "SELECT id, at, actor, verb, message_id, account, detail FROM actions"


def _post(row: Sequence[Any]) -> Post:
    (id_, account, kind, text, publish_at, state, created_by, created_at, updated_by, updated_at,
     approved_by, incident_id, outbox_id, published_at, note, revision) = row
    return Post(id=id_, account=account, kind=PostKind(kind), text=text,
                publish_at=from_micros(publish_at), state=PostState(state), created_by=created_by,
                created_at=from_micros(created_at), updated_by=updated_by,
                updated_at=from_micros(updated_at), approved_by=approved_by,
                incident_id=incident_id, outbox_id=outbox_id,
                published_at=from_micros(published_at), note=note, revision=revision)


def _incident(row: Sequence[Any]) -> Incident:
    (id_, title, reason, declared_by, declared_at, due, first_at, extended, frozen, resolved_by,
     resolved_at, resolve_reason, revision) = row
    return Incident(id=id_, title=title, reason=reason, declared_by=declared_by,
                    declared_at=from_micros(declared_at), first_update_due=from_micros(due),
                    first_update_at=from_micros(first_at), extended_until=from_micros(extended),
                    frozen_count=frozen, resolved_by=resolved_by, resolved_at=from_micros(resolved_at),
                    resolve_reason=resolve_reason, revision=revision)


def _post_values(p: Post) -> tuple:
    return (p.account, p.kind.value, p.text, to_micros(p.publish_at, "publish_at"), p.state.value,
            p.created_by, to_micros(p.created_at, "created_at"), p.updated_by,
            micros_or_none(p.updated_at, "updated_at"), p.approved_by, p.incident_id, p.outbox_id,
            micros_or_none(p.published_at, "published_at"), p.note)


def _next_revision(conn: sqlite3.Connection) -> int:
    return conn.execute(
        "SELECT max((SELECT coalesce(max(revision), 0) FROM posts), "
        "(SELECT coalesce(max(revision), 0) FROM incidents)) + 1").fetchone()[0]


def _active(conn: sqlite3.Connection) -> Incident | None:
    row = conn.execute(f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE resolved_at IS NULL").fetchone()
    return None if row is None else _incident(row)


def _fetch_post(conn: sqlite3.Connection, post_id: int) -> Post:
    row = conn.execute(f"SELECT {_POST_COLUMNS} FROM posts WHERE id = ?", (post_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no post with id {post_id}")
    return _post(row)


def _outbox_id(conn: sqlite3.Connection, item: OutboxItem | None) -> int | None:
    if item is None:
        return None
    _append_logs(conn, (), (), (item,))
    return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def _first_update(conn: sqlite3.Connection, post: Post, revision: int) -> None:
    """A crisis update published: its incident's first update, if it is the first."""
    if post.kind is PostKind.CRISIS and post.incident_id is not None and post.published_at is not None:
        conn.execute("UPDATE incidents SET first_update_at = ?, revision = ? WHERE id = ? AND "
                     "first_update_at IS NULL",
                     (to_micros(post.published_at, "published_at"), revision, post.incident_id))


def _save_post(conn: sqlite3.Connection, post: Post, revision: int) -> Post:
    saved = post.model_copy(update={"revision": revision})
    if post.id is None:
        cursor = conn.execute(
            f"INSERT INTO posts ({_POST_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?)", (*_post_values(post), revision))
        saved = saved.model_copy(update={"id": cursor.lastrowid})
    else:
        conn.execute(
            "UPDATE posts SET account = ?, kind = ?, text = ?, publish_at = ?, state = ?, "
            "created_by = ?, created_at = ?, updated_by = ?, updated_at = ?, approved_by = ?, "
            "incident_id = ?, outbox_id = ?, published_at = ?, note = ?, revision = ? WHERE id = ?",
            (*_post_values(post), revision, post.id))
    _first_update(conn, saved, revision)
    return saved


def _with_post_id(actions: Sequence[Action], post_id: int) -> list[Action]:
    return [a if a.detail.get("post") is not None else a.model_copy(update={"detail": {**a.detail, "post": post_id}})
            for a in actions]


class SqlitePosts(PostStore):
    """Mixed into `SqliteStore`: needs its `_call` and `_write`."""

    _call: Callable[..., Any]
    _write: Callable[..., Any]

    async def add_post(self, post: Post, actions: Sequence[Action] = (),
                       outbox: OutboxItem | None = None) -> Post:
        def run(conn: sqlite3.Connection) -> Post:
            new = post
            active = _active(conn)
            if post.kind is PostKind.SCHEDULED and active is not None and post.state is PostState.SCHEDULED:
                new = post.model_copy(update={"state": PostState.FROZEN, "incident_id": active.id})
            if outbox is not None:
                new = new.model_copy(update={"state": PostState.PUBLISHED, "published_at": outbox.created_at,
                                             "outbox_id": _outbox_id(conn, outbox)})
            saved = _save_post(conn, new, _next_revision(conn))
            _append_logs(conn, _with_post_id([*actions, *arrival_freeze(None, saved)], saved.id or 0), (), ())
            return saved
        return await self._write(run)

    async def change_post(self, change: PostChange, actions: Sequence[Action] = (),
                          outbox: OutboxItem | None = None) -> Post:
        def run(conn: sqlite3.Connection) -> Post:
            active = _active(conn)
            before = _fetch_post(conn, change.post_id)
            after = post_after(before, change, None if active is None else active.id)
            if outbox is not None:
                after = after.model_copy(update={"outbox_id": _outbox_id(conn, outbox)})
            saved = _save_post(conn, after, _next_revision(conn))
            _append_logs(conn, _with_post_id([*actions, *arrival_freeze(before, saved)], change.post_id), (), ())
            return saved
        return await self._write(run)

    async def get_post(self, post_id: int) -> Post:
        return await self._call(lambda conn: _fetch_post(conn, post_id))

    async def posts(self, states: Collection[PostState] | None = None,
                    accounts: Collection[str] | None = None, limit: int = 500) -> list[Post]:
        where, params = [], []
        if states is not None:
            where.append(f"state IN ({', '.join('?' * len(states))})")
            params += [s.value for s in states]
        if accounts is not None:
            where.append(f"account IN ({', '.join('?' * len(accounts))})")
            params += list(accounts)
        if (states is not None and not states) or (accounts is not None and not accounts):
            return []
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        sql = f"SELECT {_POST_COLUMNS} FROM posts {clause}ORDER BY publish_at, id LIMIT ?"
        return await self._call(
            lambda conn: [_post(r) for r in conn.execute(sql, (*params, max(limit, 0))).fetchall()])

    async def publish_due(self, now: datetime, grace: timedelta, records: DueRecords,
                          limit: int = 500) -> list[Post]:
        until = to_micros(now, "now")

        def run(conn: sqlite3.Connection) -> list[Post]:
            # The emergency state is read under the write lock, in the same transaction that
            # moves posts to the outbox: a declaration commits either before (they freeze) or
            # after (they were published before it), never in between.
            active = _active(conn)
            sql = f"SELECT {_POST_COLUMNS} FROM posts WHERE state = 'scheduled'"
            params: tuple = ()
            if active is None:
                sql += " AND publish_at <= ?"
                params = (until,)
            due = [_post(r) for r in conn.execute(f"{sql} ORDER BY publish_at, id LIMIT ?",
                                                  (*params, max(limit, 0))).fetchall()]
            if not due:
                return []
            revision = _next_revision(conn)
            return [_decide(conn, p, now, grace, active, records, revision) for p in due]
        return await self._write(run)

    async def next_post_at(self) -> datetime | None:
        return from_micros(await self._call(lambda conn: conn.execute(
            "SELECT min(publish_at) FROM posts WHERE state = 'scheduled'").fetchone()[0]))

    async def posted_today(self, since: datetime) -> set[str]:
        at = to_micros(since, "since")
        return set(await self._call(lambda conn: [r[0] for r in conn.execute(
            "SELECT account FROM posts WHERE published_at >= ? UNION SELECT account FROM posts "
            "WHERE state IN ('scheduled', 'frozen') AND publish_at >= ?", (at, at)).fetchall()]))

    # -- incidents ---------------------------------------------------------------------------
    async def declare_emergency(self, incident: Incident, actions: Sequence[Action] = (),
                                notifications: Sequence[Notification] = (),
                                freeze: bool = True, retime: Retime | None = None) -> Incident:
        def run(conn: sqlite3.Connection) -> Incident:
            if _active(conn) is not None:
                raise EmergencyActiveError("an emergency is already declared: resolve it first")
            revision = _next_revision(conn)
            cursor = conn.execute(
                f"INSERT INTO incidents ({_INCIDENT_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, NULL, ?, 0, "
                "NULL, NULL, NULL, ?)",
                (incident.title, incident.reason, incident.declared_by,
                 to_micros(incident.declared_at, "declared_at"),
                 micros_or_none(incident.first_update_due, "first_update_due"),
                 micros_or_none(incident.extended_until, "extended_until"), revision))
            incident_id = cursor.lastrowid
            frozen = 0
            if freeze:
                frozen = conn.execute(
                    "UPDATE posts SET state = 'frozen', incident_id = ?, updated_by = ?, updated_at = ?, "
                    "revision = ? WHERE state IN ('scheduled', 'held') AND kind = 'scheduled'",
                    (incident_id, incident.declared_by, to_micros(incident.declared_at, "declared_at"),
                     revision)).rowcount
                frozen += _hold_handed_over(conn, incident_id, incident.declared_by,
                                            to_micros(incident.declared_at, "declared_at"), revision)
                conn.execute("UPDATE incidents SET frozen_count = ? WHERE id = ?", (frozen, incident_id))
            logged = [a.model_copy(update={"detail": {**a.detail, "incident": incident_id, "frozen": frozen}})
                      for a in actions]
            _append_logs(conn, logged, notifications, ())
            if frozen:
                _log_freezes(conn, incident_id, incident.declared_by,
                             to_micros(incident.declared_at, "declared_at"))
            stored = incident.model_copy(update={"id": incident_id, "frozen_count": frozen,
                                                 "revision": revision})
            if retime is not None:
                retime_related_rows(conn, stored, retime)
            return stored
        return await self._write(run)

    async def resolve_emergency(self, incident_id: int, by: str, at: datetime, reason: str,
                                actions: Sequence[Action] = (),
                                notifications: Sequence[Notification] = (),
                                retime: Retime | None = None) -> Incident:
        when = to_micros(at, "at")

        def run(conn: sqlite3.Connection) -> Incident:
            active = _active(conn)
            if active is None or active.id != incident_id:
                from core.posts import PostStateError
                raise PostStateError(f"incident {incident_id} is not the declared emergency")
            revision = _next_revision(conn)
            conn.execute("UPDATE incidents SET resolved_by = ?, resolved_at = ?, resolve_reason = ?, "
                         "revision = ? WHERE id = ?", (by, when, reason, revision, incident_id))
            conn.execute("UPDATE posts SET state = 'review', updated_by = ?, updated_at = ?, revision = ? "
                         "WHERE state = 'frozen'", (by, when, revision))
            _append_logs(conn, actions, notifications, ())
            if retime is not None:
                retime_related_rows(conn, None, retime)
            row = conn.execute(f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE id = ?",
                               (incident_id,)).fetchone()
            return _incident(row)
        return await self._write(run)

    async def retime_related(self, retime: Retime) -> int:
        return await self._write(lambda conn: retime_related_rows(conn, _active(conn), retime))

    async def active_incident(self) -> Incident | None:
        return await self._call(_active)

    async def get_incident(self, incident_id: int) -> Incident:
        def run(conn: sqlite3.Connection) -> Incident:
            row = conn.execute(f"SELECT {_INCIDENT_COLUMNS} FROM incidents WHERE id = ?",
                               (incident_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no incident with id {incident_id}")
            return _incident(row)
        return await self._call(run)

    async def incidents(self, limit: int = 100) -> list[Incident]:
        return await self._call(lambda conn: [_incident(r) for r in conn.execute(
            f"SELECT {_INCIDENT_COLUMNS} FROM incidents ORDER BY id DESC LIMIT ?",
            (max(limit, 0),)).fetchall()])

    async def incident_timeline(self, incident: Incident, limit: int | None = 5000,
                                freeze_lines: int | None = None) -> list[Action]:
        start = to_micros(incident.declared_at, "declared_at")
        end = None if incident.resolved_at is None else to_micros(incident.resolved_at, "resolved_at")
        verbs = ", ".join("?" * len(POST_VERBS))
        most = -1 if limit is None else max(limit, 0)
        freezes = -1 if freeze_lines is None else max(freeze_lines, 0)

        def during(conn: sqlite3.Connection, verb_clause: str, cap: int) -> list[Any]:
            window, params = ("at >= ? AND at <= ?", (start, end)) if end is not None else ("at >= ?", (start,))
            return conn.execute(f"{_ACTION_COLUMNS} WHERE {window} AND {verb_clause} ORDER BY at, id LIMIT ?",
                                (*params, cap)).fetchall()

        def run(conn: sqlite3.Connection) -> list[Action]:
            # The freeze lines (one per frozen post: thousands) are read apart, up to their own
            # cap, then merged back in time order.
            rows = heapq.merge(during(conn, "verb != 'post_frozen'", most),
                               during(conn, "verb = 'post_frozen'", freezes), key=lambda r: (r[1], r[0]))
            after: list[Any] = []
            if end is not None:
                after = conn.execute(
                    f"{_ACTION_COLUMNS} WHERE at > ? AND verb IN ({verbs}) AND "
                    "json_extract(detail, '$.incident') = ? ORDER BY at, id LIMIT ?",
                    (end, *POST_VERBS, incident.id, most)).fetchall()
            found = [_action(r) for r in [*rows, *after]]
            return fold_freezes(found, limit, freeze_lines)
        return await self._call(run)

    async def emergency_revision(self) -> int:
        return await self._call(lambda conn: _next_revision(conn) - 1)


def _decide(conn: sqlite3.Connection, post: Post, now: datetime, grace: timedelta,
            active: Incident | None, records: DueRecords, revision: int) -> Post:
    """One due post's outcome, saved with its records, inside the caller's transaction."""
    after, outcome = decided(post, now, grace, None if active is None else active.id)
    actions, item = records(after, outcome)
    if item is not None and post.outbox_id is not None:
        _release_held(conn, post)  # handed over before a freeze held it: release that item
    elif item is not None:
        after = after.model_copy(update={"outbox_id": _outbox_id(conn, item)})
    saved = _save_post(conn, after, revision)
    _append_logs(conn, actions, (), ())
    return saved


def _hold_handed_over(conn: sqlite3.Connection, incident_id: int, by: str, at: int, revision: int) -> int:
    """Hold every scheduled post handed to the outbox but not yet delivered (delivery's hold:
    it never reaches a connector), and freeze the post; how many. Inside the caller's
    transaction."""
    held = hold_unsent(conn, FREEZE_REASON, HoldFilter(kinds=(OUTBOX_KINDS[PostKind.SCHEDULED],)))
    if not held:
        return 0
    marks = ", ".join("?" * len(held))
    return conn.execute(
        f"UPDATE posts SET state = 'frozen', incident_id = ?, updated_by = ?, updated_at = ?, revision = ? "
        f"WHERE kind = 'scheduled' AND state = 'published' AND outbox_id IN ({marks})",
        (incident_id, by, at, revision, *held)).rowcount


def _release_held(conn: sqlite3.Connection, post: Post) -> None:
    """A released post whose outbox item the freeze held: that item goes, with the post's text
    as it is now, instead of a second one."""
    conn.execute("UPDATE outbox SET held = 0, hold_reason = NULL, text = ? WHERE id = ? AND "
                 "sent_at IS NULL AND held = 1 AND hold_reason = ?", (post.text, post.outbox_id, FREEZE_REASON))


#: A post's scheduled time as `datetime.isoformat` writes it in UTC (microseconds only if any).
_ISO_PUBLISH_AT = ("strftime('%Y-%m-%dT%H:%M:%S', publish_at / 1000000, 'unixepoch') || CASE WHEN "
                   "publish_at % 1000000 THEN printf('.%06d', publish_at % 1000000) ELSE '' END || '+00:00'")


def _log_freezes(conn: sqlite3.Connection, incident_id: int, by: str, at: int) -> None:
    """One `post_frozen` line per post the declaration froze (the same as
    `storage.posts_base.freeze_line`), in ONE INSERT ... SELECT inside the caller's
    transaction: a freeze of 10,000 posts stays one fast statement."""
    conn.execute(
        "INSERT INTO actions (at, actor, verb, message_id, account, detail) "
        "SELECT ?, ?, 'post_frozen', NULL, account, json_object('post', id, 'incident', ?, 'text', text, "
        f"'publish_at', {_ISO_PUBLISH_AT}, 'note', ?) FROM posts WHERE incident_id = ? AND state = 'frozen' "
        "ORDER BY publish_at, id", (at, by, incident_id, FROZEN_BY_DECLARATION, incident_id))
