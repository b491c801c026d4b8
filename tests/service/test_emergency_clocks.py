"""The engine fires the warnings and breach of `emergency_related` messages on the emergency's
clock: the extended hours and the pack's tighter target while one is declared (from the
declaration, or from arrival for one arriving during it), the normal calendar and target,
from receipt, once it is resolved. Lewes & Eastbourne: 90 minutes normally (warnings 30 and 10
minutes before), 30 during an emergency (10 and 5 before), Monday 08:30-17:00."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from core.clock import FixedClock
from core.models import InboundMessage
from core.pack_files import load_pack
from service.desk import DeskSession
from service.emergency import CrisisDesk
from service.firing import fire_due
from service.intake import prepare
from storage.base import Store
from tests.service.conftest import MONDAY_10

PACK = load_pack("lewes-eastbourne")


def _min(n: float) -> datetime:
    return MONDAY_10 + timedelta(minutes=n)


@pytest.fixture(params=["memory_store", "sqlite_store"])
def any_store(request: pytest.FixtureRequest) -> Store:
    return request.getfixturevalue(request.param)


async def _arrive(store: Store, make_message: Callable[..., InboundMessage], n: int, at: datetime) -> int:
    inbound = make_message(n, labels=["emergency_related"], received_at=at.isoformat(),
                           text="Is the Ouse road closed by the flood?")
    [result] = await store.add_messages([prepare(inbound, PACK, at)])
    return result.message_id


async def _fired(store: Store, message_id: int) -> list[tuple[str, str]]:
    """(verb, event_at) of each warning and breach the engine fired for the message."""
    return [(a.verb, a.detail["event_at"]) for a in await store.actions(message_id)
            if a.actor == "engine"]


async def test_the_breach_fires_at_the_tightened_time_during_the_incident(
        any_store: Store, make_message: Callable[..., InboundMessage]) -> None:
    store, clock = any_store, FixedClock(MONDAY_10)
    message_id = await _arrive(store, make_message, 1, MONDAY_10)
    assert (await store.get_message(message_id)).due_at == _min(90)
    await CrisisDesk(DeskSession(store, PACK, clock, "tgreaves")).declare("Flood", "the Ouse burst")
    stored = await store.get_message(message_id)
    assert (stored.warning_1_at, stored.warning_2_at, stored.due_at) == (_min(20), _min(25), _min(30))
    assert await fire_due(store, PACK, _min(29)) == 2
    assert await fire_due(store, PACK, _min(30)) == 1
    assert await fire_due(store, PACK, _min(90)) == 0  # exactly once: not again at the normal time
    assert await _fired(store, message_id) == [
        ("warning_1", _min(20).isoformat()), ("warning_2", _min(25).isoformat()),
        ("breach", _min(30).isoformat())]


async def test_after_resolution_the_breach_fires_at_the_normal_time(
        any_store: Store, make_message: Callable[..., InboundMessage]) -> None:
    store, clock = any_store, FixedClock(MONDAY_10)
    message_id = await _arrive(store, make_message, 1, MONDAY_10)
    lead = CrisisDesk(DeskSession(store, PACK, clock, "tgreaves"))
    await lead.declare("Flood", "the Ouse burst")
    assert await fire_due(store, PACK, _min(20)) == 1  # the tightened first warning
    clock.advance(timedelta(minutes=22))
    await lead.resolve("water receding")
    stored = await store.get_message(message_id)
    assert (stored.warning_1_at, stored.warning_2_at, stored.due_at) == (_min(60), _min(80), _min(90))
    assert await fire_due(store, PACK, _min(59)) == 0  # nothing at the tightened 25 and 30
    assert await fire_due(store, PACK, _min(80)) == 1  # warning 1 fired already: only warning 2
    assert await fire_due(store, PACK, _min(90)) == 1
    assert await _fired(store, message_id) == [
        ("warning_1", _min(20).isoformat()), ("warning_2", _min(80).isoformat()),
        ("breach", _min(90).isoformat())]


async def test_a_message_arriving_during_the_incident_runs_on_the_emergency_clock(
        any_store: Store, make_message: Callable[..., InboundMessage]) -> None:
    store, clock = any_store, FixedClock(MONDAY_10)
    await CrisisDesk(DeskSession(store, PACK, clock, "tgreaves")).declare("Flood", "the Ouse burst")
    evening = MONDAY_10.replace(hour=18)  # closed normally; the extended hours run to 22:00
    message_id = await _arrive(store, make_message, 2, evening)
    assert (await store.get_message(message_id)).due_at == MONDAY_10 + timedelta(days=1)  # intake's
    assert await fire_due(store, PACK, evening) == 0  # the engine's run re-times it first
    assert (await store.get_message(message_id)).due_at == evening + timedelta(minutes=30)
    assert await store.next_event_at() == evening + timedelta(minutes=20)
    assert await fire_due(store, PACK, evening + timedelta(minutes=30)) == 3
    assert [verb for verb, _ in await _fired(store, message_id)] == ["warning_1", "warning_2", "breach"]
    assert (await _fired(store, message_id))[-1][1] == (evening + timedelta(minutes=30)).isoformat()
