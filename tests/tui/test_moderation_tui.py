"""The warning ladder on screen: badges on every row of an author, the keys to warn and (for
the blocking role only) to block, the moderation screen and its snapshots."""

from __future__ import annotations

import asyncio

import pytest

from core.moderation_models import AuthorState
from service.moderation import author_key
from tests.tui.conftest import Desk, open_desk, settle, toasts
from tests.tui.moderation_seed import ladder_desk
from tests.tui.seed import OTHER_OFFICER
from tests.tui.test_snapshots import after
from tui.screens.moderation import ModerationScreen
from tui.screens.moderation_dialogs import ReasonScreen, WarnScreen
from tui.widgets.badges import row_badges
from tui.widgets.queue import QueueTable

LEAD = OTHER_OFFICER


@pytest.fixture
def ladder_desk_sync() -> Desk:
    return asyncio.run(ladder_desk())


async def test_every_row_of_an_author_carries_their_badge() -> None:
    desk = await ladder_desk()
    app = desk.app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        session = desk.session()
        shown = {m.author.handle: [b.text for b in row_badges(session, m)] for m in app.window.messages}
    assert "W1" in shown["@bin_watcher"] and "W2" in shown["@paid_up_pat"]
    assert "BLOCK?" in shown["@mallory"] and "BLOCKD" in shown["sam.k"]
    assert not any(b in shown["jo-hughes"] for b in ("W1", "W2", "BLOCK?", "BLOCKD"))



async def test_at_80_columns_each_row_shows_its_first_label_and_its_authors_standing() -> None:
    desk = await ladder_desk()
    app = desk.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        session, table = desk.session(), app.screen.query_one(QueueTable)
        header = table.render_line(0).text
        labels_at, from_at = header.index("LABELS"), header.index("FROM")
        seen = []
        for index, message in enumerate(table._rows[: table.size.height - 1]):
            line = table.render_line(index + 1).text
            badges = row_badges(session, message)
            standing = [b.text for b in badges if b.author]
            first = next((b.text for b in badges if not b.author), "")
            assert line[labels_at:].startswith(first)
            if standing:
                assert f" {standing[0]} " in line[from_at:header.index("MESSAGE")]
                seen.append((first, standing[0]))
    # Every standing is on screen, two of them on labelled rows (ABUSE, and a statutory clock).
    assert sum(1 for first, _ in seen if first) == 2
    assert {standing for _, standing in seen} == {"W1", "W2", "BLOCK?", "BLOCKD"}

async def test_w_marks_the_message_with_a_category_and_the_badge_appears(desk: Desk) -> None:
    app = desk.app(LEAD)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(QueueTable).move_to(desk.ids["ontime"])
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WarnScreen)
        await pilot.press("down", "enter")  # the second category
        await settle(pilot)
        message = await desk.store.get_message(desk.ids["ontime"])
        record = await desk.store.author_record(author_key(message))
        assert [s.category for s in record.strikes] == [desk.pack.moderation.categories[1]]
        assert desk.session(LEAD).moderation.standing_of(message).badge == "W1"
        assert any("Marked" in text for _, text in toasts(app))
        # Marking it again (anyone) makes no second strike.
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert len((await desk.store.author_record(author_key(message))).strikes) == 1
        assert any("Already marked by Tom Greaves" in text for _, text in toasts(app))


async def test_a_duty_officer_has_no_block_keys_and_is_refused_by_core_anyway() -> None:
    desk = await ladder_desk()
    app = desk.app()  # Daniel Okafor, duty officer
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ModerationScreen)
        assert screen.check_action("block", ()) is False and screen.check_action("unblock", ()) is False
        assert "b" not in {b.key for _, b, enabled, _ in screen.active_bindings.values() if b.show}
        # The screen bypassed: the action run directly still ends in core's refusal.
        screen.action_block()
        await settle(pilot)
        assert isinstance(app.screen, ReasonScreen)
        await pilot.press(*"enough", "enter")
        await settle(pilot)
        refusals = [text for severity, text in toasts(app) if severity == "error"]
        assert any("only the Customer Communications and Engagement Lead may block" in t for t in refusals)


async def test_the_lead_blocks_from_the_moderation_screen() -> None:
    desk = await ladder_desk()
    app = desk.app(LEAD)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ModerationScreen)
        # It opens on the highlighted message's author; pending requests are listed first.
        assert screen.selected.handle == "@paid_up_pat"
        await pilot.press("home")
        await settle(pilot)
        assert screen.selected.handle == "@mallory"
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"posted again", "enter")
        await settle(pilot)
        mallory = await desk.store.get_message(desk.ids["hostile"])
        record = await desk.store.author_record(author_key(mallory))
        assert record.state is AuthorState.BLOCKED and record.status.reason == "posted again"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen.query_one(QueueTable), QueueTable)


def test_snapshot_queue_with_every_badge_small(snap_compare, ladder_desk_sync: Desk) -> None:
    assert snap_compare(ladder_desk_sync.app(), terminal_size=(80, 24), run_before=after())


def test_snapshot_queue_with_every_badge_large(snap_compare, ladder_desk_sync: Desk) -> None:
    assert snap_compare(ladder_desk_sync.app(), terminal_size=(160, 45), run_before=after())


def test_snapshot_moderation_screen_small(snap_compare, ladder_desk_sync: Desk) -> None:
    assert snap_compare(ladder_desk_sync.app(LEAD), terminal_size=(80, 24), run_before=after("m"))


def test_snapshot_moderation_screen_large(snap_compare, ladder_desk_sync: Desk) -> None:
    assert snap_compare(ladder_desk_sync.app(LEAD), terminal_size=(160, 45), run_before=after("m"))


def test_snapshot_warn_dialog_small(snap_compare, ladder_desk_sync: Desk) -> None:
    desk = ladder_desk_sync
    assert snap_compare(desk.app(LEAD), terminal_size=(80, 24),
                        run_before=after("w", select=desk.ids["breached"]))


async def test_open_desk_fixture_unchanged() -> None:
    desk = await open_desk()
    assert await desk.store.moderated_authors() == []


def test_snapshot_warn_dialog_large(snap_compare, ladder_desk_sync: Desk) -> None:
    desk = ladder_desk_sync
    assert snap_compare(desk.app(LEAD), terminal_size=(160, 45),
                        run_before=after("w", select=desk.ids["ontime"]))


def test_snapshot_block_reason_dialog_small(snap_compare, ladder_desk_sync: Desk) -> None:
    assert snap_compare(ladder_desk_sync.app(LEAD), terminal_size=(80, 24),
                        run_before=after("m", "home", "b"))


def test_snapshot_block_reason_dialog_large(snap_compare, ladder_desk_sync: Desk) -> None:
    assert snap_compare(ladder_desk_sync.app(LEAD), terminal_size=(160, 45),
                        run_before=after("m", "home", "b"))
