"""Clocks. Core never reads the real clock: whoever needs `now` is handed a `Clock`.

The real clock lives in the service layer (`service.clock.SystemClock`); tests and the demo
use `FixedClock`, which only moves when told to.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol


class NaiveDatetimeError(ValueError):
    """A datetime without a timezone was given where an instant is needed."""


def require_aware(value: datetime, name: str = "datetime") -> datetime:
    """Return `value` if it carries a timezone; refuse a naive one, naming the argument."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetimeError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
    return value


class Clock(Protocol):
    """Anything that can say what instant it is (always timezone-aware)."""

    def now(self) -> datetime: ...


class FixedClock:
    """A clock that stands still until moved: for tests, snapshots and the demo."""

    def __init__(self, start: datetime) -> None:
        self._now = require_aware(start, "start")

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to `when` (timezone-aware)."""
        self._now = require_aware(when, "when")

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by `delta` and return the new instant."""
        self._now = self._now + delta
        return self._now
