"""Seeded emergencies for the dashboard's tests and snapshots, on the Tuesday 14:00 desk: three
scheduled posts, an emergency declared at 13:52 (frozen clock), a crisis update awaiting
approval, and, for the review queue, the emergency resolved at 13:58."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.clock import FixedClock
from service.desk import DeskSession
from service.emergency import CrisisDesk
from tests.tui.conftest import Desk
from tests.tui.seed import OPEN_AT

DECLARED_AT = OPEN_AT - timedelta(minutes=8)
RESPONDER, APPROVER, DECLARER = "rfletcher", "jharding", "tgreaves"


def crisis_at(desk: Desk, officer: str, at: datetime) -> CrisisDesk:
    return CrisisDesk(DeskSession(desk.store, desk.pack, FixedClock(at), officer))


async def schedule_posts(desk: Desk) -> dict[str, int]:
    """Three posts scheduled at 12:00 by the declarer, for this afternoon, tonight and tomorrow."""
    early = OPEN_AT - timedelta(hours=2)
    lead = crisis_at(desk, DECLARER, early)
    ids = {}
    for key, account, minutes, text in (
            ("bins", "eastbourne-x", 130, "Green bin collections run as normal this week."),
            ("market", "eastbourne-facebook", 200, "Come along to the Christmas market on Saturday!"),
            ("jobs", "councils-linkedin", 1440, "We're hiring: apprentices for 2027 [bold]apply[/]")):
        ids[key] = (await lead.schedule(account, text, early + timedelta(minutes=minutes))).id
    return ids


async def declare(desk: Desk, resolve: bool = False) -> dict[str, int]:
    """Posts, the declaration, a crisis update awaiting approval; optionally the resolution."""
    ids = await schedule_posts(desk)
    declarer = crisis_at(desk, DECLARER, DECLARED_AT)
    incident = await declarer.declare("Flooding in Eastbourne", "Sea wall breached at the seafront")
    ids["incident"] = incident.id
    responder = crisis_at(desk, RESPONDER, DECLARED_AT + timedelta(minutes=3))
    update = await responder.draft_crisis(
        "eastbourne-x", "Avoid the seafront between the pier and the Redoubt. Updates here.")
    ids["update"] = update.id
    if resolve:
        await crisis_at(desk, DECLARER, OPEN_AT - timedelta(minutes=2)).resolve("Water receding")
    return ids
