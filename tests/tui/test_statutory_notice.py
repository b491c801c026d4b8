"""A statutory clock's warning reaches the desk as the first-response warnings do: a toast on
the notice line, the bell, and a line in the message's history saying it in words."""

from __future__ import annotations

from core.statutory import statutory_deadlines
from core.statutory_events import statutory_events
from service.engine import Engine
from tests.tui.conftest import lane_desk, settle, toasts

SIZE = (140, 40)


async def test_a_statutory_warning_reaches_the_desk() -> None:
    desk = await lane_desk()
    foi = await desk.store.get_message(desk.ids["foi"])
    hours = desk.pack.hours_for(foi.account)
    deadlines = statutory_deadlines(foi.labels, foi.received_at, hours, desk.pack.statutory)
    first = statutory_events(deadlines, foi.received_at, hours.zone, desk.pack.statutory)[0]
    engine = Engine(desk.store, desk.pack, desk.clock, holder="test")
    app = desk.app()
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rings.clear()  # the disclosures rang on arrival
        desk.clock.set(first.at)
        assert await engine.run_due(desk.clock.now()) >= 1
        await app.poll_changes().wait()
        await settle(pilot)
        assert ("warning", "Under FOI please tell me how much was spent on consultants in…") in toasts(app)
        titles = [n.title for n in app._notifications]
        assert ("FOI response due in 5 days, by Tue 15 Dec 2026 (20 working days, FOI Act s.10): "
                "@r-adams on LinkedIn") in titles
        assert rings == [1]
        # Its row's detail keeps it in the history, in words.
        for _ in range([m.id for m in app.window.messages].index(foi.id)):
            await pilot.press("j")
        await settle(pilot)
        history = " ".join(str(app.screen.query_one("#detail-history").content).split())
        assert ("statutory clock: first warning engine clock: FOI response due in 5 days, by Tue 15 Dec 2026 "
                "(20 working days, FOI Act s.10)") in history
