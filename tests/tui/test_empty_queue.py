"""What an empty queue says: how to bring messages into an empty store; that nothing matches
a filter (and how to clear it); that nothing waits on an account."""

from __future__ import annotations

from core.clock import FixedClock
from storage.memory import MemoryStore
from tests.tui.conftest import Desk, settle
from tests.tui.seed import OPEN_AT, desk_pack
from tui.state import QueueFilter
from tui.widgets.detail import DetailPane
from tui.widgets.queue import QueueTable

SIZE = (80, 24)


async def empty_desk() -> Desk:
    store = MemoryStore()
    await store.open()
    return Desk(store, desk_pack(), FixedClock(OPEN_AT), {})


def queue_lines(app, count: int) -> list[str]:  # noqa: ANN001
    table = app.screen.query_one(QueueTable)
    return [table.render_line(y).text.rstrip() for y in range(1, count + 1)]


async def test_an_empty_store_says_how_to_bring_messages_in() -> None:
    app = (await empty_desk()).app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = queue_lines(app, 4)
        assert lines[0] == "No messages yet. To bring them in:"
        assert any("dutydesk import FILE.jsonl" in line for line in lines)
        assert any("dutydesk schema inbound" in line for line in lines)
        detail = app.screen.query_one(DetailPane)
        assert not detail.query_one("#detail-next").display  # no empty bullets


async def test_a_filter_with_no_match_says_so(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_queue_filter(QueueFilter(search="no such words"))
        await settle(pilot)
        [line] = queue_lines(app, 1)
        assert line == "Nothing matches 'no such words'. esc clears the filter."
        assert "No messages waiting" not in line


async def test_an_account_with_nothing_waiting_says_which(desk: Desk) -> None:
    app = desk.app(OTHER_OFFICER_WITH_LEWES)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_queue_filter(QueueFilter(account="lewes-facebook"))
        await settle(pilot)
        [line] = queue_lines(app, 1)
        assert line.startswith("Nothing waiting on FB ")


OTHER_OFFICER_WITH_LEWES = "tgreaves"  # the engagement lead sees every account
