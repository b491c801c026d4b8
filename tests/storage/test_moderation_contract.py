"""The moderation part of the `Store` contract, run on the in-memory fake and on SQLite: one
strike per message, records across accounts, all-or-nothing writes, the log and its copy of the
content."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from core import moderation as ladder
from core.models import Author, InboundMessage, Message, MessageKind, Platform
from core.moderation_models import AuthorKey, AuthorRecord, AuthorState
from core.pack_files import load_pack
from storage.base import NotFoundError, Store
from storage.memory import MemoryStore
from storage.rows import NewMessage
from storage.sqlite import SqliteStore
from tests.storage.helpers import T0

PACK = load_pack("lewes-eastbourne")
CATEGORY = PACK.moderation.categories[0]
DUTY, LEAD = PACK.officer("rfletcher"), PACK.officer("tgreaves")
POSTER = AuthorKey(Platform.X, "poster-1")


def inbound(n: int, account: str = "lewes-x", author: str = "poster-1", text: str | None = None) -> NewMessage:
    message = InboundMessage(platform=Platform.X, platform_id=f"m{n}", account=account,
                             kind=MessageKind.COMMENT, text=text or f"rude comment {n}",
                             author=Author(platform_id=author, handle=f"@poster{author[-1]}"),
                             received_at=T0)
    return NewMessage(inbound=message, ingested_at=T0, due_at=None, warning_1_at=None,
                      warning_2_at=None)


async def stored(store: Store, *messages: NewMessage) -> list[int]:
    return [r.message_id for r in await store.add_messages(list(messages))]


def marking(officer=DUTY, at=T0, category: str = CATEGORY):  # noqa: ANN001, ANN201
    def decide(message: Message, record: AuthorRecord):  # noqa: ANN202
        return ladder.mark_inappropriate(PACK, officer, message, category, record, at)
    return decide


async def test_a_strike_writes_its_log_line_outbox_and_notices_together(store: Store) -> None:
    [mid] = await stored(store, inbound(1))
    result = await store.strike(mid, marking())
    assert result.made and result.strike.id is not None and result.strike.step.value == "warning"
    [entry] = await store.moderation_log()
    assert (entry.action, entry.content, entry.category, entry.actor) == (
        "marked", "rude comment 1", CATEGORY, "rfletcher")
    [warning] = await store.outbox()
    assert warning.kind == ladder.PRIVATE_WARNING and warning.in_reply_to == mid
    assert [a.verb for a in await store.actions(message_id=mid)] == ["mark_inappropriate"]
    assert [n.kind for n in await store.notifications_after(0)] == ["moderation_report"]


async def test_marking_one_message_twice_makes_one_strike_and_sends_nothing_twice(store: Store) -> None:
    [mid] = await stored(store, inbound(1))
    first = await store.strike(mid, marking(DUTY))
    again = await store.strike(mid, marking(LEAD))
    assert (first.made, again.made) == (True, False)
    assert again.strike == first.strike and again.decision is None
    assert len((await store.author_record(POSTER)).strikes) == 1
    assert len(await store.outbox()) == 1 and len(await store.moderation_log()) == 1


async def test_an_author_is_one_poster_across_the_councils_accounts(store: Store) -> None:
    ids = await stored(store, inbound(1, "lewes-x"), inbound(2, "eastbourne-x"), inbound(3, "lewes-x", "other-2"))
    steps = [(await store.strike(i, marking(at=T0 + timedelta(minutes=i)))).strike.step.value for i in ids]
    assert steps == ["warning", "final_warning", "warning"]
    record = await store.author_record(POSTER)
    assert [s.account for s in record.strikes] == ["lewes-x", "eastbourne-x"]
    assert record.handle == "@poster1"
    others = await store.author_records([POSTER, AuthorKey(Platform.X, "other-2"), AuthorKey(Platform.X, "nobody")])
    assert sorted(k.author_id for k in others) == ["other-2", "poster-1"]


async def test_a_refused_decision_leaves_the_store_as_it_was(store: Store) -> None:
    [mid] = await stored(store, inbound(1))
    before = await store.data_version()
    with pytest.raises(ladder.ModerationError):
        await store.strike(mid, marking(category="not a category"))
    assert await store.author_record(POSTER) == AuthorRecord(platform=Platform.X, author_platform_id="poster-1")
    assert await store.outbox() == [] and await store.moderation_log() == []
    assert await store.data_version() == before


async def test_marking_a_missing_message_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        await store.strike(99, marking())


async def test_block_request_block_and_unblock_are_recorded(store: Store) -> None:
    ids = await stored(store, *(inbound(n) for n in (1, 2, 3)))
    for n, mid in enumerate(ids):
        await store.strike(mid, marking(at=T0 + timedelta(minutes=n)))
    assert (await store.author_record(POSTER)).state is AuthorState.BLOCK_REQUESTED
    later = T0 + timedelta(hours=1)
    await store.change_author(POSTER, lambda r: ladder.block(PACK, LEAD, r, later, "persistent"))
    record = await store.author_record(POSTER)
    assert (record.state, record.status.by, record.status.reason, record.status.since) == (
        AuthorState.BLOCKED, "tgreaves", "persistent", later)
    await store.change_author(POSTER, lambda r: ladder.unblock(PACK, LEAD, r, later, "apologised"))
    log = await store.moderation_log(key=POSTER)
    assert [e.action for e in log] == ["marked", "marked", "marked", "blocked", "unblocked"]
    assert (await store.author_record(POSTER)).status.cleared_at == later


async def test_a_refused_block_changes_nothing(store: Store) -> None:
    [mid] = await stored(store, inbound(1))
    await store.strike(mid, marking())
    with pytest.raises(ladder.NotAuthorisedError):
        await store.change_author(POSTER, lambda r: ladder.block(PACK, DUTY, r, T0, "enough"))
    assert (await store.author_record(POSTER)).status is None
    assert [e.action for e in await store.moderation_log()] == ["marked"]


async def test_the_log_reads_by_period_and_author(store: Store) -> None:
    ids = await stored(store, inbound(1), inbound(2, author="other-2"), inbound(3))
    for n, mid in enumerate(ids):
        await store.strike(mid, marking(at=T0 + timedelta(days=n)))
    window = await store.moderation_log(since=T0 + timedelta(days=1), until=T0 + timedelta(days=2))
    assert [e.message_id for e in window] == [ids[1]]
    assert [e.message_id for e in await store.moderation_log(since=T0 + timedelta(days=1))] == ids[1:]
    assert [e.message_id for e in await store.moderation_log(key=POSTER)] == [ids[0], ids[2]]


async def test_moderated_authors_come_most_recently_active_first(store: Store) -> None:
    ids = await stored(store, inbound(1), inbound(2, author="other-2"))
    await store.strike(ids[1], marking(at=T0))
    await store.strike(ids[0], marking(at=T0 + timedelta(minutes=5)))
    assert [r.author_platform_id for r in await store.moderated_authors()] == ["poster-1", "other-2"]
    assert [r.author_platform_id for r in await store.moderated_authors(limit=1)] == ["poster-1"]


def _edit_message_text(store: Store, message_id: int, text: str) -> None:
    """A message changing after it was marked (a connector's edit, or another program)."""
    if isinstance(store, MemoryStore):
        store._messages[message_id] = store._messages[message_id].model_copy(update={"text": text})
        return
    assert isinstance(store, SqliteStore)
    conn = sqlite3.connect(store.path, timeout=10)
    with conn:
        conn.execute("UPDATE messages SET text = ? WHERE id = ?", (text, message_id))
    conn.close()


async def test_the_log_keeps_the_content_as_it_was_when_marked(store: Store) -> None:
    [mid] = await stored(store, inbound(1, text="the words as posted"))
    await store.strike(mid, marking())
    _edit_message_text(store, mid, "edited to look harmless")
    assert (await store.get_message(mid)).text == "edited to look harmless"
    [entry] = await store.moderation_log()
    assert entry.content == "the words as posted"
