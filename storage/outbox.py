"""The store's delivery side: what the delivery worker (`service.delivery`) and the emergency
freeze ask of the outbox. `Store` inherits it; `storage.sqlite_outbox` and `storage.memory_outbox`
implement it with the same rules (the pure ones are here and in `core.delivery`).

An item is *deliverable* when it is unsent, not held, not failed and its account has a
connector. `begin_delivery` is the line nothing crosses twice: in one transaction it checks the
item is deliverable and due, counts the attempt and sets when the next may start. A freeze
(`hold_outbox`) committed before that transaction keeps the item from the connector; one
committed after it cannot recall the attempt already on its way (the item is then recorded as
sent if the connector accepted it).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from core.delivery import DeliveryState, delivery_state
from core.models import Action, Notification, OutboxItem

#: The longest error text kept for an item (a connector's answer can be long).
MAX_ERROR_CHARS = 500


class OutboxCounts(BaseModel):
    """Unsent outbox items of one account, by delivery state."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    account: str
    """The account the items are for."""
    queued: int = 0
    """Waiting for their first attempt."""
    retrying: int = 0
    """Failed at least once; tried again after the backoff."""
    no_connector: int = 0
    """Not being sent: no connector is configured for the account."""
    held: int = 0
    """Held (the emergency freeze, a review): never handed to a connector until released."""
    failed: int = 0
    """Delivery gave up: waiting for a person to retry (never dropped)."""

    @property
    def problems(self) -> int:
        """Items a person should look at: failed, or with nowhere to go."""
        return self.failed + self.no_connector


class HoldFilter(BaseModel):
    """Which unsent items `hold_outbox` holds: all of them when every field is None."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item_ids: tuple[int, ...] | None = None
    """Only these items."""
    accounts: tuple[str, ...] | None = None
    """Only items for these accounts."""
    kinds: tuple[str, ...] | None = None
    """Only items of these kinds (e.g. "post")."""

    def matches(self, item: OutboxItem) -> bool:
        return ((self.item_ids is None or item.id in self.item_ids)
                and (self.accounts is None or item.account in self.accounts)
                and (self.kinds is None or item.kind in self.kinds))


def deliverable(item: OutboxItem, now: datetime | None = None) -> bool:
    """Unsent, not held, not failed, routed, and (if `now` is given) due at `now`."""
    if item.sent_at is not None or item.held or item.failed_at is not None or item.no_connector:
        return False
    return now is None or item.next_attempt_at is None or item.next_attempt_at <= now


def next_try(item: OutboxItem) -> datetime:
    """When a deliverable item may next be tried (its creation if never tried)."""
    return item.next_attempt_at or item.created_at


def short_error(error: str) -> str:
    """`error` on one line and cut to MAX_ERROR_CHARS."""
    flat = " ".join(error.split())
    return flat if len(flat) <= MAX_ERROR_CHARS else flat[:MAX_ERROR_CHARS - 1] + "…"


def count_by_account(items: Sequence[OutboxItem]) -> dict[str, OutboxCounts]:
    """OutboxCounts per account of unsent `items` (the fake's way; SQLite counts in SQL)."""
    tally: dict[str, dict[str, int]] = {}
    field = {DeliveryState.QUEUED: "queued", DeliveryState.RETRYING: "retrying",
             DeliveryState.NO_CONNECTOR: "no_connector", DeliveryState.HELD: "held",
             DeliveryState.FAILED: "failed"}
    for item in items:
        state = delivery_state(item)
        if state is not DeliveryState.SENT:
            counts = tally.setdefault(item.account, {})
            counts[field[state]] = counts.get(field[state], 0) + 1
    return {a: OutboxCounts(account=a, **c) for a, c in sorted(tally.items())}


class DeliveryStore(ABC):
    """The outbox methods of `Store` that delivery and the freeze use."""

    @abstractmethod
    async def store_id(self) -> str:
        """A random identity made when the store was created, the same for every process and
        every restart (idempotency keys are built from it)."""

    @abstractmethod
    async def outbox_item(self, item_id: int) -> OutboxItem:
        """One item; NotFoundError if there is none."""

    @abstractmethod
    async def due_deliveries(self, now: datetime, limit: int = 100) -> list[OutboxItem]:
        """Deliverable items due at `now`, oldest first."""

    @abstractmethod
    async def next_delivery_at(self) -> datetime | None:
        """When the earliest deliverable item may be tried, or None."""

    @abstractmethod
    async def begin_delivery(self, item_id: int, now: datetime,
                             retry_at: datetime) -> OutboxItem | None:
        """If the item is deliverable and due at `now`: count the attempt, set its next attempt
        to `retry_at` (so a crash before the outcome is recorded retries after the backoff, with
        the same key) and return it; otherwise None (held, sent, failed, not due)."""

    @abstractmethod
    async def delivery_failed(self, item_id: int, error: str, at: datetime,
                              retry_at: datetime | None,
                              notifications: Sequence[Notification] = ()) -> bool:
        """Record a failed attempt: its error and the next try at `retry_at`, or, with None,
        give up (failed_at = `at`) until a person retries. False if the item was sent meanwhile."""

    @abstractmethod
    async def route_outbox(self, routed: Collection[str]) -> dict[str, int]:
        """Flag unsent items of accounts not in `routed` as having no connector and unflag those
        of accounts in it; how many items of each account were newly flagged."""

    @abstractmethod
    async def hold_outbox(self, reason: str, which: HoldFilter = HoldFilter()) -> list[int]:
        """Hold every unsent item `which` picks, in one transaction; the ids newly held. The
        emergency freeze's hook: a held item never reaches a connector until released."""

    @abstractmethod
    async def release_outbox(self, item_ids: Sequence[int]) -> list[int]:
        """Release held unsent items (a person's decision); the ids released."""

    @abstractmethod
    async def retry_outbox(self, item_id: int, actions: Sequence[Action] = (),
                           notifications: Sequence[Notification] = ()) -> bool:
        """A person's retry: a failed or retrying item is tried at once, its attempts counted
        afresh (the last error is kept until the next outcome), recorded with `actions` and
        `notifications`. False if sent or held (nothing recorded); NotFoundError if there is
        no such item."""

    @abstractmethod
    async def outbox_counts(self) -> dict[str, OutboxCounts]:
        """Unsent items per account, by delivery state (accounts with none are left out)."""
