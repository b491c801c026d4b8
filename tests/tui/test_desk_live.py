"""The desk over time: the one clock tick, polling for changes, notifications with the bell,
the refresh that never overlaps, worker errors, services, and two desks racing for a claim."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from textual.widgets import Label

from core.models import Notification, NotificationLevel
from service.changes import ChangeFeed
from service.desk import DeskSession
from storage.sqlite import SqliteStore
from tests.tui.conftest import HANDLED_ROWS, WAITING_ROWS, Desk, handled_rows, open_desk, settle, toasts
from tests.tui.seed import OFFICER, OPEN_AT, OTHER_OFFICER, Seed, new_message
from tui.app import DeskApp
from tui.widgets.detail import DetailPane
from tui.widgets.header import DeskHeader
from tui.widgets.queue import QueueTable

SIZE = (140, 40)


def opening_text(app: DeskApp) -> str:
    return str(app.screen.query_one(DeskHeader).query_one("#opening", Label).content)


async def test_the_header_shows_who_where_and_the_opening_status(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        header = app.screen.query_one(DeskHeader)
        texts = [str(label.content) for label in header.query(Label) if label.display]
        assert texts == ["Lewes District and Eastbourne Borough Councils · Daniel Okafor, "
                         "Customer First social media officer",
                         "Tue 17 Nov 14:00:00",
                         "customer first: OPEN until 17:00 (3h 00m left) · "
                         "tourism: CLOSED, opens Wed 09:00"]
        assert app.screen.query_one("#opening").has_class("-mixed")


async def test_an_opening_change_shows_on_the_next_tick(desk: Desk) -> None:
    desk.clock.set(OPEN_AT.replace(hour=16, minute=59, second=59))
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "down", "enter")  # one account: its own calendar's status
        await settle(pilot)
        assert opening_text(app) == "OPEN until 17:00 (1s left)"
        desk.clock.advance(timedelta(seconds=1))
        app.tick()
        await pilot.pause()
        assert opening_text(app) == "CLOSED, opens Wed 08:30"
        assert app.screen.query_one("#opening").has_class("-closed")


async def test_one_tick_moves_every_countdown(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        before = str(detail.query_one("#detail-when").content)
        desk.clock.advance(timedelta(minutes=5))
        app.tick()
        await pilot.pause()
        assert app.screen.query_one(QueueTable).now == desk.clock.now()
        assert app.screen.query_one(DeskHeader).now == desk.clock.now()
        after = str(detail.query_one("#detail-when").content)
        assert "BREACHED 30m 00s ago" in before and "BREACHED 35m 00s ago" in after


async def test_the_tick_timer_reads_the_injected_clock(desk: Desk) -> None:
    app = desk.app(tick=0.01)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        desk.clock.advance(timedelta(minutes=1))
        for _ in range(100):
            if app.now == desk.clock.now():
                break
            await pilot.pause(0.01)
        assert app.now == desk.clock.now()


async def test_a_change_by_another_officer_reaches_the_queue_on_the_next_poll(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(QueueTable).row_count == WAITING_ROWS + HANDLED_ROWS
        await desk.session(OTHER_OFFICER).reply(desk.ids["ontime"], "Friday, as usual.")
        await app.poll_changes().wait()
        await settle(pilot)
        # Still on screen, but answered and moved after the messages still waiting.
        newest = handled_rows(app)[0]
        assert (newest.id, newest.responded_at) == (desk.ids["ontime"], desk.clock.now())
        assert [m.id for m in app.window.messages].count(desk.ids["ontime"]) == 1


async def test_a_claim_elsewhere_updates_the_detail_shown(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await desk.session(OTHER_OFFICER).claim(desk.ids["breached"])
        await app.poll_changes().wait()
        await settle(pilot)
        state = str(app.screen.query_one("#detail-state").content)
        assert "claimed by Tom Greaves" in state
        history = str(app.screen.query_one("#detail-history").content)
        assert "claimed  Tom Greaves" in history
        # The row itself says who holds it, for colleagues scanning the queue.
        queue = app.screen.query_one(QueueTable)
        assert "\N{BLACK DIAMOND}TG My council tax payment" in queue.render_line(1 + queue.cursor_index).text


def warning(kind: str, level: str = "warning", *, account: str = "eastbourne-x",
            role: str | None = None) -> Notification:
    return Notification(at=OPEN_AT, level=NotificationLevel(level), kind=kind,
                        title=f"{kind} on [bold]@paid_up_pat[/]", body="Due at 14:20", role=role,
                        account=account, message_id=1)


async def deliver(desk: Desk, app: DeskApp, pilot, *notices: Notification) -> None:
    await desk.store.record(notifications=notices)
    await app.poll_changes().wait()
    await settle(pilot)


async def test_a_notification_shows_a_toast_and_rings_once_per_batch(desk: Desk) -> None:
    app = desk.app()
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await deliver(desk, app, pilot, warning("warning_1"))
        assert toasts(app) == [("warning", "Due at 14:20")]
        assert [n.title for n in app._notifications] == ["warning_1 on [bold]@paid_up_pat[/]"]
        assert not any(n.markup for n in app._notifications)
        assert len(rings) == 1
        await deliver(desk, app, pilot, warning("warning_2"), warning("breach", "error"),
                      warning("breach", "error", role="engagement_lead"))
        assert [s for s, _ in toasts(app)] == ["warning", "warning", "error", "error"]
        assert len(rings) == 2


async def test_notices_for_others_do_not_ring(desk: Desk) -> None:
    app = desk.app()
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await deliver(desk, app, pilot, warning("breach", "error", role="engagement_lead"),
                      Notification(at=OPEN_AT, level=NotificationLevel.INFO, kind="opened",
                                   title="Customer First is open", account="eastbourne-x"))
        assert [s for s, _ in toasts(app)] == ["error", "information"]
        await deliver(desk, app, pilot, warning("warning_1", account="lewes-x"))
        assert len(toasts(app)) == 2  # not one of this officer's accounts: not shown
        assert rings == []


async def test_an_escalation_rings_at_the_desk_of_the_role_it_goes_to(desk: Desk) -> None:
    app = desk.app(OTHER_OFFICER)  # the engagement lead
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await deliver(desk, app, pilot, warning("breach", "error", role="engagement_lead"))
        assert rings == [1]


async def gate(monkeypatch, target: object, name: str) -> tuple[asyncio.Event, list[int]]:
    """Make `target.name` wait for an event before doing its work; count the calls."""
    original = getattr(target, name)
    opened, calls = asyncio.Event(), []

    async def gated(*args, **kwargs):
        calls.append(1)
        await opened.wait()
        return await original(*args, **kwargs)

    monkeypatch.setattr(target, name, gated)
    return opened, calls


async def test_polls_never_overlap(desk: Desk, monkeypatch) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opened, calls = await gate(monkeypatch, app.feed, "poll")
        first = app.poll_changes()
        await pilot.pause()
        assert first is not None and app.poll_changes() is None and app.poll_changes() is None
        opened.set()
        await first.wait()
        assert calls == [1]
        assert app.poll_changes() is not None


async def test_refresh_requests_during_a_fetch_fold_into_one_more(desk: Desk, monkeypatch) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opened, calls = await gate(monkeypatch, app.session, "queue")
        worker = app.request_refresh()
        await pilot.pause()
        assert [app.request_refresh() for _ in range(5)] == [None] * 5
        opened.set()
        await worker.wait()
        await settle(pilot)
        assert len(calls) == 2


async def test_a_failing_fetch_is_shown_once_and_the_desk_keeps_going(desk: Desk, monkeypatch) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = app.session.queue

        async def broken(*args, **kwargs):
            raise OSError("disk on fire")

        monkeypatch.setattr(app.session, "queue", broken)
        for _ in range(3):
            app.request_refresh()
            await settle(pilot)
        assert toasts(app) == [("error", "queue refresh failed: OSError: disk on fire")]
        monkeypatch.setattr(app.session, "queue", original)
        await desk.session(OTHER_OFFICER).reply(desk.ids["ontime"], "Friday.")
        app.request_refresh()
        await settle(pilot)
        assert app.is_running
        assert handled_rows(app)[0].id == desk.ids["ontime"]  # the refresh after the fault landed


async def test_the_queue_window_says_when_it_shows_only_the_soonest(desk: Desk) -> None:
    extra = [Seed(f"bulk{i}", "eastbourne-x", OPEN_AT - timedelta(minutes=i % 80), f"bulk {i}",
                  f"@bulk{i}") for i in range(505)]
    await desk.store.add_messages([new_message(desk.pack, s, OPEN_AT) for s in extra])
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The 500 soonest waiting, then the one answered lately.
        assert app.screen.query_one(QueueTable).row_count == 500 + HANDLED_ROWS
        assert str(app.screen.query_one("#queue-summary", Label).content) == "showing 500 of 511"


class Recorder:
    def __init__(self, log: list[str], name: str, fail: bool = False) -> None:
        self.log, self.name, self.fail = log, name, fail

    async def start(self) -> None:
        if self.fail:
            raise RuntimeError("no engine today")
        self.log.append(f"start {self.name}")

    async def stop(self) -> None:
        self.log.append(f"stop {self.name}")


async def test_services_start_on_mount_and_stop_on_unmount(desk: Desk) -> None:
    log: list[str] = []
    services = [Recorder(log, "engine"), Recorder(log, "broken", fail=True), Recorder(log, "feed")]
    app = desk.app(services=services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert log == ["start engine", "start feed"]
        assert toasts(app) == [("error", "Recorder did not start: no engine today")]
    assert log == ["start engine", "start feed", "stop feed", "stop engine"]


class SlowStart:
    """A service that is still starting until `started` is set (an engine catching up)."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.starting = False

    async def start(self) -> None:
        self.starting = True
        try:  # bounded, so a desk that waits for its services fails this test instead of hanging
            await asyncio.wait_for(self.started.wait(), timeout=3)
        finally:
            self.starting = False

    async def stop(self) -> None:
        pass


