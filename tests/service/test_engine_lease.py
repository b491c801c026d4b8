"""One engine per store: the lease, two engines on one SQLite file, the scheduler in real time,
and a takeover after `kill -9` of a `dutydesk serve` process.

Lease logic is tested on a FixedClock by calling `beat()` directly. The real-time tests use the
24/7 test pack and poll the store with a bounded timeout; they never sleep a fixed time.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.policy import PolicyPack
from service.clock import SystemClock
from service.engine import REARM_EVERY, Engine
from service.firing import EVENT_VERBS
from service.lease import LeaseChange
from storage.base import Store, StoreError
from storage.memory import MemoryStore
from tests.service.packs import ALWAYS_OPEN, MONDAY_9, OFFICE_HOURS, by_policy, pack, with_times

ROOT = Path(__file__).resolve().parents[2]


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 15.0,
                     every: float = 0.05) -> None:
    """Poll `check` until it holds; fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        if loop.time() > deadline:
            pytest.fail(f"still not true after {timeout}s: {check.__doc__ or check}")
        await asyncio.sleep(every)


async def engine_actions(store: Store) -> list[tuple[int | None, str]]:
    """(message id, verb) of each warning and breach the engines fired, in order."""
    return [(a.message_id, a.verb) for a in await store.actions(limit=100_000)
            if a.actor == "engine" and a.verb in EVENT_VERBS.values()]


# -- the lease on a frozen clock ------------------------------------------------------------------

async def test_only_one_engine_leads(store: Store) -> None:
    clock = FixedClock(MONDAY_9)
    engines = [Engine(store, pack(OFFICE_HOURS), clock, holder=f"e{i}") for i in range(3)]
    changes = [await e.beat() for e in engines]
    assert changes == [LeaseChange.GAINED, LeaseChange.NONE, LeaseChange.NONE]
    assert [e.is_leader for e in engines] == [True, False, False]
    assert await store.lease_holder("engine", clock.now()) == "e0"


# (seconds the holder stays silent, whether the follower takes over then); the ttl is 5 s.
SILENCES = [(1.0, False), (4.9, False), (5.0, True), (60.0, True)]


@pytest.mark.parametrize(("silent_for", "taken"), SILENCES)
async def test_a_follower_takes_over_once_the_holder_stops_renewing(
        store: Store, silent_for: float, taken: bool) -> None:
    clock = FixedClock(MONDAY_9)
    holder = Engine(store, pack(OFFICE_HOURS), clock, holder="holder", lease_ttl=5.0)
    follower = Engine(store, pack(OFFICE_HOURS), clock, holder="follower", lease_ttl=5.0)
    assert await holder.beat() is LeaseChange.GAINED
    clock.advance(timedelta(seconds=silent_for))
    assert (await follower.beat() is LeaseChange.GAINED) == taken
    assert follower.is_leader == taken
    # The old holder learns at its next beat; it leads on only if nobody took over.
    assert await holder.beat() is (LeaseChange.LOST if taken else LeaseChange.NONE)
    assert holder.is_leader != taken


async def test_a_holder_that_keeps_renewing_keeps_the_lease(store: Store) -> None:
    clock = FixedClock(MONDAY_9)
    holder = Engine(store, pack(OFFICE_HOURS), clock, holder="holder", lease_ttl=5.0)
    follower = Engine(store, pack(OFFICE_HOURS), clock, holder="follower", lease_ttl=5.0)
    await holder.beat()
    for _ in range(10):
        clock.advance(timedelta(seconds=1))
        assert await holder.beat() is LeaseChange.NONE
        assert await follower.beat() is LeaseChange.NONE
    assert holder.is_leader and not follower.is_leader


async def test_a_holder_that_lost_the_lease_stops_its_jobs(store: Store) -> None:
    clock = FixedClock(MONDAY_9)
    policy = pack(OFFICE_HOURS)
    # A long heartbeat, so the background renewal never runs during the test.
    paused = Engine(store, policy, clock, holder="paused", lease_ttl=60.0, heartbeat=30.0)
    await paused.start()
    try:
        assert paused.is_leader
        assert {"lease", "watch"} <= set(paused.scheduled_jobs())
        clock.advance(timedelta(seconds=120))  # paused past its ttl; another engine takes over
        assert await Engine(store, policy, clock, holder="other").beat() is LeaseChange.GAINED
        assert await paused.beat() is LeaseChange.LOST
        assert paused.scheduled_jobs() == ["lease"]
        paused.nudge()
        assert paused.scheduled_jobs() == ["lease"]
    finally:
        await paused.stop()


async def test_stop_gives_the_lease_up_at_once(store: Store) -> None:
    clock = FixedClock(MONDAY_9)
    first = Engine(store, pack(OFFICE_HOURS), clock, holder="first")
    await first.start()
    await first.stop()
    assert not first.is_leader
    assert await store.lease_holder("engine", clock.now()) is None
    assert await Engine(store, pack(OFFICE_HOURS), clock, holder="next").beat() is LeaseChange.GAINED


