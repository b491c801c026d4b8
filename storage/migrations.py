"""The SQLite schema, as an ordered list of migrations; `PRAGMA user_version` says how many ran.

Append a migration to change the schema; never edit one that has shipped. `migrate` runs the
missing ones on open, all in one transaction, so a file is either upgraded fully or untouched.

Times are INTEGER microseconds since 1970-01-01 UTC (see `storage.sqlite_rows.to_micros`): exact to
the microsecond, compared and indexed as plain integers.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storage.base import SchemaTooNewError, StoreError

#: A literal, not a bound parameter: SQLite uses a partial index only when the query repeats
#: the index's WHERE clause word for word. Keep in step with `storage.base.AWAITING_STATES`.
AWAITING_SQL = "state IN ('new', 'claimed', 'referred')"

#: The queue's sort key: no due time sorts after every real one (and stays index-ordered).
QUEUE_ORDER_SQL = "coalesce(due_at, 9223372036854775807), received_at, id"


@dataclass(frozen=True)
class Migration:
    """One step of the schema: SQL statements, or a function given the open connection."""

    summary: str
    steps: Sequence[str] | Callable[[sqlite3.Connection], None]

    def apply(self, conn: sqlite3.Connection) -> None:
        if callable(self.steps):
            self.steps(conn)
            return
        for statement in self.steps:
            conn.execute(statement)


_INITIAL = (
    """CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        platform_id TEXT NOT NULL,
        account TEXT NOT NULL,
        kind TEXT NOT NULL,
        author_platform_id TEXT NOT NULL,
        author_handle TEXT NOT NULL,
        author_display_name TEXT NOT NULL,
        text TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        ingested_at INTEGER NOT NULL,
        thread_id TEXT,
        url TEXT,
        state TEXT NOT NULL DEFAULT 'new',
        state_by TEXT,
        state_at INTEGER,
        claimed_by TEXT,
        responded_at INTEGER,
        due_at INTEGER,
        warning_1_at INTEGER,
        warning_2_at INTEGER,
        warnings_fired INTEGER NOT NULL DEFAULT 0,
        breach_fired INTEGER NOT NULL DEFAULT 0,
        labels TEXT NOT NULL DEFAULT '[]',
        revision INTEGER NOT NULL,
        next_event_at INTEGER,
        UNIQUE (platform, platform_id)
    )""",
    # Every change gets its own revision, so dashboards can page through changed_since safely.
    "CREATE UNIQUE INDEX messages_by_revision ON messages (revision)",
    # One partial index (only messages awaiting a reply: a small part of a long-used file)
    # serves the queue in order and, covering, the per-account counts and the engine's next
    # events; its extra columns are there for those. One index instead of three keeps bulk
    # imports fast. next_event_at is the earliest unfired warning or breach while the clock
    # runs, else NULL, kept by every write.
    f"""CREATE INDEX messages_queue ON messages ({QUEUE_ORDER_SQL}, account, warning_1_at,
        responded_at, due_at, state, next_event_at) WHERE {AWAITING_SQL}""",
    """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        verb TEXT NOT NULL,
        message_id INTEGER,
        account TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX actions_by_message ON actions (message_id, id) WHERE message_id IS NOT NULL",
    """CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        level TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        role TEXT,
        message_id INTEGER,
        account TEXT
    )""",
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        account TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        in_reply_to INTEGER,
        created_by TEXT NOT NULL,
        sent_at INTEGER
    )""",
    "CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL",
    """CREATE TABLE account_status (
        account TEXT PRIMARY KEY,
        is_open INTEGER NOT NULL,
        since INTEGER NOT NULL
    )""",
    """CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
    )""",
)

# Version 3: the logs' references to messages become foreign keys, which SQLite then enforces
# for every writer (the store turns foreign keys on in every connection). SQLite cannot add a
# constraint to a table, so each table is made again under its own name, rows and ids kept.
_LOG_TABLES = (
    ("actions", "message_id", """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        verb TEXT NOT NULL,
        message_id INTEGER REFERENCES messages (id),
        account TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
    )""", ("CREATE INDEX actions_by_message ON actions (message_id, id) WHERE message_id IS NOT NULL",)),
    ("notifications", "message_id", """CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        level TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        role TEXT,
        message_id INTEGER REFERENCES messages (id),
        account TEXT
    )""", ()),
    ("outbox", "in_reply_to", """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        account TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        in_reply_to INTEGER REFERENCES messages (id),
        created_by TEXT NOT NULL,
        sent_at INTEGER
    )""", ("CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL",)),
)


def _log_references(conn: sqlite3.Connection) -> None:
    """Remake the log tables with their message references as foreign keys. A line that
    refers to a message the file does not hold (dutydesk never deletes messages, so only
    another program could have done it) stops the upgrade, saying which."""
    for table, column, create, indexes in _LOG_TABLES:
        # Our own table and column names, not input.
        orphan = conn.execute(
            f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL "
            f"AND {column} NOT IN (SELECT id FROM messages) ORDER BY id LIMIT 1").fetchone()
        if orphan is not None:
            raise StoreError(
                f"cannot upgrade the store: {table} row {orphan[0]} refers to message "
                f"{orphan[1]}, which the file does not hold. The file was left as it was.")
        conn.execute(create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_v3 (", 1))
        conn.execute(f"INSERT INTO {table}_v3 SELECT * FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_v3 RENAME TO {table}")
        for index in indexes:
            conn.execute(index)


# Version 4: the two-warning ladder (core.moderation). One strike per message, whoever marks
# it and from whichever process (UNIQUE message_id); an author is (platform, platform id).
_MODERATION = (
    """CREATE TABLE moderation_strikes (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        author_platform_id TEXT NOT NULL,
        message_id INTEGER NOT NULL UNIQUE REFERENCES messages (id),
        account TEXT NOT NULL,
        category TEXT NOT NULL,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        number INTEGER NOT NULL,
        step TEXT NOT NULL
    )""",
    "CREATE INDEX moderation_strikes_by_author ON moderation_strikes (platform, author_platform_id, id)",
    """CREATE TABLE moderation_authors (
        platform TEXT NOT NULL,
        author_platform_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        state TEXT NOT NULL,
        since INTEGER NOT NULL,
        by TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        cleared_at INTEGER,
        PRIMARY KEY (platform, author_platform_id)
    )""",
    """CREATE TABLE moderation_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        platform TEXT NOT NULL,
        author_platform_id TEXT NOT NULL,
        author_handle TEXT NOT NULL,
        message_id INTEGER REFERENCES messages (id),
        account TEXT,
        category TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX moderation_log_by_time ON moderation_log (at, id)",
    "CREATE INDEX moderation_log_by_author ON moderation_log (platform, author_platform_id, id)",
)


