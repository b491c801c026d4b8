"""The officer's desk session: every action checked in core, logged with the officer's id, and
refused plainly when it cannot happen (nothing changes then)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.clock import FixedClock
from core.handling import CloseReason, HandlingError
from core.models import MessageKind, MessageState
from core.permissions import NotAuthorisedError, UnknownOfficerError
from core.pack_files import load_pack
from core.sla import Phase
from service.desk import RECENTLY_HANDLED, DeskError, DeskSession
from service.intake import prepare
from storage.memory import MemoryStore
from tests.service.conftest import MONDAY_10

# kmorgan and dokafor are duty officers on different accounts; lewes-facebook is shared by none
# of dokafor's, councils-linkedin by both.
KATE, DANIEL, LEAD = "kmorgan", "dokafor", "tgreaves"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_10)


async def store_with(pack, clock, *inbound) -> MemoryStore:  # noqa: ANN001
    store = MemoryStore()
    await store.open()
    await store.add_messages([prepare(m, pack, clock.now()) for m in inbound])
    return store


async def test_someone_not_on_the_register_is_refused(lewes_pack, clock) -> None:
    with pytest.raises(UnknownOfficerError, match="not on the register"):
        DeskSession(MemoryStore(), lewes_pack, clock, "root")


async def test_claim_race_second_officer_gets_claimed_by_name(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, make_message(1, account="councils-linkedin",
                                                             platform="linkedin"))
    kate, daniel = (DeskSession(store, lewes_pack, clock, who) for who in (KATE, DANIEL))
    await kate.claim(1)
    with pytest.raises(DeskError, match="claimed by Kate Morgan"):
        await daniel.claim(1)
    message = await store.get_message(1)
    assert (message.state, message.claimed_by) == (MessageState.CLAIMED, KATE)
    assert [(a.actor, a.verb) for a in await store.actions(message_id=1)] == [(KATE, "claim")]


async def test_reply_is_signed_queued_and_stops_the_clock(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, make_message(1))
    kate = DeskSession(store, lewes_pack, clock, KATE)
    clock.advance(timedelta(minutes=12))
    answered = await kate.reply(1, "Thanks, the crew will be back tomorrow.")
    assert answered.state == MessageState.RESPONDED and answered.responded_at == clock.now()
    assert kate.countdown(answered, clock.now()).phase == Phase.ANSWERED
    [sent] = await store.outbox()
    assert sent.text.startswith("Thanks, the crew will be back tomorrow.")
    assert "Kate Morgan" in sent.text and sent.in_reply_to == 1 and sent.created_by == KATE
    [action] = await store.actions(message_id=1)
    assert (action.actor, action.verb, action.detail["text"]) == (KATE, "reply", sent.text)


async def test_an_empty_reply_is_refused_and_nothing_changes(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, make_message(1))
    with pytest.raises(HandlingError, match="empty"):
        await DeskSession(store, lewes_pack, clock, KATE).reply(1, "   ")
    assert (await store.get_message(1)).state == MessageState.NEW
    assert await store.outbox() == [] and await store.actions() == []


async def test_close_records_the_reason(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, make_message(1))
    closed = await DeskSession(store, lewes_pack, clock, KATE).close(1, CloseReason.PROVOCATION)
    assert closed.state == MessageState.CLOSED
    [action] = await store.actions(message_id=1)
    assert action.detail == {"reason": "provocation", "reason_text": "No reply needed: meant to provoke"}


async def test_a_referral_keeps_the_first_response_clock_running(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, make_message(1))
    kate = DeskSession(store, lewes_pack, clock, KATE)
    referred = await kate.refer(1, "Waste team", "Missed collection, third time")
    assert referred.state == MessageState.REFERRED and referred.responded_at is None
    clock.advance(timedelta(minutes=95))
    assert kate.countdown(referred, clock.now()).phase == Phase.BREACHED
    assert (await store.actions(message_id=1))[0].detail == {"to": "Waste team",
                                                            "note": "Missed collection, third time"}


async def test_a_message_answered_by_one_cannot_be_closed_by_another(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, make_message(1, account="councils-linkedin",
                                                             platform="linkedin"))
    await DeskSession(store, lewes_pack, clock, KATE).reply(1, "Done")
    with pytest.raises(DeskError, match="already answered by Kate Morgan"):
        await DeskSession(store, lewes_pack, clock, DANIEL).close(1, CloseReason.REPEAT)


async def test_an_officer_cannot_act_on_an_account_not_theirs(lewes_pack, clock, make_message) -> None:
    # lewes-x is Kate's, not Daniel's (the register's accounts, policy 3.2).
    store = await store_with(lewes_pack, clock, make_message(1))
    daniel = DeskSession(store, lewes_pack, clock, DANIEL)
    with pytest.raises(NotAuthorisedError, match="not authorised for the account 'lewes-x'"):
        await daniel.claim(1)
    assert await daniel.queue() == []


async def test_the_queue_shows_recently_handled_after_the_waiting(lewes_pack, clock, make_message) -> None:
    store = await store_with(lewes_pack, clock, *(make_message(n) for n in (1, 2, 3)))
    kate = DeskSession(store, lewes_pack, clock, KATE)
    await kate.reply(1, "Answered")
    assert [m.id for m in await kate.queue()] == [2, 3, 1]
    clock.advance(RECENTLY_HANDLED + timedelta(seconds=1))
    assert [m.id for m in await kate.queue()] == [2, 3]


async def test_an_editor_without_direct_message_access_neither_sees_nor_acts_on_them(clock) -> None:
    # Leighton-Linslade 12.1: access to direct messages is restricted (editors have none).
    pack = load_pack("leighton-linslade")
    from core.models import Author, InboundMessage

    def message(n: int, kind: MessageKind) -> InboundMessage:
        return InboundMessage(platform="facebook", platform_id=f"m{n}", account="lltc-facebook", kind=kind,
                              author=Author(platform_id="u", handle="@r"), text="Hello",
                              received_at=clock.now())

    store = await store_with(pack, clock, message(1, MessageKind.DIRECT_MESSAGE), message(2, MessageKind.COMMENT))
    editor = DeskSession(store, pack, clock, "cmason")
    assert [m.id for m in await editor.queue()] == [2]
    with pytest.raises(NotAuthorisedError, match="view direct messages"):
        await editor.claim(1)
    administrator = DeskSession(store, pack, clock, "nshaw")
    assert [m.id for m in await administrator.queue()] == [1, 2]


async def test_history_is_read_through_the_queues_permission_check(clock) -> None:
    # The action log holds reply texts: a DM's must not reach an editor (Leighton-Linslade 12.1),
    # nor any message's an officer not authorised for its account.
    pack = load_pack("leighton-linslade")
    from core.models import Author, InboundMessage

    def message(n: int, kind: MessageKind, account: str = "lltc-facebook") -> InboundMessage:
        return InboundMessage(platform="facebook", platform_id=f"m{n}", account=account, kind=kind,
                              author=Author(platform_id="u", handle="@r"), text="Hello",
                              received_at=clock.now())

    store = await store_with(pack, clock, message(1, MessageKind.DIRECT_MESSAGE),
                             message(2, MessageKind.COMMENT),
                             message(3, MessageKind.COMMENT, "lltc-events-facebook"))
    administrator = DeskSession(store, pack, clock, "nshaw")
    await administrator.reply(1, "Your private details are safe with us")
    assert [a.verb for a in await administrator.history(1)] == ["reply"]
    editor = DeskSession(store, pack, clock, "cmason")
    with pytest.raises(NotAuthorisedError, match="view direct messages"):
        await editor.history(1)
    with pytest.raises(NotAuthorisedError, match="not authorised for the account 'lltc-events-facebook'"):
        await editor.history(3)
    assert await editor.history(2) == []
    assert {m.id for m in await editor.queue()} == {2}
