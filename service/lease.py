"""The engine lease: exactly one engine per store does the scheduled work.

The lease is a row in the store (`name`, holder, expiry). The holder renews it every heartbeat;
everyone else tries at the same rate and gets it once the holder has not renewed for `ttl`
seconds (it died, or was paused too long). All times come from the injected clock, so tests
can move past the ttl without waiting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from core.clock import Clock, require_aware
from storage.base import Store

log = logging.getLogger("dutydesk.engine")

LEASE_NAME = "engine"


class LeaseChange(StrEnum):
    """What one renewal attempt changed."""

    NONE = "none"
    GAINED = "gained"
    LOST = "lost"


@dataclass
class Lease:
    """One engine's view of the lease: whether it holds it, and until when at the latest."""

    store: Store
    clock: Clock
    holder: str
    ttl: float
    name: str = LEASE_NAME
    held: bool = False
    valid_until: datetime | None = None
    """When our last successful renewal runs out (by the injected clock)."""

    def __post_init__(self) -> None:
        if self.ttl <= 0:
            raise ValueError(f"lease ttl must be positive, got {self.ttl}")

    def still_valid(self) -> bool:
        """True while we hold the lease and our last renewal has not run out.

        A holder that was paused past its ttl must not act on its old belief: someone else
        may hold the lease by now.
        """
        return self.held and self.valid_until is not None and self.clock.now() < self.valid_until

    async def renew(self) -> LeaseChange:
        """Take or renew the lease once; say whether that made us gain or lose it.

        Any error counts as a failed renewal (we may still hold the lease until it runs out):
        a busy or broken database must not leave us believing we lead forever.
        """
        now = require_aware(self.clock.now(), "clock.now()")
        try:
            got = await self.store.acquire_lease(self.name, self.holder, now, self.ttl)
        except Exception as exc:
            log.warning("lease renewal by %s failed: %s", self.holder, exc)
            if self.still_valid():
                return LeaseChange.NONE
            got = False
        return self._settle(got, now)

    def _settle(self, got: bool, now: datetime) -> LeaseChange:
        was = self.held
        self.held = got
        if got:
            self.valid_until = now + timedelta(seconds=self.ttl)
        if got and not was:
            return LeaseChange.GAINED
        if was and not got:
            self.valid_until = None
            return LeaseChange.LOST
        return LeaseChange.NONE

    async def release(self) -> None:
        """Give the lease up at once (on a clean stop), so a follower takes over without waiting."""
        if not self.held:
            return
        self.held = False
        self.valid_until = None
        try:
            await self.store.release_lease(self.name, self.holder)
        except Exception as exc:
            # It runs out by itself after the ttl; a follower takes over then.
            log.warning("lease release by %s failed: %s", self.holder, exc)
