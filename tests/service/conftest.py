"""Shared service fixtures: a shipped pack, a frozen clock, open stores, and inbound lines.

Add fixtures here with small edits; test modules may define their own of the same name
(a module's own fixture wins over these).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.clock import FixedClock
from core.models import InboundMessage
from core.pack_files import load_pack
from core.policy import PolicyPack
from storage.memory import MemoryStore
from storage.sqlite import SqliteStore

#: Monday 2 March 2026, 10:00 in London (GMT, so UTC too): the desk is open.
MONDAY_10 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LEWES_ACCOUNT = "lewes-x"

InboundFactory = Callable[..., dict[str, Any]]


@pytest.fixture(scope="session")
def lewes_pack() -> PolicyPack:
    """The shipped Lewes and Eastbourne pack (90-minute first response, office hours)."""
    return load_pack("lewes-eastbourne")


@pytest.fixture
def frozen_clock() -> FixedClock:
    """A clock standing at Monday 2 March 2026, 10:00 UTC."""
    return FixedClock(MONDAY_10)


@pytest.fixture
async def memory_store() -> AsyncIterator[MemoryStore]:
    """An open, empty in-memory store."""
    store = MemoryStore()
    await store.open()
    yield store
    await store.close()


@pytest.fixture
def store(memory_store: MemoryStore) -> MemoryStore:
    """The open, empty in-memory store under its short name (a module may define its own)."""
    return memory_store


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    """An open, empty SQLite store on a temp file."""
    store = SqliteStore(tmp_path / "desk.sqlite3")
    await store.open()
    yield store
    await store.close()


def inbound_dict(n: int, **changes: Any) -> dict[str, Any]:
    """The JSON form of a valid inbound message numbered `n` (platform id `m{n}`), with
    `changes` applied on top (a value of ... removes the field)."""
    data: dict[str, Any] = {
        "platform": "x", "platform_id": f"m{n}", "account": LEWES_ACCOUNT, "kind": "mention",
        "author": {"platform_id": f"u{n}", "handle": f"@resident{n}", "display_name": f"Resident {n}"},
        "text": f"When is the green bin collected on Mill Road? ({n})",
        "received_at": (MONDAY_10 + timedelta(seconds=n)).isoformat(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not ...}


@pytest.fixture
def make_inbound() -> InboundFactory:
    """`inbound_dict` as a fixture: make_inbound(n, **changes) -> dict."""
    return inbound_dict


@pytest.fixture
def make_line() -> Callable[..., bytes]:
    """make_line(n, **changes) -> one JSON Lines line (bytes, no line end)."""
    return lambda n, **changes: json.dumps(inbound_dict(n, **changes)).encode()


@pytest.fixture
def make_message() -> Callable[..., InboundMessage]:
    """make_message(n, **changes) -> a validated InboundMessage."""
    return lambda n, **changes: InboundMessage.model_validate(inbound_dict(n, **changes))


def import_worker_pids(parent: int | None = None) -> list[int]:
    """Live import worker processes (`service.import_worker`), read from /proc; only the
    children of `parent` when given. Tests run one at a time, so none but theirs run."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state, ppid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
        except OSError:
            continue  # gone while we looked
        if b"service.import_worker" in cmdline and state != "Z" and parent in (None, int(ppid)):
            found.append(int(entry.name))
    return found
