"""What the commands say when the store fails them: one line each, no traceback, the same exit
codes everywhere (2: could not be done), and never "run the same import again" when nothing
was started."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from dutydesk.cli import main
from tests.service.conftest import inbound_dict
from tests.storage.test_health import damage, filled_store, sidecars

ROOT = Path(__file__).resolve().parents[2]


def _feed(path: Path, count: int = 3, start: int = 0) -> Path:
    path.write_text("".join(json.dumps(inbound_dict(n)) + "\n" for n in range(start, start + count)))
    return path


@pytest.fixture
async def damaged_db(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    await filled_store(path)
    damage(path)
    return path


def test_a_small_import_into_a_damaged_store_stops_with_one_line(
        damaged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(_feed(tmp_path / "f.jsonl")), "--db", str(damaged_db)]) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert "is damaged" in line and "run the same import again" not in line
    assert captured.out == ""


def test_serve_on_a_damaged_store_stops_with_one_line(
        damaged_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(damaged_db), "--lease-ttl", "1", "--heartbeat", "0.1"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("dutydesk serve: the store") and "is damaged" in line


@pytest.mark.parametrize("make", ["directory", "not-a-database"])
def test_a_store_that_cannot_be_opened_does_not_say_run_again(
        make: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "desk.sqlite3"
    if make == "directory":
        db.mkdir()
    else:
        db.write_bytes(b"hello " * 1000)
    assert main(["import", str(_feed(tmp_path / "f.jsonl")), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "run the same import again" not in err


def _dutydesk(*args: str, user: list[str] | None = None, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen([*(user or []), sys.executable, "-m", "dutydesk", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, **kwargs)  # type: ignore[call-overload]


@pytest.mark.slow
def test_ctrl_c_on_import_stops_plainly_in_one_line(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "big.jsonl", 200_000)
    db = tmp_path / "desk.sqlite3"
    process = _dutydesk("import", str(feed), "--db", str(db),
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not Path(f"{db}-wal").exists() and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the import finished before ctrl-c arrived")
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert err.splitlines() == [
        "dutydesk: the import was interrupted. Messages committed before this stay stored; run "
        "the same import again to finish (nothing is stored twice)."]


NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to act as another user (root itself may write anything)")
async def test_a_read_only_store_leaves_nothing_behind_and_works_once_writable() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dutydesk-ro-"))
    try:
        db = folder / "desk.sqlite3"
        await filled_store(db, 10)
        feed = _feed(folder / "f.jsonl", 2, start=100)
        for path in (folder, db, feed):
            os.chown(path, 65534, 65534)
        folder.chmod(0o755)
        db.chmod(0o444)
        process = _dutydesk("import", str(feed), "--db", str(db), user=NOBODY)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 2 and "read-only" in err and len(err.splitlines()) == 1
        assert sidecars(db) == []
        db.chmod(0o644)
        process = _dutydesk("import", str(feed), "--db", str(db), user=NOBODY)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert "stored 2" in out
    finally:
        shutil.rmtree(folder, ignore_errors=True)
