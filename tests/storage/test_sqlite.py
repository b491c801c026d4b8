"""What only the SQLite store can get wrong: several connections on one file, the busy lock,
the change notice across processes, and queries that must stay on their indexes."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from core.models import Author, Message, MessageState
from storage.base import (
    AWAITING_STATES,
    ClaimConflictError,
    FiredEvent,
    QueueQuery,
    StateChange,
    StoreError,
)
from storage.migrations import AWAITING_SQL
from storage.sqlite import SqliteStore, default_db_path
from storage.sqlite_rows import (
    ACCOUNT_COUNTS_SQL,
    NEXT_EVENT_SQL,
    PENDING_SQL,
    _INSERT_MESSAGE,
    _ROWS_PER_INSERT,
    _insert_laid_out,
    _insert_order,
    _insert_params,
    from_micros,
    lay_out,
    queue_sql,
    rows_per_insert,
    to_micros,
)
from storage.rows import message_row
from storage.sqlite_writer import (
    BULK_WAL_BYTES,
    PAGE_SIZE,
    SqliteRowWriter,
    busy_pauses,
    prepare_connection,
    tune_for_bulk,
)
from tests.storage.helpers import T0, action, minutes, new_message


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
async def pair(path: Path) -> AsyncIterator[tuple[SqliteStore, SqliteStore]]:
    """Two stores on one file, as two dutydesk processes would have."""
    first, second = SqliteStore(path), SqliteStore(path)
    await asyncio.gather(first.open(), second.open())  # both may migrate: one must no-op
    yield first, second
    await first.close()
    await second.close()


def test_default_path_is_in_the_user_data_dir() -> None:
    assert default_db_path() == Path(user_data_dir("dutydesk")) / "dutydesk.sqlite3"


@pytest.mark.parametrize("when", [T0, T0.replace(microsecond=123456), from_micros(0),
                                  from_micros(-1),
                                  datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)])
def test_times_are_exact_microseconds(when) -> None:
    assert from_micros(to_micros(when, "when")) == when


async def test_file_settings(path: Path) -> None:
    store = SqliteStore(path)
    await store.open()
    try:
        assert await store._scalar("PRAGMA journal_mode") == "wal"
        assert await store._scalar("PRAGMA synchronous") == 1  # NORMAL
        assert await store._scalar("PRAGMA foreign_keys") == 1
        assert await store._scalar("PRAGMA busy_timeout") == 10_000
        assert await store._scalar("PRAGMA page_size") == PAGE_SIZE
    finally:
        await store.close()


async def test_a_file_made_with_other_pages_keeps_them(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("CREATE TABLE notes (line TEXT)")
    store = SqliteStore(path)
    await store.open()
    try:
        [result] = await store.add_messages([new_message("a")])
        assert (await store.get_message(result.message_id)).platform_id == "a"
        assert await store._scalar("PRAGMA page_size") == 4096
    finally:
        await store.close()


@pytest.mark.parametrize("page_size", [4096, PAGE_SIZE])
def test_a_bulk_writer_lets_the_log_grow_to_the_same_size_whatever_the_pages(
        path: Path, page_size: int) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("VACUUM")  # an empty file takes the size now
        prepare_connection(conn, path)
        tune_for_bulk(conn)
        assert conn.execute("PRAGMA page_size").fetchone()[0] == page_size
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] * page_size == BULK_WAL_BYTES


async def test_an_unopened_store_says_so(path: Path) -> None:
    with pytest.raises(StoreError, match="not open"):
        await SqliteStore(path).count_messages()


async def test_claim_race_has_exactly_one_winner(pair) -> None:
    first, second = pair
    results = await first.add_messages([new_message(str(n)) for n in range(20)])
    for r in results:
        claims = [store.change_state(StateChange(message_id=r.message_id, to_state=MessageState.CLAIMED,
                                                 by=officer, at=T0, claim=True,
                                                 expect_from=frozenset({MessageState.NEW})),
                                     actions=[action("claim", r.message_id)])
                  for store, officer in ((first, "officer-a"), (second, "officer-b"))]
        outcome = await asyncio.gather(*claims, return_exceptions=True)
        won = [o for o in outcome if not isinstance(o, BaseException)]
        lost = [o for o in outcome if isinstance(o, BaseException)]
        assert len(won) == 1 and len(lost) == 1
        assert isinstance(lost[0], ClaimConflictError) and lost[0].holder == won[0].claimed_by
    assert len(await first.actions(limit=100)) == 20


async def test_each_event_fires_once_across_two_engines(pair) -> None:
    first, second = pair
    results = await first.add_messages([new_message(str(n)) for n in range(10)])
    tries = [store.fire_event(FiredEvent(message_id=r.message_id, event=event),
                              actions=[action("warning", r.message_id, event=event)])
             for r in results for event in (1, 2, 3) for store in (first, second)]
    fired = await asyncio.gather(*tries)
    assert sum(fired) == 30
    logged = await second.actions(limit=100)
    assert sorted((a.message_id, a.detail["event"]) for a in logged) == sorted(
        (r.message_id, event) for r in results for event in (1, 2, 3))


async def test_concurrent_writers_never_see_a_locked_database(pair) -> None:
    first, second = pair

    async def writer(store: SqliteStore, name: str) -> None:
        for batch in range(15):
            rows = [new_message(f"{name}-{batch}-{n}") for n in range(50)]
            results = await store.add_messages(rows)
            await store.change_state(StateChange(message_id=results[0].message_id,
                                                 to_state=MessageState.CLOSED, by=name, at=T0))
            await store.record(actions=[action("note")])
            await store.acquire_lease("engine", name, T0 + minutes(batch), 30)

    await asyncio.gather(writer(first, "one"), writer(second, "two"))
    assert await first.count_messages() == 1500
    assert len(await second.actions(limit=100)) == 30
    revisions = [m.revision for m in await first.changed_since(0, limit=5000)]
    assert len(revisions) == 1500 and revisions == sorted(set(revisions))


async def test_a_held_lock_becomes_a_plain_error_and_nothing_is_written(path: Path) -> None:
    store = SqliteStore(path, busy_timeout=0.01, busy_retries=2)
    await store.open()
    pauses: list[float] = []

    async def no_wait(seconds: float) -> None:
        pauses.append(seconds)

    store._backoff = no_wait  # type: ignore[method-assign]
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="stayed busy") as caught:
            await store.add_messages([new_message("a")])
        assert "locked" not in str(caught.value) and str(path) in str(caught.value)
        assert pauses == [0.05, 0.1]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert await store.count_messages() == 0
    await store.close()


def test_a_row_writer_waits_out_a_held_lock_as_the_store_does(path: Path) -> None:
    """An import worker's writer: the same pauses and the same plain error while another
    process holds the lock, and the same rows go in once it is let go."""
    writer = SqliteRowWriter(path, busy_timeout=0.01, busy_retries=1)
    prepared = writer.prepare([message_row(new_message("a"))])
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="stayed busy") as caught:
            writer.add_rows_counted(prepared)
        assert "2 times running" in str(caught.value) and str(path) in str(caught.value)
        other.execute("ROLLBACK")
        assert writer.add_rows_counted(prepared) == (1, 0)
        assert busy_pauses(2) == [0.05, 0.1, None]
    finally:
        other.close()
        writer.close()


async def test_a_write_retries_after_the_lock_is_let_go(path: Path) -> None:
    store = SqliteStore(path, busy_timeout=0.01, busy_retries=3)
    await store.open()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO leases VALUES ('engine', 'other', 0)")

    async def let_go(seconds: float) -> None:
        other.execute("COMMIT")  # the other process finishes while we back off

    store._backoff = let_go  # type: ignore[method-assign]
    try:
        [result] = await store.add_messages([new_message("a")])
        assert result.inserted
    finally:
        other.close()
    await store.close()


async def test_data_version_moves_when_another_connection_commits(pair) -> None:
    first, second = pair
    before = await first.data_version()
    await second.record(actions=[action("note")])
    after_other = await first.data_version()
    assert after_other != before
    await first.record(actions=[action("note")])
    after_own = await first.data_version()
    assert after_own not in (before, after_other)
    await first.release_lease("engine", "nobody")  # a write that changes nothing
    await second.release_lease("engine", "nobody")
    assert await first.data_version() == after_own


async def test_data_version_sees_a_plain_sqlite_writer(path: Path) -> None:
    store = SqliteStore(path)
    await store.open()
    before = await store.data_version()
    with sqlite3.connect(path) as other:
        other.execute("INSERT INTO leases VALUES ('x', 'y', 0)")
    other.close()
    assert await store.data_version() != before
    await store.close()


def _plan(path: Path, sql: str, params) -> str:
    conn = sqlite3.connect(path)
    conn.create_function("dd_search", 5, lambda *a: 1, deterministic=True)
    try:
        return " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    finally:
        conn.close()


async def test_hot_queries_use_their_indexes(path: Path) -> None:
    store = SqliteStore(path)
    await store.open()
    await store.add_messages([new_message(str(n), due_in=n) for n in range(500)])
    # As in a long-used file: most messages finished, a few awaiting.
    await store._call(lambda conn: conn.execute("UPDATE messages SET state = 'closed', "
                                                "next_event_at = NULL WHERE id > 20"))
    await store._call(lambda conn: conn.execute("ANALYZE"))
    await store.close()
    queue_plan = _plan(path, *queue_sql(QueueQuery()))
    assert "messages_queue" in queue_plan and "TEMP B-TREE" not in queue_plan
    search_plan = _plan(path, *queue_sql(QueueQuery(search="bin")))
    assert "messages_queue" in search_plan and "TEMP B-TREE" not in search_plan
    assert "COVERING INDEX messages_queue" in _plan(path, NEXT_EVENT_SQL, ())
    assert "messages_queue" in _plan(path, PENDING_SQL, (0, 10))
    assert "messages_by_revision" in _plan(
        path, "SELECT id FROM messages WHERE revision > ? ORDER BY revision LIMIT 10", (0,))
    assert "COVERING INDEX messages_queue" in _plan(path, ACCOUNT_COUNTS_SQL, {"now": 0})


async def test_search_placeholders_bind_the_users_words(path: Path) -> None:
    sql, params = queue_sql(QueueQuery(search="'; DROP TABLE messages; --", accounts=("a", "b")))
    assert "DROP" not in sql and params[:2] == ["a", "b"]
    assert params[2] == "'; drop table messages; --"


async def test_rows_come_back_as_complete_valid_messages(path: Path) -> None:
    # Rows are built without validation for speed; they must equal what validation would give.
    store = SqliteStore(path)
    await store.open()
    [r] = await store.add_messages([new_message("a", labels=("x",))])
    await store.change_state(StateChange(message_id=r.message_id, to_state=MessageState.CLAIMED,
                                         by="officer-a", at=T0, claim=True))
    got = (await store.queue(QueueQuery()))[0]
    await store.close()
    assert list(got.__dict__) == list(Message.model_fields)
    assert got.model_fields_set == set(Message.model_fields)
    assert Message.model_validate(got.model_dump()) == got
    assert got.author == Author.model_validate(got.author.model_dump())
    assert got.model_copy(update={"state": MessageState.CLOSED}).state is MessageState.CLOSED


async def test_a_change_by_another_process_is_seen_not_a_cached_copy(pair) -> None:
    first, second = pair
    [r] = await first.add_messages([new_message("a")])
    assert (await first.queue(QueueQuery()))[0].claimed_by is None
    await second.change_state(StateChange(message_id=r.message_id, to_state=MessageState.CLAIMED,
                                          by="officer-b", at=T0, claim=True))
    assert (await first.queue(QueueQuery()))[0].claimed_by == "officer-b"
    assert (await first.changed_since(0))[0].claimed_by == "officer-b"


def test_the_sql_awaiting_list_matches_the_states() -> None:
    # The partial index needs a literal list in SQL; it must say what core says.
    assert set(re.findall(r"'(\w+)'", AWAITING_SQL)) == {s.value for s in AWAITING_STATES}


@pytest.mark.parametrize("variable_limit", [None, 100])
def test_a_laid_out_batch_stores_what_insert_params_says(tmp_path: Path, variable_limit: int | None) -> None:
    """`lay_out` builds its parameters inline for speed, and `_insert_laid_out` fills in the
    revisions: what goes in must be what `_insert_params` and a one-row INSERT give, in the
    layout's order, across several INSERTs (a low parameter limit makes them five rows each)."""
    base = message_row(new_message("m"))
    shapes = [lambda r: r,
              lambda r: r._replace(warning_1_at=None, labels=("foi", "press")),
              lambda r: r._replace(due_at=None, warning_1_at=None, warning_2_at=None, labels=["vip"]),
              lambda r: r._replace(warning_2_at=r.due_at + 1, labels=()),
              lambda r: r._replace(warning_1_at=r.due_at - 5, warning_2_at=r.due_at - 50)]
    rows = [shapes[n % 5](base._replace(platform_id=f"m{n}", due_at=base.due_at + (n * 7919) % 1000))
            for n in range(_ROWS_PER_INSERT + 300)]
    stored = []
    for name in ("laid-out", "one-by-one"):
        with closing(sqlite3.connect(tmp_path / f"{name}.sqlite3", isolation_level=None)) as conn:
            prepare_connection(conn, tmp_path / f"{name}.sqlite3")
            if variable_limit is not None:
                conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variable_limit)
            layout = lay_out(rows, rows_per_insert(conn))  # type: ignore[arg-type]
            conn.execute("BEGIN")
            if name == "laid-out":
                _insert_laid_out(conn, layout, 40)
            else:
                for j, i in enumerate(layout.order):
                    conn.execute(_INSERT_MESSAGE, (*_insert_params(rows[i]), 40 + j))
            conn.execute("COMMIT")
            stored.append(conn.execute("SELECT * FROM messages ORDER BY id").fetchall())
    assert len(stored[0]) == len(rows) and stored[0] == stored[1]
    assert len(layout.chunks) == (len(rows) + 4) // 5 if variable_limit else 2


def test_a_batch_goes_in_in_queue_order_first_copies_only() -> None:
    """Due time (none last), then received time; a repeat later in the batch is left out."""
    base = message_row(new_message("m"))
    rows = [base._replace(platform_id="a", due_at=30, received_at=5),
            base._replace(platform_id="b", due_at=None, received_at=1),
            base._replace(platform_id="c", due_at=10, received_at=9),
            base._replace(platform_id="a", due_at=1, received_at=1),  # a repeat of the first
            base._replace(platform_id="d", due_at=10, received_at=2),
            base._replace(platform="facebook", platform_id="a", due_at=20, received_at=1),
            # Received times as big as they come never outweigh a later due time.
            base._replace(platform_id="e", due_at=11, received_at=0),
            base._replace(platform_id="f", due_at=10, received_at=2**63 - 1)]
    assert _insert_order(rows) == [4, 2, 7, 6, 5, 0, 1]  # type: ignore[arg-type]
