"""The real clock. Only the service layer and the entry points use it; core is handed a clock."""

from __future__ import annotations

from datetime import UTC, datetime


class SystemClock:
    """The machine's clock, always timezone-aware (UTC)."""

    def now(self) -> datetime:
        return datetime.now(UTC)
