"""Every key an officer uses, through Pilot: what the store holds afterwards, what the screen
shows, and that every change lands in the action log with the officer's id."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from core.models import MessageState
from tests.tui.conftest import HANDLED_ROWS, WAITING_ROWS, Desk, handled_rows, settle, toasts
from tests.tui.seed import NO_CLAIM_OFFICER, OFFICER, OTHER_OFFICER
from tui.app import DeskApp
from tui.screens.close import CloseScreen
from tui.screens.desk import DeskScreen
from tui.screens.help import HelpScreen
from tui.screens.refer import ReferScreen
from tui.screens.reply import ReplyScreen
from tui.widgets.detail import DetailPane
from tui.widgets.queue import QueueTable
from tui.widgets.sidebar import AccountList

SIZE = (140, 40)


def queue(app: DeskApp) -> QueueTable:
    return app.screen.query_one(QueueTable)


async def select(pilot, message_id: int) -> None:
    assert queue(pilot.app).move_to(message_id)
    await settle(pilot)


async def press_on(pilot, message_id: int, *keys: str) -> None:
    """On a desk just opened: settle, put the cursor on `message_id`, press `keys`, settle."""
    await settle(pilot)
    await select(pilot, message_id)
    await pilot.press(*keys)
    await settle(pilot)


def errors(app: DeskApp) -> list[str]:
    return [text for severity, text in toasts(app) if severity == "error"]


async def test_the_desk_opens_on_the_soonest_due(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        q = queue(app)
        # The officer's waiting messages (not Lewes), then the one answered lately.
        assert q.row_count == WAITING_ROWS + HANDLED_ROWS
        assert [m.id for m in handled_rows(app)] == [desk.ids["answered"]]
        assert q.highlighted.id == desk.ids["breached"]
        assert app.screen.query_one(DetailPane).message.id == desk.ids["breached"]
        assert q.has_focus


async def test_claim_takes_the_message_and_logs_it(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, desk.ids["warning1"], "c")
    message = await desk.store.get_message(desk.ids["warning1"])
    assert (message.state, message.claimed_by) == (MessageState.CLAIMED, OFFICER)
    log = await desk.store.actions(message_id=desk.ids["warning1"])
    assert [(a.verb, a.actor) for a in log] == [("claim", OFFICER)]
    assert not errors(app)


async def test_a_second_officers_claim_is_refused_with_the_holders_name(desk: Desk) -> None:
    target = desk.ids["breached"]
    await desk.session(OTHER_OFFICER).claim(target)
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, target, "c")
        assert errors(app) == ["claimed by Tom Greaves"]
    message = await desk.store.get_message(target)
    assert message.claimed_by == OTHER_OFFICER
    log = await desk.store.actions(message_id=target)
    assert [(a.verb, a.actor) for a in log] == [("claim", OTHER_OFFICER)]


async def test_reply_sends_the_signed_text_and_answers_the_message(desk: Desk) -> None:
    target = desk.ids["warning1"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, target, "r")
        editor = app.screen
        assert isinstance(editor, ReplyScreen)
        area = editor.query_one(TextArea)
        assert area.text == desk.session().draft(await desk.store.get_message(target))
        assert "^Daniel Okafor, Lewes & Eastbourne" in str(editor.query_one("#reply-signature").content)
        area.load_text("Sorry about your tyre. Please use the complaints form.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        # It stays in view, answered, after every message still waiting.
        newest = handled_rows(app)[0]
        assert (newest.id, newest.state) == (target, MessageState.RESPONDED)
    message = await desk.store.get_message(target)
    assert message.state == MessageState.RESPONDED
    assert message.responded_at == desk.clock.now()
    outbox = [o for o in await desk.store.outbox() if o.in_reply_to == target]
    assert [o.text for o in outbox] == [
        "Sorry about your tyre. Please use the complaints form.\n^Daniel Okafor, Lewes & Eastbourne"]
    assert outbox[0].created_by == OFFICER
    log = await desk.store.actions(message_id=target)
    assert [(a.verb, a.actor) for a in log] == [("reply", OFFICER)]


async def test_escape_cancels_a_reply_and_nothing_is_sent(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    assert [o for o in await desk.store.outbox() if o.created_by == OFFICER] == []
    assert (await desk.store.get_message(desk.ids["breached"])).state == MessageState.NEW


async def test_an_empty_reply_is_refused_and_shown(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one(TextArea).load_text("   ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert errors(app) == ["a reply cannot be empty"]
    assert (await desk.store.get_message(desk.ids["breached"])).state == MessageState.NEW
    assert await desk.store.actions(message_id=desk.ids["breached"]) == []


@pytest.mark.parametrize(("presses", "reason"), [
    ((), "rhetorical"),
    (("down",), "repeat"),
    (("down", "down"), "provocation"),
    (("end",), "answered_elsewhere"),
])
async def test_close_without_a_reply_records_the_reason(desk: Desk, presses: tuple[str, ...],
                                                        reason: str) -> None:
    target = desk.ids["ontime"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, target, "x")
        assert isinstance(app.screen, CloseScreen)
        await pilot.press(*presses, "enter")
        await settle(pilot)
        # Still in view, closed, after the waiting ones; the cursor stays on the next waiting.
        newest = handled_rows(app)[0]
        assert (newest.id, newest.state) == (target, MessageState.CLOSED)
        assert queue(app).highlighted.state.awaiting_response
    message = await desk.store.get_message(target)
    assert (message.state, message.state_by) == (MessageState.CLOSED, OFFICER)
    log = await desk.store.actions(message_id=target)
    assert [(a.verb, a.actor, a.detail["reason"]) for a in log] == [("close", OFFICER, reason)]


async def test_refer_with_a_note_keeps_the_clock_running(desk: Desk) -> None:
    target = desk.ids["warning2"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, target, "f")
        assert isinstance(app.screen, ReferScreen)
        await pilot.press(*"HR team", "enter", *"Apprenticeships are theirs")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target in [m.id for m in app.window.messages]  # still waiting for a response
    message = await desk.store.get_message(target)
    assert message.state == MessageState.REFERRED
    log = await desk.store.actions(message_id=target)
    assert [(a.verb, a.actor, a.detail["to"], a.detail["note"]) for a in log] == [
        ("refer", OFFICER, "HR team", "Apprenticeships are theirs")]


async def test_refer_suggests_the_packs_contacts(desk: Desk) -> None:
    target = desk.ids["warning2"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, target, "f", "tab", "end", "enter")  # "Your manager", the last suggestion
        assert app.screen.query_one("#refer-to", Input).value == "Your manager"
        assert app.screen.query_one("#refer-note", TextArea).has_focus
        await pilot.press("ctrl+s")
        await settle(pilot)
    log = await desk.store.actions(message_id=target)
    assert [(a.verb, a.detail["to"]) for a in log] == [("refer", "Your manager")]


async def test_refer_to_nobody_is_refused(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "ctrl+s")
        await settle(pilot)
        assert errors(app) == ["say who the message is referred to"]
    assert await desk.store.actions(message_id=desk.ids["breached"]) == []


@pytest.mark.parametrize(("typed", "keys"), [
    ("pothole", ["warning1"]),
    ("complaint", ["warning1"]),          # a label
    ("@bin_w", ["ontime"]),               # an author's handle
    ("Pat Ev", ["breached"]),             # an author's display name
    ("zzz", []),
])
async def test_slash_filters_the_queue(desk: Desk, typed: str, keys: list[str]) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *typed)
        await settle(pilot)
        assert [m.id for m in app.window.messages] == [desk.ids[k] for k in keys]
        assert queue(app).row_count == len(keys)
        await pilot.press("enter")  # back to the queue, filter kept
        await settle(pilot)
        assert queue(app).has_focus and queue(app).row_count == len(keys)
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert queue(app).row_count == WAITING_ROWS + HANDLED_ROWS
        assert app.screen.query_one("#filter", Input).value == ""


async def test_letters_typed_in_the_filter_do_not_act(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"crxf")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    assert await desk.store.actions(after_id=0) == [a for a in await desk.store.actions()
                                                    if a.actor != OFFICER]


async def test_choosing_an_account_filters_the_queue(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "down", "enter")  # the first account after "All accounts"
        await settle(pilot)
        assert {m.account for m in app.window.messages} == {"eastbourne-x"}
        assert queue(app).row_count == 3 and queue(app).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert queue(app).row_count == WAITING_ROWS + HANDLED_ROWS


async def test_on_a_narrow_screen_the_accounts_list_opens_on_demand(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        accounts = app.screen.query_one(AccountList)
        assert not accounts.display  # the queue needs the width
        await pilot.press("a")
        await settle(pilot)
        assert accounts.display and accounts.has_focus
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert not accounts.display and queue(app).has_focus
        assert {m.account for m in app.window.messages} == {"eastbourne-facebook"}
        summary = str(app.screen.query_one("#queue-summary").content)
        assert summary == "FB Eastbourne Borough Council · 1 waiting"
        await pilot.press("a", "escape")
        await settle(pilot)
        assert not accounts.display and queue(app).has_focus


async def test_enter_opens_the_detail_and_escape_goes_back(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        assert detail.has_focus and detail.message.id == desk.ids["warning2"]
        await pilot.press("escape")
        assert queue(app).has_focus


async def test_help_lists_every_key_and_closes(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys Static").content)
        for keys in ("/", "enter", "esc", "c", "r", "x", "f", "a", "?", "ctrl+q", "↓ / j", "↑ / k",
                     "pgup", "pgdn", "home", "end", "ctrl+s"):
            assert f"\n{keys} " in text, keys
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen)
        await pilot.press("question_mark", "question_mark")
        assert isinstance(app.screen, DeskScreen)


async def test_keys_the_role_may_not_use_are_hidden(desk: Desk) -> None:
    app = desk.app(NO_CLAIM_OFFICER)  # may view and refer only
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert [screen.check_action(a, ()) for a in ("claim", "reply", "close_message", "refer")] == [
            False, False, False, True]
        await pilot.press("c", "r", "x")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen) and not toasts(app)
    assert [a for a in await desk.store.actions() if a.actor == NO_CLAIM_OFFICER] == []


async def test_the_refusal_comes_from_the_session_when_the_screen_is_bypassed(desk: Desk) -> None:
    app = desk.app(NO_CLAIM_OFFICER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.action_claim()
        await settle(pilot)
        assert errors(app) == [
            "Sunita Patel (Head of Customer and Neighbourhood Services) may not claim"]
    assert (await desk.store.get_message(desk.ids["breached"])).claimed_by is None


async def test_actions_with_nothing_selected_say_so(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"no such message", "enter")
        await settle(pilot)
        assert app.screen.check_action("claim", ()) is None  # shown greyed
        app.screen.action_claim()
        await settle(pilot)
        assert toasts(app) == [("warning", "No message selected.")]


async def test_every_action_is_logged_with_the_officers_id(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")                           # claim the breached one
        await settle(pilot)
        await pilot.press("r", "ctrl+s")                 # answer it with the draft
        await settle(pilot)
        await pilot.press("x", "enter")                  # close the next
        await settle(pilot)
        await pilot.press("f", *"Press office", "ctrl+s")  # refer the one after
        await settle(pilot)
    mine = [a for a in await desk.store.actions() if a.actor == OFFICER]
    assert [a.verb for a in mine] == ["claim", "reply", "close", "refer"]
    assert all(a.at == desk.clock.now() and a.message_id is not None for a in mine)
