"""Two officers in two processes mark on the same SQLite file at the same instant: one strike
per message, however the race falls, and every strike numbered once."""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.pack_files import load_pack
from service.desk import DeskSession
from service.intake import prepare
from storage.sqlite import SqliteStore
from tests.service.conftest import MONDAY_10, inbound_dict

pytestmark = pytest.mark.slow

ROUNDS = 6
OFFICERS = ("kmorgan", "rfletcher")  # both may warn on lewes-x


def _mark(path: str, officer: str, message_ids: list[int], barrier, results) -> None:  # noqa: ANN001
    """One process: an officer's session, waiting at the barrier before each marking."""
    async def run() -> None:
        store = SqliteStore(path)
        await store.open()
        try:
            pack = load_pack("lewes-eastbourne")
            session = DeskSession(store, pack, FixedClock(MONDAY_10), officer)
            for message_id in message_ids:
                barrier.wait(timeout=60)
                result = await session.moderation.mark_inappropriate(message_id, pack.moderation.categories[0])
                results.put((officer, message_id, result.made))
        finally:
            await store.close()
    asyncio.run(run())


async def _seed(path: Path) -> None:
    from core.models import InboundMessage
    pack = load_pack("lewes-eastbourne")
    store = SqliteStore(path)
    await store.open()
    poster = {"platform_id": "p1", "handle": "@persistent"}
    lines = [InboundMessage.model_validate(inbound_dict(n, author=poster)) for n in range(1, ROUNDS + 1)]
    await store.add_messages([prepare(m, pack, MONDAY_10) for m in lines])
    await store.close()


def _race(path: Path, plans: dict[str, list[int]]) -> list[tuple[str, int, bool]]:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(len(plans)), ctx.Queue()
    workers = [ctx.Process(target=_mark, args=(str(path), officer, ids, barrier, results))
               for officer, ids in plans.items()]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0, f"a marking process failed (exit {w.exitcode})"
    return [results.get(timeout=5) for _ in range(sum(len(ids) for ids in plans.values()))]


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_two_processes_marking_the_same_message_at_once_make_one_strike(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    asyncio.run(_seed(path))
    ids = list(range(1, ROUNDS + 1))
    outcomes = _race(path, {officer: ids for officer in OFFICERS})
    for message_id in ids:
        made = [m for _, mid, m in outcomes if mid == message_id]
        assert sorted(made) == [False, True], f"message {message_id}: {made}"
    strikes = _rows(path, "SELECT message_id, number FROM moderation_strikes ORDER BY number")
    assert [n for _, n in strikes] == list(range(1, ROUNDS + 1))
    assert sorted(m for m, _ in strikes) == ids
    assert _rows(path, "SELECT count(*) FROM moderation_log")[0][0] == ROUNDS
    # Warning 1 and the final warning, each sent once; then block requests only.
    assert _rows(path, "SELECT count(*) FROM outbox WHERE kind = 'private_warning'")[0][0] == 2


def test_two_processes_marking_two_messages_of_one_author_number_them_in_turn(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    asyncio.run(_seed(path))
    _race(path, {"kmorgan": [1], "rfletcher": [2]})
    steps = _rows(path, "SELECT number, step FROM moderation_strikes ORDER BY number")
    assert steps == [(1, "warning"), (2, "final_warning")]
