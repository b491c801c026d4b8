"""A damaged store is found (at open, and when an operation fails) and said in one line; a
read-only store is refused before SQLite creates anything beside it, and a failed open leaves
nothing behind."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from storage.base import QueueQuery, StoreDamagedError, StoreError
from storage.sqlite import SqliteStore
from storage.sqlite_health import CHECK_ON_OPEN_BYTES, Leftovers, should_check_on_open
from tests.storage.helpers import new_message


async def filled_store(path: Path, count: int = 2000) -> None:
    store = SqliteStore(path)
    await store.open()
    await store.add_messages([new_message(f"m{n}", text=f"message {n} " * 20) for n in range(count)])
    await store.close()


def damage(path: Path, seed: int = 1) -> None:
    """Overwrite the middle half of the file's pages with random bytes (header left alone)."""
    size = path.stat().st_size
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    pages = size // page
    rng = random.Random(seed)
    with path.open("r+b") as file:
        for number in range(pages // 4, pages * 3 // 4):
            file.seek(number * page)
            file.write(rng.randbytes(page))


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


async def test_a_damaged_store_is_refused_at_open_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    await filled_store(path)
    damage(path)
    store = SqliteStore(path)
    with pytest.raises(StoreDamagedError) as caught:
        await store.open()
    text = str(caught.value)
    assert text.startswith(f"the store {path} is damaged (") and "\n" not in text
    assert "*** in database" not in text


async def test_damage_found_by_an_operation_is_said_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    await filled_store(path)
    damage(path)
    store = SqliteStore(path, check=False)  # as a big file is opened by the dashboard
    await store.open()
    try:
        with pytest.raises(StoreDamagedError):
            await store.queue(QueueQuery(search="message", limit=5000))
    finally:
        await store.close()


@pytest.mark.parametrize(("size", "check", "expected"), [
    (1, None, True), (CHECK_ON_OPEN_BYTES, None, True), (CHECK_ON_OPEN_BYTES + 1, None, False),
    (CHECK_ON_OPEN_BYTES + 1, True, True), (1, False, False),
])
def test_when_the_check_runs_at_open(tmp_path: Path, size: int, check: bool | None,
                                     expected: bool) -> None:
    path = tmp_path / "desk.sqlite3"
    with path.open("wb") as file:
        file.truncate(size)
    assert should_check_on_open(path, check) is expected


async def test_a_read_only_store_is_refused_before_anything_is_created(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite3"
    await filled_store(path, 10)
    assert sidecars(path) == []
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode))
    with pytest.raises(StoreError, match="read-only"):
        await SqliteStore(path).open()
    assert sidecars(path) == []


def test_leftovers_removes_only_the_empty_files_it_saw_created(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    made = Leftovers(path)
    wal.touch()
    shm.write_bytes(b"x" * 100)
    made.remove()
    assert sidecars(path) == []

    wal.write_bytes(b"a committed page")  # something was written: kept
    shm.touch()
    Leftovers(tmp_path / "other.sqlite3").remove()
    Leftovers(path).remove()  # they were there before this open: kept
    assert sidecars(path) == [wal, shm]


async def test_an_engine_meeting_damage_stops_once_instead_of_retrying_for_ever(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import asyncio
    import logging

    from core.pack_files import load_pack
    from service.clock import SystemClock
    from service.engine import Engine

    path = tmp_path / "desk.sqlite3"
    await filled_store(path)
    damage(path)
    store = SqliteStore(path, check=False)  # as a big file is opened by the dashboard
    await store.open()
    engine = Engine(store, load_pack("lewes-eastbourne"), SystemClock(), "e", lease_ttl=1.0,
                    heartbeat=0.05)
    caplog.set_level(logging.INFO, logger="dutydesk.engine")
    try:
        await engine.start()
        await asyncio.wait_for(engine.failed.wait(), 10)
        await asyncio.sleep(0.5)  # ten heartbeats: none may log again
    finally:
        await engine.stop()
        await store.close()
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1 and errors[0].exc_info is None
    assert "is damaged" in errors[0].getMessage()
    assert isinstance(engine.failure, StoreDamagedError)
