"""The desk marks an account with nothing posted or scheduled today (the policies expect
corporate accounts to post daily), from the refresh, not the one-second tick."""

from __future__ import annotations

from datetime import timedelta

from service.emergency import CrisisDesk
from storage.base import AccountCounts
from tests.tui.conftest import Desk, settle
from tests.tui.seed import OFFICER
from tui.app import DeskApp
from tui.widgets.sidebar import AccountList, counts_with_mark


def prompt(app: DeskApp, account: str) -> str:
    accounts = app.screen.query_one(AccountList)
    return str(accounts.get_option(account).prompt)


async def test_the_accounts_list_marks_accounts_with_no_post_today(desk: Desk) -> None:
    session = desk.session(OFFICER)
    posting, quiet = session.visible_accounts[0], session.visible_accounts[1]
    writer = CrisisDesk(session)
    await writer.schedule(posting, "Bins as normal this week", desk.clock.now() + timedelta(hours=1))
    app = desk.app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert "no post today" not in prompt(app, posting)
        assert prompt(app, quiet).endswith("no post today")
        # A post scheduled elsewhere shows at the next refresh (a store change), not on the tick.
        await writer.schedule(quiet, "Library open late", desk.clock.now() + timedelta(hours=2))
        app.tick()
        await pilot.pause()
        assert prompt(app, quiet).endswith("no post today")
        app.request_refresh()
        await settle(pilot)
        assert "no post" not in prompt(app, quiet)


def test_the_mark_gets_shorter_before_the_counts_wrap() -> None:
    few = AccountCounts(account="a", waiting=3)
    many = AccountCounts(account="a", waiting=1248, warning=164, breached=68)
    assert str(counts_with_mark(few, 24, True)) == "3 waiting no post today"
    assert str(counts_with_mark(few, 22, True)) == "3 wait no post today"
    assert str(counts_with_mark(many, 24, True)).endswith(" no post")
    assert str(counts_with_mark(many, 22, True)) == "1248 · 164 · 68 no po…"
    assert counts_with_mark(many, 22, True).cell_length <= 22
    assert str(counts_with_mark(few, 22, False)) == "3 waiting"
