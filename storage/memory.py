"""An in-memory `Store` for service and screen tests: the same rules as `storage.sqlite`, kept in
dicts and lists, gone when the object is.

The rules themselves (claims, firing once, leases, opening records) are the shared functions in
`storage.base`, so this fake and the SQLite store cannot drift apart; the contract tests in
`tests/storage/test_contract.py` run both against the same cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from core.models import Action, Author, Message, MessageKind, MessageState, Notification, OutboxItem, Platform
from storage.base import (
    AWAITING_STATES,
    AccountCounts,
    EventFiring,
    FiredEvent,
    NotFoundError,
    QueueQuery,
    StateChange,
    Store,
    StoreError,
    changed_state,
    check_row_values,
    clock_runs,
    jsonable_detail,
    lease_free_for,
    log_references,
    missing_messages_error,
    next_event,
    queue_order,
    search_matches,
    status_changes,
    unfired_events,
    utc,
    with_event_fired,
)
from storage.memory_drafts import MemoryDrafts
from storage.memory_moderation import MemoryModeration
from storage.memory_outbox import MemoryOutbox
from storage.memory_posts import MemoryPosts
from storage.memory_statutory import MemoryStatutory
from storage.rows import InsertResult, MessageRow, from_micros, unstorable_text


def build_message(row: MessageRow, message_id: int, revision: int) -> Message:
    """The stored form of `row`: every time in UTC, state NEW."""
    return Message.model_construct(
        id=message_id, platform=Platform(row.platform), platform_id=row.platform_id,
        account=row.account, kind=MessageKind(row.kind),
        author=Author.model_construct(platform_id=row.author_platform_id, handle=row.author_handle,
                                      display_name=row.author_display_name),
        text=row.text, received_at=from_micros(row.received_at), thread_id=row.thread_id,
        url=row.url, labels=tuple(row.labels), ingested_at=from_micros(row.ingested_at),
        due_at=from_micros(row.due_at), warning_1_at=from_micros(row.warning_1_at),
        warning_2_at=from_micros(row.warning_2_at), state=MessageState.NEW, state_by=None,
        state_at=None, claimed_by=None, responded_at=None, warnings_fired=0, breach_fired=False,
        revision=revision)


def _utc_or_none(value: datetime | None, name: str) -> datetime | None:
    return None if value is None else utc(value, name)


def _in_view(message: Message, query: QueueQuery, since: datetime | None) -> bool:
    """The state part of the queue's filter (see QueueQuery.handled_since and awaiting_only)."""
    if since is not None:
        return (message.state not in AWAITING_STATES and message.state_at is not None
                and message.state_at >= since)
    return not query.awaiting_only or message.state in AWAITING_STATES


