"""The live intake path: acks only after commit, one transaction per group, all or nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

import pytest

from core.clock import FixedClock
from core.models import InboundMessage
from core.policy import PolicyPack
from service.intake import UnknownAccountError
from service.writer import IntakeWriter, IntakeWriterClosedError
from storage.base import StoreError
from storage.memory import MemoryStore
from storage.rows import InsertResult, NewMessage


class GatedStore(MemoryStore):
    """A MemoryStore whose add_messages waits for `gate` and can be told to fail; it records
    each call's size (one call is one transaction)."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.gate.set()
        self.fail_with: Exception | None = None
        self.calls: list[int] = []
        self.entered = asyncio.Event()

    async def add_messages(self, rows: Sequence[NewMessage]) -> list[InsertResult]:
        self.calls.append(len(rows))
        self.entered.set()
        await self.gate.wait()
        if self.fail_with is not None:
            raise self.fail_with
        return await super().add_messages(rows)


@pytest.fixture
async def gated() -> GatedStore:
    store = GatedStore()
    await store.open()
    return store


@pytest.fixture
async def writer(gated: GatedStore, lewes_pack: PolicyPack, frozen_clock: FixedClock):
    w = IntakeWriter(gated, lewes_pack, frozen_clock)
    await w.start()
    yield w
    await w.aclose()


async def test_ack_comes_only_after_the_commit(writer: IntakeWriter, gated: GatedStore,
                                               make_message: Callable[..., InboundMessage]) -> None:
    gated.gate.clear()
    submitted = asyncio.create_task(writer.submit(make_message(1)))
    await gated.entered.wait()  # the commit has started, and is held
    assert not submitted.done()
    assert await gated.count_messages() == 0
    gated.gate.set()
    result = await submitted
    assert result == InsertResult(message_id=1, inserted=True)
    assert (await gated.get_message(1)).platform_id == "m1"


async def test_a_failed_commit_reaches_every_submitter_of_the_group(
        writer: IntakeWriter, gated: GatedStore, make_message: Callable[..., InboundMessage]) -> None:
    gated.gate.clear()
    gated.fail_with = StoreError("disk full")
    tasks = [asyncio.create_task(writer.submit(make_message(n))) for n in range(10)]
    await gated.entered.wait()
    gated.gate.set()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(o, StoreError) and str(o) == "disk full" for o in outcomes)
    assert await gated.count_messages() == 0
    # The writer goes on: the next group commits.
    gated.fail_with = None
    assert (await writer.submit(make_message(1))).inserted


async def test_concurrent_submits_share_few_transactions(
        writer: IntakeWriter, gated: GatedStore, make_message: Callable[..., InboundMessage]) -> None:
    gated.gate.clear()
    first = asyncio.create_task(writer.submit(make_message(0)))
    await gated.entered.wait()  # one group is committing...
    rest = [asyncio.create_task(writer.submit(make_message(n))) for n in range(1, 100)]
    await asyncio.sleep(0)
    gated.gate.set()  # ...and everything submitted meanwhile goes in the next one
    await asyncio.gather(first, *rest)
    assert gated.calls == [1, 99]
    assert writer.commits == 2


async def test_fifty_producers_all_acked_with_their_own_results(
        writer: IntakeWriter, gated: GatedStore, make_message: Callable[..., InboundMessage]) -> None:
    async def producer(p: int) -> list[tuple[str, InsertResult]]:
        out = []
        for i in range(20):
            message = make_message(p * 1000 + i)
            out.append((message.platform_id, await writer.submit(message)))
        return out

    results = [r for batch in await asyncio.gather(*(producer(p) for p in range(50))) for r in batch]
    assert len(results) == 1000 and all(r.inserted for _, r in results)
    assert len({r.message_id for _, r in results}) == 1000
    for platform_id, result in results:
        assert (await gated.get_message(result.message_id)).platform_id == platform_id
    assert len(gated.calls) < 100  # grouped: far fewer transactions than messages
    # A resend is acknowledged with the stored id, and stores nothing.
    again = await writer.submit(make_message(7))
    assert again == InsertResult(message_id=dict(results)["m7"].message_id, inserted=False)


