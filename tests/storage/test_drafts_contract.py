"""The reply-drafts part of the `Store` contract, on the in-memory fake and on SQLite: one draft
per message and officer, replaced on save, private to its officer, dropped on request, and kept
across a reopen of the file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.clock import NaiveDatetimeError
from core.models import Author, InboundMessage, MessageKind, Platform
from storage.base import NotFoundError, Store
from storage.drafts_base import Draft
from storage.rows import NewMessage
from storage.sqlite import SqliteStore
from tests.storage.helpers import T0


async def a_message(store: Store, n: int = 1) -> int:
    inbound = InboundMessage(platform=Platform.X, platform_id=f"d{n}", account="lewes-x",
                             kind=MessageKind.COMMENT, text="when is the bin day?",
                             author=Author(platform_id="a1", handle="@resident"), received_at=T0)
    [result] = await store.add_messages([NewMessage(inbound=inbound, ingested_at=T0, due_at=None,
                                                    warning_1_at=None, warning_2_at=None)])
    return result.message_id


def draft(message_id: int, text: str = "Thanks, we'll check", officer: str = "dokafor",
          at: datetime = T0) -> Draft:
    return Draft(message_id=message_id, officer=officer, text=text, saved_at=at)


async def test_a_saved_draft_is_read_back_and_replaced_by_the_next(store: Store) -> None:
    mid = await a_message(store)
    assert await store.draft(mid, "dokafor") is None
    await store.save_draft(draft(mid, "first"))
    await store.save_draft(draft(mid, "second ✓ 漢字", at=T0 + timedelta(minutes=1)))
    got = await store.draft(mid, "dokafor")
    assert got is not None and got.text == "second ✓ 漢字" and got.saved_at == T0 + timedelta(minutes=1)


async def test_a_draft_is_its_officers_alone(store: Store) -> None:
    mid = await a_message(store)
    await store.save_draft(draft(mid, "mine"))
    await store.save_draft(draft(mid, "theirs", officer="tgreaves"))
    assert (await store.draft(mid, "dokafor")).text == "mine"
    assert (await store.draft(mid, "tgreaves")).text == "theirs"
    await store.drop_draft(mid, "dokafor")
    assert await store.draft(mid, "dokafor") is None
    assert (await store.draft(mid, "tgreaves")).text == "theirs"
    await store.drop_draft(mid, "dokafor")  # dropping nothing is fine


async def test_a_draft_needs_a_message_and_an_aware_time(store: Store) -> None:
    with pytest.raises(NotFoundError):
        await store.save_draft(draft(999))
    mid = await a_message(store)
    with pytest.raises((NaiveDatetimeError, ValueError)):
        await store.save_draft(draft(mid, at=datetime(2026, 1, 1, 9, 0)))


async def test_a_draft_survives_closing_and_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    store = SqliteStore(path)
    await store.open()
    mid = await a_message(store)
    await store.save_draft(draft(mid, "half-written reply"))
    await store.close()
    again = SqliteStore(path)
    await again.open()
    try:
        assert (await again.draft(mid, "dokafor")).text == "half-written reply"
    finally:
        await again.close()