class FlakyLeaseStore(MemoryStore):
    """A store whose lease renewals fail while `broken` is set (a locked or vanished file)."""

    broken = False

    async def acquire_lease(self, name: str, holder: str, now: datetime, ttl_seconds: float) -> bool:
        if self.broken:
            raise StoreError("the store stayed busy")
        return await super().acquire_lease(name, holder, now, ttl_seconds)


async def test_a_holder_that_cannot_renew_leads_only_until_its_lease_runs_out() -> None:
    store = FlakyLeaseStore()
    await store.open()
    clock = FixedClock(MONDAY_9)
    engine = Engine(store, pack(OFFICE_HOURS), clock, holder="holder", lease_ttl=5.0)
    assert await engine.beat() is LeaseChange.GAINED
    store.broken = True
    clock.advance(timedelta(seconds=4))
    assert await engine.beat() is LeaseChange.NONE
    assert engine.is_leader
    clock.advance(timedelta(seconds=1))
    assert await engine.beat() is LeaseChange.LOST
    assert not engine.is_leader
    store.broken = False
    assert await engine.beat() is LeaseChange.GAINED


def test_a_heartbeat_must_be_shorter_than_the_ttl(store: Store) -> None:
    with pytest.raises(ValueError, match="heartbeat"):
        Engine(store, pack(OFFICE_HOURS), FixedClock(MONDAY_9), holder="x", lease_ttl=1.0,
               heartbeat=1.0)


# -- two engines, one SQLite file --------------------------------------------------------------------

@pytest.fixture
def sqlite_store() -> Callable[[Path], Store]:
    sqlite = pytest.importorskip("storage.sqlite")
    return sqlite.SqliteStore


@pytest.fixture
async def two_stores(tmp_path: Path, sqlite_store: Callable[[Path], Store]) -> AsyncIterator[list[Store]]:
    """Two open stores on one SQLite file, as two processes would have them."""
    stores = [sqlite_store(tmp_path / "desk.sqlite3") for _ in range(2)]
    for store in stores:
        await store.open()
    yield stores
    for store in stores:
        await store.close()


async def test_two_engines_on_one_file_never_fire_an_event_twice(two_stores: list[Store]) -> None:
    policy = pack(OFFICE_HOURS)
    stores = two_stores
    count = 40
    await stores[0].add_messages([by_policy(policy, f"m{i}", "testshire-x", MONDAY_9)
                                  for i in range(count)])
    clock = FixedClock(MONDAY_9)
    engines = [Engine(s, policy, clock, holder=f"e{i}") for i, s in enumerate(stores)]
    for hhmm in ("10:00", "10:20", "10:30", "11:00"):
        hour, minute = map(int, hhmm.split(":"))
        now = MONDAY_9.replace(hour=hour, minute=minute)
        await asyncio.gather(*(e.run_due(now) for e in engines), *(e.run_due(now) for e in engines))
    fired = Counter(await engine_actions(stores[1]))
    assert len(fired) == 3 * count
    assert set(fired.values()) == {1}
    assert len(await stores[0].notifications_after(0, limit=1000)) == 3 * count


async def test_two_engines_on_one_file_record_a_closing_once(two_stores: list[Store]) -> None:
    policy = pack(OFFICE_HOURS)
    stores = two_stores
    engines = [Engine(s, policy, FixedClock(MONDAY_9), holder=f"e{i}") for i, s in enumerate(stores)]
    await engines[0].run_opening(MONDAY_9)
    evening = [MONDAY_9.replace(hour=17, minute=1), MONDAY_9.replace(hour=17, minute=2)]
    recorded = await asyncio.gather(*(e.run_opening(t) for e, t in zip(engines, evening)))
    assert sum(recorded) == 1
    assert len(await stores[1].outbox()) == 1


# -- the scheduler in real time ------------------------------------------------------------------------

def realtime_engine(store: Store, holder: str, policy: PolicyPack) -> Engine:
    return Engine(store, policy, SystemClock(), holder=holder, lease_ttl=1.0, heartbeat=0.1)


