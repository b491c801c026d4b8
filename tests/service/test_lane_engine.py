"""The lane through intake and the engine, for every shipped pack: a disclosure received out of
hours is escalated at once to the pack's out-of-hours safeguarding route (ringing the role the
pack names); one received in hours is escalated when the account closes; the out-of-hours notice
says to call 999; imports give disclosures the same never-paused deadlines as live intake."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.clock import FixedClock
from core.lane import first_response_deadlines
from core.models import Author, InboundMessage, MessageKind, Notification, NotificationLevel
from core.pack_files import load_pack, shipped_pack_names
from core.policy import PolicyPack
from service.firing import SAFEGUARDING_OUT_OF_HOURS, fire_due
from service.imports import import_stream
from service.intake import Preparer, prepare
from service.opening import status_records
from storage.memory import MemoryStore

LONDON = ZoneInfo("Europe/London")
#: Sunday 03:00: every account of every shipped pack is closed.
SUNDAY_NIGHT = datetime(2026, 11, 22, 3, 0, tzinfo=LONDON)
#: Tuesday 16:55: the office calendars are open, closing at 17:00.
TUESDAY_LATE = datetime(2026, 11, 17, 16, 55, tzinfo=LONDON)

PACKS = shipped_pack_names()


def inbound(pack: PolicyPack, labels: tuple[str, ...], received: datetime,
            text: str = "my neighbour's kids have been left alone for days") -> InboundMessage:
    return InboundMessage(platform=pack.accounts[0].platform, platform_id=f"p-{received:%H%M}",
                          account=pack.accounts[0].id, kind=MessageKind.COMMENT,
                          author=Author(platform_id="a-1", handle="@worried"), text=text,
                          received_at=received, labels=labels)


async def stored(pack: PolicyPack, *messages: InboundMessage) -> MemoryStore:
    store = MemoryStore()
    await store.open()
    await store.add_messages([prepare(m, pack, m.received_at) for m in messages])
    return store


async def escalations(store: MemoryStore) -> list[Notification]:
    return [n for n in await store.notifications_after(0) if n.kind == SAFEGUARDING_OUT_OF_HOURS]


@pytest.mark.parametrize("name", PACKS)
async def test_a_disclosure_out_of_hours_is_escalated_at_once_to_the_out_of_hours_route(name: str) -> None:
    pack = load_pack(name)
    assert not pack.hours_for(pack.accounts[0].id).is_open(SUNDAY_NIGHT)
    store = await stored(pack, inbound(pack, ("safeguarding",), SUNDAY_NIGHT))
    assert await fire_due(store, pack, SUNDAY_NIGHT) == 1
    (notice,) = await escalations(store)
    assert notice.role == pack.safeguarding.escalate_to
    assert notice.level == NotificationLevel.ERROR
    assert pack.safeguarding.out_of_hours in notice.title and "@worried" in notice.title
    (action,) = await store.actions()
    assert action.detail["escalated_to"] == pack.safeguarding.out_of_hours
    # Due in real time, not at Monday's opening.
    message = await store.get_message(1)
    assert message.due_at == SUNDAY_NIGHT + timedelta(minutes=pack.target_for(message.account).minutes)


@pytest.mark.parametrize("name", PACKS)
async def test_urgent_danger_out_of_hours_says_call_999(name: str) -> None:
    pack = load_pack(name)
    store = await stored(pack, inbound(pack, ("urgent_danger", "safeguarding"), SUNDAY_NIGHT,
                                       "my neighbour is being hurt by her partner, I can hear it now"))
    await fire_due(store, pack, SUNDAY_NIGHT)
    (notice,) = await escalations(store)
    assert notice.title.startswith("URGENT DANGER out of hours") and "call 999" in notice.title


@pytest.mark.parametrize("name", PACKS)
async def test_a_disclosure_still_waiting_at_closing_is_escalated_then(name: str) -> None:
    pack = load_pack(name)
    account = pack.accounts[0].id
    hours = pack.hours_for(account)
    closes = hours.next_close(TUESDAY_LATE)
    store = await stored(pack, inbound(pack, ("safeguarding",), TUESDAY_LATE))
    assert await fire_due(store, pack, TUESDAY_LATE) == 0
    assert await escalations(store) == []
    await fire_due(store, pack, closes)
    (notice,) = await escalations(store)
    assert notice.role == pack.safeguarding.escalate_to


@pytest.mark.parametrize("name", PACKS)
async def test_other_messages_are_not_escalated_out_of_hours(name: str) -> None:
    pack = load_pack(name)
    store = await stored(pack, inbound(pack, ("foi",), SUNDAY_NIGHT, "FOI request please"))
    assert await fire_due(store, pack, SUNDAY_NIGHT) == 0
    assert await escalations(store) == []


@pytest.mark.parametrize("name", PACKS)
def test_the_out_of_hours_notice_says_call_999(name: str) -> None:
    pack = load_pack(name)
    account = pack.accounts[0]
    _, _, outbox = status_records(pack, account, False, SUNDAY_NIGHT, SUNDAY_NIGHT)
    assert outbox[0].text.endswith("If anyone is in danger, call 999.")


async def test_an_import_gives_disclosures_the_lanes_deadlines() -> None:
    """The import's fast path (plain rows) must not give a disclosure business-time deadlines."""
    pack = load_pack("lewes-eastbourne")
    lines = [inbound(pack, labels, SUNDAY_NIGHT + timedelta(minutes=i)).model_dump(mode="json")
             for i, labels in enumerate([("safeguarding",), (), ("urgent_danger",)])]
    for i, line in enumerate(lines):
        line["platform_id"] = f"import-{i}"
    store = MemoryStore()
    await store.open()
    data = io.BytesIO("".join(json.dumps(line) + "\n" for line in lines).encode())
    await import_stream(data, store, pack, FixedClock(SUNDAY_NIGHT), io.StringIO(), workers=1)
    hours = pack.hours_for(pack.accounts[0].id)
    for i in range(3):
        m = await store.get_message(i + 1)
        want = first_response_deadlines(m.received_at, m.labels, hours, pack.first_response)
        assert (m.due_at, m.warning_1_at) == (want.due_at, want.warning_1_at), m.labels


def test_the_preparer_gives_young_or_vulnerable_accounts_their_tighter_target() -> None:
    pack = load_pack("lincolnshire")
    young = next(a for a in pack.accounts if a.audience == "young_or_vulnerable")
    hours = pack.hours[young.hours]
    opens = hours.next_open(TUESDAY_LATE.replace(hour=8))
    message = InboundMessage(platform=young.platform, platform_id="y1", account=young.id,
                             kind=MessageKind.COMMENT, author=Author(platform_id="a", handle="@a"),
                             text="When is the next group?", received_at=opens)
    new = Preparer(pack)(message, opens)
    assert new.due_at == hours.add_business_time(opens, timedelta(minutes=60))
    assert prepare(message, pack, opens).due_at == new.due_at
