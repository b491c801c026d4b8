"""What the officer sees, as SVG snapshots: frozen clock, fixed sizes, no cursor blink, the
same seeded store every run. Update with `pytest tests/tui --snapshot-update` after looking."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import Desk, settle
from tests.tui.seed import OTHER_OFFICER
from tui.widgets.queue import QueueTable


def after(*keys: str, select: int | None = None) -> Callable[[Pilot], Awaitable[None]]:
    """Wait for the first fetch, optionally select a message, press `keys`, wait again."""
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        if select is not None:
            assert pilot.app.screen.query_one(QueueTable).move_to(select)
            await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)
    return run_before


def test_open_desk_with_every_countdown_state(snap_compare, open_desk_sync: Desk) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=(140, 40), run_before=after())


def test_closed_desk(snap_compare, closed_desk_sync: Desk) -> None:
    assert snap_compare(closed_desk_sync.app(), terminal_size=(140, 40), run_before=after())


def test_detail_with_hostile_text(snap_compare, open_desk_sync: Desk) -> None:
    desk = open_desk_sync
    assert snap_compare(desk.app(), terminal_size=(140, 40),
                        run_before=after("enter", select=desk.ids["hostile"]))


def test_help_screen(snap_compare, open_desk_sync: Desk) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=(140, 44),
                        run_before=after("question_mark"))


def test_reply_editor(snap_compare, open_desk_sync: Desk) -> None:
    desk = open_desk_sync
    assert snap_compare(desk.app(), terminal_size=(140, 40),
                        run_before=after("r", select=desk.ids["warning1"]))


def test_small_terminal(snap_compare, open_desk_sync: Desk) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=(80, 24), run_before=after())


def test_small_terminal_with_the_accounts_list_open(snap_compare, open_desk_sync: Desk) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=(80, 24), run_before=after("a"))


# -- every dialog at 80x24 (a laptop's default terminal) and at a large size -------------------

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


@pytest.mark.parametrize("size", SIZES)
def test_help_screen_at(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=size, run_before=after("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_reply_editor_at(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    desk = open_desk_sync
    assert snap_compare(desk.app(), terminal_size=size,
                        run_before=after("r", select=desk.ids["warning1"]))


@pytest.mark.parametrize("size", SIZES)
def test_close_dialog_at(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=size, run_before=after("x"))


@pytest.mark.parametrize("size", SIZES)
def test_refer_dialog_at(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=size, run_before=after("f"))


def test_closed_desk_small(snap_compare, closed_desk_sync: Desk) -> None:
    assert snap_compare(closed_desk_sync.app(), terminal_size=(80, 24), run_before=after())


@pytest.mark.parametrize("size", SIZES)
def test_a_notice_over_the_key_bar(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    def notify_then_settle(pilot: Pilot) -> Awaitable[None]:
        async def run() -> None:
            await settle(pilot)
            pilot.app.notify("Claimed: @paid_up_pat")
            pilot.app.notify("claimed by Tom Greaves", title="Not done", severity="error")
            await settle(pilot)
        return run()

    app = open_desk_sync.app()
    app._disable_notifications = False  # snapshots turn them off; this one is about them
    assert snap_compare(app, terminal_size=size, run_before=notify_then_settle)


@pytest.mark.parametrize("size", SIZES)
def test_a_colleagues_claim_asked_before_the_editor(snap_compare, open_desk_sync: Desk,
                                                    size: tuple[int, int]) -> None:
    desk = open_desk_sync
    asyncio.run(desk.session(OTHER_OFFICER).claim(desk.ids["warning1"]))
    assert snap_compare(desk.app(), terminal_size=size,
                        run_before=after("r", select=desk.ids["warning1"]))


@pytest.mark.parametrize("size", SIZES)
def test_keep_or_discard_a_changed_draft(snap_compare, open_desk_sync: Desk,
                                         size: tuple[int, int]) -> None:
    desk = open_desk_sync
    assert snap_compare(desk.app(), terminal_size=size,
                        run_before=after("r", "x", "y", "escape", select=desk.ids["paused"]))


@pytest.mark.parametrize("size", SIZES)
def test_an_empty_store(snap_compare, size: tuple[int, int]) -> None:
    from core.clock import FixedClock
    from storage.memory import MemoryStore
    from tests.tui.seed import OPEN_AT, desk_pack

    store = MemoryStore()
    asyncio.run(store.open())
    desk = Desk(store, desk_pack(), FixedClock(OPEN_AT), {})
    assert snap_compare(desk.app(), terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES)
def test_a_filter_with_no_match(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    assert snap_compare(open_desk_sync.app(), terminal_size=size,
                        run_before=after("slash", "z", "z", "q", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_the_demo_says_what_it_is(snap_compare, open_desk_sync: Desk, size: tuple[int, int]) -> None:
    from tui.demo_note import DemoNote

    note = DemoNote(chosen_because="a duty officer who may reply but not block", kept_at=None)
    assert snap_compare(open_desk_sync.app(demo=note), terminal_size=size, run_before=after())


# -- the safeguarding lane and the statutory clocks (issue 12) -----------------------------------

def test_lane_desk_small(snap_compare, lane_desk_sync: Desk) -> None:
    """Urgent danger (999) and safeguarding (SG) first, statutory clocks before the text."""
    assert snap_compare(lane_desk_sync.app(), terminal_size=(80, 24), run_before=after())


def test_lane_desk_large(snap_compare, lane_desk_sync: Desk) -> None:
    """The same at 160x45, the urgent-danger message in the detail pane with 999 and the contact."""
    assert snap_compare(lane_desk_sync.app(), terminal_size=(160, 45), run_before=after())


def test_statutory_detail_large(snap_compare, lane_desk_sync: Desk) -> None:
    desk = lane_desk_sync
    assert snap_compare(desk.app(), terminal_size=(160, 45), run_before=after(select=desk.ids["foi"]))


def test_reply_warning_before_a_private_message_to_a_child(snap_compare, lane_desk_sync: Desk) -> None:
    desk = lane_desk_sync
    assert snap_compare(desk.app(), terminal_size=(80, 24),
                        run_before=after("r", select=desk.ids["child-dm"]))
