"""The demo: whatever pack is chosen, `make run` shows a working desk with every countdown
state on screen at once, and the live feed only makes messages the pack can take."""

from __future__ import annotations

import random
from datetime import date

import pytest

from core.clock import FixedClock
from core.models import Message
from core.pack_files import load_pack, shipped_pack_names
from core.sla import Phase, countdown, deadlines
from service.demo import DemoFeed, backlog, demo_start
from service.intake import prepare

RUNNING = {Phase.ON_TIME, Phase.WARNING_1, Phase.WARNING_2, Phase.BREACHED}


def phases_at_start(pack_name: str, today: date) -> set[Phase]:
    pack = load_pack(pack_name)
    start = demo_start(pack, today)
    phases = set()
    for i, inbound in enumerate(backlog(pack, start, random.Random(7))):
        new = prepare(inbound, pack, inbound.received_at)
        message = Message(**inbound.model_dump(), id=i + 1, ingested_at=new.ingested_at, due_at=new.due_at,
                          warning_1_at=new.warning_1_at, warning_2_at=new.warning_2_at)
        phases.add(countdown(message, pack.hours_for(inbound.account), start).phase)
    return phases


@pytest.mark.parametrize("pack_name", shipped_pack_names())
@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2026, 12, 27), date(2027, 3, 29)])
def test_every_running_phase_is_in_the_backlog(pack_name: str, today: date) -> None:
    # A Saturday, the Christmas closure (bank holidays and closed dates), Easter Monday 2027.
    assert RUNNING <= phases_at_start(pack_name, today)


def test_lewes_shows_a_paused_account_beside_the_open_ones() -> None:
    # The default pack: the Tourism profile keeps morning hours, so at 14:20 it is closed.
    assert RUNNING | {Phase.PAUSED} <= phases_at_start("lewes-eastbourne", date(2026, 11, 21))


@pytest.mark.parametrize("pack_name", shipped_pack_names())
def test_the_start_is_an_open_working_afternoon(pack_name: str) -> None:
    pack = load_pack(pack_name)
    start = demo_start(pack, date(2026, 12, 27))
    hours = pack.hours_for(pack.accounts[0].id)
    assert hours.is_open(start) and start.astimezone(hours.zone).hour == 14
    assert start.astimezone(hours.zone).date() <= date(2026, 12, 27)


@pytest.mark.parametrize("pack_name", shipped_pack_names())
def test_the_live_feed_makes_messages_the_pack_accepts(pack_name: str) -> None:
    pack = load_pack(pack_name)
    clock = FixedClock(demo_start(pack, date(2026, 11, 21)))
    feed = DemoFeed(pack, clock, submit=None, seed=3)  # type: ignore[arg-type] - never started
    ids = set()
    for _ in range(200):
        message = feed.next_message()
        assert deadlines(message.received_at, pack.hours_for(message.account), pack.first_response).due_at
        ids.add((message.platform, message.platform_id))
    assert len(ids) == 200  # unique: a repeat would be dropped as a duplicate
