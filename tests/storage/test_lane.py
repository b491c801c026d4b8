"""The safeguarding lane in both stores: urgent danger, then safeguarding (then, in an emergency,
emergency_related) ahead of every other waiting message, whatever their due times; the SQL
lane tier equal to `core.lane.lane_tier`; an older file upgraded with its disclosures in the lane."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import storage.migrations as migrations
from core.lane import lane_tier
from core.models import MessageKind, MessageState
from storage.base import QueueQuery, StateChange, Store
from storage.migrations import LANE_SQL, MIGRATIONS
from storage.sqlite import SqliteStore
from storage.sqlite_rows import _labels_json
from tests.storage.helpers import T0, minutes, new_message

DANGER = ("urgent_danger", "safeguarding")


async def seed(store: Store) -> None:
    """Due times in the opposite order of the lane: the lane must win."""
    await store.add_messages([
        new_message("soonest", due_in=5),
        new_message("incident", due_in=10, labels=("emergency_related",)),
        new_message("no-target", due_in=None),
        new_message("disclosure-late", due_in=300, labels=("safeguarding",)),
        new_message("disclosure", due_in=200, labels=("foi", "safeguarding")),
        new_message("danger", due_in=400, labels=DANGER),
        new_message("later", due_in=50),
    ])


async def queue_ids(store: Store, **query) -> list[str]:
    return [m.platform_id for m in await store.queue(QueueQuery(**query))]


async def test_urgent_danger_then_safeguarding_then_the_rest_by_due_time(store: Store) -> None:
    await seed(store)
    assert await queue_ids(store) == ["danger", "disclosure", "disclosure-late", "soonest",
                                      "incident", "later", "no-target"]


async def test_in_an_emergency_emergency_related_comes_after_safeguarding(store: Store) -> None:
    await seed(store)
    assert await queue_ids(store, emergency_active=True) == [
        "danger", "disclosure", "disclosure-late", "incident", "soonest", "later", "no-target"]


@pytest.mark.parametrize(("limit", "expected"), [
    (1, ["danger"]),
    (3, ["danger", "disclosure", "disclosure-late"]),
    (4, ["danger", "disclosure", "disclosure-late", "soonest"]),
    (0, []),
])
async def test_the_limit_counts_the_lane_and_the_rest_together(store: Store, limit: int,
                                                               expected: list[str]) -> None:
    await seed(store)
    assert await queue_ids(store, limit=limit) == expected


async def test_the_lane_keeps_the_queues_filters(store: Store) -> None:
    await store.add_messages([
        new_message("other-account", account="other", due_in=900, labels=DANGER),
        new_message("mine", account="main", due_in=5),
        new_message("mine-disclosure", account="main", due_in=800, labels=("safeguarding",),
                    text="they hurt me"),
    ])
    assert await queue_ids(store, accounts=("main",)) == ["mine-disclosure", "mine"]
    assert await queue_ids(store, search="hurt") == ["mine-disclosure"]
    assert await queue_ids(store, accounts=()) == []


async def test_a_handled_disclosure_leaves_the_lane(store: Store) -> None:
    await seed(store)
    danger = next(m for m in await store.queue(QueueQuery()) if m.platform_id == "danger")
    await store.change_state(StateChange(message_id=danger.id, to_state=MessageState.RESPONDED,
                                         by="officer-a", at=T0 + minutes(1), respond=True))
    assert (await queue_ids(store))[:2] == ["disclosure", "disclosure-late"]
    handled = await queue_ids(store, handled_since=T0)
    assert handled == ["danger"]


async def test_direct_messages_left_out_stay_out_of_the_lane(store: Store) -> None:
    dm = new_message("dm-disclosure", due_in=5, labels=("safeguarding",))
    dm = dm.model_copy(update={"inbound": dm.inbound.model_copy(update={"kind": MessageKind.DIRECT_MESSAGE})})
    await store.add_messages([dm, new_message("public", due_in=9)])
    assert await queue_ids(store, exclude_kinds=(MessageKind.DIRECT_MESSAGE,)) == ["public"]


# -- the SQL tier is core's ----------------------------------------------------------------------

LABEL_SETS = [
    (), ("foi",), ("safeguarding",), ("urgent_danger",), ("emergency_related",),
    ("urgent_danger", "safeguarding"), ("safeguarding", "urgent_danger"),
    ("foi", "emergency_related", "safeguarding"), ("emergency_related", "urgent_danger"),
    # Not these labels, though they hold their names: quotes, prefixes, suffixes, case.
    ('a"safeguarding',), ('safeguarding"',), ("not_safeguarding",), ("safeguarding_x",),
    ("Safeguarding",), ("urgent_danger2",), ('x", "safeguarding',), ("emergency_related ",),
]


@pytest.mark.parametrize("labels", LABEL_SETS)
def test_the_sql_lane_tier_is_cores(labels: tuple[str, ...]) -> None:
    conn = sqlite3.connect(":memory:")
    (tier,) = conn.execute(f"SELECT {LANE_SQL} FROM (SELECT ? AS labels)",
                           (_labels_json(labels),)).fetchone()
    assert tier == lane_tier(labels, emergency_active=True)


# -- an older file ----------------------------------------------------------------------------------

async def test_an_older_file_puts_its_disclosures_in_the_lane_after_the_upgrade(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite3"
    # The schema as it stood before the lane's migration (the ones appended since run after it).
    before_lane = MIGRATIONS[:next(i for i, m in enumerate(MIGRATIONS) if "lane" in m.summary)]
    monkeypatch.setattr(migrations, "MIGRATIONS", before_lane)
    old = SqliteStore(path)
    await old.open()
    await seed(old)
    await old.close()
    monkeypatch.undo()
    store = SqliteStore(path)
    await store.open()
    try:
        assert (await queue_ids(store))[:3] == ["danger", "disclosure", "disclosure-late"]
        plan = await store._rows("EXPLAIN QUERY PLAN SELECT id FROM messages WHERE "
                                 f"{migrations.LANE_INDEX_WHERE} AND lane <= 1 "
                                 f"ORDER BY lane, {migrations.QUEUE_ORDER_SQL}")
        assert "messages_lane" in " ".join(str(row) for row in plan)
    finally:
        await store.close()
