"""The change feed: cheap when nothing changed, and when something did, everything since the
last poll, however much, exactly once."""

from __future__ import annotations

from core.models import Notification, NotificationLevel
from service.changes import ChangeFeed
from service.intake import prepare
from storage.memory import MemoryStore
from tests.service.conftest import MONDAY_10


def notice(n: int) -> Notification:
    return Notification(at=MONDAY_10, level=NotificationLevel.WARNING, kind="warning_1", title=f"n{n}")


async def test_what_was_there_before_start_is_not_a_change(memory_store: MemoryStore, lewes_pack,
                                                           make_message) -> None:
    await memory_store.add_messages([prepare(make_message(1), lewes_pack, MONDAY_10)])
    await memory_store.record(notifications=[notice(0)])
    feed = ChangeFeed(memory_store)
    await feed.start()
    assert not await feed.poll()


async def test_a_burst_bigger_than_a_page_arrives_whole_in_one_poll(memory_store: MemoryStore, lewes_pack,
                                                                     make_message) -> None:
    # 250 notices: more than a page of the feed and more than the store's default page (200).
    feed = ChangeFeed(memory_store, batch=100)
    await feed.start()
    await memory_store.add_messages([prepare(make_message(n), lewes_pack, MONDAY_10) for n in range(250)])
    await memory_store.record(notifications=[notice(n) for n in range(250)])
    changes = await feed.poll()
    assert [m.platform_id for m in changes.messages] == [f"m{n}" for n in range(250)]
    assert [n.title for n in changes.notifications] == [f"n{n}" for n in range(250)]
    assert not await feed.poll()  # each change is reported once
    await memory_store.record(notifications=[notice(250)])
    assert [n.title for n in (await feed.poll()).notifications] == ["n250"]
