"""The store interface the service layer uses. `storage.sqlite` implements it with aiosqlite;
`storage.memory` is an in-memory fake for service and screen tests.

Every method that writes does so in one transaction: it is all there or none of it is.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from core.models import Action, InboundMessage, Message, MessageState, Notification, OutboxItem


class StoreError(Exception):
    """Something the store cannot do, said plainly (the file, what and why)."""


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


class NewMessage(BaseModel):
    """An inbound message with what intake worked out for it, ready to be stored."""

    model_config = ConfigDict(frozen=True)

    inbound: InboundMessage
    ingested_at: datetime
    due_at: datetime | None
    warning_1_at: datetime | None
    warning_2_at: datetime | None
    labels: tuple[str, ...] = ()
    """Labels after triage (intake labels plus those core added)."""


class InsertResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    message_id: int
    inserted: bool
    """False when (platform, platform_id) was already stored: nothing was written."""


class QueueQuery(BaseModel):
    """Which messages the queue shows."""

    model_config = ConfigDict(frozen=True)

    accounts: tuple[str, ...] | None = None
    """Only these accounts; None for all."""
    search: str | None = None
    """Case-insensitive substring of text, author handle or display name, or a label."""
    awaiting_only: bool = True
    """Only messages whose first-response clock runs (new, claimed, referred)."""
    limit: int = 200


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
    respond: bool = False
    """Also set responded_at = at (stops the first-response clock)."""


class FiredEvent(BaseModel):
    """A pre-breach warning (1 or 2) or the breach (3) of one message, fired at most once."""

    model_config = ConfigDict(frozen=True)

    message_id: int
    event: int
    """1 first warning, 2 second warning, 3 breach."""


class Store(ABC):
    """The async store. Open it with `await store.open()`, close with `await store.close()`."""

    @abstractmethod
    async def open(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    # -- messages ---------------------------------------------------------------------------
    @abstractmethod
    async def add_messages(self, rows: Sequence[NewMessage]) -> list[InsertResult]:
        """Store new messages in one transaction; a repeat of (platform, platform_id) is skipped."""

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
