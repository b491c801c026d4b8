"""Contract tests of the outbox's delivery side: both stores, real SQLite on a temp file."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.delivery import DeliveryState, delivery_state
from core.models import OutboxItem
from storage.base import NotFoundError, Store
from storage.outbox import HoldFilter, OutboxCounts
from storage.sqlite import SqliteStore
from tests.storage.helpers import T0, action, minutes, new_message, notification, outbox_item


async def _items(store: Store, *items: OutboxItem) -> list[int]:
    await store.record(outbox=items)
    return [o.id for o in await store.outbox(unsent_only=False)]  # type: ignore[misc]


def _post(text: str, account: str = "main", kind: str = "post") -> OutboxItem:
    return OutboxItem(created_at=T0, account=account, kind=kind, text=text, created_by="officer-a")


async def test_new_items_are_queued_and_due_at_once(store: Store) -> None:
    await _items(store, outbox_item("one"), outbox_item("two"))
    due = await store.due_deliveries(T0)
    assert [o.text for o in due] == ["one", "two"]
    assert all(delivery_state(o) is DeliveryState.QUEUED for o in due)
    assert await store.next_delivery_at() == T0


async def test_begin_counts_the_attempt_and_pushes_the_next_try(store: Store) -> None:
    [item_id] = await _items(store, outbox_item("one"))
    started = await store.begin_delivery(item_id, T0, T0 + minutes(1))
    assert started is not None and started.attempts == 1
    assert started.next_attempt_at == T0 + minutes(1)
    # Not due again until the backoff runs out: a crash now retries later, not at once.
    assert await store.due_deliveries(T0) == []
    assert await store.begin_delivery(item_id, T0, T0 + minutes(1)) is None
    assert [o.id for o in await store.due_deliveries(T0 + minutes(1))] == [item_id]
    assert await store.next_delivery_at() == T0 + minutes(1)


async def test_a_failure_keeps_the_item_with_its_error_and_notice(store: Store) -> None:
    [result] = await store.add_messages([new_message("m1")])
    await store.record(outbox=[outbox_item("hi", in_reply_to=result.message_id)])
    [item] = await store.outbox()
    await store.begin_delivery(item.id, T0, T0 + minutes(1))  # type: ignore[arg-type]
    note = notification("delivery_retrying", result.message_id)
    assert await store.delivery_failed(item.id, "HTTP 500\n  oops", T0, T0 + minutes(2), [note])  # type: ignore[arg-type]
    after = await store.outbox_item(item.id)  # type: ignore[arg-type]
    assert (after.last_error, after.next_attempt_at, after.failed_at) == ("HTTP 500 oops", T0 + minutes(2), None)
    assert delivery_state(after) is DeliveryState.RETRYING
    assert [n.kind for n in await store.notifications_after(0)] == ["delivery_retrying"]


async def test_giving_up_waits_for_a_person_and_retry_brings_it_back(store: Store) -> None:
    [item_id] = await _items(store, outbox_item("one"))
    await store.begin_delivery(item_id, T0, T0 + minutes(1))
    await store.delivery_failed(item_id, "HTTP 404", T0, None)
    failed = await store.outbox_item(item_id)
    assert delivery_state(failed) is DeliveryState.FAILED and failed.failed_at == T0
    assert await store.due_deliveries(T0 + minutes(600)) == []
    assert await store.next_delivery_at() is None
    assert await store.outbox_counts() == {"main": OutboxCounts(account="main", failed=1)}
    assert await store.retry_outbox(item_id, [action("outbox_retried")]) is True
    assert [a.verb for a in await store.actions()] == ["outbox_retried"]
    again = await store.outbox_item(item_id)
    assert (again.failed_at, again.attempts, again.next_attempt_at) == (None, 0, None)
    assert again.last_error == "HTTP 404"  # kept until the next outcome
    assert [o.id for o in await store.due_deliveries(T0)] == [item_id]


async def test_a_sent_item_is_never_begun_failed_or_retried(store: Store) -> None:
    [item_id] = await _items(store, outbox_item("one"))
    await store.begin_delivery(item_id, T0, T0 + minutes(1))
    assert await store.mark_outbox_sent(item_id, T0) is True
    assert await store.begin_delivery(item_id, T0 + minutes(5), T0 + minutes(6)) is None
    assert await store.delivery_failed(item_id, "late", T0, None) is False
    assert await store.retry_outbox(item_id, [action("outbox_retried")]) is False
    assert await store.actions() == []  # nothing recorded for a refused retry
    assert (await store.outbox_item(item_id)).failed_at is None
    assert await store.outbox_counts() == {}


async def test_held_items_are_never_begun_until_released(store: Store) -> None:
    ids = await _items(store, _post("a"), _post("b", account="other"), _post("c", kind="reply"))
    held = await store.hold_outbox("emergency freeze", HoldFilter(kinds=("post",)))
    assert held == ids[:2]
    assert [o.id for o in await store.due_deliveries(T0)] == [ids[2]]
    for item_id in held:
        assert await store.begin_delivery(item_id, T0, T0 + minutes(1)) is None
    assert await store.retry_outbox(held[0]) is False
    item = await store.outbox_item(held[0])
    assert (item.held, item.hold_reason, delivery_state(item)) == (True, "emergency freeze", DeliveryState.HELD)
    assert await store.hold_outbox("again") == [ids[2]]  # only those not held yet
    assert await store.release_outbox([held[0], 999]) == [held[0]]
    assert [o.id for o in await store.due_deliveries(T0)] == [held[0]]
    assert (await store.outbox_item(held[0])).hold_reason is None


async def test_an_item_stored_held_is_held(store: Store) -> None:
    held = _post("frozen").model_copy(update={"held": True, "hold_reason": "freeze"})
    [item_id] = await _items(store, held)
    assert await store.due_deliveries(T0) == []
    assert await store.begin_delivery(item_id, T0, T0 + minutes(1)) is None
    assert await store.outbox_counts() == {"main": OutboxCounts(account="main", held=1)}


async def test_hold_filters_by_account_and_ids(store: Store) -> None:
    ids = await _items(store, _post("a"), _post("b", account="other"), _post("c"))
    assert await store.hold_outbox("x", HoldFilter(accounts=("other",))) == [ids[1]]
    assert await store.hold_outbox("x", HoldFilter(item_ids=(ids[2],))) == [ids[2]]


async def test_routing_flags_accounts_without_a_connector(store: Store) -> None:
    ids = await _items(store, _post("a"), _post("b", account="other"), _post("c", account="other"))
    assert await store.route_outbox({"main"}) == {"other": 2}
    assert await store.route_outbox({"main"}) == {}  # flagged once
    assert [o.id for o in await store.due_deliveries(T0)] == [ids[0]]
    counts = await store.outbox_counts()
    assert counts["other"] == OutboxCounts(account="other", no_connector=2)
    assert counts["other"].problems == 2
    assert await store.route_outbox({"main", "other"}) == {}
    assert [o.id for o in await store.due_deliveries(T0)] == ids


async def test_counts_by_state(store: Store) -> None:
    ids = await _items(store, _post("q"), _post("r"), _post("h"), _post("f"), _post("s"))
    await store.begin_delivery(ids[1], T0, T0 + minutes(1))
    await store.hold_outbox("freeze", HoldFilter(item_ids=(ids[2],)))
    await store.begin_delivery(ids[3], T0, T0 + minutes(1))
    await store.delivery_failed(ids[3], "no", T0, None)
    await store.mark_outbox_sent(ids[4], T0)
    assert await store.outbox_counts() == {
        "main": OutboxCounts(account="main", queued=1, retrying=1, held=1, failed=1)}


async def test_store_id_is_stable_and_missing_items_are_named(store: Store) -> None:
    first = await store.store_id()
    assert first and await store.store_id() == first
    with pytest.raises(NotFoundError, match="no outbox item with id 7"):
        await store.outbox_item(7)
    with pytest.raises(NotFoundError):
        await store.retry_outbox(7)


async def test_sqlite_store_id_survives_reopening_and_differs_between_files(tmp_path: Path) -> None:
    ids = []
    for name in ("a.sqlite3", "a.sqlite3", "b.sqlite3"):
        store = SqliteStore(tmp_path / name)
        await store.open()
        ids.append(await store.store_id())
        await store.close()
    assert ids[0] == ids[1] != ids[2]


async def test_sqlite_round_trips_every_delivery_field(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "desk.sqlite3")
    await store.open()
    try:
        item = _post("x").model_copy(update={
            "held": True, "hold_reason": "r", "attempts": 3, "next_attempt_at": T0,
            "last_error": "e", "failed_at": T0, "no_connector": True})
        await store.record(outbox=[item])
        assert await store.outbox_item(1) == item.model_copy(update={"id": 1})
    finally:
        await store.close()


async def test_a_version_3_outbox_is_upgraded_queued_with_an_identity(tmp_path: Path) -> None:
    import sqlite3

    from storage.migrations import MIGRATIONS, migrate

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, MIGRATIONS[:3])
    conn.execute("INSERT INTO outbox (created_at, account, kind, text, created_by) "
                 "VALUES (0, 'main', 'reply', 'kept', 'officer-a')")
    conn.close()
    store = SqliteStore(path)
    await store.open()
    try:
        [item] = await store.outbox()
        assert (item.text, item.attempts, item.held, item.failed_at) == ("kept", 0, False, None)
        assert delivery_state(item) is DeliveryState.QUEUED
        assert len(await store.store_id()) == 32
    finally:
        await store.close()