async def test_the_queue_shows_while_a_service_is_still_starting(desk: Desk) -> None:
    slow = SlowStart()
    app = desk.app(services=[slow])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):  # the first fetch lands without waiting for the service
            if app.window is not None:
                break
            await pilot.pause(0.01)
        assert slow.starting  # the queue is on screen while the service is still starting
        assert app.screen.query_one(QueueTable).row_count == WAITING_ROWS + HANDLED_ROWS
        assert app.poll_changes() is None  # no watching before the feed has its starting mark
        slow.started.set()
        await settle(pilot)
        assert app.poll_changes() is not None


async def test_two_desks_on_one_sqlite_file_race_for_a_claim(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    desk = await open_desk(SqliteStore(path))
    other_store = SqliteStore(path)
    await other_store.open()
    try:
        other = DeskSession(other_store, desk.pack, desk.clock, OTHER_OFFICER)
        mine = desk.app()
        theirs = DeskApp(other, ChangeFeed(other_store), desk.clock, tick=0, poll=0)
        async with mine.run_test(size=SIZE) as p1, theirs.run_test(size=SIZE) as p2:
            await settle(p1)
            await settle(p2)
            target = desk.ids["breached"]
            assert mine.screen.query_one(QueueTable).highlighted.id == target
            assert theirs.screen.query_one(QueueTable).highlighted.id == target
            await asyncio.gather(p1.press("c"), p2.press("c"))
            await settle(p1)
            await settle(p2)
            refused = {"mine": toasts(mine), "theirs": toasts(theirs)}
        claims = [a for a in await desk.store.actions(message_id=target) if a.verb == "claim"]
        assert len(claims) == 1
        winner = claims[0].actor
        holder = (await other_store.get_message(target)).claimed_by
        assert holder == winner
        loser = "theirs" if winner == OFFICER else "mine"
        name = "Daniel Okafor" if winner == OFFICER else "Tom Greaves"
        assert ("error", f"claimed by {name}") in refused[loser]
        assert not [t for t in refused["mine" if loser == "theirs" else "theirs"] if t[0] == "error"]
    finally:
        await other_store.close()
        await desk.store.close()