async def test_on_stored_hooks_see_each_commit_and_a_failing_hook_is_harmless(
        writer: IntakeWriter, make_message: Callable[..., InboundMessage]) -> None:
    seen: list[Sequence[InsertResult]] = []

    def broken(_: Sequence[InsertResult]) -> None:
        raise RuntimeError("hook bug")

    async def async_hook(results: Sequence[InsertResult]) -> None:
        seen.append(results)

    writer.on_stored.extend([broken, async_hook])
    result = await writer.submit(make_message(1))
    assert result.inserted
    assert seen == [[result]]


async def test_aclose_commits_what_was_submitted_then_refuses_more(
        gated: GatedStore, lewes_pack: PolicyPack, frozen_clock: FixedClock,
        make_message: Callable[..., InboundMessage]) -> None:
    writer = IntakeWriter(gated, lewes_pack, frozen_clock)
    await writer.start()
    gated.gate.clear()
    tasks = [asyncio.create_task(writer.submit(make_message(n))) for n in range(5)]
    await gated.entered.wait()
    closing = asyncio.create_task(writer.aclose())
    gated.gate.set()
    await closing
    assert all(t.result().inserted for t in tasks)
    assert await gated.count_messages() == 5
    with pytest.raises(IntakeWriterClosedError):
        await writer.submit(make_message(9))


async def test_submit_before_start_is_refused(gated: GatedStore, lewes_pack: PolicyPack,
                                              frozen_clock: FixedClock,
                                              make_message: Callable[..., InboundMessage]) -> None:
    with pytest.raises(IntakeWriterClosedError):
        await IntakeWriter(gated, lewes_pack, frozen_clock).submit(make_message(1))


async def test_an_unknown_account_is_refused_at_once_and_nothing_stored(
        writer: IntakeWriter, gated: GatedStore, make_message: Callable[..., InboundMessage]) -> None:
    with pytest.raises(UnknownAccountError, match="'atlantis-x'"):
        await writer.submit(make_message(1, account="atlantis-x"))
    assert gated.calls == []


async def test_the_ingest_time_comes_from_the_clock(
        writer: IntakeWriter, gated: GatedStore, frozen_clock: FixedClock,
        make_message: Callable[..., InboundMessage]) -> None:
    result = await writer.submit(make_message(1))
    assert (await gated.get_message(result.message_id)).ingested_at == frozen_clock.now()


async def test_a_cancelled_writer_leaves_no_ack_hanging(
        gated: GatedStore, lewes_pack: PolicyPack, frozen_clock: FixedClock,
        make_message: Callable[..., InboundMessage]) -> None:
    writer = IntakeWriter(gated, lewes_pack, frozen_clock)
    await writer.start()
    gated.gate.clear()
    held = asyncio.create_task(writer.submit(make_message(1)))
    await gated.entered.wait()
    queued = asyncio.create_task(writer.submit(make_message(2)))
    await asyncio.sleep(0)
    assert writer._task is not None
    writer._task.cancel()
    for task in (held, queued):
        with pytest.raises(IntakeWriterClosedError):
            await task


async def test_producers_through_a_real_sqlite_store(
        sqlite_store, lewes_pack: PolicyPack, frozen_clock: FixedClock,
        make_message: Callable[..., InboundMessage]) -> None:
    writer = IntakeWriter(sqlite_store, lewes_pack, frozen_clock)
    await writer.start()

    async def producer(p: int) -> list[InsertResult]:
        return [await writer.submit(make_message(p * 100 + i)) for i in range(5)]

    try:
        results = [r for rs in await asyncio.gather(*(producer(p) for p in range(50))) for r in rs]
    finally:
        await writer.aclose()
    assert all(r.inserted for r in results) and len({r.message_id for r in results}) == 250
    assert await sqlite_store.count_messages() == 250
    assert writer.commits < 250
