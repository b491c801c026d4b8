"""The key bar is rebuilt when its keys change, and only then: the desk asks for a bindings
refresh on every queue refresh, and rebuilding every key each time is most of the cost of a
refresh on screen. Each modal has a bar of its own keys."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from tests.tui.conftest import Desk, settle
from tui.app import DeskApp
from tui.state import QueueFilter
from tui.widgets.keys import KeyBar

SIZE = (140, 40)


def keys(app: DeskApp) -> dict[str, bool]:
    """Each key on the bar, by action: whether it can be pressed."""
    return {key.action: not key.disabled and not key.has_class("-disabled")
            for key in app.screen.query_one(KeyBar).query(FooterKey)}


def built(app: DeskApp) -> list[FooterKey]:
    """The key widgets on the bar now (a rebuild makes new ones)."""
    return list(app.screen.query_one(KeyBar).query(FooterKey))


async def test_refreshes_that_change_no_key_leave_the_bar_alone(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before, shown = built(app), keys(app)
        assert before and shown["claim"]
        for _ in range(3):
            app.request_refresh()
            await settle(pilot)
        after = built(app)
        assert len(after) == len(before) and all(a is b for a, b in zip(after, before, strict=True))
        assert keys(app) == shown


async def test_the_bar_follows_what_can_be_done(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = built(app)
        app.set_queue_filter(QueueFilter(search="nothing matches this"))  # nothing selected
        await settle(pilot)
        greyed = built(app)
        assert not any(a is b for a, b in zip(greyed, first, strict=False))
        assert not keys(app)["claim"]
        app.set_queue_filter(QueueFilter())
        await settle(pilot)
        assert not any(a is b for a, b in zip(built(app), greyed, strict=False))
        assert keys(app)["claim"]


@pytest.mark.parametrize(("key", "actions"), [
    ("r", {"send", "templates", "cancel"}), ("x", {"cancel"}), ("f", {"send", "cancel"}), ("question_mark", {"dismiss"})])
async def test_a_modal_shows_its_own_keys(desk: Desk, key: str, actions: set[str]) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is not app.screen_stack[0]  # the modal is up
        assert set(keys(app)) == actions


@pytest.mark.parametrize(("width", "moderation"), [
    (80, []), (94, []), (95, ["moderation"]), (119, ["moderation", "warn"]),
    (120, ["moderation", "warn", "request_block"]), (160, ["moderation", "warn", "request_block"])])
async def test_a_wider_desk_bar_shows_the_moderation_keys_after_the_usual_ones(
        desk: Desk, width: int, moderation: list[str]) -> None:
    app = desk.app()
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        shown = list(keys(app))
        usual = ["open", "filter", "back", "claim", "reply", "close_message", "refer", "help", "quit"]
        assert shown == usual + moderation
        assert all(keys(app)[action] for action in moderation)
        bar = app.screen.query_one(KeyBar)
        assert sum(key.outer_size.width for key in bar.query(FooterKey)) <= width or not moderation


async def test_the_desk_bar_follows_a_resize(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        assert "moderation" not in keys(app)
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        assert "moderation" in keys(app) and "request_block" in keys(app)
        await pilot.resize_terminal(100, 40)
        await settle(pilot)
        assert "moderation" in keys(app) and "warn" not in keys(app)


async def test_the_desk_bar_says_a_message_is_set_aside_not_closed(desk: Desk) -> None:
    """'Closed' is an account's word (outside its opening hours); a message is set aside."""
    app = desk.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        labels = {key.action: key.description for key in built(app)}
        assert labels["close_message"] == "Aside"
        assert "Close" not in labels.values()
