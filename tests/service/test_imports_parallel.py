"""Imports spread over workers (a thread here and worker processes), against the same import
run in this process: the same store, the same rejects file, the same summary; and what happens
when a worker dies or the import is cancelled."""

from __future__ import annotations

import asyncio
import gc
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.pack_files import load_pack
from core.policy import PolicyPack
from service.import_worker import YOUNG_OBJECTS, fewer_gc_pauses
from service.imports import ImportSummary, ImportWorkerError, import_stream
from service.intake import Preparer, convert_lines
from storage.base import RowWriter, StoreError
from storage.sqlite import SqliteStore
from tests.service.conftest import import_worker_pids, inbound_dict
from tests.service.test_intake_import import HOSTILE_TEXTS

pytestmark = pytest.mark.slow


def _feed(count: int) -> bytes:
    """`count` numbered lines with everything an import meets: a byte-order mark, CRLF line
    ends, blank lines, bad lines, repeats within the file, hostile text."""
    lines = []
    for n in range(count):
        if n % 97 == 5:
            lines.append(b"{not json")
        elif n % 89 == 7:
            lines.append(b"   ")
        elif n % 83 == 3:
            lines.append(json.dumps(inbound_dict(n - 40)).encode())  # a repeat
        elif n % 71 == 1:
            lines.append(json.dumps(inbound_dict(n, account="hastings-x")).encode())
        else:
            text = HOSTILE_TEXTS[n % len(HOSTILE_TEXTS)] if n % 13 == 0 else f"bins {n}"
            lines.append(json.dumps(inbound_dict(n, text=text)).encode())
    return b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\n"


class Recording(SqliteStore):
    """A SqliteStore that notes whether an import asked it for worker connections."""

    spread = False

    def row_writer(self) -> Callable[[], RowWriter]:
        self.spread = True
        return super().row_writer()


async def _run(db: Path, data: bytes, pack: PolicyPack, clock: FixedClock, *, workers: int,
               batch: int, hooks: list | None = None) -> tuple[ImportSummary, str, Recording]:
    store = Recording(db)
    await store.open()
    rejects = io.StringIO()
    try:
        summary = await import_stream(io.BytesIO(data), store, pack, clock, rejects, batch=batch,
                                      workers=workers, on_stored=[hooks.append] if hooks is not None else ())
    finally:
        await store.close()
    return summary, rejects.getvalue(), store


async def _everything(db: Path) -> list:
    store = SqliteStore(db)
    await store.open()
    try:
        return await store.changed_since(0, limit=1_000_000)
    finally:
        await store.close()


