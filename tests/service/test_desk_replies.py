"""Replies at the desk: drafts kept in the store per message and officer, a take-over by the
role breaches escalate to, and replies too long for their network refused before anything is
written."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.handling import HandlingError
from core.models import MessageState
from core.permissions import NotAuthorisedError
from service.desk import DeskError, DeskSession
from service.intake import prepare
from storage.memory import MemoryStore
from tests.service.conftest import MONDAY_10

DANIEL, LEAD, KATE = "dokafor", "tgreaves", "kmorgan"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_10)


async def one_message(pack, clock, make_message, **changes) -> MemoryStore:  # noqa: ANN001
    store = MemoryStore()
    await store.open()
    message = make_message(1, account="councils-linkedin", platform="linkedin", **changes)
    await store.add_messages([prepare(message, pack, clock.now())])
    return store


async def test_a_draft_is_kept_per_officer_and_dropped_when_sent(lewes_pack, clock, make_message) -> None:
    store = await one_message(lewes_pack, clock, make_message)
    daniel, lead = (DeskSession(store, lewes_pack, clock, who) for who in (DANIEL, LEAD))
    assert await daniel.saved_draft(1) is None
    await daniel.keep_draft(1, "Thanks, we are checking")
    assert await daniel.saved_draft(1) == "Thanks, we are checking"
    assert await lead.saved_draft(1) is None
    await daniel.reply(1, "Thanks, we are checking")
    assert await daniel.saved_draft(1) is None


async def test_a_refused_send_keeps_the_draft(lewes_pack, clock, make_message) -> None:
    store = await one_message(lewes_pack, clock, make_message)
    kate, daniel = (DeskSession(store, lewes_pack, clock, who) for who in (KATE, DANIEL))
    await kate.claim(1)
    await daniel.keep_draft(1, "my careful answer")
    with pytest.raises(DeskError, match="claimed by Kate Morgan"):
        await daniel.reply(1, "my careful answer")
    assert await daniel.saved_draft(1) == "my careful answer"


async def test_an_empty_draft_is_dropped(lewes_pack, clock, make_message) -> None:
    store = await one_message(lewes_pack, clock, make_message)
    daniel = DeskSession(store, lewes_pack, clock, DANIEL)
    await daniel.keep_draft(1, "something")
    await daniel.keep_draft(1, "  \n")
    assert await daniel.saved_draft(1) is None


async def test_the_lead_takes_over_a_claim_and_the_log_names_whose(lewes_pack, clock, make_message) -> None:
    store = await one_message(lewes_pack, clock, make_message)
    kate, daniel, lead = (DeskSession(store, lewes_pack, clock, who) for who in (KATE, DANIEL, LEAD))
    await kate.claim(1)
    assert not daniel.may_take_over(await store.get_message(1))
    with pytest.raises(NotAuthorisedError, match="may not take over"):
        await daniel.take_over(1)
    assert lead.may_take_over(await store.get_message(1))
    taken = await lead.take_over(1)
    assert (taken.state, taken.claimed_by) == (MessageState.CLAIMED, LEAD)
    last = (await store.actions(message_id=1))[-1]
    assert (last.verb, last.actor, last.detail) == ("take_over", LEAD, {"from": KATE})
    await lead.reply(1, "Sorted")


async def test_a_reply_too_long_for_its_network_is_refused_and_nothing_written(
        lewes_pack, clock, make_message) -> None:
    store = await one_message(lewes_pack, clock, make_message)
    daniel = DeskSession(store, lewes_pack, clock, DANIEL)
    with pytest.raises(HandlingError, match="too many"):
        await daniel.reply(1, "x" * 1300)  # LinkedIn takes 1,250
    assert await store.outbox() == []
    assert (await store.get_message(1)).state is MessageState.NEW
    check = daniel.reply_length(await store.get_message(1), "short")
    assert check.length == len(daniel.signed("short")) and not check.over