_OUTBOX_DELIVERY = (
    "ALTER TABLE outbox ADD COLUMN held INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE outbox ADD COLUMN hold_reason TEXT",
    "ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER",
    "ALTER TABLE outbox ADD COLUMN last_error TEXT",
    "ALTER TABLE outbox ADD COLUMN failed_at INTEGER",
    "ALTER TABLE outbox ADD COLUMN no_connector INTEGER NOT NULL DEFAULT 0",
    # One row: a random identity made once, so idempotency keys differ between stores and
    # stay the same across restarts, processes and a moved file.
    "CREATE TABLE store_identity (id TEXT NOT NULL, one INTEGER PRIMARY KEY CHECK (one = 1))",
)


def _outbox_delivery(conn: sqlite3.Connection) -> None:
    """Version 5: delivery state on each outbox item, and the store's identity."""
    for statement in _OUTBOX_DELIVERY:
        conn.execute(statement)
    conn.execute("INSERT INTO store_identity (id, one) VALUES (?, 1)", (uuid.uuid4().hex,))


_DRAFTS = (
    """CREATE TABLE reply_drafts (
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        officer TEXT NOT NULL,
        text TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        PRIMARY KEY (message_id, officer))""",
)


# Version 7: the council's own posts (scheduled and crisis) and declared emergencies. At most one
# incident is unresolved: a unique index over a constant, for unresolved rows only.
_POSTS_AND_INCIDENTS = (
    """CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        reason TEXT NOT NULL,
        declared_by TEXT NOT NULL,
        declared_at INTEGER NOT NULL,
        first_update_due INTEGER,
        first_update_at INTEGER,
        extended_until INTEGER,
        frozen_count INTEGER NOT NULL DEFAULT 0,
        resolved_by TEXT,
        resolved_at INTEGER,
        resolve_reason TEXT,
        revision INTEGER NOT NULL
    )""",
    "CREATE UNIQUE INDEX incidents_one_active ON incidents ((resolved_at IS NULL)) "
    "WHERE resolved_at IS NULL",
    """CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        publish_at INTEGER NOT NULL,
        state TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_by TEXT,
        updated_at INTEGER,
        approved_by TEXT,
        incident_id INTEGER REFERENCES incidents (id),
        outbox_id INTEGER REFERENCES outbox (id),
        published_at INTEGER,
        note TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL
    )""",
    "CREATE INDEX posts_by_state ON posts (state, publish_at)",
    "CREATE INDEX posts_by_revision ON posts (revision)",
    "CREATE INDEX posts_published ON posts (published_at) WHERE published_at IS NOT NULL",
    "CREATE INDEX actions_by_at ON actions (at)",
)


def _has_label(label: str) -> str:
    # Labels are stored as `json.dumps` writes a list (`["foi", "safeguarding"]`): an element
    # opens with '[' or ', ', and a quote inside a label is escaped, so these match whole labels.
    return f"""(instr(labels, '["{label}"') > 0 OR instr(labels, ', "{label}"') > 0)"""


