"""The statutory-events part of the `Store` contract, on the in-memory fake and on SQLite:
scheduling from the scan mark (compare-and-set), pending and next in time order, firing at
most once and only while the message waits, setting aside the events of handled messages, and
everything kept across a reopen of the file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from core.models import Action, Author, InboundMessage, MessageKind, MessageState, Notification, Platform
from storage.base import NotFoundError, StateChange, Store
from storage.rows import NewMessage
from storage.sqlite import SqliteStore
from storage.statutory_base import StatutoryFiring, StatutoryRow
from tests.storage.helpers import T0

DAY = timedelta(days=1)


async def add(store: Store, n: int, labels: tuple[str, ...] = ("foi",)) -> int:
    inbound = InboundMessage(platform=Platform.X, platform_id=f"s{n}", account="lewes-x",
                             kind=MessageKind.COMMENT, text=f"request {n}", labels=labels,
                             author=Author(platform_id="a1", handle="@resident"), received_at=T0)
    [result] = await store.add_messages([NewMessage(inbound=inbound, ingested_at=T0, due_at=None,
                                                    warning_1_at=None, warning_2_at=None)])
    return result.message_id


def rows(mid: int, deadline: str = "FOI", start: int = 10) -> list[StatutoryRow]:
    return [StatutoryRow(mid, deadline, event, T0 + (start + 3 * event) * DAY) for event in (1, 2, 3)]


async def schedule_all(store: Store, make=rows) -> list[StatutoryRow]:
    found = await store.statutory_unscheduled()
    made = [r for m in found.messages for r in make(m.id)]
    assert await store.schedule_statutory(made, found.after, found.through)
    return made


def firing(row: StatutoryRow, verb: str = "statutory_warning_1") -> StatutoryFiring:
    action = Action(at=row.fires_at, actor="engine", verb=verb, message_id=row.message_id, account="lewes-x",
                    detail={"clock": "FOI response due in 5 days"})
    notice = Notification(at=row.fires_at, level="warning", kind=verb, title="FOI", message_id=row.message_id,
                          account="lewes-x")
    return StatutoryFiring(row, [action], [notice])


async def test_only_waiting_statutory_messages_past_the_mark_are_unscheduled(store: Store) -> None:
    foi, press, sar = await add(store, 1), await add(store, 2, ("press",)), await add(store, 3, ("sar", "abuse"))
    found = await store.statutory_unscheduled()
    assert [m.id for m in found.messages] == [foi, sar] and (found.after, found.through) == (0, sar)
    assert await store.schedule_statutory([], found.after, found.through)
    again = await store.statutory_unscheduled()
    assert again.messages == [] and again.after == again.through == sar
    later = await add(store, 4, ("complaint",))
    assert [m.id for m in (await store.statutory_unscheduled()).messages] == [later]
    assert press  # never a statutory message


async def test_the_scan_goes_a_limited_number_of_ids_at_a_time(store: Store) -> None:
    ids = [await add(store, n) for n in range(5)]
    found = await store.statutory_unscheduled(limit=2)
    assert [m.id for m in found.messages] == ids[:2] and found.through == ids[1]


async def test_scheduling_is_compare_and_set_on_the_mark(store: Store) -> None:
    mid = await add(store, 1)
    found = await store.statutory_unscheduled()
    assert await store.schedule_statutory(rows(mid), found.after, found.through)
    # A second engine that looked at the same mark stores nothing.
    assert not await store.schedule_statutory(rows(mid, "SAR"), found.after, found.through)
    assert [r.deadline for r, _ in await store.statutory_rows(mid)] == ["FOI"] * 3


async def test_pending_and_next_in_time_order(store: Store) -> None:
    a, b = await add(store, 1), await add(store, 2)
    await schedule_all(store, lambda mid: rows(mid, start=10 if mid == a else 5))
    assert await store.next_statutory_at() == T0 + 8 * DAY
    pending = await store.pending_statutory(T0 + 13 * DAY)
    assert [(m.id, r.event, r.fires_at) for m, r in pending] == [
        (b, 1, T0 + 8 * DAY), (b, 2, T0 + 11 * DAY), (a, 1, T0 + 13 * DAY)]
    assert len(await store.pending_statutory(T0 + 13 * DAY, limit=1)) == 1


async def test_an_event_fires_once_with_its_log_lines(store: Store) -> None:
    mid = await add(store, 1)
    first, *_ = await schedule_all(store)
    before = (await store.get_message(mid)).revision
    assert await store.fire_statutory([firing(first)], T0 + 13 * DAY) == [True]
    assert await store.fire_statutory([firing(first)], T0 + 13 * DAY) == [False]
    assert [a.verb for a in await store.actions(mid)] == ["statutory_warning_1"]
    assert [n.kind for n in await store.notifications_after(0)] == ["statutory_warning_1"]
    assert (await store.get_message(mid)).revision > before
    assert await store.next_statutory_at() == T0 + 16 * DAY
    fired = dict((r.event, at) for r, at in await store.statutory_rows(mid))
    assert fired == {1: T0 + 13 * DAY, 2: None, 3: None}


async def test_a_handled_message_fires_nothing_and_its_events_are_set_aside(store: Store) -> None:
    mid = await add(store, 1)
    first, second, _ = await schedule_all(store)
    await store.change_state(StateChange(message_id=mid, to_state=MessageState.RESPONDED, by="kmorgan",
                                         at=T0 + DAY, respond=True))
    assert await store.pending_statutory(T0 + 100 * DAY) == []
    assert await store.next_statutory_at() is None
    assert await store.fire_statutory([firing(first)], T0 + 13 * DAY) == [False]
    assert await store.actions(mid) == []
    assert await store.retire_statutory(T0 + 16 * DAY) == 2
    assert await store.retire_statutory(T0 + 16 * DAY) == 0
    # Reopened, only the event not set aside could still fire.
    await store.change_state(StateChange(message_id=mid, to_state=MessageState.NEW, by="kmorgan", at=T0 + 2 * DAY))
    assert [r.event for _, r in await store.pending_statutory(T0 + 100 * DAY)] == [3]
    assert second.event == 2


async def test_a_batch_with_a_missing_message_fires_nothing(store: Store) -> None:
    mid = await add(store, 1)
    first, second, _ = await schedule_all(store)
    bad = StatutoryFiring(StatutoryRow(999, "FOI", 1, T0), [Action(at=T0, actor="engine", verb="x", message_id=999)])
    with pytest.raises(NotFoundError):
        await store.fire_statutory([firing(first), bad], T0 + 13 * DAY)
    assert [r.event for _, r in await store.pending_statutory(T0 + 100 * DAY)] == [1, 2, 3]
    assert await store.actions(mid) == []
    assert second


async def test_statutory_events_survive_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    store = SqliteStore(path)
    await store.open()
    mid = await add(store, 1)
    first, *_ = await schedule_all(store)
    await store.fire_statutory([firing(first)], T0 + 13 * DAY)
    await store.close()
    store = SqliteStore(path)
    await store.open()
    try:
        assert (await store.statutory_unscheduled()).messages == []
        assert [r.event for _, r in await store.pending_statutory(T0 + 100 * DAY)] == [2, 3]
        assert await store.fire_statutory([firing(first)], T0 + 13 * DAY) == [False]
        assert [a.verb for a in await store.actions(mid)] == ["statutory_warning_1"]
    finally:
        await store.close()


async def test_an_older_file_schedules_its_waiting_requests_after_the_upgrade(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import migrations
    path = tmp_path / "desk.sqlite3"
    mine = next(i for i, m in enumerate(migrations.MIGRATIONS) if "statutory" in m.summary)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:mine])
    old = SqliteStore(path)
    await old.open()
    ids = [await add(old, 1), await add(old, 2, ("press",))]
    await old.close()
    monkeypatch.undo()
    store = SqliteStore(path)
    await store.open()
    try:
        found = await store.statutory_unscheduled()
        assert [m.id for m in found.messages] == ids[:1] and (found.after, found.through) == (0, ids[1])
    finally:
        await store.close()