class MemoryStore(MemoryModeration, MemoryOutbox, MemoryDrafts, MemoryPosts, MemoryStatutory, Store):
    """A `Store` in memory. `data_version()` goes up by one on every write that changed something."""

    def __init__(self) -> None:
        self._messages: dict[int, Message] = {}
        self._ids: dict[tuple[str, str], int] = {}
        self._revision = 0
        self._actions: list[Action] = []
        self._notifications: list[Notification] = []
        self._outbox: list[OutboxItem] = []
        self._status: dict[str, tuple[bool, datetime]] = {}
        self._leases: dict[str, tuple[str, datetime]] = {}
        self._version = 0
        self._open = False
        self._init_moderation()
        self._init_drafts()
        self._init_statutory()

    async def open(self) -> None:
        self._open = True

    async def close(self) -> None:
        self._open = False

    def _check_open(self) -> None:
        if not self._open:
            raise StoreError("the in-memory store is not open: call `await store.open()` first")

    def _changed(self) -> None:
        self._version += 1

    def _next_revision(self) -> int:
        self._revision += 1
        return self._revision

    # -- messages -----------------------------------------------------------------------------
    async def add_rows(self, rows: Sequence[MessageRow]) -> list[InsertResult]:
        self._check_open()
        check_row_values(rows)
        fresh: dict[tuple[str, str], Message] = {}
        results = []
        next_id = len(self._messages) + 1
        for row in rows:
            key = (row.platform, row.platform_id)
            known = self._ids.get(key) or (fresh[key].id if key in fresh else None)
            if known is not None:
                results.append(InsertResult(message_id=known, inserted=False))
                continue
            # Checked and built before anything is kept: a bad row leaves the store as it was.
            if (where := unstorable_text(row)) is not None:
                raise StoreError(f"cannot store {where}: it holds characters that are not "
                                 "valid Unicode text (a lone surrogate); nothing in this "
                                 "batch was stored")
            fresh[key] = build_message(row, next_id + len(fresh), self._revision + 1 + len(fresh))
            results.append(InsertResult(message_id=fresh[key].id, inserted=True))
        for key, message in fresh.items():
            self._messages[message.id] = message
            self._ids[key] = message.id
        if fresh:
            self._revision += len(fresh)
            self._changed()
        return results

    async def get_message(self, message_id: int) -> Message:
        self._check_open()
        try:
            return self._messages[message_id]
        except KeyError:
            raise NotFoundError(f"no message with id {message_id}") from None

    async def queue(self, query: QueueQuery) -> list[Message]:
        self._check_open()
        needle = query.search.casefold() if query.search else None
        since = utc(query.handled_since, "handled_since") if query.handled_since else None
        picked = [m for m in self._messages.values()
                  if _in_view(m, query, since)
                  and (query.accounts is None or m.account in query.accounts)
                  and m.kind not in query.exclude_kinds
                  and (needle is None or search_matches(needle, m.text, m.author.handle,
                                                        m.author.display_name, m.labels))]
        if since is not None:
            picked.sort(key=lambda m: (m.state_at, m.id), reverse=True)
            return picked[:max(query.limit, 0)]
        return sorted(picked, key=queue_order(query))[:max(query.limit, 0)]

    async def changed_since(self, revision: int, limit: int = 1000) -> list[Message]:
        self._check_open()
        newer = sorted((m for m in self._messages.values() if m.revision > revision),
                       key=lambda m: m.revision)
        return newer[:max(limit, 0)]

    async def max_revision(self) -> int:
        self._check_open()
        return max((m.revision for m in self._messages.values()), default=0)

    async def account_counts(self, now: datetime) -> dict[str, AccountCounts]:
        self._check_open()
        now = utc(now, "now")
        tally: dict[str, list[int]] = {}
        for m in self._messages.values():
            if m.state not in AWAITING_STATES:
                continue
            counts = tally.setdefault(m.account, [0, 0, 0])
            counts[0] += 1
            if not clock_runs(m):
                continue
            if m.due_at is not None and m.due_at <= now:
                counts[2] += 1
            elif m.warning_1_at is not None and m.warning_1_at <= now:
                counts[1] += 1
        return {account: AccountCounts(account=account, waiting=w, warning=x, breached=b)
                for account, (w, x, b) in sorted(tally.items())}

    async def count_messages(self) -> int:
        self._check_open()
        return len(self._messages)

    # -- changes ----------------------------------------------------------------------------------
    async def change_state(self, change: StateChange, actions: Sequence[Action] = (),
                           outbox: Sequence[OutboxItem] = (),
                           notifications: Sequence[Notification] = ()) -> Message:
        self._check_open()
        after = changed_state(await self.get_message(change.message_id), change)
        logs = self._prepared(actions, notifications, outbox)
        after = after.model_copy(update={"revision": self._next_revision()})
        self._messages[after.id] = after
        self._append(*logs)
        self._changed()
        return after

    async def fire_event(self, fired: FiredEvent, actions: Sequence[Action] = (),
                         notifications: Sequence[Notification] = ()) -> bool:
        self._check_open()
        after = with_event_fired(await self.get_message(fired.message_id), fired.event)
        if after is None:
            return False
        logs = self._prepared(actions, notifications, ())
        self._messages[after.id] = after.model_copy(update={"revision": self._next_revision()})
        self._append(*logs)
        self._changed()
        return True

    async def fire_events(self, firings: Sequence[EventFiring]) -> list[bool]:
        self._check_open()
        for firing in firings:  # all or nothing: a missing message fires none
            await self.get_message(firing.fired.message_id)
        return [await self.fire_event(*firing) for firing in firings]

    async def pending_events(self, until: datetime,
                             limit: int = 1000) -> list[tuple[Message, int, datetime]]:
        self._check_open()
        until = utc(until, "until")
        found = [(m, event, when) for m in self._messages.values()
                 for event, when in unfired_events(m, until)]
        found.sort(key=lambda item: (item[2], item[1], item[0].id))
        return found[:max(limit, 0)]

    async def next_event_at(self) -> datetime | None:
        self._check_open()
        return min((when for m in self._messages.values() if (when := next_event(m))),
                   default=None)

    # -- logs -------------------------------------------------------------------------------------
    def _prepared(self, actions: Sequence[Action], notifications: Sequence[Notification],
                  outbox: Sequence[OutboxItem]) -> tuple[list, list, list]:
        """Log lines with UTC times and JSON details, numbered, but not yet kept;
        NotFoundError if any refers to a message not held."""
        missing = log_references(actions, notifications, outbox) - self._messages.keys()
        if missing:
            raise missing_messages_error(missing)
        acts = [a.model_copy(update={"id": len(self._actions) + i + 1, "at": utc(a.at, "action.at"),
                                     "detail": jsonable_detail(a.detail)})
                for i, a in enumerate(actions)]
        notes = [n.model_copy(update={"id": len(self._notifications) + i + 1,
                                      "at": utc(n.at, "notification.at")})
                 for i, n in enumerate(notifications)]
        items = [o.model_copy(update={
            "id": len(self._outbox) + i + 1, "created_at": utc(o.created_at, "outbox.created_at"),
            "sent_at": _utc_or_none(o.sent_at, "outbox.sent_at")}) for i, o in enumerate(outbox)]
        return acts, notes, items

    def _append(self, actions: list, notifications: list, outbox: list) -> None:
        self._actions.extend(actions)
        self._notifications.extend(notifications)
        self._outbox.extend(outbox)

    async def record(self, actions: Sequence[Action] = (),
                     notifications: Sequence[Notification] = (),
                     outbox: Sequence[OutboxItem] = ()) -> None:
        self._check_open()
        logs = self._prepared(actions, notifications, outbox)
        self._append(*logs)
        if any(logs):
            self._changed()

    async def actions(self, message_id: int | None = None, after_id: int = 0,
                      limit: int = 500) -> list[Action]:
        self._check_open()
        picked = [a for a in self._actions
                  if a.id > after_id and (message_id is None or a.message_id == message_id)]
        return picked[:max(limit, 0)]

    async def notifications_after(self, after_id: int, limit: int = 200) -> list[Notification]:
        self._check_open()
        return [n for n in self._notifications if n.id > after_id][:max(limit, 0)]

    async def max_notification_id(self) -> int:
        self._check_open()
        return len(self._notifications)

    # -- account opening status -----------------------------------------------------------------
    async def account_status(self, account: str) -> tuple[bool, datetime] | None:
        self._check_open()
        return self._status.get(account)

    async def set_account_status(self, account: str, is_open: bool, since: datetime,
                                 actions: Sequence[Action] = (),
                                 notifications: Sequence[Notification] = (),
                                 outbox: Sequence[OutboxItem] = ()) -> bool:
        self._check_open()
        since = utc(since, "since")
        if not status_changes(self._status.get(account), is_open, since):
            return False
        logs = self._prepared(actions, notifications, outbox)
        self._status[account] = (is_open, since)
        self._append(*logs)
        self._changed()
        return True

    # -- the engine lease -------------------------------------------------------------------------
    async def acquire_lease(self, name: str, holder: str, now: datetime, ttl_seconds: float) -> bool:
        self._check_open()
        now = utc(now, "now")
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        if not lease_free_for(self._leases.get(name), holder, now):
            return False
        self._leases[name] = (holder, now + timedelta(seconds=ttl_seconds))
        self._changed()
        return True

    async def release_lease(self, name: str, holder: str) -> None:
        self._check_open()
        if self._leases.get(name, ("",))[0] == holder:
            del self._leases[name]
            self._changed()

    async def lease_holder(self, name: str, now: datetime) -> str | None:
        self._check_open()
        now = utc(now, "now")
        current = self._leases.get(name)
        return current[0] if current is not None and current[1] > now else None

    # -- change notice ----------------------------------------------------------------------------
    async def data_version(self) -> int:
        self._check_open()
        return self._version
