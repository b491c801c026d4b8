"""The `Store` contract, run against both the in-memory fake and SQLite (see conftest.py), so the
fake the service and screen tests rely on behaves like the real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.clock import NaiveDatetimeError
from core.models import MessageKind, MessageState, Platform
from storage.base import (
    AccountCounts,
    ClaimConflictError,
    FiredEvent,
    NotFoundError,
    QueueQuery,
    StateChange,
    StateConflictError,
    Store,
    StoreError,
)
from tests.storage.helpers import T0, action, minutes, new_message, notification, outbox_item

NEW, CLAIMED, RESPONDED, REFERRED, CLOSED = (
    MessageState.NEW, MessageState.CLAIMED, MessageState.RESPONDED, MessageState.REFERRED,
    MessageState.CLOSED)


def claim(message_id: int, by: str, at: datetime = T0, **kw) -> StateChange:
    return StateChange(message_id=message_id, to_state=CLAIMED, by=by, at=at, claim=True, **kw)


async def ids_in_queue(store: Store, **query) -> list[str]:
    return [m.platform_id for m in await store.queue(QueueQuery(**query))]


# -- inserting ---------------------------------------------------------------------------------

async def test_insert_assigns_ids_and_skips_repeats(store: Store) -> None:
    first = await store.add_messages([new_message("a"), new_message("b")])
    again = await store.add_messages([new_message("b"), new_message("c")])
    assert [r.inserted for r in first] == [True, True]
    assert [r.inserted for r in again] == [False, True]
    assert again[0].message_id == first[1].message_id
    assert len({r.message_id for r in first + again}) == 3
    assert await store.count_messages() == 3


async def test_repeat_within_one_batch_is_stored_once(store: Store) -> None:
    results = await store.add_messages([new_message("a"), new_message("a", text="changed"),
                                        new_message("b")])
    assert [r.inserted for r in results] == [True, False, True]
    assert results[0].message_id == results[1].message_id
    assert (await store.get_message(results[0].message_id)).text == "hello"
    assert await store.count_messages() == 2


async def test_a_batch_in_any_order_of_due_times_gives_each_row_its_own_message(store: Store) -> None:
    """The SQLite store adds a batch in the queue's order, not the batch's: ids still go to
    the right rows, and the first copy of a repeat wins even when a later one is due sooner."""
    rows = [new_message("late", due_in=300), new_message("none", due_in=None),
            new_message("soon", due_in=5), new_message("late", due_in=1, text="a later copy"),
            new_message("mid", due_in=60, received=T0 - minutes(1)), new_message("mid-2", due_in=59)]
    results = await store.add_messages(rows)
    assert [r.inserted for r in results] == [True, True, True, False, True, True]
    stored = [await store.get_message(r.message_id) for r in results]
    assert [m.platform_id for m in stored] == [r.inbound.platform_id for r in rows]
    assert stored[3].text == "hello"
    assert await store.count_messages() == 5


async def test_same_platform_id_on_another_platform_is_another_message(store: Store) -> None:
    results = await store.add_messages([new_message("1", platform=Platform.X),
                                        new_message("1", platform=Platform.FACEBOOK)])
    assert [r.inserted for r in results] == [True, True]


async def test_empty_batch_writes_nothing(store: Store) -> None:
    before = await store.data_version()
    assert await store.add_messages([]) == []
    assert await store.data_version() == before


async def test_message_round_trips_with_utc_times(store: Store) -> None:
    paris = timezone(timedelta(hours=2))
    row = new_message("a", received=T0.astimezone(paris), labels=("complaint",),
                      intake_labels=("from-import",))
    [result] = await store.add_messages([row])
    got = await store.get_message(result.message_id)
    assert got.received_at == T0 and got.received_at.tzinfo == UTC
    assert got.due_at == T0 + minutes(60) and got.due_at.tzinfo == UTC
    assert got.warning_1_at == T0 + minutes(30) and got.warning_2_at == T0 + minutes(50)
    assert got.ingested_at == T0 + timedelta(seconds=1)
    assert (got.author, got.kind, got.thread_id, got.url) == (
        row.inbound.author, row.inbound.kind, "t-1", "https://example.test/a")
    assert got.labels == ("from-import", "complaint")
    assert (got.state, got.claimed_by, got.warnings_fired, got.breach_fired) == (NEW, None, 0, False)


async def test_no_target_has_no_times(store: Store) -> None:
    [result] = await store.add_messages([new_message("a", due_in=None)])
    got = await store.get_message(result.message_id)
    assert (got.due_at, got.warning_1_at, got.warning_2_at) == (None, None, None)


async def test_unknown_message_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        await store.get_message(999)


async def test_naive_time_is_refused_and_nothing_is_written(store: Store) -> None:
    bad = new_message("b").model_copy(update={"due_at": datetime(2026, 3, 30, 10, 0)})
    with pytest.raises(NaiveDatetimeError, match="due_at"):
        await store.add_messages([new_message("a"), bad])
    assert await store.count_messages() == 0


async def test_text_that_is_not_unicode_is_refused_naming_the_row(store: Store) -> None:
    # Pydantic refuses lone surrogates; a row built without validation must not slip through.
    row = new_message("bad-one")
    inbound = row.inbound.model_construct(**{**dict(row.inbound), "text": "half \ud800 pair"})
    bad = row.model_copy(update={"inbound": inbound})
    with pytest.raises(StoreError, match="'bad-one', field text"):
        await store.add_messages([new_message("a"), bad])
    assert await store.count_messages() == 0


HOSTILE_TEXTS = [
    "plain",
    "[bold red]x[/] [link=https://evil.test]click[/link]",
    "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[2J",
    "\u202eevil\u202c \u200f\u05e9\u05dc\u05d5\u05dd\u200e mixed",
    "emoji 👩🏽‍💻🏳️‍🌈 and combining e\u0301",
    "'); DROP TABLE messages; --",
    "100% of _all_ \\ backslashes %s {x}",
    "line\r\nbreaks\ttabs\x0b\x0c",
    "𝓗𝓮𝓵𝓵𝓸 \ufeff bom \U0010ffff",
    "🙂" * 100_000,
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
async def test_hostile_text_round_trips_exactly(store: Store, text: str) -> None:
    row = new_message("a", text=text, handle=text[:200], display_name=text[:500], labels=(text,))
    [result] = await store.add_messages([row])
    got = await store.get_message(result.message_id)
    assert (got.text, got.author.handle, got.author.display_name, got.labels) == (
        text, text[:200], text[:500], (text,))


async def test_a_megabyte_body_round_trips(store: Store) -> None:
    # Core caps intake at MAX_TEXT_CHARS; the store itself must not choke on more.
    row = new_message("a")
    big = "ü€𝄞x" * 262_144
    inbound = row.inbound.model_construct(**{**dict(row.inbound), "text": big})
    [result] = await store.add_messages([row.model_copy(update={"inbound": inbound})])
    assert (await store.get_message(result.message_id)).text == big


# -- the queue ---------------------------------------------------------------------------------

async def test_queue_is_soonest_due_first_then_oldest_and_no_target_last(store: Store) -> None:
    await store.add_messages([
        new_message("later", due_in=90),
        new_message("none-old", due_in=None, received=T0 - minutes(5)),
        new_message("soon", due_in=20),
        new_message("none-new", due_in=None),
        new_message("tie-new", due_in=40, received=T0 + minutes(1)),
        new_message("tie-old", due_in=41, received=T0),
    ])
    # tie-new and tie-old are both due at T0+41: the older one first.
    assert await ids_in_queue(store) == ["soon", "tie-old", "tie-new", "later", "none-old",
                                         "none-new"]
    assert await ids_in_queue(store, limit=2) == ["soon", "tie-old"]


async def test_queue_filters_accounts_and_awaiting(store: Store) -> None:
    results = await store.add_messages([new_message("a1", account="a"), new_message("b1", account="b"),
                                        new_message("c1", account="c", due_in=10)])
    await store.change_state(StateChange(message_id=results[0].message_id, to_state=CLOSED,
                                         by="officer-a", at=T0))
    assert await ids_in_queue(store) == ["c1", "b1"]
    assert await ids_in_queue(store, awaiting_only=False) == ["c1", "a1", "b1"]
    assert await ids_in_queue(store, accounts=("a", "b")) == ["b1"]
    assert await ids_in_queue(store, accounts=("a", "b"), awaiting_only=False) == ["a1", "b1"]
    assert await ids_in_queue(store, accounts=()) == []


async def test_queue_of_recently_handled_is_newest_first(store: Store) -> None:
    results = await store.add_messages([new_message(n, due_in=i + 1) for i, n in enumerate("abcd")])
    a, b, c, _d = (r.message_id for r in results)
    await store.change_state(StateChange(message_id=a, to_state=RESPONDED, by="o", at=T0 + minutes(5),
                                         respond=True))
    await store.change_state(StateChange(message_id=b, to_state=CLOSED, by="o", at=T0 + minutes(9)))
    await store.change_state(StateChange(message_id=c, to_state=CLOSED, by="o", at=T0 - minutes(30)))
    # Handled since T0: newest first; the one closed before T0 and the one still waiting are out.
    assert await ids_in_queue(store, handled_since=T0) == ["b", "a"]
    assert await ids_in_queue(store, handled_since=T0 + minutes(6)) == ["b"]
    assert await ids_in_queue(store, handled_since=T0, limit=1) == ["b"]
    assert await ids_in_queue(store) == ["d"]


async def test_queue_can_leave_out_direct_messages(store: Store) -> None:
    dm = new_message("dm", due_in=1)
    dm = dm.model_copy(update={"inbound": dm.inbound.model_copy(update={"kind": MessageKind.DIRECT_MESSAGE})})
    await store.add_messages([dm, new_message("public", due_in=2)])
    assert await ids_in_queue(store) == ["dm", "public"]
    assert await ids_in_queue(store, exclude_kinds=(MessageKind.DIRECT_MESSAGE,)) == ["public"]


SEARCH_CASES = [
    ("BIN", ["text"]),
    ("resident-two", ["handle"]),
    ("mrs smith", ["display"]),
    ("Complaint", ["label"]),
    ("compl", []),  # labels match whole, not by substring
    ("%", ["percent"]),
    ("_", ["underscore"]),
    ("zoË", ["unicode"]),
    ("STRASSE", ["unicode"]),
    ("", ["text", "handle", "display", "label", "percent", "underscore", "unicode"]),
]


@pytest.mark.parametrize(("search", "expected"), SEARCH_CASES)
async def test_queue_search(store: Store, search: str, expected: list[str]) -> None:
    await store.add_messages([
        new_message("text", text="When is my bin collected?", due_in=1),
        new_message("handle", handle="resident-two", due_in=2),
        new_message("display", display_name="Mrs Smith", due_in=3),
        new_message("label", labels=("complaint",), due_in=4),
        new_message("percent", text="rates up 5%", due_in=5),
        new_message("underscore", text="my_name", due_in=6),
        new_message("unicode", text="Zoë lives on Hauptstraße", due_in=7),
    ])
    assert await ids_in_queue(store, search=search) == expected


# -- revisions and counts -----------------------------------------------------------------------

async def test_revisions_rise_with_every_change(store: Store) -> None:
    assert await store.max_revision() == 0
    a, b = await store.add_messages([new_message("a"), new_message("b")])
    first = await store.max_revision()
    assert first > 0
    changed = await store.change_state(claim(a.message_id, "officer-a"))
    assert changed.revision > first and await store.max_revision() == changed.revision
    assert await store.fire_event(FiredEvent(message_id=b.message_id, event=1))
    latest = await store.get_message(b.message_id)
    assert latest.revision > changed.revision
    assert [m.platform_id for m in await store.changed_since(first)] == ["a", "b"]
    assert [m.platform_id for m in await store.changed_since(0, limit=1)] == ["a"]
    assert await store.changed_since(latest.revision) == []


async def test_every_message_in_a_batch_has_its_own_revision(store: Store) -> None:
    await store.add_messages([new_message(str(n)) for n in range(5)])
    revisions = [m.revision for m in await store.changed_since(0)]
    assert revisions == sorted(set(revisions)) and len(revisions) == 5


async def test_account_counts_at_a_given_now(store: Store) -> None:
    rows = await store.add_messages([
        new_message("on-time", account="a", due_in=60),
        new_message("warned", account="a", due_in=20),        # first warning at T0-10
        new_message("breached", account="a", due_in=-1),
        new_message("at-due", account="b", due_in=0),         # due exactly now: breached
        new_message("no-target", account="b", due_in=None),
        new_message("closed", account="c", due_in=-5),
        new_message("referred-answered", account="b", due_in=-5),
    ])
    by_id = {r.message_id: r for r in rows}
    ids = list(by_id)
    await store.change_state(StateChange(message_id=ids[5], to_state=CLOSED, by="o", at=T0))
    await store.change_state(StateChange(message_id=ids[6], to_state=REFERRED, by="o", at=T0,
                                         respond=True))
    assert await store.account_counts(T0) == {
        "a": AccountCounts(account="a", waiting=3, warning=1, breached=1),
        "b": AccountCounts(account="b", waiting=3, warning=0, breached=1),
    }
    later = await store.account_counts(T0 + minutes(40))
    assert later["a"] == AccountCounts(account="a", waiting=3, warning=1, breached=2)


# -- changing state ------------------------------------------------------------------------------

async def test_claim_then_conflict_names_the_holder(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    got = await store.change_state(claim(r.message_id, "officer-a"))
    assert (got.state, got.claimed_by, got.state_by, got.state_at) == (CLAIMED, "officer-a",
                                                                       "officer-a", T0)
    with pytest.raises(ClaimConflictError) as caught:
        await store.change_state(claim(r.message_id, "officer-b", expect_from=frozenset({NEW})))
    assert (caught.value.message_id, caught.value.holder) == (r.message_id, "officer-a")
    again = await store.change_state(claim(r.message_id, "officer-a", at=T0 + minutes(1)))
    assert again.claimed_by == "officer-a" and again.state_at == T0 + minutes(1)


async def test_a_take_over_takes_only_the_claim_it_names(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    await store.change_state(claim(r.message_id, "officer-a"))
    with pytest.raises(ClaimConflictError):  # someone else holds it by now: not taken unseen
        await store.change_state(StateChange(message_id=r.message_id, to_state=CLAIMED,
                                             by="lead", at=T0, claim=True, take_over_from="officer-c"))
    taken = await store.change_state(StateChange(message_id=r.message_id, to_state=CLAIMED,
                                                 by="lead", at=T0, claim=True,
                                                 take_over_from="officer-a"))
    assert (taken.claimed_by, taken.state_by) == ("lead", "lead")
    with pytest.raises(ClaimConflictError):
        await store.change_state(claim(r.message_id, "officer-a"))


async def test_releasing_to_new_frees_the_claim(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    await store.change_state(claim(r.message_id, "officer-a"))
    released = await store.change_state(StateChange(message_id=r.message_id, to_state=NEW,
                                                    by="officer-a", at=T0))
    assert released.claimed_by is None
    assert (await store.change_state(claim(r.message_id, "officer-b"))).claimed_by == "officer-b"


async def test_a_finished_message_can_be_claimed_by_another(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    await store.change_state(claim(r.message_id, "officer-a"))
    await store.change_state(StateChange(message_id=r.message_id, to_state=CLOSED, by="officer-a",
                                         at=T0))
    reopened = await store.change_state(claim(r.message_id, "officer-b"))
    assert reopened.claimed_by == "officer-b"


async def test_state_conflict_changes_and_logs_nothing(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    await store.change_state(StateChange(message_id=r.message_id, to_state=CLOSED, by="o", at=T0))
    before = (await store.get_message(r.message_id), await store.data_version())
    with pytest.raises(StateConflictError, match="closed"):
        await store.change_state(
            StateChange(message_id=r.message_id, to_state=RESPONDED, by="o", at=T0,
                        expect_from=frozenset({NEW, CLAIMED})),
            actions=[action("reply", r.message_id)], outbox=[outbox_item("hi")],
            notifications=[notification("reply")])
    assert (await store.get_message(r.message_id), await store.data_version()) == before
    assert (await store.actions(), await store.outbox(), await store.notifications_after(0)) == (
        [], [], [])


async def test_change_state_of_unknown_message(store: Store) -> None:
    with pytest.raises(NotFoundError):
        await store.change_state(claim(42, "officer-a"))


async def test_respond_stops_the_clock_and_logs_together(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    got = await store.change_state(
        StateChange(message_id=r.message_id, to_state=RESPONDED, by="officer-a",
                    at=T0 + minutes(5), respond=True),
        actions=[action("reply", r.message_id, note="thanks")],
        outbox=[outbox_item("Thanks, we're on it", r.message_id)],
        notifications=[notification("replied", r.message_id)])
    assert (got.state, got.responded_at) == (RESPONDED, T0 + minutes(5))
    [logged] = await store.actions(message_id=r.message_id)
    assert (logged.verb, logged.detail, logged.id) == ("reply", {"note": "thanks"}, 1)
    [item] = await store.outbox()
    assert (item.text, item.in_reply_to, item.sent_at) == ("Thanks, we're on it", r.message_id, None)
    assert [n.kind for n in await store.notifications_after(0)] == ["replied"]
    assert await store.pending_events(T0 + minutes(600)) == []


# -- warnings and breaches -------------------------------------------------------------------------

async def test_each_event_fires_once_and_logs_only_then(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    first = FiredEvent(message_id=r.message_id, event=1)
    assert await store.fire_event(first, actions=[action("warning", r.message_id)],
                                  notifications=[notification("warning_1", r.message_id)])
    version = await store.data_version()
    assert not await store.fire_event(first, actions=[action("warning", r.message_id)],
                                      notifications=[notification("warning_1", r.message_id)])
    assert await store.data_version() == version
    assert len(await store.actions()) == 1 and await store.max_notification_id() == 1
    got = await store.get_message(r.message_id)
    assert (got.warnings_fired, got.breach_fired) == (1, False)
    assert await store.fire_event(FiredEvent(message_id=r.message_id, event=3))
    assert (await store.get_message(r.message_id)).breach_fired


async def test_second_warning_counts_the_first_as_done(store: Store) -> None:
    [r] = await store.add_messages([new_message("a")])
    assert await store.fire_event(FiredEvent(message_id=r.message_id, event=2))
    assert not await store.fire_event(FiredEvent(message_id=r.message_id, event=1))
    assert [e for _, e, _ in await store.pending_events(T0 + minutes(100))] == [3]


async def test_no_event_fires_once_the_clock_stops(store: Store) -> None:
    [r, n] = await store.add_messages([new_message("a"), new_message("b", due_in=None)])
    await store.change_state(StateChange(message_id=r.message_id, to_state=CLOSED, by="o", at=T0))
    assert not await store.fire_event(FiredEvent(message_id=r.message_id, event=3))
    assert not await store.fire_event(FiredEvent(message_id=n.message_id, event=1))
    with pytest.raises(NotFoundError):
        await store.fire_event(FiredEvent(message_id=999, event=1))


async def test_pending_events_are_unfired_due_and_earliest_first(store: Store) -> None:
    a, b, _, d = await store.add_messages([
        new_message("a", due_in=60),              # w1 T0+30, w2 T0+50, due T0+60
        new_message("b", due_in=40),              # w1 T0+10, w2 T0+30, due T0+40
        new_message("none", due_in=None),
        new_message("closed", due_in=5),
    ])
    await store.change_state(StateChange(message_id=d.message_id, to_state=CLOSED, by="o", at=T0))
    await store.fire_event(FiredEvent(message_id=b.message_id, event=1))
    pending = await store.pending_events(T0 + minutes(50))
    assert [(m.platform_id, e, when) for m, e, when in pending] == [
        ("a", 1, T0 + minutes(30)), ("b", 2, T0 + minutes(30)), ("b", 3, T0 + minutes(40)),
        ("a", 2, T0 + minutes(50))]
    assert len(await store.pending_events(T0 + minutes(50), limit=2)) == 2
    assert await store.pending_events(T0 + minutes(29)) == []
    assert await store.next_event_at() == T0 + minutes(30)
    await store.change_state(StateChange(message_id=b.message_id, to_state=RESPONDED, by="o",
                                         at=T0, respond=True))
    assert await store.next_event_at() == T0 + minutes(30)
    await store.fire_event(FiredEvent(message_id=a.message_id, event=1))
    assert await store.next_event_at() == T0 + minutes(50)


async def test_next_event_at_is_none_when_nothing_waits(store: Store) -> None:
    assert await store.next_event_at() is None
    await store.add_messages([new_message("none", due_in=None)])
    assert await store.next_event_at() is None


# -- logs --------------------------------------------------------------------------------------------

async def test_record_appends_logs_in_order(store: Store) -> None:
    await store.record(actions=[action("opened", detail_at=T0), action("closed")],
                       notifications=[notification("opened"), notification("closed")],
                       outbox=[outbox_item("We're closed"), outbox_item("Back tomorrow")])
    acts = await store.actions()
    assert [(a.id, a.verb) for a in acts] == [(1, "opened"), (2, "closed")]
    assert acts[0].detail == {"detail_at": "2026-03-30T09:00:00Z"}
    assert [n.id for n in await store.notifications_after(1)] == [2]
    assert await store.max_notification_id() == 2
    assert await store.actions(after_id=1) == [acts[1]]
    assert await store.actions(limit=1) == [acts[0]]


async def test_outbox_items_are_marked_sent_once(store: Store) -> None:
    await store.record(outbox=[outbox_item("one"), outbox_item("two")])
    first, second = await store.outbox()
    assert await store.mark_outbox_sent(first.id, T0 + minutes(1))
    assert not await store.mark_outbox_sent(first.id, T0 + minutes(2))
    assert [o.text for o in await store.outbox()] == ["two"]
    sent = (await store.outbox(unsent_only=False))[0]
    assert sent.sent_at == T0 + minutes(1)
    with pytest.raises(NotFoundError):
        await store.mark_outbox_sent(99, T0)


async def test_actions_filtered_by_message(store: Store) -> None:
    a, b = await store.add_messages([new_message("a"), new_message("b")])
    await store.record(actions=[action("claim", a.message_id), action("claim", b.message_id),
                                action("reply", a.message_id)])
    assert [x.verb for x in await store.actions(message_id=a.message_id)] == ["claim", "reply"]


REFERENCE_CASES = {
    "an action": lambda known, gone: {"actions": [action("note", known), action("note", gone)]},
    "a notice": lambda known, gone: {"notifications": [notification("warning_1", gone)]},
    "an outbox item": lambda known, gone: {"actions": [action("reply", known)],
                                           "outbox": [outbox_item("Thanks", in_reply_to=gone)]},
}


@pytest.mark.parametrize("lines", REFERENCE_CASES.values(), ids=REFERENCE_CASES.keys())
async def test_lines_about_a_message_not_held_are_refused_whole(store: Store, lines) -> None:
    [known] = await store.add_messages([new_message("a")])
    gone = known.message_id + 41
    with pytest.raises(NotFoundError, match=f"no message with id {gone}"):
        await store.record(**lines(known.message_id, gone))
    with pytest.raises(NotFoundError, match=f"no message with id {gone}"):
        await store.change_state(claim(known.message_id, "officer-a"), **lines(known.message_id, gone))
    assert await store.actions() == []
    assert await store.notifications_after(0) == []
    assert await store.outbox(unsent_only=False) == []
    assert (await store.get_message(known.message_id)).state == NEW


# -- opening records ---------------------------------------------------------------------------------

STATUS_CASES = [
    # (recorded first, then asked to record, whether that is a change)
    (None, (True, T0), True),
    ((False, T0 - minutes(60)), (True, T0), True),
    ((True, T0), (True, T0), False),
    ((True, T0), (True, T0 + minutes(5)), False),
    ((True, T0), (False, T0 - minutes(5)), False),
]


@pytest.mark.parametrize(("first", "then", "changes"), STATUS_CASES)
async def test_account_status_records_each_change_once(store: Store, first, then, changes) -> None:
    if first is not None:
        assert await store.set_account_status("main", *first)
    recorded = await store.set_account_status("main", *then, actions=[action("opened")])
    assert recorded is changes
    assert await store.account_status("main") == (then if changes else first)
    assert len(await store.actions()) == (1 if changes else 0)


async def test_unknown_account_has_no_status(store: Store) -> None:
    assert await store.account_status("nowhere") is None


# -- the engine lease ----------------------------------------------------------------------------------

async def test_lease_is_held_renewed_and_taken_over_after_expiry(store: Store) -> None:
    assert await store.acquire_lease("engine", "p1", T0, 30)
    assert not await store.acquire_lease("engine", "p2", T0 + timedelta(seconds=10), 30)
    assert await store.acquire_lease("engine", "p1", T0 + timedelta(seconds=20), 30)
    assert await store.lease_holder("engine", T0 + timedelta(seconds=49)) == "p1"
    assert await store.lease_holder("engine", T0 + timedelta(seconds=50)) is None
    assert await store.acquire_lease("engine", "p2", T0 + timedelta(seconds=50), 30)
    assert await store.lease_holder("engine", T0 + timedelta(seconds=50)) == "p2"


async def test_released_lease_is_free_but_only_the_holder_releases(store: Store) -> None:
    assert await store.acquire_lease("engine", "p1", T0, 30)
    await store.release_lease("engine", "p2")
    assert await store.lease_holder("engine", T0) == "p1"
    await store.release_lease("engine", "p1")
    assert await store.lease_holder("engine", T0) is None
    assert await store.acquire_lease("engine", "p2", T0, 30)


async def test_leases_are_independent_by_name(store: Store) -> None:
    assert await store.acquire_lease("engine", "p1", T0, 30)
    assert await store.acquire_lease("importer", "p2", T0, 30)


# -- change notice ----------------------------------------------------------------------------------------

async def test_data_version_changes_on_every_write(store: Store) -> None:
    seen = {await store.data_version()}
    [r] = await store.add_messages([new_message("a")])
    seen.add(await store.data_version())
    await store.change_state(claim(r.message_id, "officer-a"))
    seen.add(await store.data_version())
    await store.record(actions=[action("note")])
    seen.add(await store.data_version())
    await store.acquire_lease("engine", "p1", T0, 30)
    seen.add(await store.data_version())
    assert len(seen) == 5
    assert await store.data_version() == await store.data_version()


async def test_fire_events_fires_a_batch_in_one_go_each_once(store: Store) -> None:
    from storage.base import EventFiring

    a, b = await store.add_messages([new_message("a"), new_message("b")])
    version = await store.data_version()
    fired = await store.fire_events([
        EventFiring(FiredEvent(message_id=a.message_id, event=1), [action("warning", a.message_id)],
                    [notification("warning_1", a.message_id)]),
        EventFiring(FiredEvent(message_id=a.message_id, event=1), [action("warning", a.message_id)]),
        EventFiring(FiredEvent(message_id=b.message_id, event=3)),
    ])
    assert fired == [True, False, True]
    assert await store.data_version() != version
    assert [x.verb for x in await store.actions()] == ["warning"]
    assert [n.kind for n in await store.notifications_after(0)] == ["warning_1"]
    assert (await store.get_message(b.message_id)).breach_fired
    with pytest.raises(NotFoundError):
        await store.fire_events([EventFiring(FiredEvent(message_id=a.message_id, event=3)),
                                 EventFiring(FiredEvent(message_id=999, event=1))])
    assert not (await store.get_message(a.message_id)).breach_fired  # all or nothing
    assert await store.fire_events([]) == []
