"""What the dashboard holds between refreshes, and its rules for toasts and the bell.

Plain data and pure functions (no widgets), so the rules can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from core.models import Message, Notification, NotificationLevel
from storage.base import AccountCounts
from storage.outbox import OutboxCounts

#: How many of the store's soonest-due messages the queue holds at once. The rest are counted
#: in the sidebar and reached by filtering; 500 rows is far more than a screen shows.
QUEUE_WINDOW = 500


@dataclass(frozen=True)
class QueueFilter:
    """Which messages the officer asked to see."""

    account: str | None = None
    """One account's id, or None for all the officer's accounts."""
    search: str = ""
    """Text, author or label to look for ('' for everything)."""

    @property
    def accounts(self) -> tuple[str, ...] | None:
        return None if self.account is None else (self.account,)


@dataclass(frozen=True)
class QueueWindow:
    """One refresh's result: the soonest-due messages and the counts per account."""

    filter: QueueFilter
    messages: Sequence[Message] = ()
    counts: dict[str, AccountCounts] = field(default_factory=dict)
    limit: int = QUEUE_WINDOW
    outbox: dict[str, OutboxCounts] = field(default_factory=dict)
    """Unsent outbox items per account (the outbox line shows failures and what cannot go)."""
    store_empty: bool = False
    """The store has never held a message (the queue then says how to bring some in)."""
    quiet: frozenset[str] = frozenset()
    """The officer's accounts with nothing posted or scheduled today (the sidebar marks them)."""

    @property
    def waiting(self) -> int:
        """Messages waiting on the accounts in view (all matches, not only those fetched)."""
        chosen = self.counts if self.filter.account is None else {
            self.filter.account: self.counts.get(self.filter.account)}
        return sum(c.waiting for c in chosen.values() if c is not None)

    @property
    def waiting_shown(self) -> int:
        """How many of the fetched messages still wait (the rest were answered or closed lately)."""
        return sum(1 for m in self.messages if m.state.awaiting_response)

    def summary(self) -> str:
        """`showing 500 of 1,234` when the window is full, else how many are shown waiting."""
        shown = self.waiting_shown
        if self.filter.search:
            more = " (first matches)" if shown >= self.limit else ""
            return f"{shown:,} matching {self.filter.search!r}{more}"
        total = self.waiting
        if shown >= self.limit and total > shown:
            return f"showing {shown:,} of {total:,}"
        return f"{shown:,} waiting"


#: What an empty queue says when the store has never held a message: how to bring some in.
EMPTY_STORE_LINES = (
    "No messages yet. To bring them in:",
    "  dutydesk import FILE.jsonl    one message a line (- reads stdin)",
    "  dutydesk schema inbound       the JSON Schema each line follows",
    "  dutydesk demo                 a desk with a simulated feed, to try things",
)


def empty_lines(window: QueueWindow, account_name: str = "") -> tuple[str, ...]:
    """What the queue says when it shows no message: how to bring messages into an empty
    store; that nothing matches a filter (and how to clear it); else that nothing waits."""
    if window.store_empty:
        return EMPTY_STORE_LINES
    if window.filter.search:
        where = f" on {account_name}" if account_name else ""
        return (f"Nothing matches {window.filter.search!r}{where}. esc clears the filter.",)
    if window.filter.account is not None:
        return (f"Nothing waiting on {account_name or window.filter.account}. "
                "esc shows every account.",)
    return ("No messages waiting: every message is answered or set aside.",)


_SEVERITY = {
    NotificationLevel.INFO: "information",
    NotificationLevel.WARNING: "warning",
    NotificationLevel.ERROR: "error",
}


def toast_severity(notification: Notification) -> str:
    """The toast severity for a notification level."""
    return _SEVERITY.get(notification.level, "information")


def concerns(notification: Notification, role: str, accounts: Collection[str]) -> bool:
    """Whether the officer should see `notification` at all.

    Notices about accounts the officer is not authorised for are not shown: their titles may
    quote messages the officer may not see. Escalations to the officer's role always are.
    """
    if notification.role is not None and notification.role == role:
        return True
    return notification.account is None or notification.account in accounts


def rings(notification: Notification, role: str, accounts: Collection[str]) -> bool:
    """Whether `notification` should ring the officer's bell.

    Rings: anything escalated to the officer's own role (a breach sent to the lead rings at the
    lead's desk), and warnings or breaches that are not escalated elsewhere, on accounts the
    officer can see. Does not ring: information notices (an account opening or closing), and
    escalations to another role (the officer gets the toast, the other role gets the bell).
    """
    if notification.role is not None:
        return notification.role == role
    if notification.level == NotificationLevel.INFO:
        return False
    return notification.account is None or notification.account in accounts
