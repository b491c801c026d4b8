"""The form dialog (declare, resolve, posts): a refused submit keeps it open with the reason
inside it and nothing typed lost. Snapshots at 80x24 and 160x45 with a frozen clock: the
declare form, the post editor, the posts screen's scheduled view, the incident screen with
no emergency."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input, Static

from core.posts import PostState
from tests.tui.conftest import Desk, settle
from tests.tui.emergency_seed import DECLARER, schedule_posts
from tests.tui.test_snapshots import after
from tui.screens.form import FormScreen
from tui.screens.incident import IncidentScreen
from tui.screens.posts import PostsScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


def form_error(screen: object) -> str:
    assert isinstance(screen, FormScreen)
    error = screen.query_one("#form-error", Static)
    return str(error.render()) if error.display else ""


async def test_declaring_without_a_reason_keeps_the_form_open_with_the_reason_shown(desk: Desk) -> None:
    app = desk.app(DECLARER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i", "d")
        await settle(pilot)
        await pilot.press(*"Power cut", "ctrl+s")
        await settle(pilot)
        # Refused by core: still open, the reason under the fields, the title still typed.
        assert isinstance(app.screen, FormScreen)
        assert "give a reason to declare the emergency" in form_error(app.screen)
        assert app.screen.query_one("#form-title", Input).value == "Power cut"
        assert await desk.store.incidents(limit=1) == []
        app.screen.query_one("#form-reason", Input).focus()
        await pilot.press(*"Substation fire", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IncidentScreen)
    declared = await desk.store.incidents(limit=1)
    assert [(i.title, i.reason) for i in declared] == [("Power cut", "Substation fire")]


async def test_a_time_that_is_not_one_keeps_the_post_editor_open(desk: Desk) -> None:
    ids = await schedule_posts(desk)
    app = desk.app(DECLARER)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p", "1")
        await settle(pilot)
        assert isinstance(app.screen, PostsScreen)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+u", *"teatime", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "'teatime' is not a time" in form_error(app.screen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PostsScreen)
    post = await desk.store.get_post(ids["bins"])
    assert post.state is PostState.SCHEDULED


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_incident_screen_with_no_emergency(snap_compare, open_desk_sync: Desk, size) -> None:
    assert snap_compare(open_desk_sync.app(DECLARER), terminal_size=size, run_before=after("i"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_declare_form(snap_compare, open_desk_sync: Desk, size) -> None:
    assert snap_compare(open_desk_sync.app(DECLARER), terminal_size=size, run_before=after("i", "d"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_declare_form_refused(snap_compare, open_desk_sync: Desk, size) -> None:
    assert snap_compare(open_desk_sync.app(DECLARER), terminal_size=size,
                        run_before=after("i", "d", *"Power cut", "ctrl+s"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_scheduled_posts(snap_compare, open_desk_sync: Desk, size) -> None:
    asyncio.run(schedule_posts(open_desk_sync))
    assert snap_compare(open_desk_sync.app(DECLARER), terminal_size=size, run_before=after("p", "1"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_post_editor(snap_compare, open_desk_sync: Desk, size) -> None:
    asyncio.run(schedule_posts(open_desk_sync))
    assert snap_compare(open_desk_sync.app(DECLARER), terminal_size=size, run_before=after("p", "1", "e"))
