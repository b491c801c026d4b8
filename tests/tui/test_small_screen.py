"""At 80x24 (a laptop's default terminal) every screen and dialog fits: what the officer needs
is on screen, nothing needed is covered, and what does not fit scrolls."""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Label, Static, TextArea

from storage.base import AccountCounts
from tests.tui.conftest import Desk, settle
from tui.app import DeskApp
from tui.screens.help import HelpScreen
from tui.widgets.detail import DetailPane
from tui.widgets.header import DeskHeader
from tui.widgets.notices import NoticeBar
from tui.widgets.queue import QueueTable
from tui.widgets.sidebar import AccountList

SMALL = (80, 24)


def fully_shown(app: DeskApp, widget: Widget) -> bool:
    """Whether all of `widget` is on screen and above the key bar (the last line)."""
    region = widget.region
    room = Region(0, 0, app.size.width, app.size.height - 1)
    return bool(region) and room.contains_region(region)


async def test_the_help_screen_fits_and_scrolls(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        hint = screen.query_one("#help-hint", Static)
        assert fully_shown(app, hint)
        assert "scroll" in str(hint.content)
        keys = screen.query_one("#help-keys")
        assert keys.max_scroll_y > 0 and keys.scroll_y == 0
        await pilot.press("end")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert keys.scroll_y == keys.max_scroll_y
        await pilot.press("escape")


async def test_the_refer_dialog_shows_its_note_box_and_keys(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert fully_shown(app, app.screen.query_one("#refer-note", TextArea))
        hint = app.screen.query_one(".modal-hint", Static)
        assert fully_shown(app, hint) and "ctrl+s" in str(hint.content)


async def test_the_reply_and_close_dialogs_fit(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert fully_shown(app, app.screen.query_one("#reply-text", TextArea))
        assert fully_shown(app, app.screen.query_one(".modal-hint", Static))
        await pilot.press("escape")
        await settle(pilot)
        if app.screen.id == "discard":  # a changed draft asks first
            await pilot.press("escape")
        await pilot.press("x")
        await settle(pilot)
        assert fully_shown(app, app.screen.query_one("#close-reasons"))
        assert fully_shown(app, app.screen.query_one(".modal-hint", Static))


async def test_a_notice_covers_nothing_the_officer_reads(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Reply sent: @paid_up_pat")
        app.notify("a long warning about a breach on X @EastbourneBC " * 3, title="Warning 1",
                   severity="warning")
        await settle(pilot)
        bar = app.screen.query_one(NoticeBar)
        assert bar.display and bar.region.y == app.size.height - 1  # over the key bar
        assert "Warning 1" in str(bar.render()) and "(+1 more)" in str(bar.render())
        detail, queue = app.screen.query_one(DetailPane), app.screen.query_one(QueueTable)
        for toast in app.screen.query("Toast"):
            assert not toast.display or not (toast.region.overlaps(detail.region)
                                             or toast.region.overlaps(queue.region))
        assert not bar.region.overlaps(detail.region)


async def test_the_accounts_list_opens_over_the_queue_with_counts_on_their_line(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        big = {a: AccountCounts(account=a, waiting=312, warning=41, breached=17)
               for a in app.session.visible_accounts}
        accounts = app.screen.query_one(AccountList)
        accounts.set_counts(big)
        await pilot.press("a")
        await settle(pilot)
        queue = app.screen.query_one(QueueTable)
        assert "MESSAGE" in queue.render_line(0).text  # the queue keeps its width
        assert queue.region.width >= 79
        lines = [accounts.render_line(y).text for y in range(accounts.size.height)]
        shown = [line for line in lines if line.strip()]
        assert shown and all(line.startswith(("  ", "▸ ")) for line in shown), shown
        assert any("312 wait 41 warn 17 late" in line for line in shown)


async def test_the_header_keeps_the_role_and_every_calendar(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        header = app.screen.query_one(DeskHeader)
        who = str(header.query_one("#who", Label).render())
        opening = str(header.query_one("#opening", Label).render())
        assert "Daniel Okafor, Customer First social media officer" in who
        assert "tourism: CLOSED till Wed 09:00" in opening
        assert "customer first: OPEN till 17:00" in opening


async def test_a_notice_never_covers_a_dialog_and_shows_on_the_desk_after(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.notify("No connector for lewes-x", title="Outbox", severity="warning")
        await settle(pilot)
        assert all(not toast.display for toast in app.screen.query("Toast"))
        await pilot.press("escape")
        await settle(pilot)
        bar = app.screen.query_one(NoticeBar)
        assert bar.display and "No connector for lewes-x" in str(bar.render())
