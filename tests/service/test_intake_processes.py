"""Imports as real processes: killed with SIGKILL half-way then re-run, and two at once on
overlapping files. Nothing is lost, nothing is stored twice, nobody sees "database is locked"."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.service.conftest import import_worker_pids, inbound_dict

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(r"read (\d+), stored (\d+), already there (\d+), rejected (\d+)")


def _write_feed(path: Path, numbers: range) -> Path:
    with path.open("wb") as out:
        for n in numbers:
            out.write(json.dumps(inbound_dict(n)).encode() + b"\n")
    return path


def _import(feed: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "dutydesk", "import", str(feed), "--db", str(db), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count(db: Path) -> tuple[int, int]:
    """(messages, distinct platform ids), read without disturbing a writer."""
    if not db.exists():
        return 0, 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*), count(DISTINCT platform || ':' || platform_id) "
                            "FROM messages").fetchone()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0, 0
    finally:
        conn.close()


def _wait_for(condition, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)  # polling for a condition, not timing anything


def _summary(stdout: str) -> tuple[int, ...]:
    found = SUMMARY.search(stdout)
    assert found, stdout
    return tuple(int(x) for x in found.groups())


def test_sigkill_half_way_then_rerun_stores_each_message_exactly_once(tmp_path: Path) -> None:
    total = 50_000
    feed = _write_feed(tmp_path / "big.jsonl", range(total))
    db = tmp_path / "desk.sqlite3"
    proc = _import(feed, db, "--batch", "1000")
    try:
        _wait_for(lambda: _count(db)[0] >= 3000 or proc.poll() is not None, "the first batches")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    # Its worker processes die with it (a batch they were committing is rolled back whole).
    _wait_for(lambda: not import_worker_pids(), "the import's workers to die", limit=10)
    committed, distinct = _count(db)
    assert 3000 <= committed < total and committed == distinct
    assert committed % 1000 == 0  # whole batches only: a batch is one transaction

    rerun = _import(feed, db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert _summary(out) == (total, total - committed, committed, 0)
    assert _count(db) == (total, total)


def test_two_overlapping_imports_at_once_store_each_message_once(tmp_path: Path) -> None:
    first = _write_feed(tmp_path / "a.jsonl", range(0, 30_000))
    second = _write_feed(tmp_path / "b.jsonl", range(15_000, 45_000))
    db = tmp_path / "desk.sqlite3"
    procs = [_import(first, db, "--batch", "500"), _import(second, db, "--batch", "500")]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in out + err and "Traceback" not in err
    summaries = [_summary(out) for out, _ in outputs]
    assert sum(s[1] for s in summaries) == 45_000  # stored
    assert sum(s[2] for s in summaries) == 15_000  # already there
    assert _count(db) == (45_000, 45_000)
