"""The engine fires the statutory clocks' warnings and lateness (service.statutory_firing):
each once, at its instant on the account's calendar, never paused for opening hours; recorded in
the message's history in words citing the rule; not for a message already dealt with; once
across a restart and with two engines on one file; missed ones told in the catch-up notice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.clock import FixedClock
from core.models import Author, InboundMessage, MessageKind, MessageState, NotificationLevel, Platform
from core.policy import PolicyPack
from service.engine import Engine
from service.firing import MISSED_KIND, fire_due
from service.publishing import next_work_at
from storage.base import StateChange, Store
from storage.memory import MemoryStore
from storage.rows import NewMessage
from storage.sqlite import SqliteStore

LONDON = ZoneInfo("Europe/London")
STATUTORY_VERBS = ("statutory_warning_1", "statutory_warning_2", "statutory_late")
# An FOI request on Wed 16 Dec 2026, 10:00: due Mon 18 Jan 2027 (Christmas and New Year's Day
# do not count); warned from the start of 13 and 16 January, late from 19 January.
RECEIVED = datetime(2026, 12, 16, 10, tzinfo=LONDON)
WARNING_1 = datetime(2027, 1, 13, tzinfo=LONDON)
WARNING_2 = datetime(2027, 1, 16, tzinfo=LONDON)
LATE = datetime(2027, 1, 19, tzinfo=LONDON)
SECOND = timedelta(seconds=1)


@pytest.fixture(params=["memory", "sqlite"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    opened: Store = MemoryStore() if request.param == "memory" else SqliteStore(tmp_path / "desk.sqlite3")
    await opened.open()
    yield opened
    await opened.close()


async def add(store: Store, n: int = 1, labels: tuple[str, ...] = ("foi",), received: datetime = RECEIVED,
              account: str = "lewes-x") -> int:
    inbound = InboundMessage(platform=Platform.X, platform_id=f"foi{n}", account=account,
                             kind=MessageKind.MENTION, text=f"Under the FOI Act please send request {n}",
                             labels=labels, author=Author(platform_id=f"a{n}", handle="@resident"),
                             received_at=received)
    [result] = await store.add_messages([NewMessage(inbound=inbound, ingested_at=received, due_at=None,
                                                    warning_1_at=None, warning_2_at=None)])
    return result.message_id


async def statutory_actions(store: Store, message_id: int | None = None) -> list[tuple[int | None, str, str]]:
    return [(a.message_id, a.verb, a.detail["clock"]) for a in await store.actions(message_id, limit=10_000)
            if a.verb in STATUTORY_VERBS]


async def test_each_warning_and_the_lateness_fire_once_at_their_instant(store: Store, lewes_pack: PolicyPack) -> None:
    mid = await add(store)
    await fire_due(store, lewes_pack, WARNING_1 - SECOND)
    assert await statutory_actions(store) == []
    assert await next_work_at(store) == WARNING_1
    for at in (WARNING_1, WARNING_1 + SECOND, WARNING_2, LATE, LATE + timedelta(days=3)):
        await fire_due(store, lewes_pack, at)
    assert await statutory_actions(store, mid) == [
        (mid, "statutory_warning_1", "FOI response due in 5 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
        (mid, "statutory_warning_2", "FOI response due in 2 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
        (mid, "statutory_late", "FOI response is late: it was due by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"),
    ]
    notices = await store.notifications_after(0)
    assert [(n.kind, n.level, n.role) for n in notices] == [
        ("statutory_warning_1", NotificationLevel.WARNING, None),
        ("statutory_warning_2", NotificationLevel.WARNING, None),
        ("statutory_late", NotificationLevel.ERROR, lewes_pack.first_response.escalate_to)]
    assert notices[0].title == ("FOI response due in 5 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10): "
                                "@resident on X")
    assert await next_work_at(store) is None


async def test_the_clock_never_pauses_for_opening_hours(store: Store, lewes_pack: PolicyPack) -> None:
    # A complaint on Mon 21 Dec 2026: its acknowledgement (Wed 30 Dec) is first warned at the
    # start of Christmas Day, when every desk is closed.
    mid = await add(store, labels=("complaint",), received=datetime(2026, 12, 21, 11, tzinfo=LONDON))
    christmas = datetime(2026, 12, 25, tzinfo=LONDON)
    assert not lewes_pack.hours_for("lewes-x").is_open(christmas)
    await fire_due(store, lewes_pack, christmas)
    assert await statutory_actions(store, mid) == [
        (mid, "statutory_warning_1", "Complaint acknowledgement due in 5 days, by Wed 30 Dec 2026 "
                                     "(5 working days, the pack's stages)")]


async def test_a_sar_on_31_january_is_late_from_1_march(store: Store, lewes_pack: PolicyPack) -> None:
    mid = await add(store, labels=("sar",), received=datetime(2027, 1, 31, 15, tzinfo=LONDON))
    await fire_due(store, lewes_pack, datetime(2027, 2, 28, 23, 59, tzinfo=LONDON))
    assert [verb for _, verb, _ in await statutory_actions(store, mid)] == ["statutory_warning_1",
                                                                            "statutory_warning_2"]
    await fire_due(store, lewes_pack, datetime(2027, 3, 1, tzinfo=LONDON))
    assert (await statutory_actions(store, mid))[-1][1:] == (
        "statutory_late", "Subject access response is late: it was due by Sun 28 Feb 2027 (one month, UK GDPR Art. 12(3))")


@pytest.mark.parametrize("state", [MessageState.RESPONDED, MessageState.CLOSED])
async def test_a_message_dealt_with_stops_firing(store: Store, lewes_pack: PolicyPack, state: MessageState) -> None:
    handled, waiting = await add(store, 1), await add(store, 2)
    await fire_due(store, lewes_pack, WARNING_1)
    await store.change_state(StateChange(message_id=handled, to_state=state, by="kmorgan",
                                         at=WARNING_1 + SECOND, respond=state is MessageState.RESPONDED))
    await fire_due(store, lewes_pack, LATE + timedelta(days=10))
    assert [verb for _, verb, _ in await statutory_actions(store, handled)] == ["statutory_warning_1"]
    assert len(await statutory_actions(store, waiting)) == 3


async def test_a_message_dealt_with_before_the_engine_looks_is_never_scheduled(store: Store,
                                                                                lewes_pack: PolicyPack) -> None:
    mid = await add(store)
    await store.change_state(StateChange(message_id=mid, to_state=MessageState.CLOSED, by="kmorgan", at=RECEIVED))
    await fire_due(store, lewes_pack, LATE + timedelta(days=10))
    assert await statutory_actions(store) == []
    assert await store.statutory_rows(mid) == []


async def test_only_statutory_labels_and_known_accounts_start_a_clock(store: Store, lewes_pack: PolicyPack) -> None:
    await add(store, 1, labels=("press",))
    await add(store, 2, account="nowhere-x")
    await fire_due(store, lewes_pack, LATE + timedelta(days=10))
    assert await statutory_actions(store) == []


async def test_missed_ones_fire_quietly_and_are_told_in_one_notice(store: Store, lewes_pack: PolicyPack) -> None:
    ids = [await add(store, n) for n in range(3)]
    fired = await fire_due(store, lewes_pack, LATE + timedelta(hours=1))
    assert fired == 9
    assert len(await statutory_actions(store)) == 9
    notices = await store.notifications_after(0)
    assert [(n.kind, n.title) for n in notices] == [
        (MISSED_KIND, "Statutory clocks: 6 warnings, 3 late fired while no engine ran")]
    assert notices[0].role == lewes_pack.first_response.escalate_to
    # Each in its history, saying where it stood when it fired.
    assert [words for _, _, words in await statutory_actions(store, ids[0])] == [
        "FOI response was due by Mon 18 Jan 2027 (20 working days, FOI Act s.10): its first warning, fired late",
        "FOI response was due by Mon 18 Jan 2027 (20 working days, FOI Act s.10): its second warning, fired late",
        "FOI response is late: it was due by Mon 18 Jan 2027 (20 working days, FOI Act s.10)"]


async def test_once_across_a_restart(tmp_path: Path, lewes_pack: PolicyPack) -> None:
    path = tmp_path / "desk.sqlite3"
    first = SqliteStore(path)
    await first.open()
    mid = await add(first)
    engine = Engine(first, lewes_pack, FixedClock(WARNING_1), holder="first")
    await engine.start()
    await engine.stop()
    await first.close()
    again = SqliteStore(path)
    await again.open()
    try:
        engine = Engine(again, lewes_pack, FixedClock(WARNING_1 + timedelta(hours=2)), holder="again")
        await engine.start()
        await engine.stop()
        assert [verb for _, verb, _ in await statutory_actions(again, mid)] == ["statutory_warning_1"]
        engine = Engine(again, lewes_pack, FixedClock(WARNING_2), holder="later")
        await engine.start()
        await engine.stop()
        assert [verb for _, verb, _ in await statutory_actions(again, mid)] == ["statutory_warning_1",
                                                                                "statutory_warning_2"]
    finally:
        await again.close()


async def test_two_engines_on_one_file_fire_each_once(tmp_path: Path, lewes_pack: PolicyPack) -> None:
    stores = [SqliteStore(tmp_path / "desk.sqlite3") for _ in range(2)]
    for s in stores:
        await s.open()
    try:
        count = 30
        for n in range(count):
            await add(stores[0], n, labels=("foi", "sar"))
        engines = [Engine(s, lewes_pack, FixedClock(RECEIVED), holder=f"e{i}") for i, s in enumerate(stores)]
        for at in (WARNING_1, WARNING_2, LATE):  # FOI's instants; the SAR's fall before them
            await asyncio.gather(*(e.run_due(at) for e in engines), *(e.run_due(at) for e in engines))
        fired = await statutory_actions(stores[1])
        assert len(fired) == len(set(fired)) == 2 * 3 * count
    finally:
        for s in stores:
            await s.close()
