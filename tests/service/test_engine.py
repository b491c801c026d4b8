"""The engine's work at a frozen instant: the warning ladder, the breach, the restart catch-up,
and openings and closings. No scheduler runs here except in the restart tests (which start
and stop engines on a FixedClock, and only check what `start()` did)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.clock import FixedClock, NaiveDatetimeError
from core.models import MessageState, NotificationLevel, Platform
from core.policy import PolicyPack
from service.engine import Engine
from service.firing import BATCH, author_label, first_words
from service.opening import last_change, when_back
from storage.base import StateChange, Store
from tests.service.packs import MONDAY_9, OFFICE_HOURS, by_policy, pack

LONDON = pack(OFFICE_HOURS).hours_for("testshire-x").zone


def at(hhmm: str, day: datetime = MONDAY_9) -> datetime:
    """A wall time on `day` in London (January: GMT, so UTC too)."""
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return day.replace(hour=hours, minute=minutes)


@pytest.fixture
def policy() -> PolicyPack:
    return pack(OFFICE_HOURS)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9)


@pytest.fixture
def engine(store: Store, policy: PolicyPack, clock: FixedClock) -> Engine:
    return Engine(store, policy, clock, holder="test-engine")


async def verbs(store: Store, message_id: int | None = None) -> list[str]:
    return [a.verb for a in await store.actions(message_id, limit=100_000) if a.actor == "engine"]


# -- the warning ladder ---------------------------------------------------------------------

# Received Monday 09:00, target 90 minutes, warnings at 30 and 10 minutes left:
# first warning 10:00, second 10:20, breach 10:30.
LADDER = [
    ("09:59", []),
    ("10:00", ["warning_1"]),
    ("10:00", []),
    ("10:19", []),
    ("10:20", ["warning_2"]),
    ("10:29", []),
    ("10:30", ["breach"]),
    ("11:30", []),
]


async def test_the_ladder_fires_each_event_once_at_its_time(engine: Engine, store: Store,
                                                            policy: PolicyPack) -> None:
    [stored] = await store.add_messages([by_policy(policy, "m1", "testshire-x", MONDAY_9)])
    seen: list[str] = []
    for hhmm, expected in LADDER:
        fired = await engine.run_due(at(hhmm))
        assert fired == len(expected), hhmm
        seen += expected
        assert await verbs(store, stored.message_id) == seen, hhmm
    message = await store.get_message(stored.message_id)
    assert (message.warnings_fired, message.breach_fired) == (2, True)


@pytest.mark.parametrize(("event_time", "kind", "level", "title", "role"), [
    ("10:00", "warning_1", NotificationLevel.WARNING, "First warning: @resident on X due 10:30", None),
    ("10:20", "warning_2", NotificationLevel.WARNING, "Second warning: @resident on X due 10:30", None),
    ("10:30", "breach", NotificationLevel.ERROR, "Breach: @resident on X was due 10:30", "lead"),
])
async def test_each_fired_event_is_an_action_and_a_notification(
        engine: Engine, store: Store, policy: PolicyPack, event_time: str, kind: str,
        level: NotificationLevel, title: str, role: str | None) -> None:
    [stored] = await store.add_messages([by_policy(policy, "m1", "testshire-x", MONDAY_9)])
    await engine.run_due(at(event_time))
    [action] = [a for a in await store.actions(stored.message_id) if a.verb == kind]
    assert (action.actor, action.account, action.at) == ("engine", "testshire-x", at(event_time))
    assert action.detail["due_at"] == at("10:30").isoformat()
    [notice] = [n for n in await store.notifications_after(0) if n.kind == kind]
    assert (notice.level, notice.title, notice.role) == (level, title, role)
    assert (notice.message_id, notice.account) == (stored.message_id, "testshire-x")
    assert notice.body == "When is the green bin collected on my road this week?"


async def test_a_due_time_on_another_day_names_the_day(engine: Engine, store: Store,
                                                       policy: PolicyPack) -> None:
    # Received Friday 15:45: first warning Friday 16:45, due Monday 08:45 (75 minutes on
    # Friday, 15 on Monday).
    friday = datetime(2026, 1, 16, 15, 45, tzinfo=UTC)
    await store.add_messages([by_policy(policy, "m1", "testshire-x", friday)])
    await engine.run_due(friday + timedelta(hours=1))
    titles = [n.title for n in await store.notifications_after(0)]
    assert titles == ["First warning: @resident on X due Mon 08:45"]


@pytest.mark.parametrize("stop", [
    StateChange(message_id=1, to_state=MessageState.RESPONDED, by="tofficer", at=at("10:05"),
                respond=True),
    StateChange(message_id=1, to_state=MessageState.CLOSED, by="tofficer", at=at("10:05")),
])
async def test_a_message_no_longer_awaiting_a_response_fires_nothing_more(
        engine: Engine, store: Store, policy: PolicyPack, stop: StateChange) -> None:
    await store.add_messages([by_policy(policy, "m1", "testshire-x", MONDAY_9)])
    assert await engine.run_due(at("10:00")) == 1
    await store.change_state(stop)
    assert await engine.run_due(at("12:00")) == 0
    assert await verbs(store, 1) == ["warning_1"]


async def test_missed_events_fire_once_in_order(engine: Engine, store: Store,
                                                policy: PolicyPack) -> None:
    await store.add_messages([by_policy(policy, "m1", "testshire-x", MONDAY_9)])
    assert await engine.run_due(at("12:00")) == 3
    assert await engine.run_due(at("12:00")) == 0
    assert await verbs(store, 1) == ["warning_1", "warning_2", "breach"]


async def test_more_events_than_one_batch_all_fire(engine: Engine, store: Store,
                                                   policy: PolicyPack) -> None:
    count = BATCH // 3 + 5  # three events each: more than one batch in all
    await store.add_messages([by_policy(policy, f"m{i}", "testshire-x", MONDAY_9)
                              for i in range(count)])
    assert await engine.run_due(at("12:00")) == 3 * count
    assert len(await verbs(store)) == 3 * count


async def test_run_due_refuses_a_naive_instant(engine: Engine) -> None:
    with pytest.raises(NaiveDatetimeError):
        await engine.run_due(datetime(2026, 1, 12, 10, 0))


# -- restart -------------------------------------------------------------------------------

async def test_a_restarted_engine_fires_a_missed_warning_once(store: Store, policy: PolicyPack,
                                                              clock: FixedClock) -> None:
    await store.add_messages([by_policy(policy, "m1", "testshire-x", MONDAY_9)])
    clock.set(at("10:05"))  # the first warning fell at 10:00, while no engine ran
    for generation in range(3):
        engine = Engine(store, policy, clock, holder=f"engine-{generation}")
        await engine.start()
        assert engine.is_leader
        await engine.stop()
        assert await verbs(store, 1) == ["warning_1"], generation


async def test_a_restart_on_the_same_file_fires_a_missed_warning_once(
        tmp_path, policy: PolicyPack, clock: FixedClock) -> None:
    sqlite = pytest.importorskip("storage.sqlite")
    path = tmp_path / "desk.sqlite3"
    first = sqlite.SqliteStore(path)
    await first.open()
    await first.add_messages([by_policy(policy, "m1", "testshire-x", MONDAY_9)])
    await first.close()
    clock.set(at("10:25"))  # both warnings passed unseen
    for generation in range(2):
        store = sqlite.SqliteStore(path)
        await store.open()
        engine = Engine(store, policy, clock, holder=f"engine-{generation}")
        await engine.start()
        await engine.stop()
        assert await verbs(store, 1) == ["warning_1", "warning_2"], generation
        await store.close()


# -- opening and closing ------------------------------------------------------------------------

MONDAY_8 = at("08:00")

# (instant, what is recorded then: (account, verb, since)). The office account opens 08:30-17:00,
# the youth account 09:00-18:00; the first run finds both closed since Friday evening.
OPENINGS = [
    (MONDAY_8, [("testshire-x", "closed", at("17:00", datetime(2026, 1, 9, tzinfo=UTC))),
                ("testshire-youth", "closed", at("18:00", datetime(2026, 1, 9, tzinfo=UTC)))]),
    (MONDAY_8, []),
    (at("08:30"), [("testshire-x", "opened", at("08:30"))]),
    (at("08:45"), []),
    (at("09:00"), [("testshire-youth", "opened", at("09:00"))]),
    (at("17:00"), [("testshire-x", "closed", at("17:00"))]),
    (at("17:30"), []),
    (at("18:10"), [("testshire-youth", "closed", at("18:00"))]),  # noticed late: since 18:00
    (at("18:20"), []),
]


async def test_openings_and_closings_are_recorded_once_each(engine: Engine, store: Store) -> None:
    for now, expected in OPENINGS:
        before = len(await store.actions())
        assert await engine.run_opening(now) == len(expected), now
        recorded = (await store.actions())[before:]
        assert [(a.account, a.verb) for a in recorded] == [(acc, verb) for acc, verb, _ in expected]
        for account, verb, since in expected:
            assert await store.account_status(account) == (verb == "opened", since)


# (closing instant, account, the words of the notice's reopening)
CLOSINGS = [
    (at("17:00"), "testshire-x", "We're back on Tue 08:30."),
    (at("17:00", datetime(2026, 1, 16, tzinfo=UTC)), "testshire-x", "We're back on Mon 08:30."),
    # The youth account is closed on 24 December: Wednesday's closing reopens on Friday.
    (at("18:00", datetime(2026, 12, 23, tzinfo=UTC)), "testshire-youth", "We're back on Fri 09:00."),
]


@pytest.mark.parametrize(("closing", "account", "back"), CLOSINGS)
async def test_closing_queues_the_out_of_hours_notice(engine: Engine, store: Store,
                                                      policy: PolicyPack, closing: datetime,
                                                      account: str, back: str) -> None:
    await engine.run_opening(closing - timedelta(minutes=1))
    before = len(await store.outbox())
    await engine.run_opening(closing)
    [notice] = (await store.outbox())[before:]
    assert (notice.account, notice.kind, notice.created_by) == (account, "out_of_hours", "engine")
    assert "closed for engagement" in notice.text
    assert back in notice.text
    assert policy.contacts.alternative in notice.text
    [note] = [n for n in await store.notifications_after(0) if n.kind == "closed" and n.at == closing]
    assert back in note.title


async def test_opening_queues_no_notice(engine: Engine, store: Store) -> None:
    await engine.run_opening(at("08:29"))
    before = len(await store.outbox())
    await engine.run_opening(at("08:30"))
    assert (await store.outbox())[before:] == []


async def test_two_engines_record_a_closing_once(store: Store, policy: PolicyPack) -> None:
    first = Engine(store, policy, FixedClock(MONDAY_9), holder="a")
    second = Engine(store, policy, FixedClock(MONDAY_9), holder="b")
    await first.run_opening(at("16:59"))
    assert await first.run_opening(at("17:01")) == 1
    assert await second.run_opening(at("17:02")) == 0
    closed = [a for a in await store.actions() if a.verb == "closed"]
    assert len(closed) == 1


async def test_start_records_the_current_status(store: Store, policy: PolicyPack) -> None:
    engine = Engine(store, policy, FixedClock(at("08:40")), holder="a")
    await engine.start()
    await engine.stop()
    assert await store.account_status("testshire-x") == (True, at("08:30"))
    assert await store.account_status("testshire-youth") == (False, at("18:00", datetime(2026, 1, 9, tzinfo=UTC)))


# -- wording ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Bins not collected", "Bins not collected"),
    ("  line one\n\nline   two ", "line one line two"),
    ("one two three four five six seven eight nine ten eleven twelve thirteen",
     "one two three four five six seven eight nine ten eleven twelve…"),
    ("x" * 100, "x" * 80 + "…"),
    ("<b>[red]markup[/red]</b>", "<b>[red]markup[/red]</b>"),
    ("", ""),
])
def test_first_words(text: str, expected: str) -> None:
    assert first_words(text) == expected


@pytest.mark.parametrize(("handle", "display_name", "expected"), [
    ("resident", "A Resident", "@resident"),
    ("@resident", "A Resident", "@resident"),
    ("", "A Resident", "A Resident"),
    ("", "", "u-m1"),
])
def test_author_label(policy: PolicyPack, handle: str, display_name: str, expected: str) -> None:
    from core.models import Author, Message

    message = Message(platform=Platform.X, platform_id="m1", account="testshire-x",
                      kind="mention", text="hi", received_at=MONDAY_9, id=1,
                      ingested_at=MONDAY_9, due_at=None,
                      author=Author(platform_id="u-m1", handle=handle, display_name=display_name))
    assert author_label(message) == expected


@pytest.mark.parametrize(("reopens", "expected"), [
    (at("08:30", datetime(2026, 1, 13, tzinfo=UTC)), "We're back on Tue 08:30."),
    (at("08:30", datetime(2026, 1, 26, tzinfo=UTC)), "We're back on Mon 26 Jan 08:30."),
    (None, "We'll say here when we're back."),
])
def test_when_back(reopens: datetime | None, expected: str) -> None:
    assert when_back(reopens, LONDON, at("17:00")) == expected


def test_when_back_reads_the_local_clock_in_summer() -> None:
    # 07:30 UTC in June is 08:30 in London (BST).
    assert when_back(datetime(2026, 6, 16, 7, 30, tzinfo=UTC), LONDON,
                     datetime(2026, 6, 15, 16, 0, tzinfo=UTC)) == "We're back on Tue 08:30."


def test_last_change_is_the_calendars_own_instant(policy: PolicyPack) -> None:
    hours = policy.hours_for("testshire-x")
    assert last_change(hours, at("12:00")) == at("08:30")
    assert last_change(hours, at("08:30")) == at("08:30")
    assert last_change(hours, at("08:29")) == at("17:00", datetime(2026, 1, 9, tzinfo=UTC))
