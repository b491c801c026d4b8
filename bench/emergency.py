"""Emergency mode: declaring with 10,000 scheduled posts (one transaction, < 100 ms), the banner
on another process's dashboard (p95 < 1 s), and zero posts published after the freeze commits
over 1,000 races between a declaration and the engine publishing at the same instant.

`python -m bench emergency` (or `python -m bench.emergency [--quick]`).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.report import Result, bench_main, report
from core.clock import FixedClock
from core.pack_files import load_pack
from core.posts import Post, PostKind, PostState
from service.changes import ChangeFeed
from service.desk import DeskSession
from service.emergency import CrisisDesk
from service.publishing import publish_posts
from storage.sqlite import SqliteStore

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
PACK = load_pack("lewes-eastbourne")


def _crisis(store: SqliteStore, officer: str, at: datetime) -> CrisisDesk:
    return CrisisDesk(DeskSession(store, PACK, FixedClock(at), officer))


async def _declare_time(folder: Path, posts: int) -> float:
    """Milliseconds to declare over `posts` scheduled posts (one transaction)."""
    store = SqliteStore(folder / f"declare-{posts}.sqlite3")
    await store.open()
    try:
        accounts = [a.id for a in PACK.accounts]
        for i in range(posts):
            await store.add_post(Post(account=accounts[i % len(accounts)], kind=PostKind.SCHEDULED,
                                      text=f"post {i}", publish_at=T0 + timedelta(minutes=i + 1),
                                      state=PostState.SCHEDULED, created_by="kmorgan", created_at=T0))
        lead = _crisis(store, "tgreaves", T0)
        began = time.perf_counter()
        incident = await lead.declare("Bench", "declaring over many posts")
        took = (time.perf_counter() - began) * 1000
        assert incident.frozen_count == posts, incident.frozen_count
        return took
    finally:
        await store.close()


async def _races(folder: Path, rounds: int) -> tuple[int, int, int]:
    """(handed to the outbox first then held by the freeze, frozen before publishing, published
    after the freeze) over `rounds` races."""
    path = folder / "races.sqlite3"
    desk, engine = SqliteStore(path), SqliteStore(path)
    await desk.open()
    await engine.open()
    before = frozen = after = 0
    try:
        for n in range(rounds):
            at = T0 + timedelta(minutes=n)
            post = await _crisis(desk, "kmorgan", at - timedelta(seconds=30)).schedule("lewes-x", f"race {n}", at)
            lead = _crisis(desk, "tgreaves", at)
            incident, _ = await asyncio.gather(lead.declare("Race", "bench"), publish_posts(engine, PACK, at))
            await publish_posts(engine, PACK, at + timedelta(seconds=1))
            state = (await desk.get_post(post.id or 0)).state
            # Deliverable items are what a connector would be handed: none may exist for it.
            leaked = [i for i in await desk.due_deliveries(at + timedelta(hours=1)) if i.text == f"race {n}"]
            if state is not PostState.FROZEN or leaked:
                after += 1  # published after the freeze committed: the promise broken
            elif any(i.held for i in await desk.outbox(limit=rounds + 10) if i.text == f"race {n}"):
                before += 1  # handed to the outbox first, then held by the freeze
            else:
                frozen += 1
            await lead.resolve("bench")
            await lead.cancel(post.id or 0)
    finally:
        await desk.close()
        await engine.close()
    return before, frozen, after


async def _watch(path: Path) -> None:
    """Another process's dashboard: polls as the desk does (every 0.25 s) and prints the time
    each newly declared incident reached it."""
    store = SqliteStore(path)
    await store.open()
    feed = ChangeFeed(store)
    await feed.start()
    crisis = _crisis(store, "jharding", T0)
    seen: int | None = None
    print("ready", flush=True)
    while True:
        changes = await feed.poll()
        if changes:
            incident = await crisis.refresh()
            if incident is not None and incident.id != seen:
                seen = incident.id
                print(f"{incident.id} {time.time()}", flush=True)
        await asyncio.sleep(0.25)


async def _banner_latency(folder: Path, rounds: int) -> list[float]:
    path = folder / "banner.sqlite3"
    store = SqliteStore(path)
    await store.open()
    watcher = subprocess.Popen([sys.executable, "-m", "bench.emergency", "--watch", str(path)],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert watcher.stdout is not None
        await asyncio.to_thread(watcher.stdout.readline)  # ready
        lead = _crisis(store, "tgreaves", T0)
        delays = []
        for _ in range(rounds):
            await lead.declare("Banner", "latency")
            committed = time.time()
            line = await asyncio.to_thread(watcher.stdout.readline)
            delays.append(float(line.split()[1]) - committed)
            await lead.resolve("next")
            await asyncio.sleep(0.13)  # land at different points of the watcher's poll
        return delays
    finally:
        watcher.kill()
        watcher.wait()
        await store.close()


def run(quick: bool = False) -> list[Result]:
    posts = 2_000 if quick else 10_000
    rounds = 100 if quick else 1_000
    banners = 10 if quick else 40
    with tempfile.TemporaryDirectory(prefix="dutydesk-bench-emergency-") as tmp:
        folder = Path(tmp)
        declare_ms = asyncio.run(_declare_time(folder, posts))
        before, frozen, after = asyncio.run(_races(folder, rounds))
        delays = asyncio.run(_banner_latency(folder, banners))
    p95 = statistics.quantiles(delays, n=20)[-1] if len(delays) >= 2 else delays[0]
    return report([
        Result(f"declare over {posts:,} scheduled posts (one transaction)", declare_ms, "ms",
               "< 100 ms", declare_ms < 100),
        Result(f"banner on another process's desk, p95 of {banners}", p95 * 1000, "ms", "< 1000 ms",
               p95 < 1.0),
        Result(f"races: published after the freeze, of {rounds:,}", after, "posts", "= 0", after == 0),
        Result("races: outboxed first, then held by the freeze", before, "posts"),
        Result("races: frozen before the engine reached them", frozen, "posts"),
    ])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--watch":
        asyncio.run(_watch(Path(sys.argv[2])))
    else:
        bench_main("python -m bench.emergency", __doc__, run)
