"""Everything a dashboard needs, wired once: the store, the engine (run in-process, a follower
until no other engine holds the store), the live intake writer, the officer's session, the
change feed and, for the demo, the seeded backlog and the simulated feed.

    async with DeskRuntime(path, pack, SystemClock(), "asmith") as rt:
        app = DeskApp(rt.session, rt.feed, rt.clock, services=rt.services)

The screen is built by the caller (the service layer knows nothing of it).
"""

from __future__ import annotations

import os
import random
import socket
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from types import TracebackType

from core.clock import Clock
from core.handling import CloseReason
from core.policy import Permission, PolicyPack
from service.changes import ChangeFeed
from service.connectors import Connector
from service.delivery import DeliveryWorker
from service.demo import DemoFeed, ShiftedClock, backlog, demo_start
from service.desk import DeskSession
from service.engine import Engine
from service.intake import prepare
from service.writer import IntakeWriter
from storage.sqlite import SqliteStore


class DeskRuntime:
    """Opens the store and assembles the session and background services for one dashboard."""

    def __init__(self, path: Path, pack: PolicyPack, clock: Clock, officer_id: str, *,
                 demo: bool = False, demo_seed: int | None = None,
                 connectors: Mapping[str, Connector] | None = None) -> None:
        self.path = path
        self.pack = pack
        self.officer_id = officer_id
        self.demo = demo
        self.demo_seed = demo_seed
        self.clock: Clock = clock
        if demo:
            start = demo_start(pack, clock.now().astimezone(pack.hours_for(pack.accounts[0].id).zone).date())
            self.clock = ShiftedClock(clock, start)
        self.store = SqliteStore(path)
        self.connectors = dict(connectors or {})
        """Where each account's outbox goes; an account without one shows "no connector"."""
        self.services: list[object] = []

    async def __aenter__(self) -> DeskRuntime:
        await self.store.open()
        try:
            # Refuse an officer not on the register before anything else starts.
            self.session = DeskSession(self.store, self.pack, self.clock, self.officer_id)
            holder = f"{socket.gethostname()}:{os.getpid()}:{self.officer_id}"
            delivery = DeliveryWorker(self.store, self.clock, self.connectors)
            self.engine = Engine(self.store, self.pack, self.clock, holder=holder, delivery=delivery)
            self.writer = IntakeWriter(self.store, self.pack, self.clock)
            self.writer.on_stored.append(lambda _results: self.engine.nudge())
            if self.demo:
                await seed_demo(self.session, self.demo_seed)
            self.feed = ChangeFeed(self.store)
            await self.feed.start()
            self.services = [self.engine, _WriterService(self.writer)]
            if self.demo:
                self.services.append(DemoFeed(self.pack, self.clock, self.writer.submit, seed=self.demo_seed))
        except BaseException:
            await self.store.close()
            raise
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        # The engine may still be catching up (the screen quit before it started for good): it
        # stops within a batch, leaving the rest for the next engine, before the store closes.
        engine: Engine | None = getattr(self, "engine", None)
        try:
            if engine is not None:
                await engine.stop()
        finally:
            await self.store.close()


class _WriterService:
    """Starts and drains the intake writer alongside the dashboard."""

    def __init__(self, writer: IntakeWriter) -> None:
        self.writer = writer

    async def start(self) -> None:
        await self.writer.start()

    async def stop(self) -> None:
        await self.writer.aclose()


async def seed_demo(session: DeskSession, seed: int | None) -> None:
    """Store the demo backlog, and have a colleague answer, claim and close a few plain
    messages (never a safeguarding, press, FOI or complaint one) so those states show too."""
    store, pack, now = session.store, session.pack, session.clock.now()
    rows = [prepare(m, pack, m.received_at + timedelta(seconds=5)) for m in backlog(pack, now, random.Random(seed))]
    results = await store.add_messages(rows)
    plain = [r.message_id for r, row in zip(results, rows, strict=True) if r.inserted and not row.labels
             and pack.hours_for(row.inbound.account).is_open(now)]
    lead = _officer_with(pack, Permission.BLOCK) or session.officer.id
    colleague = DeskSession(store, pack, session.clock, lead)
    for message_id, act in zip(plain, ("reply", "claim", "close"), strict=False):
        if act == "reply":
            await colleague.reply(message_id, colleague.draft(await store.get_message(message_id), "acknowledge")
                                  or "Thanks for getting in touch, we're looking into this.")
        elif act == "claim":
            await colleague.claim(message_id)
        else:
            await colleague.close(message_id, CloseReason.RHETORICAL)


def _officer_with(pack: PolicyPack, permission: Permission) -> str | None:
    for officer in pack.officers:
        if permission in pack.role(officer.role).permissions and officer.trained:
            return officer.id
    return None
