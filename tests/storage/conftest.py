"""Store fixtures: every contract test runs against the in-memory fake and real SQLite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.base import Store
from storage.memory import MemoryStore

try:
    from storage.sqlite import SqliteStore
except ImportError:  # pragma: no cover - while the SQLite store is being written
    SqliteStore = None  # type: ignore[assignment,misc]


def _make(kind: str, tmp_path: Path) -> Store:
    if kind == "memory":
        return MemoryStore()
    if SqliteStore is None:
        pytest.skip("storage.sqlite not written yet")
    return SqliteStore(tmp_path / "desk.sqlite3")


@pytest.fixture(params=["memory", "sqlite"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    """An open, empty store of each kind."""
    opened = _make(request.param, tmp_path)
    await opened.open()
    yield opened
    await opened.close()
