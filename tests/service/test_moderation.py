"""The ladder through an officer's desk session: refusals come from core whatever is called,
one strike per message, and the standing the desk's badges read."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import moderation as ladder
from core.clock import FixedClock
from core.moderation_models import AuthorState
from core.permissions import NotAuthorisedError
from service.desk import DeskSession
from service.intake import prepare
from service.moderation import author_key
from storage.memory import MemoryStore
from tests.service.conftest import MONDAY_10

KATE, DANIEL, RACHEL, LEAD = "kmorgan", "dokafor", "rfletcher", "tgreaves"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_10)


@pytest.fixture
async def desk(lewes_pack, clock, make_message):  # noqa: ANN001, ANN201
    """A store with three messages from one poster (@persistent) and one from another."""
    store = MemoryStore()
    await store.open()
    poster = {"platform_id": "p1", "handle": "@persistent", "display_name": "P"}
    messages = [make_message(n, author=poster) for n in (1, 2, 3)] + [make_message(4)]
    await store.add_messages([prepare(m, lewes_pack, clock.now()) for m in messages])
    yield store
    await store.close()


async def _three_strikes(session: DeskSession, clock: FixedClock) -> None:
    category = session.moderation.categories[0]
    for n in (1, 2, 3):
        await session.moderation.mark_inappropriate(n, category)
        clock.advance(timedelta(minutes=5))


async def test_a_duty_officers_session_cannot_block_even_calling_it_directly(lewes_pack, clock, desk) -> None:
    kate = DeskSession(desk, lewes_pack, clock, KATE)
    await _three_strikes(kate, clock)
    key = author_key(await desk.get_message(1))
    assert (await desk.author_record(key)).state is AuthorState.BLOCK_REQUESTED
    for attempt in (kate.moderation.block, kate.moderation.unblock):
        with pytest.raises(NotAuthorisedError, match="only the Customer Communications and Engagement Lead"):
            await attempt(key, "persistent")
    # Around the session too: core refuses the same officer whatever calls it.
    record = await desk.author_record(key)
    with pytest.raises(NotAuthorisedError, match="may not block"):
        ladder.block(lewes_pack, kate.officer, record, clock.now(), "persistent")
    with pytest.raises(NotAuthorisedError):
        await desk.change_author(key, lambda r: ladder.block(lewes_pack, kate.officer, r, clock.now(), "x"))
    assert (await desk.author_record(key)).state is AuthorState.BLOCK_REQUESTED
    assert kate.moderation.may_block is False


async def test_the_lead_sees_the_request_and_blocks(lewes_pack, clock, desk) -> None:
    kate, lead = DeskSession(desk, lewes_pack, clock, KATE), DeskSession(desk, lewes_pack, clock, LEAD)
    await _three_strikes(kate, clock)
    requests = [n for n in await desk.notifications_after(0) if n.kind == "block_request"]
    assert [n.role for n in requests] == ["engagement_lead"]
    key = author_key(await desk.get_message(1))
    change = await lead.moderation.block(key, "three inappropriate comments after two warnings")
    assert change.status.state is AuthorState.BLOCKED and lead.moderation.may_block
    [(record, standing)] = [(r, s) for r, s in await lead.moderation.authors() if r.key == key]
    assert standing.badge == "BLOCKED" and len(record.strikes) == 3
    history = await lead.moderation.history(key)
    assert [e.action for e in history] == ["marked", "marked", "marked", "blocked"]


async def test_two_officers_marking_one_message_make_one_strike(lewes_pack, clock, desk) -> None:
    kate, rachel = DeskSession(desk, lewes_pack, clock, KATE), DeskSession(desk, lewes_pack, clock, RACHEL)
    category = lewes_pack.moderation.categories[1]
    first = await kate.moderation.mark_inappropriate(1, category)
    second = await rachel.moderation.mark_inappropriate(1, category)
    assert (first.made, second.made) == (True, False) and second.strike.by == KATE
    assert [o.kind for o in await desk.outbox()] == [ladder.PRIVATE_WARNING]


async def test_marking_is_refused_before_the_store_is_touched(lewes_pack, clock, desk) -> None:
    daniel = DeskSession(desk, lewes_pack, clock, DANIEL)  # not on lewes-x
    with pytest.raises(NotAuthorisedError, match="not authorised for the account 'lewes-x'"):
        await daniel.moderation.mark_inappropriate(1, lewes_pack.moderation.categories[0])
    assert await desk.moderated_authors() == [] and await desk.outbox() == []


async def test_the_queue_fetch_brings_each_rows_author_standing(lewes_pack, clock, desk) -> None:
    kate = DeskSession(desk, lewes_pack, clock, KATE)
    await kate.moderation.mark_inappropriate(1, lewes_pack.moderation.categories[0])
    other = DeskSession(desk, lewes_pack, clock, RACHEL)
    rows = await other.queue()
    badges = {m.id: (s.badge if (s := other.moderation.standing_of(m)) else "") for m in rows}
    assert badges == {1: "W1", 2: "W1", 3: "W1", 4: ""}


async def test_history_withholds_content_the_officer_may_not_read(make_message) -> None:
    """Leighton-Linslade 12.1: editors do not see direct messages; the moderation log must not
    show them the content of one an administrator marked."""
    from core.pack_files import load_pack

    pack = load_pack("leighton-linslade")
    clock = FixedClock(MONDAY_10)
    store = MemoryStore()
    await store.open()
    poster = {"platform_id": "p1", "handle": "@persistent"}
    lines = [make_message(1, account="lltc-x", kind="dm", author=poster, text="a private insult"),
             make_message(2, account="lltc-x", author=poster, text="a public insult")]
    await store.add_messages([prepare(m, pack, clock.now()) for m in lines])
    admin, editor = DeskSession(store, pack, clock, "nshaw"), DeskSession(store, pack, clock, "cmason")
    for n in (1, 2):
        await admin.moderation.mark_inappropriate(n, pack.moderation.categories[0])
    key = author_key(await store.get_message(1))
    assert [e.content for e in await admin.moderation.history(key)] == ["a private insult", "a public insult"]
    assert [e.content for e in await editor.moderation.history(key)] == [ladder.WITHHELD, "a public insult"]
