"""Opening files of every age: new, empty, older (upgraded in one transaction), newer (refused and
left byte for byte), and files that are not SQLite at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import storage.migrations as migrations
from storage.base import SchemaTooNewError, StoreError
from storage.migrations import MIGRATIONS, Migration
from storage.sqlite import SqliteStore
from tests.storage.helpers import new_message

LATEST = len(MIGRATIONS)


def file_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def make_sqlite_file(path: Path, version: int, *, wal: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE from_the_future (x TEXT)")
    conn.execute("INSERT INTO from_the_future VALUES ('keep me')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


async def open_and_close(path: Path) -> None:
    store = SqliteStore(path)
    await store.open()
    await store.close()


async def test_a_new_file_gets_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "desk.sqlite3"
    await open_and_close(path)
    assert file_version(path) == LATEST


@pytest.mark.parametrize("kind", ["zero-byte file", "sqlite file at version 0"])
async def test_a_version_0_file_is_upgraded(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "desk.sqlite3"
    if kind == "zero-byte file":
        path.write_bytes(b"")
    else:
        make_sqlite_file(path, 0)
    store = SqliteStore(path)
    await store.open()
    [result] = await store.add_messages([new_message("a")])
    assert result.inserted
    await store.close()
    assert file_version(path) == LATEST


def _with_step(monkeypatch: pytest.MonkeyPatch, step: Migration) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, step])


async def test_an_older_file_is_upgraded_and_keeps_its_data(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite3"
    store = SqliteStore(path)
    await store.open()
    await store.add_messages([new_message("kept")])
    await store.close()
    _with_step(monkeypatch, Migration("a later step", (
        "ALTER TABLE messages ADD COLUMN later TEXT NOT NULL DEFAULT 'yes'",)))
    store = SqliteStore(path)
    await store.open()
    assert await store._scalar("SELECT later FROM messages") == "yes"
    assert (await store.get_message(1)).platform_id == "kept"
    await store.close()
    assert file_version(path) == LATEST + 1


async def test_a_failed_upgrade_leaves_the_file_at_its_old_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite3"
    await open_and_close(path)
    _with_step(monkeypatch, Migration("half works", (
        "CREATE TABLE extra (x)", "THIS IS NOT SQL")))
    with pytest.raises(StoreError, match=f"version {LATEST + 1} \\(half works\\)"):
        await open_and_close(path)
    monkeypatch.undo()
    assert file_version(path) == LATEST
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone() == (0,)
    conn.close()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
async def test_a_newer_file_is_refused_and_left_byte_for_byte(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "desk.sqlite3"
    make_sqlite_file(path, LATEST + 7, wal=wal)
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as caught:
        await open_and_close(path)
    message = str(caught.value)
    assert str(path) in message and f"version {LATEST + 7}" in message and f"up to {LATEST}" in message
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"this is not a database\n" * 200, bytes(range(256)) * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 2000])
async def test_a_file_that_is_not_sqlite_is_a_plain_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a dutydesk store") as caught:
        await open_and_close(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content


async def test_a_directory_in_the_way_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=str(tmp_path)):
        await open_and_close(tmp_path)


# -- version 3: the logs' references to messages as foreign keys ------------------------------------

def make_version_2_file(path: Path, *, orphan: str | None = None) -> None:
    """A file as dutydesk left it at schema version 2: two messages, and log lines, a notice
    and outbox items about them; `orphan` names a table given one line about a message the
    file does not hold."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, path, MIGRATIONS[:2])
    for n in (1, 2):
        conn.execute("INSERT INTO messages (platform, platform_id, account, kind, author_platform_id, "
                     "author_handle, author_display_name, text, received_at, ingested_at, revision) "
                     "VALUES ('x', ?, 'main', 'comment', 'u', '@u', 'U', 'hello', 0, 0, ?)", (f"m{n}", n))
    conn.executemany("INSERT INTO actions (id, at, actor, verb, message_id, account) "
                     "VALUES (?, 5, 'kate', ?, ?, 'main')",
                     [(3, "claim", 1), (7, "opened", None), (9, "reply", 2)])
    conn.execute("INSERT INTO notifications (id, at, level, kind, title, message_id) "
                 "VALUES (4, 5, 'warning', 'warning_1', 'due soon', 2)")
    conn.executemany("INSERT INTO outbox (id, created_at, account, kind, text, in_reply_to, created_by) "
                     "VALUES (?, 5, 'main', 'reply', 'Thanks', ?, 'kate')", [(2, 1), (6, None)])
    if orphan is not None:
        column = "in_reply_to" if orphan == "outbox" else "message_id"
        conn.execute(f"UPDATE {orphan} SET {column} = 99 WHERE rowid = (SELECT max(rowid) FROM {orphan})")
    conn.close()


async def test_version_2_logs_keep_every_line_and_id_and_gain_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    make_version_2_file(path)
    store = SqliteStore(path)
    await store.open()
    assert [(a.id, a.verb, a.message_id) for a in await store.actions()] == [
        (3, "claim", 1), (7, "opened", None), (9, "reply", 2)]
    assert [(a.id, a.verb) for a in await store.actions(message_id=2)] == [(9, "reply")]
    assert [(n.id, n.message_id) for n in await store.notifications_after(0)] == [(4, 2)]
    assert [(o.id, o.in_reply_to) for o in await store.outbox(unsent_only=False)] == [(2, 1), (6, None)]
    await store.close()
    assert file_version(path) == LATEST
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for table, column in (("actions", "message_id"), ("notifications", "message_id"),
                              ("outbox", "in_reply_to")):
            [fk] = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            assert (fk[2], fk[3], fk[4]) == ("messages", column, "id")
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"actions_by_message", "outbox_unsent"} <= indexes
        # Enforced by SQLite itself, for any connection with foreign keys on (as every store's).
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            conn.execute("INSERT INTO actions (at, actor, verb, message_id) VALUES (1, 'x', 'y', 99)")
    finally:
        conn.close()


@pytest.mark.parametrize("table", ["actions", "notifications", "outbox"])
async def test_a_line_about_a_message_not_held_stops_the_upgrade_and_says_which(
        tmp_path: Path, table: str) -> None:
    path = tmp_path / "desk.sqlite3"
    make_version_2_file(path, orphan=table)
    with pytest.raises(StoreError, match=f"{table} row \\d+ refers to message 99"):
        await open_and_close(path)
    assert file_version(path) == 2
    conn = sqlite3.connect(path)
    lines = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert lines == {"actions": 3, "notifications": 1, "outbox": 2}[table]
    conn.close()
