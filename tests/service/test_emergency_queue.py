"""The desk's queue in an emergency: messages about the incident rise above every other waiting
message but disclosures, from the declaration until it is resolved, on every officer's desk."""

from __future__ import annotations

from core.clock import FixedClock
from core.pack_files import load_pack
from service.desk import DeskSession
from service.emergency import CrisisDesk
from storage.base import Store
from tests.service.conftest import MONDAY_10
from tests.storage.helpers import new_message


async def queue_ids(session: DeskSession) -> list[str]:
    await CrisisDesk(session).refresh()  # what a desk does before it fetches its queue
    return [m.platform_id for m in await session.queue()]


async def test_emergency_related_messages_rise_while_an_emergency_is_declared(store: Store) -> None:
    pack, clock = load_pack("lewes-eastbourne"), FixedClock(MONDAY_10)
    await store.add_messages([
        new_message("soonest", account="lewes-x", received=MONDAY_10, due_in=5),
        new_message("flood", account="lewes-x", received=MONDAY_10, due_in=60,
                    labels=("emergency_related",)),
        new_message("disclosure", account="lewes-x", received=MONDAY_10, due_in=90,
                    labels=("safeguarding",)),
    ])
    officer = DeskSession(store, pack, clock, "kmorgan")
    assert await queue_ids(officer) == ["disclosure", "soonest", "flood"]

    lead = CrisisDesk(DeskSession(store, pack, clock, "tgreaves"))
    await lead.declare("Flood in Lewes", "the Ouse burst its banks")
    assert await queue_ids(officer) == ["disclosure", "flood", "soonest"]

    await lead.resolve("water receding")
    assert await queue_ids(officer) == ["disclosure", "soonest", "flood"]