async def test_the_scheduler_fires_the_ladder_in_real_time(store: Store) -> None:
    policy = pack(ALWAYS_OPEN)
    engine = realtime_engine(store, "live", policy)
    await engine.start()
    try:
        now = SystemClock().now()
        s = timedelta(seconds=1)
        await store.add_messages([with_times("m1", "testshire-facebook", now, 0.3 * s, 0.6 * s, 0.9 * s)])
        engine.nudge()
        # Stored by "another process" (no nudge): the watch job finds it.
        await store.add_messages([with_times("m2", "testshire-facebook", now, 0.4 * s, 0.7 * s, 1.0 * s)])

        async def all_six_fired() -> bool:
            """all six events fired"""
            return len(await engine_actions(store)) >= 6

        await eventually(all_six_fired)
        fired = await engine_actions(store)
        assert Counter(fired) == Counter({(m, v): 1 for m in (1, 2)
                                          for v in ("warning_1", "warning_2", "breach")})
        assert [v for m, v in fired if m == 1] == ["warning_1", "warning_2", "breach"]
        for action in await store.actions():
            if action.verb in EVENT_VERBS.values():  # never before its time
                assert action.at >= datetime.fromisoformat(action.detail["event_at"])
    finally:
        await engine.stop()


async def test_messages_another_process_stores_are_picked_up_without_a_nudge(
        tmp_path: Path, sqlite_store: Callable[[Path], Store]) -> None:
    path = tmp_path / "desk.sqlite3"
    engine_store, intake_store = sqlite_store(path), sqlite_store(path)
    for s in (engine_store, intake_store):
        await s.open()
    engine = realtime_engine(engine_store, "live", pack(ALWAYS_OPEN))
    await engine.start()
    try:
        async def nothing_armed() -> bool:
            """the first events run found nothing pending and armed nothing"""
            return "events" not in engine.scheduled_jobs()

        await eventually(nothing_armed)
        now = SystemClock().now()
        s = timedelta(seconds=1)
        await intake_store.add_messages([with_times("m1", "testshire-facebook", now, 0.2 * s, 0.4 * s, 0.6 * s)])

        async def all_three_fired() -> bool:
            """the engine saw the other connection's commit and fired all three events"""
            return len(await engine_actions(intake_store)) == 3

        # Sooner than the periodic re-arm: it was the data_version change that woke the engine.
        await eventually(all_three_fired, timeout=REARM_EVERY - 1)
    finally:
        await engine.stop()
        for s in (engine_store, intake_store):
            await s.close()


async def test_a_follower_takes_over_when_the_leader_stops(store: Store) -> None:
    policy = pack(ALWAYS_OPEN)
    engines = [realtime_engine(store, f"e{i}", policy) for i in range(2)]
    for engine in engines:
        await engine.start()
    try:
        assert [e.is_leader for e in engines] == [True, False]
        await engines[0].stop()
        now = SystemClock().now()
        s = timedelta(seconds=1)
        await store.add_messages([with_times("m1", "testshire-facebook", now, 0.1 * s, 0.2 * s, 0.3 * s)])

        async def the_follower_fired_all() -> bool:
            """the follower took over and fired all three events"""
            return engines[1].is_leader and len(await engine_actions(store)) == 3

        await eventually(the_follower_fired_all)
    finally:
        for engine in engines:
            await engine.stop()


