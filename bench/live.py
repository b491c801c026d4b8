"""The desk against a real store: how soon another process's message is on screen, and how much
memory the dashboard takes with a million messages stored.

Run with `python -m bench live` (`--quick` for smaller sizes). Measures:

* change latency: a separate writer process commits a message every ~0.3 s to the SQLite file
  a running desk (`DeskApp` with its real `ChangeFeed`, polling every 0.25 s) has open; each
  message carries its commit time, and the bench reads when it reaches the desk's queue
  window (what the screen draws from). p50 and p95, target p95 under 1 s;
* first paint and memory: a fresh process opens the dashboard on a store of 1M messages, 100k
  of them open, and reports how long from the app's start to its first painted queue window
  (target under 1 s) and its peak resident memory (target under 200 MB).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.report import Result, bench_main, report

PACK = "lewes-eastbourne"
PROBE = "latency probe "



# -- the writer process ----------------------------------------------------------------------------

WRITER = r"""
import asyncio, sys, time, random
from datetime import UTC, datetime
from core.clock import FixedClock
from core.models import Author, InboundMessage
from core.pack_files import load_pack
from service.intake import prepare
from storage.sqlite import SqliteStore

async def main(path, count):
    pack = load_pack("lewes-eastbourne")
    store = SqliteStore(path)
    await store.open()
    account = pack.accounts[0]
    try:
        for i in range(count):
            await asyncio.sleep(random.uniform(0.2, 0.4))
            now = datetime.now(UTC)
            msg = InboundMessage(platform=account.platform, platform_id=f"probe-{i}", account=account.id,
                                 kind="mention", author=Author(platform_id="p", handle="@probe"),
                                 text=f"latency probe {time.time():.6f}", received_at=now)
            await store.add_messages([prepare(msg, pack, now)])
    finally:
        await store.close()

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
"""


async def change_latency(db: Path, count: int) -> list[float]:
    """Seconds from a writer process's commit to the message being in the desk's window."""
    from core.pack_files import load_pack
    from service.changes import ChangeFeed
    from service.clock import SystemClock
    from service.desk import DeskSession
    from storage.sqlite import SqliteStore
    from tui.app import DeskApp

    pack = load_pack(PACK)
    store = SqliteStore(db)
    await store.open()
    officer = next(o.id for o in pack.officers if o.accounts is None or pack.accounts[0].id in o.accounts)
    session = DeskSession(store, pack, SystemClock(), officer)
    app = DeskApp(session, ChangeFeed(store), SystemClock())
    seen: dict[str, float] = {}
    try:
        async with app.run_test(size=(160, 50)):
            writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(count)])
            try:
                while writer.poll() is None or len(seen) < count:
                    _collect(app, seen)
                    await asyncio.sleep(0.005)
                    if writer.poll() not in (None, 0):
                        raise RuntimeError("the latency writer failed")
                    if writer.poll() == 0 and len(seen) < count:
                        await asyncio.sleep(1.5)
                        _collect(app, seen)
                        break
            finally:
                writer.kill()
    finally:
        await store.close()
    return sorted(seen.values())


def _collect(app, seen: dict[str, float]) -> None:  # noqa: ANN001 - a DeskApp
    window = app.window
    if window is None:
        return
    arrived = time.time()
    for message in window.messages:
        if message.text.startswith(PROBE) and message.platform_id not in seen:
            seen[message.platform_id] = arrived - float(message.text.removeprefix(PROBE))


# -- memory with 1M stored ---------------------------------------------------------------------------

def fill(db: Path, total: int, open_count: int) -> None:
    """`total` messages, `open_count` of them still open, written straight into the schema."""
    from bench.intake import _FILL, START
    from core.pack_files import load_pack
    from storage.sqlite import SqliteStore

    async def make_schema() -> None:
        store = SqliteStore(db)
        await store.open()
        await store.close()

    asyncio.run(make_schema())
    pack = load_pack(PACK)
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute(_FILL, {"total": total, "every": total // open_count, "account": pack.accounts[0].id,
                             "t0": int((START - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()) * 10**6})
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    finally:
        conn.close()


MEMORY = r"""
import asyncio, json, resource, sys, time
from core.pack_files import load_pack
from service.changes import ChangeFeed
from service.clock import SystemClock
from service.desk import DeskSession
from storage.sqlite import SqliteStore
from tui.app import DeskApp

def peak_mb():
    # This process image's own peak (VmHWM). ru_maxrss is no good here: on Linux it carries
    # over fork and exec, so it would report the bench parent's peak.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

async def main(path):
    began = time.perf_counter()  # after the imports: from opening the store to a painted queue
    pack = load_pack("lewes-eastbourne")
    store = SqliteStore(path)
    await store.open()
    officer = next(o.id for o in pack.officers if o.accounts is None)
    app = DeskApp(DeskSession(store, pack, SystemClock(), officer), ChangeFeed(store), SystemClock())
    async with app.run_test(size=(160, 50)) as pilot:
        while app.window is None:
            await asyncio.sleep(0.005)
        await pilot.pause()
        painted = time.perf_counter() - began
        shown = len(app.window.messages)
        for _ in range(5):
            app.tick()
            await pilot.pause()
    await store.close()
    print(json.dumps({"rss_mb": peak_mb(),
                      "shown": shown, "first_window_s": painted}))

asyncio.run(main(sys.argv[1]))
"""


def desk_memory(db: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", MEMORY, str(db)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"the memory probe failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- all of it ----------------------------------------------------------------------------------------

def measure(quick: bool = False) -> list[Result]:
    probes, total, open_count = (10, 100_000, 10_000) if quick else (40, 1_000_000, 100_000)
    with tempfile.TemporaryDirectory(prefix="dutydesk-bench-live-") as tmp:
        folder = Path(tmp)
        # 10k stored, 100 open: the probes (due soonest after those) land inside the window.
        fill(folder / "latency.sqlite3", 10_000, 100)
        lags = asyncio.run(change_latency(folder / "latency.sqlite3", probes))
        fill(folder / "memory.sqlite3", total, open_count)
        memory = desk_memory(folder / "memory.sqlite3")
    if not lags:
        raise RuntimeError("no probe message reached the desk")
    p95 = lags[max(0, int(len(lags) * 0.95) - 1)]
    k = lambda n: f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"  # noqa: E731
    return [
        Result(f"other process's commit on screen: p50 ({len(lags)} msgs)", statistics.median(lags) * 1000, "ms"),
        Result("  p95", p95 * 1000, "ms", "< 1000 ms", p95 < 1.0),
        Result(f"desk peak memory, {k(total)} stored, {k(open_count)} open", memory["rss_mb"], "MB",
               "< 200 MB", memory["rss_mb"] < 200),
        Result(f"desk first paint, {k(total)} stored, {k(open_count)} open (wall)",
               memory["first_window_s"] * 1000, "ms", "< 1000 ms", memory["first_window_s"] < 1.0),
    ]


def run(quick: bool = False) -> list[Result]:
    """Measure, print one aligned line per figure, and return those with a target."""
    return report(measure(quick))


if __name__ == "__main__":
    bench_main("python -m bench.live", __doc__, run)
