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
