"""An engine catching up on a backlog: 100k overdue warnings and breaches (`--quick`: 15k).

Run with `python -m bench.catchup`. The same store file (a third as many messages as events,
all received long ago, so every warning and breach is overdue) is caught up on:

* headless: `Engine.start()` as `dutydesk serve` runs it, timed to the last event fired;
* in the dashboard: the desk's own in-process engine (`DeskRuntime` and `DeskApp`, headless
  Textual at 160x45), timed to the last event fired, with the notices the desk received;
* a quit part-way: `ctrl+q` (app.exit) one second into the catch-up, timed until the app and
  its engine have stopped, with what was left for the next engine.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.report import Result, bench_main, report
from core.models import Author, InboundMessage, MessageKind, Platform
from core.pack_files import load_pack
from core.policy import PolicyPack
from service.clock import SystemClock
from service.engine import Engine
from service.intake import prepare
from service.runtime import DeskRuntime
from storage.sqlite import SqliteStore

#: A Monday morning long gone: every event of every message is overdue.
RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
OFFICER = "kmorgan"
HEADLESS_RATE = 2_500
"""Events a second `dutydesk serve` fired before batching (issue 11): the dashboard's target."""


def run(quick: bool = False) -> list[Result]:
    events = 15_000 if quick else 100_000
    pack = load_pack("lewes-eastbourne")
    folder = Path(tempfile.mkdtemp(prefix="dutydesk-catchup-"))
    try:
        source = folder / "backlog.sqlite3"
        asyncio.run(_fill(source, pack, events // 3))
        results = [*asyncio.run(_headless(_copy(source, folder / "headless.sqlite3"), pack)),
                   *asyncio.run(_dashboard(_copy(source, folder / "desk.sqlite3"), pack)),
                   *asyncio.run(_quit(_copy(source, folder / "quit.sqlite3"), pack))]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return report(results)


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


async def _fill(path: Path, pack: PolicyPack, messages: int) -> None:
    store = SqliteStore(path)
    await store.open()
    accounts = [a for a in pack.accounts]
    try:
        for start in range(0, messages, 5_000):
            batch = []
            for i in range(start, min(messages, start + 5_000)):
                account = accounts[i % len(accounts)]
                inbound = InboundMessage(
                    platform=account.platform, platform_id=f"m{i}", account=account.id,
                    kind=MessageKind.MENTION, author=Author(platform_id=f"u{i}", handle=f"@r{i}"),
                    text=f"Message {i}: the bins were not collected", received_at=RECEIVED + timedelta(seconds=i))
                batch.append(prepare(inbound, pack, RECEIVED))
            await store.add_messages(batch)
    finally:
        await store.close()


async def _pending(path: Path) -> int:
    store = SqliteStore(path, check=False)
    await store.open()
    try:
        return len(await store.pending_events(datetime.now(UTC), limit=1_000_000))
    finally:
        await store.close()


async def _headless(path: Path, pack: PolicyPack) -> list[Result]:
    events = await _pending(path)
    store = SqliteStore(path, check=True)
    await store.open()
    engine = Engine(store, pack, SystemClock(), "bench-headless")
    began = time.perf_counter()
    await engine.start()
    took = time.perf_counter() - began
    await engine.stop()
    await store.close()
    return [Result(f"headless catch-up of {events:,} events", events / took, "ev/s",
                   f">= {HEADLESS_RATE:,}", events / took >= HEADLESS_RATE)]


async def _dashboard(path: Path, pack: PolicyPack) -> list[Result]:
    from tui.app import DeskApp

    events = await _pending(path)
    began = time.perf_counter()
    async with DeskRuntime(path, pack, SystemClock(), OFFICER) as runtime:
        app = DeskApp(runtime.session, runtime.feed, runtime.clock, services=runtime.services)
        notices: list[str] = []
        app.announce = lambda found: notices.extend(n.title for n in found)  # type: ignore[method-assign]
        async with app.run_test(size=(160, 45)) as pilot:
            while await runtime.store.next_event_at() is not None and \
                    await runtime.store.next_event_at() <= datetime.now(UTC):  # type: ignore[operator]
                await pilot.pause(0.2)
            took = time.perf_counter() - began
            await pilot.pause(1.0)  # the last poll brings the summary notice
            rss = _rss_mb()
    missed = [n for n in notices if "fired while no engine ran" in n]
    return [Result(f"dashboard catch-up of {events:,} events", events / took, "ev/s",
                   f">= {HEADLESS_RATE:,}", events / took >= HEADLESS_RATE),
            Result("  notices the desk received for it", len(notices), "", "1", len(missed) == len(notices) == 1),
            Result("  resident memory at the end", rss, "MB")]


async def _quit(path: Path, pack: PolicyPack) -> list[Result]:
    from tui.app import DeskApp

    events = await _pending(path)
    # As `dutydesk` runs it (dutydesk.cmd_desk._dashboard): the app, then the runtime, end.
    async with DeskRuntime(path, pack, SystemClock(), OFFICER) as runtime:
        app = DeskApp(runtime.session, runtime.feed, runtime.clock, services=runtime.services)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause(1.0)
            began = time.perf_counter()
            app.exit()
    took = time.perf_counter() - began
    left = await _pending(path)
    return [Result("quit 1 s into the catch-up: stopped after", took, "s", "<= 1", took <= 1.0),
            Result(f"  left for the next engine (of {events:,})", left, "ev")]


def _rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    bench_main("python -m bench.catchup", __doc__, run)