async def test_a_spread_import_stores_exactly_what_an_import_here_does(
        tmp_path: Path, lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    data = _feed(3000)
    here, here_rejects, plain = await _run(tmp_path / "here.sqlite3", data, lewes_pack, frozen_clock,
                                           workers=1, batch=250)
    spread, spread_rejects, recording = await _run(tmp_path / "spread.sqlite3", data, lewes_pack,
                                                   frozen_clock, workers=3, batch=250)
    assert recording.spread and not plain.spread
    assert spread == here
    assert here.rejected > 50 and here.duplicates > 20 and here.read < 3000  # blanks not read
    assert spread_rejects == here_rejects
    assert [json.loads(r)["line"] for r in spread_rejects.splitlines()] == sorted(
        json.loads(r)["line"] for r in spread_rejects.splitlines())
    stored = await _everything(tmp_path / "spread.sqlite3")
    assert stored == await _everything(tmp_path / "here.sqlite3")  # ids and revisions too
    assert {m.text for m in stored} >= {t for t in HOSTILE_TEXTS if len(t) < 100_000}


async def test_hooks_hear_every_batch_in_order_and_a_rerun_adds_nothing(
        tmp_path: Path, lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    data = b"\n".join(json.dumps(inbound_dict(n)).encode() for n in range(1000))
    heard: list = []
    first, _, store = await _run(tmp_path / "d.sqlite3", data, lewes_pack, frozen_clock,
                                 workers=2, batch=100, hooks=heard)
    assert store.spread and first == ImportSummary(1000, 1000, 0, 0)
    # The last batch is shared out between the two workers.
    assert [len(results) for results in heard] == [100] * 9 + [50, 50]
    ids = [r.message_id for results in heard for r in results]
    assert ids == sorted(ids) and len(set(ids)) == 1000
    again, _, _ = await _run(tmp_path / "d.sqlite3", data, lewes_pack, frozen_clock, workers=2, batch=100)
    assert again == ImportSummary(1000, 0, 1000, 0)


def _workers_alive() -> list[int]:
    return import_worker_pids(parent=os.getpid())


async def _until(condition: Callable[[], bool], what: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.01)  # polling for a condition, not timing anything


async def _committed(db: Path) -> int:
    store = SqliteStore(db)
    await store.open()
    try:
        return await store.count_messages()
    finally:
        await store.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes in /proc")
async def test_a_worker_killed_half_way_stops_the_import_plainly_and_a_rerun_finishes(
        tmp_path: Path, lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    total = 40_000
    data = b"\n".join(json.dumps(inbound_dict(n)).encode() for n in range(total))
    db = tmp_path / "d.sqlite3"
    task = asyncio.ensure_future(_run(db, data, lewes_pack, frozen_clock, workers=2, batch=500))
    counts: list[int] = []

    async def started() -> bool:
        counts.append(await _committed(db) if db.exists() else 0)
        return counts[-1] >= 2000 and bool(_workers_alive()) or task.done()

    deadline = time.monotonic() + 120
    while not await started():
        assert time.monotonic() < deadline, "the import never got going"
        await asyncio.sleep(0.02)
    assert not task.done(), "the import finished before a worker could be killed"
    for pid in _workers_alive():
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(ImportWorkerError, match="stopped unexpectedly") as caught:
        await task
    assert isinstance(caught.value, StoreError)  # what the CLI reports plainly
    committed = await _committed(db)
    assert 2000 <= committed < total and committed % 500 == 0  # whole batches only

    again, _, _ = await _run(db, data, lewes_pack, frozen_clock, workers=2, batch=500)
    assert again == ImportSummary(total, total - committed, committed, 0)
    assert await _committed(db) == total


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes in /proc")
async def test_cancelling_a_spread_import_stops_its_workers(
        tmp_path: Path, lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    data = b"\n".join(json.dumps(inbound_dict(n)).encode() for n in range(40_000))
    db = tmp_path / "d.sqlite3"
    task = asyncio.ensure_future(_run(db, data, lewes_pack, frozen_clock, workers=2, batch=500))
    await _until(lambda: bool(_workers_alive()) or task.done(), "a worker process")
    await asyncio.sleep(0.3)  # let it get going (not a timing assertion)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await _until(lambda: not _workers_alive(), "the workers to stop", limit=15)
    assert (await _committed(db)) % 500 == 0


def test_a_worker_process_works_out_due_times_without_the_holidays_package(tmp_path: Path) -> None:
    """A worker's start-up: due times over Easter come out as this process works them out,
    from the bank holidays that ship with dutydesk, without the holidays package (a fifth of
    a second to load) in the worker."""
    easter = [json.dumps(inbound_dict(n, received_at=f"2026-04-0{2 + n % 4}T16:0{n % 10}:00+01:00")).encode()
              for n in range(40)]
    now = datetime(2026, 4, 10, tzinfo=UTC)
    pack = load_pack("lewes-eastbourne")  # new: a calendar carries the days it has worked out
    setup = tmp_path / "setup.pickle"
    setup.write_bytes(pickle.dumps((pack, easter, now)))
    here = convert_lines(enumerate(easter, 1), Preparer(pack), now).rows
    script = (
        "import pickle, sys\n"
        "import service.import_worker\n"
        "from service.intake import Preparer, convert_lines\n"
        "pack, lines, now = pickle.loads(open(sys.argv[1], 'rb').read())\n"
        "rows = convert_lines(enumerate(lines, 1), Preparer(pack), now).rows\n"
        "sys.stdout.buffer.write(pickle.dumps((rows, 'holidays' in sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", script, str(setup)], capture_output=True,
                          check=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    there, loaded = pickle.loads(done.stdout)
    assert [tuple(r) for r in there] == [tuple(r) for r in here]
    assert all(r.due_at is not None for r in here) and not loaded


def test_an_import_collects_young_objects_rarely_and_puts_the_settings_back() -> None:
    before = gc.get_threshold()
    with fewer_gc_pauses():
        assert gc.get_threshold()[0] >= YOUNG_OBJECTS
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