class HeldRenewals(MemoryStore):
    """A store whose lease renewals, once `hold` is set, wait until `go` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.hold = False
        self.waiting = asyncio.Event()
        self.go = asyncio.Event()

    async def acquire_lease(self, name: str, holder: str, now: datetime, ttl_seconds: float) -> bool:
        if self.hold:
            self.waiting.set()
            await self.go.wait()
        return await super().acquire_lease(name, holder, now, ttl_seconds)


async def test_stopping_during_a_renewal_lets_it_finish_quietly(caplog: pytest.LogCaptureFixture) -> None:
    """Quitting the desk while the heartbeat is renewing: the renewal finishes, then the lease
    is given up; the scheduler does not cancel it and report a failed job on the terminal."""
    store = HeldRenewals()
    await store.open()
    engine = Engine(store, pack(ALWAYS_OPEN), SystemClock(), holder="e", lease_ttl=2.0, heartbeat=0.05)
    await engine.start()
    store.hold = True
    await asyncio.wait_for(store.waiting.wait(), 5)
    stopping = asyncio.ensure_future(engine.stop())
    await asyncio.sleep(0.1)
    store.go.set()
    await asyncio.wait_for(stopping, 5)
    assert await store.lease_holder("engine", SystemClock().now()) is None
    assert [r.getMessage() for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []


# -- kill -9 and takeover, with a real `dutydesk serve` process ------------------------------------------

def serve(db: Path, holder: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "dutydesk", "serve", "--db", str(db), "--policy", str(ALWAYS_OPEN),
               "--lease-ttl", "2", "--heartbeat", "0.2", "--holder", holder]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def every_event_once(count: int) -> Counter[tuple[int | None, str]]:
    """Messages 1..count, each with its two warnings and its breach fired once."""
    return Counter({(m, v): 1 for m in range(1, count + 1) for v in ("warning_1", "warning_2", "breach")})


async def wind_up(process: subprocess.Popen[bytes], successor: Engine | None, store: Store) -> None:
    """After a test with a serve process and maybe an engine taking over from it."""
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)
    if successor is not None:
        await successor.stop()
    await store.close()


@pytest.mark.slow
async def test_after_kill_9_another_engine_takes_over_and_fires_each_warning_once(
        tmp_path: Path, sqlite_store: Callable[[Path], Store]) -> None:
    db = tmp_path / "desk.sqlite3"
    store = sqlite_store(db)
    await store.open()
    process = serve(db, "doomed")
    successor = None
    try:
        async def the_process_holds_the_lease() -> bool:
            """the serve process holds the lease"""
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            return await store.lease_holder("engine", SystemClock().now()) == "doomed"

        await eventually(the_process_holds_the_lease, timeout=30)
        now = SystemClock().now()
        s = timedelta(seconds=1)
        # The first message's ladder runs while the process lives; the others' mostly after.
        count = 5
        await store.add_messages([
            with_times(f"m{i}", "testshire-facebook", now, (0.5 + i) * s, (1.0 + i) * s, (1.5 + i) * s)
            for i in range(count)])

        async def the_process_fired_some() -> bool:
            """the serve process fired the first warning"""
            return len(await engine_actions(store)) >= 1

        await eventually(the_process_fired_some)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

        successor = Engine(store, pack(ALWAYS_OPEN), SystemClock(), holder="successor",
                           lease_ttl=2.0, heartbeat=0.2)
        await successor.start()

        async def every_event_fired() -> bool:
            """every warning and breach fired"""
            return len(await engine_actions(store)) >= 3 * count

        await eventually(every_event_fired, timeout=30)
        assert successor.is_leader
        assert Counter(await engine_actions(store)) == every_event_once(count)
    finally:
        await wind_up(process, successor, store)


@pytest.mark.slow
async def test_serve_stops_cleanly_on_sigterm_and_gives_the_lease_up(
        tmp_path: Path, sqlite_store: Callable[[Path], Store]) -> None:
    db = tmp_path / "desk.sqlite3"
    store = sqlite_store(db)
    await store.open()
    process = serve(db, "polite")
    try:
        async def it_holds_the_lease() -> bool:
            """the serve process holds the lease"""
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            return await store.lease_holder("engine", SystemClock().now()) == "polite"

        await eventually(it_holds_the_lease, timeout=30)
        process.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(process.wait, 15) == 0
        assert await store.lease_holder("engine", SystemClock().now()) is None
        log = process.stderr.read().decode() if process.stderr else ""
        assert "polite is now the engine" in log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        await store.close()


@pytest.mark.slow
async def test_serve_stops_during_its_catch_up_and_the_rest_fire_once_later(
        tmp_path: Path, sqlite_store: Callable[[Path], Store]) -> None:
    """A long outage leaves thousands of warnings to fire at start; SIGINT stops that catch-up
    part-way and cleanly, and the next engine fires the rest, each event once."""
    db = tmp_path / "desk.sqlite3"
    store = sqlite_store(db)
    await store.open()
    count, s = 5000, timedelta(seconds=1)
    long_ago = SystemClock().now() - timedelta(days=2)
    await store.add_messages([with_times(f"m{i}", "testshire-facebook", long_ago, s, 2 * s, 3 * s)
                              for i in range(count)])
    process = serve(db, "outage")
    successor = None
    try:
        async def it_is_catching_up() -> bool:
            """the serve process has fired some of the backlog"""
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            return any(a.verb in EVENT_VERBS.values() for a in await store.actions(limit=50))

        await eventually(it_is_catching_up, timeout=30, every=0.01)
        process.send_signal(signal.SIGINT)
        assert await asyncio.to_thread(process.wait, 15) == 0
        assert await store.lease_holder("engine", SystemClock().now()) is None
        assert "stopped while catching up" in (process.stderr.read().decode() if process.stderr else "")
        fired_by_serve = len(await engine_actions(store))
        assert 0 < fired_by_serve < 3 * count

        successor = Engine(store, pack(ALWAYS_OPEN), SystemClock(), holder="next", lease_ttl=2.0,
                           heartbeat=0.2)
        await successor.start()  # returns once caught up
        assert Counter(await engine_actions(store)) == every_event_once(count)
    finally:
        await wind_up(process, successor, store)


@pytest.mark.parametrize(("extra", "complaint"), [
    (["--policy", "no-such-pack"], "no shipped pack of that name"),
    (["--policy", str(ALWAYS_OPEN), "--lease-ttl", "1", "--heartbeat", "2"], "must be positive and shorter"),
])
def test_serve_refuses_a_bad_start_with_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 extra: list[str], complaint: str) -> None:
    from dutydesk.cli import main

    assert main(["serve", "--db", str(tmp_path / "desk.sqlite3"), *extra]) == 2
    assert complaint in capsys.readouterr().err
