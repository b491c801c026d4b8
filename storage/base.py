"""The store interface the service layer uses. `storage.sqlite` implements it with aiosqlite;
`storage.memory` is an in-memory fake for service and screen tests.

Every method that writes does so in one transaction: it is all there or none of it is.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict
from pydantic_core import to_jsonable_python

from core.clock import require_aware
from core.lane import EMERGENCY_TIER, TIERS, lane_tier
from core.models import (
    Action,
    Message,
    MessageKind,
    MessageState,
    Notification,
    OutboxItem,
    Platform,
)
from storage.drafts_base import DraftStore
from storage.moderation_base import ModerationStore
from storage.outbox import DeliveryStore
from storage.posts_base import PostStore
from storage.rows import InsertResult, MessageRow, NewMessage, PreparedRows, message_row
from storage.statutory_base import StatutoryStore


class StoreError(Exception):
    """Something the store cannot do, said plainly (the file, what and why)."""


class StoreDamagedError(StoreError):
    """The store file is corrupt (SQLite's integrity check failed): nothing more is written to
    it; the message says so in one line. Whoever meets it stops rather than retries."""


class SchemaTooNewError(StoreError):
    """The file was written by a newer dutydesk; it is left untouched."""


class NotFoundError(StoreError):
    """No message with that id."""


class ClaimConflictError(StoreError):
    """Another officer holds the message."""

    def __init__(self, message_id: int, holder: str) -> None:
        self.message_id = message_id
        self.holder = holder
        super().__init__(f"claimed by {holder}")


class StateConflictError(StoreError):
    """The message was not in a state the change expected (someone else got there first)."""


class QueueQuery(BaseModel):
    """Which messages the queue shows."""

    model_config = ConfigDict(frozen=True)

    accounts: tuple[str, ...] | None = None
    """Only these accounts; None for all."""
    search: str | None = None
    """Case-insensitive substring of text, author handle or display name, or a label."""
    awaiting_only: bool = True
    """Only messages whose first-response clock runs (new, claimed, referred)."""
    handled_since: datetime | None = None
    """Instead: messages no longer awaiting (answered, closed) whose state changed at or after
    this instant, most recently handled first. `awaiting_only` is then ignored."""
    exclude_kinds: tuple[MessageKind, ...] = ()
    """Leave out messages of these kinds (direct messages, for a role that may not see them)."""
    emergency_active: bool = False
    """An emergency is declared: `emergency_related` messages rise into the lane, after
    urgent_danger and safeguarding (`core.lane.lane_tier`)."""
    limit: int = 200

    @property
    def lane_first(self) -> bool:
        """Whether the lane goes first: for the waiting queue, not the handled rows."""
        return self.awaiting_only and self.handled_since is None

    @property
    def lowest_tier(self) -> int:
        """The last lane tier this query puts first (emergency_related only in an emergency)."""
        return EMERGENCY_TIER if self.emergency_active else EMERGENCY_TIER - 1


class AccountCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    account: str
    waiting: int = 0
    """Messages awaiting a first response."""
    warning: int = 0
    """Of those, how many are past their first warning but not yet due."""
    breached: int = 0
    """Of those, how many are past their due time."""


class StateChange(BaseModel):
    """A change of a message's state, applied only if it is in one of `expect_from`."""

    model_config = ConfigDict(frozen=True)

    message_id: int
    to_state: MessageState
    by: str
    at: datetime
    expect_from: frozenset[MessageState] | None = None
    """None: any state. Otherwise StateConflictError if the message is in another."""
    claim: bool = False
    """Also take the claim: refused with ClaimConflictError if another officer holds it."""
    take_over_from: str | None = None
    """With `claim`: the colleague whose claim is taken over. Refused with ClaimConflictError
    if by now someone else holds it (their claim is not taken unseen)."""
    respond: bool = False
    """Also set responded_at = at (stops the first-response clock)."""


class FiredEvent(BaseModel):
    """A pre-breach warning (1 or 2) or the breach (3) of one message, fired at most once."""

    model_config = ConfigDict(frozen=True)

    message_id: int
    event: int
    """1 first warning, 2 second warning, 3 breach."""


class EventFiring(NamedTuple):
    """One event to fire with its log lines, for `Store.fire_events`."""

    fired: FiredEvent
    actions: Sequence[Action] = ()
    notifications: Sequence[Notification] = ()


class RowWriter(Protocol):
    """Adds message rows to a store from another process, synchronously (see `Store.row_writer`):
    `prepare` them (no lock held, so workers can do it side by side), then add them."""

    def prepare(self, rows: Sequence[MessageRow]) -> PreparedRows:
        """Check `rows` and lay them out for this store, touching nothing stored; StoreError
        naming a row the store cannot take."""
        ...

    def add_rows(self, prepared: PreparedRows) -> list[InsertResult]:
        """`Store.add_rows` of prepared rows: one transaction, repeats skipped."""
        ...

    def add_rows_counted(self, prepared: PreparedRows) -> tuple[int, int]:
        """`add_rows` that only says (stored, duplicates): cheaper, for imports."""
        ...

    def close(self) -> None: ...


class Store(ModerationStore, DeliveryStore, DraftStore, PostStore, StatutoryStore, ABC):
    """The async store. Open it with `await store.open()`, close with `await store.close()`.
    The moderation ladder's methods are in `storage.moderation_base`; delivery's (the worker's
    and the freeze's) in `storage.outbox.DeliveryStore`; reply drafts' in
    `storage.drafts_base.DraftStore`; the posts' and incidents' in `storage.posts_base`; the
    statutory clocks' events in `storage.statutory_base`."""

    @abstractmethod
    async def open(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    # -- messages ---------------------------------------------------------------------------
    async def add_messages(self, rows: Sequence[NewMessage]) -> list[InsertResult]:
        """Store new messages in one transaction; a repeat of (platform, platform_id) is skipped."""
        return await self.add_rows([message_row(row) for row in rows])

    @abstractmethod
    async def add_rows(self, rows: Sequence[MessageRow]) -> list[InsertResult]:
        """`add_messages` for rows already in plain values: one transaction, repeats skipped.
        A row holding text that is not valid Unicode (a lone surrogate) stores nothing of the
        batch: StoreError naming the message and the field."""

    def row_writer(self) -> Callable[[], RowWriter] | None:
        """A recipe, safe to send to another process, that opens there a `RowWriter` onto this
        same store (for imports spread over worker processes); None when the store lives only
        in this process."""
        return None

    @abstractmethod
    async def get_message(self, message_id: int) -> Message:
        """The message, or NotFoundError."""

    @abstractmethod
    async def queue(self, query: QueueQuery) -> list[Message]:
        """Messages matching `query`, soonest due first (no due time last), then oldest first."""

    @abstractmethod
    async def changed_since(self, revision: int, limit: int = 1000) -> list[Message]:
        """Messages whose revision is above `revision`, lowest revision first."""

    @abstractmethod
    async def max_revision(self) -> int:
        """The highest message revision stored (0 when empty)."""

    @abstractmethod
    async def account_counts(self, now: datetime) -> dict[str, AccountCounts]:
        """Waiting, warning and breached counts per account at `now`."""

    @abstractmethod
    async def count_messages(self) -> int: ...

    # -- changes, each in one transaction with its log lines ----------------------------------
    @abstractmethod
    async def change_state(self, change: StateChange, actions: Sequence[Action] = (),
                           outbox: Sequence[OutboxItem] = (),
                           notifications: Sequence[Notification] = ()) -> Message:
        """Apply `change` and append `actions`, `outbox`, `notifications`, all or nothing."""

    @abstractmethod
    async def fire_event(self, fired: FiredEvent, actions: Sequence[Action] = (),
                         notifications: Sequence[Notification] = ()) -> bool:
        """Mark a warning or breach fired and log it, if it had not fired; False if it had."""

    @abstractmethod
    async def fire_events(self, firings: Sequence[EventFiring]) -> list[bool]:
        """`fire_event` for each of `firings` in ONE transaction (an engine catching up on a
        backlog); for each, whether it fired. NotFoundError (nothing fired) if a message is
        not held."""

    @abstractmethod
    async def pending_events(self, until: datetime, limit: int = 1000) -> list[tuple[Message, int, datetime]]:
        """(message, event, when) for each unfired event due at or before `until`, of messages
        still awaiting a first response; earliest first."""

    @abstractmethod
    async def next_event_at(self) -> datetime | None:
        """When the earliest unfired warning or breach falls, or None."""

    # -- logs ---------------------------------------------------------------------------------
    @abstractmethod
    async def record(self, actions: Sequence[Action] = (), notifications: Sequence[Notification] = (),
                     outbox: Sequence[OutboxItem] = ()) -> None:
        """Append log lines, notifications and outbox items in one transaction."""

    @abstractmethod
    async def actions(self, message_id: int | None = None, after_id: int = 0,
                      limit: int = 500) -> list[Action]:
        """Action log lines, oldest first."""

    @abstractmethod
    async def notifications_after(self, after_id: int, limit: int = 200) -> list[Notification]: ...

    @abstractmethod
    async def max_notification_id(self) -> int: ...

    @abstractmethod
    async def outbox(self, unsent_only: bool = True, limit: int = 500) -> list[OutboxItem]: ...

    # -- account opening status (for recording each opening and closing once) ------------------
    @abstractmethod
    async def account_status(self, account: str) -> tuple[bool, datetime] | None:
        """(is_open, since) as last recorded, or None if never recorded."""

    @abstractmethod
    async def set_account_status(self, account: str, is_open: bool, since: datetime,
                                 actions: Sequence[Action] = (),
                                 notifications: Sequence[Notification] = (),
                                 outbox: Sequence[OutboxItem] = ()) -> bool:
        """Record a change, with its log lines, unless it was already recorded as that state
        since that instant (returns False then: another engine did it)."""

    # -- the engine lease -------------------------------------------------------------------------
    @abstractmethod
    async def acquire_lease(self, name: str, holder: str, now: datetime, ttl_seconds: float) -> bool:
        """Take or renew the lease if free, expired, or already ours. True if we hold it."""

    @abstractmethod
    async def release_lease(self, name: str, holder: str) -> None: ...

    @abstractmethod
    async def lease_holder(self, name: str, now: datetime) -> str | None:
        """Who holds an unexpired lease, or None."""

    # -- change notice ----------------------------------------------------------------------------
    @abstractmethod
    async def data_version(self) -> int:
        """A number that changes when any process commits to the store (cheap to poll)."""

    # -- outbox (added by the store helper) ----------------------------------------------------
    @abstractmethod
    async def mark_outbox_sent(self, item_id: int, at: datetime) -> bool:
        """Record that a connector posted outbox item `item_id` at `at`; False if it was
        already marked sent (the first time stands). NotFoundError if there is no such item."""


# -- the rules both stores apply, so the fake and SQLite cannot drift apart -----------------------
#
# "Awaiting" means the state is new, claimed or referred (the queue and the `waiting` count use
# this). The first-response *clock* runs only while a message is awaiting and has no
# `responded_at`: warnings, breaches, `pending_events` and the warning/breached counts use that.

AWAITING_STATES: frozenset[MessageState] = frozenset(s for s in MessageState if s.awaiting_response)
EVENTS: tuple[int, ...] = (1, 2, 3)
"""1 first warning, 2 second warning, 3 breach (see `FiredEvent`)."""


def utc(value: datetime, name: str) -> datetime:
    """`value` as a UTC instant; NaiveDatetimeError naming `name` if it has no timezone."""
    return require_aware(value, name).astimezone(UTC)


def clock_runs(message: Message) -> bool:
    """Whether `message`'s first-response clock is running (warnings and breach may fire)."""
    return message.state in AWAITING_STATES and message.responded_at is None


def event_time(message: Message, event: int) -> datetime | None:
    """When event 1 (first warning), 2 (second warning) or 3 (breach) of `message` falls."""
    if event not in EVENTS:
        raise ValueError(f"event must be 1, 2 or 3, got {event!r}")
    return (message.warning_1_at, message.warning_2_at, message.due_at)[event - 1]


def event_fired(message: Message, event: int) -> bool:
    """Whether the event has fired. Firing warning 2 counts warning 1 as done too."""
    if event == 3:
        return message.breach_fired
    return message.warnings_fired >= event


def unfired_events(message: Message, until: datetime | None = None) -> list[tuple[int, datetime]]:
    """(event, when) of each unfired event at or before `until` (all if None), earliest first;
    none at all when the clock is not running."""
    if not clock_runs(message):
        return []
    found = []
    for event in EVENTS:
        when = event_time(message, event)
        if when is not None and not event_fired(message, event) and (until is None or when <= until):
            found.append((event, when))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


def next_event(message: Message) -> datetime | None:
    """When the earliest unfired event of `message` falls, or None."""
    events = unfired_events(message)
    return events[0][1] if events else None


def with_event_fired(message: Message, event: int) -> Message | None:
    """`message` with `event` marked fired, or None if it had fired or the clock has stopped."""
    if not clock_runs(message) or event_time(message, event) is None or event_fired(message, event):
        return None
    if event == 3:
        return message.model_copy(update={"breach_fired": True})
    return message.model_copy(update={"warnings_fired": event})


def changed_state(message: Message, change: StateChange) -> Message:
    """`message` after `change`, or ClaimConflictError / StateConflictError.

    The claim is checked first, so the loser of a claim race learns who holds it. Moving a
    message back to NEW releases its claim. The revision is left for the store to set.
    """
    holder = message.claimed_by
    allowed = (None, change.by, change.take_over_from)
    if change.claim and holder not in allowed and message.state in AWAITING_STATES:
        raise ClaimConflictError(message.id, holder)
    if change.expect_from is not None and message.state not in change.expect_from:
        expected = ", ".join(sorted(s.value for s in change.expect_from))
        raise StateConflictError(
            f"message {message.id} is {message.state.value}, not {expected}")
    at = utc(change.at, "change.at")
    if change.claim:
        holder = change.by
    elif change.to_state is MessageState.NEW:
        holder = None
    update: dict[str, Any] = {"state": change.to_state, "state_by": change.by, "state_at": at,
                              "claimed_by": holder}
    if change.respond:
        update["responded_at"] = at
    return message.model_copy(update=update)


def status_changes(current: tuple[bool, datetime] | None, is_open: bool, since: datetime) -> bool:
    """Whether recording (is_open, since) is a change: not if that state is already recorded,
    nor if the recorded change is later than `since` (a stale engine)."""
    if current is None:
        return True
    current_open, current_since = current
    return current_open != is_open and since >= current_since


def lease_free_for(current: tuple[str, datetime] | None, holder: str, now: datetime) -> bool:
    """Whether `holder` may take or renew a lease whose (holder, expires_at) is `current`."""
    return current is None or current[1] <= now or current[0] == holder


def log_references(actions: Sequence[Action], notifications: Sequence[Notification],
                   outbox: Sequence[OutboxItem]) -> set[int]:
    """The ids of the messages that log lines, notices and outbox items refer to."""
    refs = {a.message_id for a in actions} | {n.message_id for n in notifications}
    refs |= {o.in_reply_to for o in outbox}
    refs.discard(None)
    return refs  # type: ignore[return-value]


def missing_messages_error(missing: set[int]) -> NotFoundError:
    """What a store says when log lines, notices or outbox items refer to messages it does not
    hold (it writes none of them)."""
    ids = ", ".join(str(i) for i in sorted(missing))
    return NotFoundError(f"no message with id {ids}: a log line, notice or outbox item refers "
                         "to it, so nothing was written")


def jsonable_detail(detail: dict[str, Any]) -> dict[str, Any]:
    """An action's detail as it comes back from the store: JSON values only (datetimes become
    ISO strings), so both stores return the same thing."""
    return json.loads(json.dumps(to_jsonable_python(detail)))


def lane_then_page(lane: Sequence[Message], page: Sequence[Message], limit: int) -> list[Message]:
    """The queue: the lane's messages first, then the usual page without them, `limit` in all.
    (`page` is the first `limit` by due time, so it holds enough of the others.)"""
    ids = {m.id for m in lane}
    return [*lane, *(m for m in page if m.id not in ids)][:max(limit, 0)]


def queue_order(query: QueueQuery) -> Callable[[Message], tuple]:
    """The waiting queue's sort key: lane tier first (if the query puts the lane first), then
    soonest due (no due time last), oldest received, lowest id."""
    def key(message: Message) -> tuple:
        tier = lane_tier(message.labels, query.emergency_active) if query.lane_first else None
        due = message.due_at
        return (len(TIERS) if tier is None else tier, due is None, due or message.received_at,
                message.received_at, message.id)
    return key


def search_matches(needle: str, text: str, handle: str, display_name: str,
                   labels: Sequence[str]) -> bool:
    """The queue's search rule: `needle` (already casefolded) is a substring of the text, the
    handle or the display name, or equals a label, all compared casefolded (any Unicode)."""
    return (needle in text.casefold() or needle in handle.casefold()
            or needle in display_name.casefold()
            or any(label.casefold() == needle for label in labels))


_PLATFORM_VALUES = frozenset(p.value for p in Platform)
_KIND_VALUES = frozenset(k.value for k in MessageKind)


def check_row_values(rows: Sequence[MessageRow]) -> None:
    """StoreError naming the first row whose platform or kind is not one dutydesk knows
    (rows bypass the models, so a store checks what its readers will turn back into enums)."""
    for row in rows:
        if row.platform not in _PLATFORM_VALUES or row.kind not in _KIND_VALUES:
            raise StoreError(f"cannot store message {row.platform_id!r}: platform {row.platform!r} "
                             f"or kind {row.kind!r} is not one dutydesk knows; nothing in this "
                             "batch was stored")
