"""A desk whose in-process engine catches up at start tells it in one notice, not one each."""

from __future__ import annotations

from core.models import Notification
from service.engine import Engine
from service.firing import MISSED_KIND
from tests.tui.conftest import Desk, settle


async def test_the_start_up_catch_up_is_told_in_one_notice(desk: Desk) -> None:
    engine = Engine(desk.store, desk.pack, desk.clock, holder="desk")
    app = desk.app(services=[engine])
    told: list[Notification] = []
    app.announce = told.extend  # type: ignore[method-assign]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        fired = [a for a in await desk.store.actions(limit=10_000) if a.actor == "engine"
                 and a.verb in ("warning_1", "warning_2", "breach")]
        assert fired  # the seeded desk has warnings and breaches nobody fired
        assert [n.kind for n in told] == [MISSED_KIND]
        assert "fired while no engine ran" in told[0].title
