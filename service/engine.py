"""The engine: fires first-response warnings and breaches, and records openings and closings,
for one store, from whichever process holds the store's engine lease.

    engine = Engine(store, pack, SystemClock(), holder="host:1234")
    await engine.start()     # a follower until the lease is free, then the leader
    ...
    engine.nudge()           # new messages were stored in this process: look at them now
    await engine.stop()      # lets a running job finish, then gives the lease up

Every job is derived from the store, never kept only in memory, so a restart (or another
process taking over) picks up where the last engine stopped:

* `events` fires at the earliest unfired warning or breach (`store.next_event_at()`), fires
  everything pending up to now and re-arms itself for the next one;
* `hours` fires at the next opening or closing of any account and records it;
* `watch` re-arms both when `store.data_version()` changes (another process stored messages)
  and every few seconds regardless;
* `lease` renews the lease every `heartbeat` seconds (and, for a follower, tries to take it);
* `delivery` (given a `DeliveryWorker`) hands due outbox items to their connectors and
  re-arms itself for the next retry (`service.delivery`); it runs beside the others, not
  under their lock, so a slow receiver never holds up a warning.

Only the lease holder runs the first three. On taking the lease, the engine catches up: a
warning whose time passed while no engine ran fires once then. `Store.fire_event` and
`Store.set_account_status` are compare-and-set, so even two engines briefly both believing they
lead (one paused past its ttl) never fire or record anything twice.

Triggers run on real time (APScheduler's `AsyncIOScheduler`); every decision uses the injected
`clock`. A delay is worked out on the injected clock and run that long from now, so a clock
shifted from real time (the demo) still fires on its own time.

The dashboard: build an `Engine` on the dashboard's store and start it with the dashboard. If a
headless `dutydesk serve` (or another dashboard) holds the lease, this engine just stays a
follower, renewing nothing, and takes over within `lease_ttl` seconds if that holder dies.
Call `nudge()` after the dashboard's own intake stores messages, and `stop()` on exit.
Tests call `run_due(now)`, `run_opening(now)` and `beat()` directly with a `FixedClock`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from core.clock import Clock, require_aware
from core.policy import PolicyPack
from service.delivery import DeliveryWorker
from service.firing import fire_due
from service.lease import Lease, LeaseChange
from service.opening import next_opening_change, record_opening
from service.publishing import next_work_at, publish_posts
from storage.base import Store, StoreDamagedError, StoreError

log = logging.getLogger("dutydesk.engine")

#: Seconds between re-arms of the jobs even when nothing seems to have changed: covers a clock
#: that jumped, a machine that slept, and changes `data_version` cannot see.
REARM_EVERY = 5.0

_JOB_DEFAULTS = {"coalesce": True, "misfire_grace_time": None, "max_instances": 1}
# A re-armed job may fire while its previous run is finishing; let it start (it waits on the
# engine's lock) rather than be skipped.
_ARMED = {"max_instances": 3}

Job = Callable[[], Awaitable[None]]


class Engine:
    """Fires warnings and breaches and records openings, while it holds the store's lease."""

    def __init__(self, store: Store, pack: PolicyPack, clock: Clock, holder: str,
                 lease_ttl: float = 5.0, heartbeat: float = 1.0,
                 delivery: DeliveryWorker | None = None) -> None:
        if not 0 < heartbeat < lease_ttl:
            raise ValueError(f"heartbeat ({heartbeat}s) must be positive and shorter than "
                             f"the lease ttl ({lease_ttl}s)")
        self.store = store
        self.pack = pack
        self.clock = clock
        self.heartbeat = heartbeat
        self.delivery = delivery
        """Delivers the outbox while this engine leads (None: nothing is delivered)."""
        self._lease = Lease(store, clock, holder, lease_ttl)
        self._scheduler: AsyncIOScheduler | None = None
        self._lock = asyncio.Lock()
        """Held while a job works, so jobs never overlap and `stop()` can wait for one."""
        self._stopping = False
        self._seen_version: int | None = None
        self._watch_ticks = 0
        self._again: set[str] = set()
        self._busy: set[str] = set()
        self._renewing: asyncio.Task[None] | None = None
        """The heartbeat's renewal in flight, which `stop()` lets finish."""
        self._stopped: asyncio.Event | None = None
        """Set when the last `stop()` has finished (a second caller waits for it)."""
        self.failure: StoreDamagedError | None = None
        """Set when the store turned out damaged: the engine then stops working for good."""
        self.failed = asyncio.Event()
        """Set with `failure`; `dutydesk serve` waits on it to stop with one clear line."""

    @property
    def holder(self) -> str:
        """Who this engine says it is in the lease row."""
        return self._lease.holder

    @property
    def is_leader(self) -> bool:
        """Whether this engine holds the lease (as of its last renewal)."""
        return self._lease.held

    def scheduled_jobs(self) -> list[str]:
        """The ids of the jobs scheduled now: `lease` once started, and while leading `watch`,
        `hours` (if any account ever opens or closes) and `events` (if any event is pending)."""
        if self._scheduler is None:
            return []
        return sorted(job.id for job in self._scheduler.get_jobs())

    # -- the work, callable directly ----------------------------------------------------------
    async def run_due(self, now: datetime, keep_going: Callable[[], bool] = lambda: True) -> int:
        """Fire every warning and breach due at or before `now`, in batches, until `keep_going()`
        says stop (missed ones end in one summary notice, see `service.firing.fire_due`), and
        publish (or hold) the scheduled posts due by then (`service.publishing`); how many
        events fired here."""
        fired = await fire_due(self.store, self.pack, require_aware(now, "now"), keep_going)
        if keep_going():
            await publish_posts(self.store, self.pack, now)
        return fired

    async def run_opening(self, now: datetime) -> int:
        """Record each account whose opening status at `now` differs from the stored one."""
        return await record_opening(self.store, self.pack, require_aware(now, "now"))

    async def beat(self) -> LeaseChange:
        """Renew (or try for) the lease once, starting or stopping the jobs if that changed."""
        change = await self._lease.renew()
        if change is LeaseChange.GAINED:
            log.info("lease: %s is now the engine", self.holder)
            self._start_jobs()
        elif change is LeaseChange.LOST:
            log.warning("lease: %s lost the engine lease; stopping its jobs", self.holder)
            self._stop_jobs()
        return change

    # -- life cycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        """Start the scheduler; if the lease is free, catch up at once and lead."""
        if self._scheduler is not None:
            raise RuntimeError("the engine is already started")
        self._stopping = False
        self._stopped = asyncio.Event()
        scheduler = self._scheduler = AsyncIOScheduler(timezone=UTC, job_defaults=_JOB_DEFAULTS)
        gained = await self._lease.renew() is LeaseChange.GAINED
        # The heartbeat runs from here on, so a long catch-up cannot let the lease run out.
        scheduler.add_job(self._lease_job, IntervalTrigger(seconds=self.heartbeat), id="lease",
                          replace_existing=True)
        scheduler.start()
        if not gained:
            log.info("lease: %s is following (another engine holds the store)", self.holder)
            return
        log.info("lease: %s is now the engine", self.holder)
        try:
            # Catch up before returning, so a caller sees missed warnings fired once start
            # ends; if that fails, the jobs started below try again.
            async with self._lock:
                await self._logged("catch-up", self._catch_up)
        except BaseException:  # cancelled: leave nothing running
            await self.stop()
            raise
        if self.is_leader:
            self._start_jobs()

    async def stop(self) -> None:
        """Stop the jobs (letting a running one finish its batch) and give up the lease. A second
        call while the first runs waits for it, so a store closed after `stop()` is not in use."""
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is None:
            if self._stopped is not None:
                await self._stopped.wait()
            return
        try:
            await self._stop(scheduler)
        finally:
            assert self._stopped is not None
            self._stopped.set()

    async def _stop(self, scheduler: AsyncIOScheduler) -> None:
        self._stopping = True
        scheduler.remove_all_jobs()
        renewing = self._renewing
        if renewing is not None and renewing is not asyncio.current_task():
            # The heartbeat takes no lock (a long catch-up must not hold it up); shutting the
            # scheduler down would cancel it mid-renewal and report the job as failed.
            await asyncio.wait([renewing], timeout=self._lease.ttl)
        if self.delivery is not None:
            await self.delivery.wait_idle(self._lease.ttl)
        async with self._lock:
            if scheduler.running:
                scheduler.shutdown(wait=False)
            try:
                await self._lease.release()
            except StoreError as exc:
                if self.failure is None:
                    raise
                log.info("lease: not released (%s)", exc)  # it runs out by itself
        await asyncio.sleep(0)  # the scheduler shuts down on the next turn of the loop
        log.info("lease: %s stopped", self.holder)

    def nudge(self) -> None:
        """New messages were stored in this process: fire or schedule their events now."""
        if self.is_leader:
            self._arm("events", self._events_job, 0.0)

    # -- jobs ---------------------------------------------------------------------------------
    def _start_jobs(self) -> None:
        if self._scheduler is None:
            return
        self._watch_ticks = 0
        self._arm("events", self._events_job, 0.0)
        self._arm("hours", self._hours_job, 0.0)
        self._arm_delivery(0.0)
        self._scheduler.add_job(self._watch_job, IntervalTrigger(seconds=self.heartbeat),
                                id="watch", replace_existing=True)

    def _stop_jobs(self) -> None:
        if self._scheduler is None:
            return
        for job_id in ("events", "hours", "watch", "delivery"):
            if self._scheduler.get_job(job_id) is not None:
                self._scheduler.remove_job(job_id)

    def _acting(self) -> bool:
        """Whether a job may work now: we hold the lease and our last renewal has not run out."""
        return not self._stopping and self._lease.still_valid()

    def _arm(self, job_id: str, job: Job, delay: float) -> None:
        """Run `job` once, `delay` seconds of the clock from now (replacing its earlier arming)."""
        if self._scheduler is None or self._stopping:
            return
        run_at = datetime.now(UTC) + timedelta(seconds=max(delay, 0.0))
        self._scheduler.add_job(job, DateTrigger(run_date=run_at, timezone=UTC), id=job_id,
                                replace_existing=True, **_ARMED)

    def _delay_until(self, at: datetime | None, ran_for: datetime) -> float | None:
        """Seconds until `at` on the clock; None for never. Something still due at the instant
        just handled means the store would not fire it: try again after a heartbeat, not at once."""
        if at is None:
            return None
        if at <= ran_for:
            return self.heartbeat
        return (at - self.clock.now()).total_seconds()

    async def _catch_up(self) -> None:
        now = self.clock.now()
        await self.run_opening(now)
        # Stops within a batch when the engine stops (a dashboard quit): the rest is left for
        # the next engine.
        await self.run_due(now, self._acting)

    async def _events_job(self) -> None:
        await self._coalesced("events", self._events_job, self._events_once)

    async def _hours_job(self) -> None:
        await self._coalesced("hours", self._hours_job, self._hours_once)

    async def _events_once(self) -> None:
        now = self.clock.now()
        await self.run_due(now, self._acting)
        delay = self._delay_until(await next_work_at(self.store), now)
        if delay is not None:
            self._arm("events", self._events_job, delay)

    async def _hours_once(self) -> None:
        now = self.clock.now()
        await self.run_opening(now)
        delay = self._delay_until(next_opening_change(self.pack, now), now)
        if delay is not None:
            self._arm("hours", self._hours_job, delay)

    def _arm_delivery(self, delay: float | None) -> None:
        if self.delivery is not None and delay is not None:
            self._arm("delivery", self._delivery_job, delay)

    async def _delivery_job(self) -> None:
        if self.delivery is not None and self._acting():
            try:
                self._arm_delivery(await self.delivery.run(self._acting))
            except StoreDamagedError as exc:
                self._give_up(exc)

    async def _coalesced(self, name: str, job: Job, work: Job) -> None:
        """Run `work` under the lock; a trigger arriving meanwhile makes it run once more after,
        rather than queue up one run per trigger. If it fails, `job` is tried again later."""
        if name in self._busy:
            self._again.add(name)
            return
        self._busy.add(name)
        try:
            while True:
                self._again.discard(name)
                async with self._lock:
                    if not self._acting():
                        return
                    if not await self._logged(name, work):
                        self._arm(name, job, REARM_EVERY)
                if name not in self._again:
                    return
        finally:
            self._busy.discard(name)

    async def _logged(self, name: str, work: Job) -> bool:
        """Run `work`; log an error with its traceback instead of raising (the jobs go on)."""
        try:
            await work()
        except StoreDamagedError as exc:
            self._give_up(exc)
            return False
        except Exception:
            log.exception("engine job %s failed; trying again shortly", name)
            return False
        return True

    def _give_up(self, exc: StoreDamagedError) -> None:
        """A damaged store: say so once, stop every job, and let whoever waits on `failed` end."""
        if self.failure is None:
            self.failure = exc
            log.error("engine stopped: %s", exc)
        self._stopping = True
        if self._scheduler is not None:
            self._scheduler.remove_all_jobs()
        self.failed.set()

    async def _watch_job(self) -> None:
        """Re-arm the events when another process changed the store, and everything every few
        seconds."""
        if not self._acting():
            return
        try:
            version = await self.store.data_version()
        except StoreDamagedError as exc:
            self._give_up(exc)
            return
        except Exception:
            log.exception("engine job watch failed")
            return
        self._watch_ticks += 1
        periodic = self._watch_ticks * self.heartbeat >= REARM_EVERY
        if version != self._seen_version or periodic:
            self._seen_version = version
            self._arm("events", self._events_job, 0.0)
            self._arm_delivery(0.0)
        if periodic:
            self._watch_ticks = 0
            self._arm("hours", self._hours_job, 0.0)

    async def _lease_job(self) -> None:
        self._renewing = asyncio.current_task()
        try:
            await self.beat()
        except StoreDamagedError as exc:
            self._give_up(exc)
        except Exception:
            log.exception("lease: renewal by %s failed", self.holder)
        finally:
            self._renewing = None
