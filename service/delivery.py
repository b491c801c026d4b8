"""The delivery worker: hands each outbox item to its account's connector, exactly once from
dutydesk's side, run by the engine that holds the store's lease.

For each due item (`Store.due_deliveries`):

1. `Store.begin_delivery` counts the attempt and sets the next one after the backoff, in one
   transaction that also checks the item is not held, sent or failed. That record comes
   first: if the process dies while the connector is talking, the item is tried again after the
   backoff, with the same idempotency key, so the receiver drops the repeat.
2. The connector runs on a thread, with its timeout (and a little more as a hard stop).
3. Accepted: `mark_outbox_sent`. Failed: `delivery_failed` with the error and the next try, or,
   when the receiver refused it or every retry is used, `failed_at`: it waits for a person
   (`dutydesk outbox retry`). The first failure and the giving up each post a notice the
   account's desks toast; the sidebar's outbox line counts failed items until they go.

Held items (`OutboxItem.held`, set by `Store.hold_outbox`: the emergency freeze's hook) are
never begun. Items of accounts with no connector are flagged (`Store.route_outbox`) and wait,
shown as "no connector"; nothing pretends to send them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.clock import Clock
from core.delivery import BACKOFF, idempotency_key, retry_delay
from core.models import Message, Notification, NotificationLevel, OutboxItem
from service.connectors import Connector, Delivery, DeliveryError
from storage.base import NotFoundError, Store, StoreDamagedError

log = logging.getLogger("dutydesk.engine")

#: Seconds a connector may overrun its own timeout before the worker stops waiting for it.
OVERRUN = 5.0

#: Runs a blocking call off the event loop (tests may pass one that runs it inline).
Offload = Callable[..., Awaitable[None]]


@dataclass
class DeliveryRun:
    """What one pass of the worker did."""

    sent: int = 0
    failed: int = 0


class DeliveryWorker:
    """Delivers the outbox of one store through `connectors` (by account id)."""

    def __init__(self, store: Store, clock: Clock, connectors: Mapping[str, Connector], *,
                 batch: int = 50, offload: Offload = asyncio.to_thread) -> None:
        self.store = store
        self.clock = clock
        self.connectors = dict(connectors)
        self.batch = batch
        self._offload = offload
        self._store_id: str | None = None
        self._running: asyncio.Task[DeliveryRun] | None = None
        self._again = False

    # -- the engine's hook ---------------------------------------------------------------------
    async def run(self, acting: Callable[[], bool] = lambda: True) -> float | None:
        """Deliver what is due now, while `acting()`; seconds until the next item is due (None:
        nothing waits). A call while a pass runs makes that pass go round once more instead."""
        if self._running is not None:
            self._again = True
            return None
        try:
            while True:
                self._again = False
                self._running = asyncio.ensure_future(self.run_due(self.clock.now(), acting))
                try:
                    await self._running
                except StoreDamagedError:
                    raise  # the engine stops every job and says so once
                except Exception:
                    log.exception("delivery: a pass failed; trying again shortly")
                    return 5.0
                if not self._again or not acting():
                    break
        finally:
            self._running = None
        return await self.seconds_to_next()

    async def wait_idle(self, timeout: float) -> None:
        """Let a running pass finish its current item (the engine is stopping)."""
        running = self._running
        if running is not None:
            await asyncio.wait([running], timeout=timeout)

    async def seconds_to_next(self) -> float | None:
        at = await self.store.next_delivery_at()
        return None if at is None else max((at - self.clock.now()).total_seconds(), 0.0)

    # -- the work, callable directly -------------------------------------------------------------
    async def run_due(self, now: datetime, acting: Callable[[], bool] = lambda: True) -> DeliveryRun:
        """Flag unrouted items, then try each item due at `now` once."""
        done = DeliveryRun()
        await self._route(now)
        for item in await self.store.due_deliveries(now, self.batch):
            if not acting():
                break
            sent = await self.deliver(item, now)
            if sent is True:
                done.sent += 1
            elif sent is False:
                done.failed += 1
        return done

    async def deliver(self, item: OutboxItem, now: datetime) -> bool | None:
        """One attempt at `item`: True sent, False failed, None not begun (held, sent or failed
        meanwhile, or not due)."""
        assert item.id is not None
        connector = self.connectors.get(item.account)
        if connector is None:
            return None
        attempt = item.attempts + 1
        guard = retry_delay(attempt) or BACKOFF[-1]
        started = await self.store.begin_delivery(item.id, now, now + guard)
        if started is None:
            return None
        delivery = Delivery(started, idempotency_key(await self._identity(), item.id),
                            started.attempts, await self._answered(started))
        try:
            await asyncio.wait_for(self._offload(connector.deliver, delivery),
                                   connector.timeout + OVERRUN)
        except Exception as exc:  # noqa: BLE001 - any fault of a connector is a failed attempt
            await self._failed(started, _reason(exc, connector), getattr(exc, "permanent", False))
            return False
        await self.store.mark_outbox_sent(item.id, self.clock.now())
        if started.last_error is not None:  # the desk was told it had failed: say it went
            await self.store.record(notifications=[delivered_notice(started, self.clock.now())])
        log.info("delivery: outbox item %s sent to %s (attempt %s)", item.id, item.account,
                 started.attempts)
        return True

    # -- helpers ---------------------------------------------------------------------------------
    async def _identity(self) -> str:
        if self._store_id is None:
            self._store_id = await self.store.store_id()
        return self._store_id

    async def _answered(self, item: OutboxItem) -> Message | None:
        if item.in_reply_to is None:
            return None
        try:
            return await self.store.get_message(item.in_reply_to)
        except NotFoundError:
            return None

    async def _failed(self, item: OutboxItem, reason: str, permanent: bool) -> None:
        assert item.id is not None
        now = self.clock.now()
        delay = None if permanent else retry_delay(item.attempts)
        retry_at = None if delay is None else now + delay
        notices = failure_notices(item, reason, now, retry_at)
        await self.store.delivery_failed(item.id, reason, now, retry_at, notices)
        log.warning("delivery: outbox item %s (%s) attempt %s failed: %s", item.id, item.account,
                    item.attempts, reason)

    async def _route(self, now: datetime) -> None:
        flagged = await self.store.route_outbox(self.connectors.keys())
        if flagged:
            await self.store.record(notifications=[no_connector_notice(a, n, now)
                                                   for a, n in flagged.items()])


def _reason(exc: BaseException, connector: Connector) -> str:
    if isinstance(exc, TimeoutError) and not isinstance(exc, DeliveryError):
        return f"no answer within {connector.timeout + OVERRUN:g} seconds"
    return str(exc) or type(exc).__name__


def _label(item: OutboxItem) -> str:
    return f"{item.kind.replace('_', ' ')} #{item.id} on {item.account}"


def failure_notices(item: OutboxItem, reason: str, now: datetime,
                    retry_at: datetime | None) -> list[Notification]:
    """The notice for a first failure (trying again) or for giving up; none for later retries."""
    if retry_at is None:
        return [Notification(
            at=now, level=NotificationLevel.ERROR, kind="delivery_failed",
            title=f"Not delivered: {_label(item)}",
            body=(f"Gave up after {item.attempts} attempt(s): {reason}. It is kept; retry it "
                  f"with `dutydesk outbox retry {item.id}`."),
            message_id=item.in_reply_to, account=item.account)]
    if item.attempts != 1:
        return []
    wait = _words(retry_at - now)
    return [Notification(
        at=now, level=NotificationLevel.WARNING, kind="delivery_retrying",
        title=f"Not delivered yet: {_label(item)}",
        body=f"{reason}. Trying again in {wait}, then with longer waits.",
        message_id=item.in_reply_to, account=item.account)]


def delivered_notice(item: OutboxItem, now: datetime) -> Notification:
    """The notice that an item which had failed has now been delivered."""
    return Notification(
        at=now, level=NotificationLevel.INFO, kind="delivery_sent",
        title=f"Delivered: {_label(item)}", body=f"Delivered at attempt {item.attempts}.",
        message_id=item.in_reply_to, account=item.account)


def no_connector_notice(account: str, count: int, now: datetime) -> Notification:
    """The notice that items of `account` wait because it has no connector."""
    return Notification(
        at=now, level=NotificationLevel.WARNING, kind="delivery_no_connector",
        title=f"No connector for {account}",
        body=(f"{count} outbox item(s) for {account} are kept but not sent: no connector is "
              "configured for it (see connectors.toml)."), account=account)


def _words(delay: timedelta) -> str:
    seconds = int(delay.total_seconds())
    return f"{seconds} seconds" if seconds < 120 else f"{seconds // 60} minutes"
