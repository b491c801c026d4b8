"""The delivery worker and the webhook connector against a real HTTP server on 127.0.0.1.

The clock is a FixedClock moved by hand: backoff is on the injected clock, so no test waits
for a retry (only the timeout test waits, a fraction of a second, for the connector's timeout).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.delivery import DeliveryState, delivery_state, verify_signature
from core.models import OutboxItem
from core.policy import PolicyPack
from service.connectors import WebhookSettings
from service.delivery import DeliveryWorker
from service.webhook import WebhookConnector
from storage.base import Store
from storage.outbox import HoldFilter
from storage.sqlite import SqliteStore
from tests.service.conftest import LEWES_ACCOUNT, MONDAY_10
from tests.service.webhook_receiver import SECRET, Receiver, running_receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    opened = SqliteStore(tmp_path / "desk.sqlite3")
    await opened.open()
    yield opened
    await opened.close()


def connector(receiver: Receiver, timeout: float = 5.0) -> WebhookConnector:
    """The webhook to `receiver`, signing on the frozen clock (MONDAY_10)."""
    # model_construct: a timeout below the file's 1-second floor keeps the timeout test short.
    settings = WebhookSettings.model_construct(url=receiver.url,
                                               secret=WebhookSettings(url=receiver.url, secret=SECRET).secret,
                                               timeout_seconds=timeout)
    return WebhookConnector(settings, FixedClock(MONDAY_10))


def worker(store: Store, clock: FixedClock, receiver: Receiver, **kw: float) -> DeliveryWorker:
    return DeliveryWorker(store, clock, {LEWES_ACCOUNT: connector(receiver, **kw)})


def reply(text: str = "Thanks, we are on it", account: str = LEWES_ACCOUNT,
          in_reply_to: int | None = None, kind: str = "reply") -> OutboxItem:
    return OutboxItem(created_at=MONDAY_10, account=account, kind=kind, text=text,
                      in_reply_to=in_reply_to, created_by="asmith")


async def test_a_reply_is_posted_signed_with_its_key_and_the_message_it_answers(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver, make_message) -> None:
    from service.intake import prepare
    from core.pack_files import load_pack

    pack = load_pack("lewes-eastbourne")
    [stored] = await store.add_messages([prepare(make_message(1), pack, MONDAY_10)])
    await store.record(outbox=[reply(in_reply_to=stored.message_id)])
    done = await worker(store, frozen_clock, receiver).run_due(frozen_clock.now())
    assert (done.sent, done.failed) == (1, 0)
    [request] = receiver.requests
    headers = request.headers
    assert verify_signature(SECRET.encode(), headers["X-Dutydesk-Timestamp"], request.body,
                            headers["X-Dutydesk-Signature"], MONDAY_10)
    assert not verify_signature(b"wrong" * 8, headers["X-Dutydesk-Timestamp"], request.body,
                                headers["X-Dutydesk-Signature"], MONDAY_10)
    body = json.loads(request.body)
    store_id = await store.store_id()
    assert headers["Idempotency-Key"] == body["idempotency_key"] == f"dutydesk:{store_id}:1"
    assert headers["Content-Type"].startswith("application/json")
    assert (body["account"], body["kind"], body["text"], body["created_by"]) == (
        LEWES_ACCOUNT, "reply", "Thanks, we are on it", "asmith")
    assert body["in_reply_to_message"]["platform"] == "x"
    assert body["in_reply_to_message"]["platform_id"] == "m1"
    [item] = await store.outbox(unsent_only=False)
    assert item.sent_at == MONDAY_10 and item.attempts == 1


async def test_a_500_then_a_200_delivers_once_after_the_backoff(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    receiver.statuses = [500]
    await store.record(outbox=[reply()])
    work = worker(store, frozen_clock, receiver)
    assert (await work.run_due(frozen_clock.now())).failed == 1
    [item] = await store.outbox()
    assert delivery_state(item) is DeliveryState.RETRYING
    assert item.last_error is not None and item.last_error.startswith("HTTP 500")
    assert item.next_attempt_at == MONDAY_10 + timedelta(seconds=30)
    assert await work.seconds_to_next() == 30.0
    # Not before the backoff is over.
    assert (await work.run_due(frozen_clock.advance(timedelta(seconds=29)))).sent == 0
    assert (await work.run_due(frozen_clock.advance(timedelta(seconds=1)))).sent == 1
    assert len(receiver.requests) == 2
    keys = {r.headers["Idempotency-Key"] for r in receiver.requests}
    assert len(keys) == 1 and len(receiver.posted) == 1
    assert [r.headers["X-Dutydesk-Attempt"] for r in receiver.requests] == ["1", "2"]
    assert await store.outbox() == []
    notices = await store.notifications_after(0)
    assert [n.kind for n in notices] == ["delivery_retrying", "delivery_sent"]
    assert notices[0].account == LEWES_ACCOUNT and "HTTP 500" in notices[0].body
    # Sent: nothing left to do, ever.
    assert (await work.run_due(frozen_clock.advance(timedelta(hours=5)))).sent == 0
    assert len(receiver.requests) == 2


async def test_a_crash_between_sending_and_recording_resends_with_the_same_key(
        tmp_path: Path, frozen_clock: FixedClock, receiver: Receiver) -> None:
    path = tmp_path / "desk.sqlite3"
    first = SqliteStore(path)
    await first.open()
    await first.record(outbox=[reply()])

    async def send_then_die(deliver, delivery) -> None:
        await asyncio.to_thread(deliver, delivery)
        raise asyncio.CancelledError  # the process dies before `mark_outbox_sent`

    dying = DeliveryWorker(first, frozen_clock, {LEWES_ACCOUNT: connector(receiver)},
                           offload=send_then_die)
    with pytest.raises(asyncio.CancelledError):
        await dying.run_due(frozen_clock.now())
    await first.close()

    restarted = SqliteStore(path)
    await restarted.open()
    try:
        work = worker(restarted, frozen_clock, receiver)
        assert (await work.run_due(frozen_clock.now())).sent == 0  # the attempt is on record
        assert (await work.run_due(frozen_clock.advance(timedelta(seconds=30)))).sent == 1
        assert len(receiver.requests) == 2
        assert receiver.requests[0].headers["Idempotency-Key"] == receiver.requests[1].headers["Idempotency-Key"]
        assert len(receiver.posted) == 1  # the receiver posted it once
        [item] = await restarted.outbox(unsent_only=False)
        assert item.sent_at is not None and item.attempts == 2
    finally:
        await restarted.close()


async def test_held_items_never_reach_the_connector(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    await store.record(outbox=[reply("post a", kind="post"), reply("a reply"),
                               reply("frozen at birth", kind="post").model_copy(update={"held": True})])
    await store.hold_outbox("emergency freeze", HoldFilter(kinds=("post",)))
    work = worker(store, frozen_clock, receiver)
    for _ in range(3):
        await work.run_due(frozen_clock.advance(timedelta(hours=1)))
    assert [json.loads(r.body)["text"] for r in receiver.requests] == ["a reply"]
    counts = await store.outbox_counts()
    assert counts[LEWES_ACCOUNT].held == 2
    assert await store.release_outbox([1]) == [1]
    await work.run_due(frozen_clock.now())
    assert [json.loads(r.body)["text"] for r in receiver.requests] == ["a reply", "post a"]


async def test_an_item_held_after_it_was_picked_is_not_sent(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    # The freeze commits between the worker's read of due items and its attempt.
    await store.record(outbox=[reply()])
    work = worker(store, frozen_clock, receiver)
    [item] = await store.due_deliveries(frozen_clock.now())
    await store.hold_outbox("emergency freeze")
    assert await work.deliver(item, frozen_clock.now()) is None
    assert receiver.requests == []


async def test_a_connector_timeout_counts_as_a_failure(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    receiver.stall = 1.0
    await store.record(outbox=[reply()])
    done = await worker(store, frozen_clock, receiver, timeout=0.2).run_due(frozen_clock.now())
    assert done.failed == 1
    [item] = await store.outbox()
    assert item.last_error is not None and "0.2 seconds" in item.last_error
    assert delivery_state(item) is DeliveryState.RETRYING


async def test_a_refusal_waits_for_a_person_then_a_retry_delivers(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    receiver.statuses = [403]
    await store.record(outbox=[reply()])
    work = worker(store, frozen_clock, receiver)
    await work.run_due(frozen_clock.now())
    [item] = await store.outbox()
    assert delivery_state(item) is DeliveryState.FAILED
    assert "HTTP 403" in (item.last_error or "")
    await work.run_due(frozen_clock.advance(timedelta(days=1)))
    assert len(receiver.requests) == 1  # not retried by itself
    [notice] = await store.notifications_after(0)
    assert notice.kind == "delivery_failed" and "dutydesk outbox retry 1" in notice.body
    assert await store.retry_outbox(1)
    assert (await work.run_due(frozen_clock.now())).sent == 1


async def test_every_retry_used_gives_up_and_keeps_the_item(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    receiver.statuses = [503] * 20
    await store.record(outbox=[reply()])
    work = worker(store, frozen_clock, receiver)
    for _ in range(15):
        await work.run_due(frozen_clock.advance(timedelta(hours=2)))
    assert len(receiver.requests) == 10
    [item] = await store.outbox()
    assert delivery_state(item) is DeliveryState.FAILED and item.attempts == 10
    assert [n.kind for n in await store.notifications_after(0)] == ["delivery_retrying",
                                                                    "delivery_failed"]


async def test_an_account_without_a_connector_waits_and_says_so(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    await store.record(outbox=[reply(account="eastbourne-facebook"), reply(account="eastbourne-facebook")])
    work = worker(store, frozen_clock, receiver)
    await work.run_due(frozen_clock.now())
    await work.run_due(frozen_clock.advance(timedelta(minutes=1)))
    assert receiver.requests == []
    assert (await store.outbox_counts())["eastbourne-facebook"].no_connector == 2
    [notice] = await store.notifications_after(0)  # said once, not at every pass
    assert notice.kind == "delivery_no_connector" and notice.account == "eastbourne-facebook"
    assert await work.seconds_to_next() is None


async def test_the_engine_delivers_through_its_worker(
        store: SqliteStore, lewes_pack: PolicyPack, receiver: Receiver) -> None:
    from service.clock import SystemClock
    from service.engine import Engine

    clock = SystemClock()
    await store.record(outbox=[reply()])
    engine = Engine(store, lewes_pack, clock, "test:1", lease_ttl=2.0, heartbeat=0.5,
                    delivery=DeliveryWorker(store, clock, {LEWES_ACCOUNT: connector(receiver)}))
    await engine.start()
    try:
        for _ in range(100):
            if (await store.outbox_item(1)).sent_at is not None:
                break
            await asyncio.sleep(0.05)
        assert (await store.outbox_item(1)).sent_at is not None
        # Only this account has a connector: the engine's own notices elsewhere wait.
        assert {json.loads(r.body)["account"] for r in receiver.requests} == {LEWES_ACCOUNT}
        assert json.loads(receiver.requests[0].body)["id"] == 1
    finally:
        await engine.stop()


async def test_the_signature_uses_real_time_even_on_a_simulated_desk_clock(
        store: SqliteStore, frozen_clock: FixedClock, receiver: Receiver) -> None:
    import time

    await store.record(outbox=[reply()])
    settings = WebhookSettings(url=receiver.url, secret=SECRET)
    before = time.time()
    await DeliveryWorker(store, frozen_clock, {LEWES_ACCOUNT: WebhookConnector(settings)}).run_due(
        frozen_clock.now())
    [request] = receiver.requests
    assert before - 1 <= int(request.headers["X-Dutydesk-Timestamp"]) <= time.time() + 1
