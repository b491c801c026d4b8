"""Try the desk by hand on the seeded store: `.venv/bin/python -m tests.tui.try_desk [--closed]`.

Time runs from the seeded instant at real speed, so the countdowns move. Not a test.
"""

from __future__ import annotations

import asyncio
import sys

from service.changes import ChangeFeed
from service.clock import SystemClock
from service.demo import ShiftedClock
from tests.tui.conftest import closed_desk, open_desk
from tests.tui.seed import OFFICER
from tui.app import DeskApp


async def main(closed: bool, officer: str) -> None:
    desk = await (closed_desk() if closed else open_desk())
    clock = ShiftedClock(SystemClock(), desk.clock.now())
    desk.clock = clock  # type: ignore[assignment]
    session = desk.session(officer)
    session.clock = clock
    await DeskApp(session, ChangeFeed(desk.store), clock).run_async()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(main("--closed" in sys.argv, args[0] if args else OFFICER))
