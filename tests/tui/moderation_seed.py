"""The seeded open desk with the warning ladder in use: one author in each standing (W1, W2,
block requested, blocked), their earlier strikes on Lewes accounts the duty officer does not
see (strikes count across every account of the council)."""

from __future__ import annotations

from datetime import timedelta

from core.clock import FixedClock
from core.models import Author, InboundMessage, Platform
from service.desk import DeskSession
from service.moderation import author_key
from storage.rows import NewMessage
from tests.tui.conftest import Desk, open_desk
from tests.tui.seed import OTHER_OFFICER

#: Seed key -> earlier strikes on the Lewes accounts, then whether the lead blocks.
LADDER = {"ontime": (0, False), "breached": (1, False), "hostile": (2, False), "warning1": (3, True)}
_LEWES = {Platform.X: "lewes-x", Platform.FACEBOOK: "lewes-facebook"}


async def ladder_desk() -> Desk:
    desk = await open_desk()
    lead = DeskSession(desk.store, desk.pack, FixedClock(desk.clock.now() - timedelta(hours=2)),
                       OTHER_OFFICER)
    category = desk.pack.moderation.categories
    for n, (key, (earlier, blocks)) in enumerate(LADDER.items()):
        message = await desk.store.get_message(desk.ids[key])
        for i in range(earlier):
            [result] = await desk.store.add_messages([_earlier(message, f"{key}-{i}", lead.clock.now())])
            await lead.moderation.mark_inappropriate(result.message_id, category[(n + i) % len(category)])
            lead.clock.advance(timedelta(minutes=7))
        if key != "warning1":
            await lead.moderation.mark_inappropriate(message.id, category[n % len(category)])
        if blocks:
            await lead.moderation.block(author_key(message), "persisted after two warnings (8.2)")
        lead.clock.advance(timedelta(minutes=3))
    return desk


def _earlier(message, platform_id: str, at) -> NewMessage:  # noqa: ANN001
    inbound = InboundMessage(
        platform=message.platform, platform_id=platform_id, account=_LEWES[message.platform],
        kind=message.kind, author=Author(platform_id=message.author.platform_id,
                                         handle=message.author.handle),
        text=f"an earlier inappropriate comment ({platform_id})", received_at=at)
    return NewMessage(inbound=inbound, ingested_at=at, due_at=None, warning_1_at=None,
                      warning_2_at=None)