#: A message's lane tier from its labels: 0 urgent_danger, 1 safeguarding, 2 emergency_related,
#: NULL otherwise; `core.lane.lane_tier` in SQL (tests/storage/test_lane.py holds them equal).
LANE_SQL = ("CASE WHEN " + _has_label("urgent_danger") + " THEN 0 WHEN " + _has_label("safeguarding")
            + " THEN 1 WHEN " + _has_label("emergency_related") + " THEN 2 END")

#: The lane's messages awaiting a reply, in order: a small index of its own beside the queue's,
#: so the queue reads the lane first, then its usual page, both from indexes.
LANE_INDEX_WHERE = f"{AWAITING_SQL} AND lane IS NOT NULL"

_LANE = (
    # VIRTUAL: computed from the stored labels when read; nothing is written for older rows.
    f"ALTER TABLE messages ADD COLUMN lane INTEGER GENERATED ALWAYS AS ({LANE_SQL}) VIRTUAL",
    f"CREATE INDEX messages_lane ON messages (lane, {QUEUE_ORDER_SQL}) WHERE {LANE_INDEX_WHERE}",
)


#: A message carrying a statutory clock (labels foi, sar or complaint; `core.statutory`).
STATUTORY_LABELS_SQL = "(" + " OR ".join(_has_label(label) for label in ("foi", "sar", "complaint")) + ")"

_STATUTORY_EVENTS = (
    # One row per statutory event (core.statutory_events) of a message: worked out by the
    # engine from the messages it has not yet looked at (`statutory_scan.through`: every message
    # id up to it has its rows), fired at most once (`fired_at` set in the firing transaction).
    # `fired_at` 0: not fired, the message was dealt with before its time.
    """CREATE TABLE statutory_events (
        message_id INTEGER NOT NULL REFERENCES messages (id),
        deadline TEXT NOT NULL,
        event INTEGER NOT NULL,
        fires_at INTEGER NOT NULL,
        fired_at INTEGER,
        PRIMARY KEY (message_id, deadline, event)
    )""",
    "CREATE INDEX statutory_events_due ON statutory_events (fires_at) WHERE fired_at IS NULL",
    """CREATE TABLE statutory_scan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        through INTEGER NOT NULL
    )""",
    "INSERT INTO statutory_scan (id, through) VALUES (1, 0)",
)


#: Every schema step in order; the file's user_version is how many of these it has had.
MIGRATIONS: list[Migration] = [
    Migration("messages, logs, outbox, opening records and leases", _INITIAL),
    Migration("recently handled messages, newest first, for the queue's answered rows",
              (f"CREATE INDEX messages_handled ON messages (state_at) WHERE NOT ({AWAITING_SQL})",)),
    Migration("the logs' references to messages as foreign keys", _log_references),
    Migration("the moderation ladder: strikes, authors' standing and the moderation log",
              _MODERATION),
    Migration("outbox delivery: attempts, backoff, errors, holds; the store's identity",
              _outbox_delivery),
    Migration("reply drafts kept per message and officer", _DRAFTS),
    Migration("outgoing posts, emergencies, and the action log by time", _POSTS_AND_INCIDENTS),
    Migration("the safeguarding lane: each message's lane tier and an index of the lane", _LANE),
    Migration("statutory clocks' warnings and lateness, each fired once", _STATUTORY_EVENTS),
]


def schema_version(conn: sqlite3.Connection) -> int:
    """The file's `PRAGMA user_version` (0 for a new, empty file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_not_newer(conn: sqlite3.Connection, path: Path,
                    migrations: Sequence[Migration] | None = None) -> int:
    """The file's schema version; SchemaTooNewError if a newer dutydesk wrote it."""
    migrations = MIGRATIONS if migrations is None else migrations
    found = schema_version(conn)
    if found > len(migrations):
        raise SchemaTooNewError(
            f"{path} was written by a newer dutydesk (schema version {found}; this dutydesk "
            f"knows up to {len(migrations)}). The file was left untouched: upgrade dutydesk "
            "to open it.")
    return found


def migrate(conn: sqlite3.Connection, path: Path,
            migrations: Sequence[Migration] | None = None) -> int:
    """Bring the file up to the latest schema in one IMMEDIATE transaction; the version reached.

    The version is read again under the write lock, since another process may have just
    upgraded the same file. `conn` must be in autocommit mode (isolation_level=None).
    """
    migrations = MIGRATIONS if migrations is None else migrations
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = check_not_newer(conn, path, migrations)
        for number, migration in enumerate(migrations[found:], start=found + 1):
            try:
                migration.apply(conn)
            except sqlite3.Error as exc:
                raise StoreError(f"{path}: could not upgrade the schema to version {number} "
                                 f"({migration.summary}): {exc}") from exc
        # PRAGMA takes no bound parameters; this is our own integer, not input.
        conn.execute(f"PRAGMA user_version = {int(len(migrations))}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # some errors (a full disk) have already rolled it back
            conn.execute("ROLLBACK")
        raise
    return len(migrations)
