"""SQLite side of `storage.retime`: re-time the awaiting emergency-related messages inside the
caller's write transaction (bound parameters only)."""

from __future__ import annotations

import sqlite3

from core.emergency import Incident
from storage.base import next_event
from storage.migrations import AWAITING_SQL
from storage.retime import RELATED_LABEL, Retime, retimed
from storage.rows import micros_or_none
from storage.sqlite_rows import _SELECT_MESSAGES, _next_revision, row_to_message

#: Awaiting messages whose stored labels hold the label (filtered exactly in Python after).
_RELATED_SQL = f"{_SELECT_MESSAGES} WHERE {AWAITING_SQL} AND responded_at IS NULL AND instr(labels, ?) > 0"

_UPDATE_SQL = ("UPDATE messages SET due_at = ?, warning_1_at = ?, warning_2_at = ?, next_event_at = ?, "
               "revision = ? WHERE id = ?")


def retime_related_rows(conn: sqlite3.Connection, incident: Incident | None, retime: Retime) -> int:
    """Apply `retime` to every awaiting emergency-related message; how many changed. Runs in the
    caller's transaction (the declaration's, the resolution's, or `retime_related`'s)."""
    found = [row_to_message(r) for r in conn.execute(_RELATED_SQL, (f'"{RELATED_LABEL}"',)).fetchall()]
    changed = [after for m in found if (after := retimed(m, incident, retime)) is not None]
    if not changed:
        return 0
    revision = _next_revision(conn)  # each change its own revision (messages_by_revision)
    conn.executemany(_UPDATE_SQL, [
        (micros_or_none(m.due_at, "due_at"), micros_or_none(m.warning_1_at, "warning_1_at"),
         micros_or_none(m.warning_2_at, "warning_2_at"), micros_or_none(next_event(m), "next_event_at"),
         revision + i, m.id) for i, m in enumerate(changed)])
    return len(changed)
