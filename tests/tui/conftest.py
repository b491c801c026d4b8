"""Fixtures for the dashboard's tests: a seeded MemoryStore at a frozen instant, a session for
a Lewes & Eastbourne duty officer, a change feed, and the app with its timers off (the tests
drive the tick and the poll themselves), no cursor blink."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from textual.pilot import Pilot

from core.clock import FixedClock
from core.policy import PolicyPack
from service.changes import ChangeFeed
from service.desk import DeskSession
from storage.base import Store
from storage.memory import MemoryStore
from tests.tui.seed import (
    CLOSED_AT,
    OFFICER,
    OPEN_AT,
    answer,
    closed_seeds,
    desk_pack,
    lane_seeds,
    open_seeds,
    seed_store,
)
from tui.app import DeskApp


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeskApp, "CURSOR_BLINK", False)


@dataclass
class Desk:
    """A store, a pack and a frozen clock, with sessions and apps on them."""

    store: Store
    pack: PolicyPack
    clock: FixedClock
    ids: dict[str, int]
    sessions: dict[str, DeskSession] = field(default_factory=dict)

    def session(self, officer: str = OFFICER) -> DeskSession:
        if officer not in self.sessions:
            self.sessions[officer] = DeskSession(self.store, self.pack, self.clock, officer)
        return self.sessions[officer]

    def app(self, officer: str = OFFICER, **kw: object) -> DeskApp:
        """The desk for `officer`, timers off unless `tick`/`poll` are given."""
        kw.setdefault("tick", 0)
        kw.setdefault("poll", 0)
        return DeskApp(self.session(officer), ChangeFeed(self.store), self.clock, **kw)


async def open_desk(store: Store | None = None) -> Desk:
    """The Tuesday 14:00 desk: every phase of the clock, one answered message."""
    store = store or MemoryStore()
    await store.open()
    pack = desk_pack()
    ids = await seed_store(store, pack, open_seeds(), OPEN_AT)
    await answer(store, pack, ids["answered"], OPEN_AT.replace(hour=13, minute=45))
    return Desk(store, pack, FixedClock(OPEN_AT), ids)


async def lane_desk(store: Store | None = None) -> Desk:
    """The Tuesday 14:00 desk with disclosures, an incident report and statutory requests."""
    store = store or MemoryStore()
    await store.open()
    pack = desk_pack()
    ids = await seed_store(store, pack, open_seeds() + lane_seeds(), OPEN_AT)
    await answer(store, pack, ids["answered"], OPEN_AT.replace(hour=13, minute=45))
    return Desk(store, pack, FixedClock(OPEN_AT), ids)


async def closed_desk() -> Desk:
    """The Saturday 10:00 desk: every account closed."""
    store = MemoryStore()
    await store.open()
    pack = desk_pack()
    ids = await seed_store(store, pack, closed_seeds(), CLOSED_AT)
    return Desk(store, pack, FixedClock(CLOSED_AT), ids)


@pytest.fixture
async def desk() -> Desk:
    return await open_desk()


@pytest.fixture
def open_desk_sync() -> Desk:
    """For snapshot tests, which are synchronous (the snapshot runs its own event loop)."""
    return asyncio.run(open_desk())


@pytest.fixture
def lane_desk_sync() -> Desk:
    return asyncio.run(lane_desk())


@pytest.fixture
def closed_desk_sync() -> Desk:
    return asyncio.run(closed_desk())


async def settle(pilot: Pilot) -> None:
    """Let every worker finish (and those they start), then let the screen catch up."""
    app = pilot.app
    for _ in range(50):
        await pilot.pause()
        running = [w for w in app.workers if not w.is_finished]
        if not running:
            break
        await app.workers.wait_for_complete(running)
    await pilot.pause()


def handled_rows(app: DeskApp) -> list:
    """The rows after every waiting one: messages answered or closed lately, newest first.
    Asserts that no waiting message sits among them."""
    messages = app.window.messages
    first = next((i for i, m in enumerate(messages) if not m.state.awaiting_response), len(messages))
    assert all(not m.state.awaiting_response for m in messages[first:])
    return messages[first:]


#: The seeded open desk shows six waiting messages to the officer, and one answered lately.
WAITING_ROWS, HANDLED_ROWS = 6, 1


def toasts(app: DeskApp) -> list[tuple[str, str]]:
    """(severity, text) of every notification shown so far, oldest first."""
    return [(n.severity, n.message) for n in app._notifications]


def at(hh: int, mm: int, base: datetime = OPEN_AT) -> datetime:
    return base.replace(hour=hh, minute=mm)
