"""An engine catching up on a backlog of missed warnings and breaches: a batch a transaction,
one notice for all of them instead of one each, and a stop that ends it within a batch
(the rest left for the next engine)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta

import pytest

from core.clock import FixedClock
from core.models import NotificationLevel
from core.policy import PolicyPack
from service.engine import Engine
from service.firing import BATCH, MISSED_AFTER, missed_title
from storage.base import EventFiring, Store
from storage.memory import MemoryStore
from tests.service.packs import MONDAY_9, OFFICE_HOURS, by_policy, pack

# Received Monday 09:00: first warning 10:00, second 10:20, breach 10:30 (see test_engine).
AFTER_THE_BREACHES = MONDAY_9.replace(hour=12)


@pytest.fixture
def policy() -> PolicyPack:
    return pack(OFFICE_HOURS)


async def backlog(store: Store, policy: PolicyPack, count: int) -> None:
    await store.add_messages([by_policy(policy, f"m{i}", "testshire-x", MONDAY_9) for i in range(count)])


class CountingStore(MemoryStore):
    """Counts the batches fired; `pause_after` batches in, waits for `go` (to stop meanwhile)."""

    def __init__(self, pause_after: int | None = None) -> None:
        super().__init__()
        self.batches: list[int] = []
        self.pause_after = pause_after
        self.paused = asyncio.Event()
        self.go = asyncio.Event()

    async def fire_events(self, firings: Sequence[EventFiring]) -> list[bool]:
        fired = await super().fire_events(firings)
        self.batches.append(len(firings))
        if len(self.batches) == self.pause_after:
            self.paused.set()
            await self.go.wait()
        return fired


async def test_a_backlog_fires_in_batches_with_one_notice(policy: PolicyPack) -> None:
    store = CountingStore()
    await store.open()
    count = BATCH  # three events each: three full batches
    await backlog(store, policy, count)
    engine = Engine(store, policy, FixedClock(AFTER_THE_BREACHES), holder="e")
    await engine.start()
    await engine.stop()
    assert store.batches == [BATCH, BATCH, BATCH, 0]
    notices = await store.notifications_after(0)
    assert not [n for n in notices if n.kind in ("warning_1", "warning_2", "breach")]
    [notice] = [n for n in notices if n.kind == "missed"]
    assert notice.title == f"{count:,} breaches fired while no engine ran (and {2 * count:,} warnings)"
    assert notice.level == NotificationLevel.ERROR and notice.role == policy.first_response.escalate_to
    fired = [a for a in await store.actions(limit=100_000) if a.verb in ("warning_1", "warning_2", "breach")]
    assert len(fired) == 3 * count  # each in its message's history


async def test_quitting_stops_the_catch_up_within_a_batch_and_leaves_the_rest(policy: PolicyPack) -> None:
    store = CountingStore(pause_after=1)
    await store.open()
    await backlog(store, policy, BATCH)
    engine = Engine(store, policy, FixedClock(AFTER_THE_BREACHES), holder="e")
    starting = asyncio.ensure_future(engine.start())
    await asyncio.wait_for(store.paused.wait(), 5)
    stopping = asyncio.ensure_future(engine.stop())
    await asyncio.sleep(0)
    store.go.set()
    await asyncio.wait_for(asyncio.gather(starting, stopping), 5)
    assert store.batches == [BATCH]
    assert len(await store.pending_events(AFTER_THE_BREACHES, limit=10_000)) == 2 * BATCH
    [notice] = [n for n in await store.notifications_after(0) if n.kind == "missed"]  # what fired
    assert notice.title == f"{BATCH:,} warnings fired while no engine ran"

    successor = Engine(store, policy, FixedClock(AFTER_THE_BREACHES), holder="next")
    await successor.start()
    await successor.stop()
    assert await store.pending_events(AFTER_THE_BREACHES) == []


async def test_an_event_fired_on_time_keeps_its_own_notice(policy: PolicyPack) -> None:
    store = MemoryStore()
    await store.open()
    await backlog(store, policy, 1)
    clock = FixedClock(MONDAY_9.replace(hour=10) + MISSED_AFTER)  # the first warning, just in time
    engine = Engine(store, policy, clock, holder="e")
    assert await engine.run_due(clock.now()) == 1
    [notice] = await store.notifications_after(0)
    assert notice.kind == "warning_1"
    clock.advance(timedelta(hours=2))  # the rest missed
    assert await engine.run_due(clock.now()) == 2
    assert [n.title for n in await store.notifications_after(notice.id or 0)] == [
        "1 breach fired while no engine ran (and 1 warning)"]


@pytest.mark.parametrize(("missed", "title"), [
    ({3: 1240}, "1,240 breaches fired while no engine ran"),
    ({3: 1}, "1 breach fired while no engine ran"),
    ({1: 2, 2: 1}, "3 warnings fired while no engine ran"),
    ({1: 1}, "1 warning fired while no engine ran"),
    ({1: 5, 3: 2}, "2 breaches fired while no engine ran (and 5 warnings)"),
])
def test_missed_title(missed: dict[int, int], title: str) -> None:
    assert missed_title(Counter(missed)) == title
