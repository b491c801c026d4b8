"""Statutory clocks' events in the store: when each statutory deadline of a message warns and
runs out (`core.statutory_events`), and whether that has fired, at most once.

The engine schedules them itself, from the messages it has not yet looked at: it asks for
`statutory_unscheduled` (the messages past the store's scan mark that carry a statutory label
and still wait), works out their instants on the account's calendar, and stores them with
`schedule_statutory`, which moves the mark in the same transaction, compare-and-set, so two
engines never schedule twice. Firing is compare-and-set too (`fire_statutory`): an event fires
only while its message waits (new, claimed, referred) and only once, with its log lines.

`Store` inherits these; `storage.sqlite_statutory` and `storage.memory_statutory` implement
them, and `tests/storage/test_statutory_contract.py` runs both on the same cases.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from core.models import Action, Message, Notification

#: The labels that start a statutory clock (`core.statutory`).
STATUTORY_LABELS = frozenset({"foi", "sar", "complaint"})


class StatutoryRow(NamedTuple):
    """One statutory event of one message."""

    message_id: int
    deadline: str
    """The deadline's short name (`FOI`, `SAR`, `ACK`...), unique within the message."""
    event: int
    """1 first warning, 2 second warning, 3 late."""
    fires_at: datetime
    """When it falls (timezone-aware; UTC as read back)."""


class StatutoryFiring(NamedTuple):
    """One statutory event to fire with its log lines, for `fire_statutory`."""

    row: StatutoryRow
    actions: Sequence[Action] = ()
    notifications: Sequence[Notification] = ()


class UnscheduledMessages(NamedTuple):
    """What `statutory_unscheduled` found: the messages to schedule and the scan mark to move."""

    messages: list[Message]
    """Waiting messages with a statutory label, ids in (`after`, `through`], lowest first."""
    after: int
    """The scan mark as it stood (pass it back to `schedule_statutory`)."""
    through: int
    """The highest message id this look covered."""


class StatutoryStore(ABC):
    """Scheduling, finding and firing statutory events; each call is one transaction."""

    @abstractmethod
    async def statutory_unscheduled(self, limit: int = 20_000) -> UnscheduledMessages:
        """The next messages not yet scheduled: ids past the scan mark, at most `limit` ids on
        (`through` - `after` <= `limit`); of those, the waiting ones with a statutory label."""

    @abstractmethod
    async def schedule_statutory(self, rows: Sequence[StatutoryRow], after: int, through: int) -> bool:
        """Store `rows` and move the scan mark from `after` to `through`, in one transaction;
        False (nothing stored) if the mark is no longer at `after` (another engine did it)."""

    @abstractmethod
    async def pending_statutory(self, until: datetime, limit: int = 1000) -> list[tuple[Message, StatutoryRow]]:
        """Unfired events due at or before `until` of messages still waiting; earliest first."""

    @abstractmethod
    async def next_statutory_at(self) -> datetime | None:
        """When the earliest unfired event of a waiting message falls, or None."""

    @abstractmethod
    async def fire_statutory(self, firings: Sequence[StatutoryFiring], at: datetime) -> list[bool]:
        """Mark each event fired at `at` and append its log lines, in ONE transaction, unless it
        had fired or its message no longer waits; for each, whether it fired. The message's
        revision moves, so dashboards show its history again."""

    @abstractmethod
    async def retire_statutory(self, until: datetime) -> int:
        """Set aside the unfired events due by `until` of messages no longer waiting (answered
        or set aside before their time): they never fire. How many."""

    @abstractmethod
    async def statutory_rows(self, message_id: int) -> list[tuple[StatutoryRow, datetime | None]]:
        """Every scheduled event of the message with when it fired (None: not yet), by time."""
