"""The reply editor through Pilot: drafts kept per message (through a refused send, escape and
a restart), a colleague's claim said before the editor opens (with a take-over for the lead),
the pack's templates, the count against the network's limit, and a closed account's warning."""

from __future__ import annotations

from textual.widgets import Select, TextArea

from core.models import MessageState
from storage.base import StateChange
from tests.tui.conftest import Desk, settle, toasts
from tests.tui.seed import OFFICER, OTHER_OFFICER
from tui.screens.choice import ChoiceScreen
from tui.screens.desk import DeskScreen
from tui.screens.reply import ReplyScreen
from tui.widgets.queue import QueueTable

SIZE = (140, 40)
TYPED = "Sorry about the tyre, Sam. I've asked Highways to look today."


async def open_editor(pilot, message_id: int) -> ReplyScreen:  # noqa: ANN001
    await settle(pilot)
    assert pilot.app.screen.query_one(QueueTable).move_to(message_id)
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    return pilot.app.screen


async def type_reply(pilot, text: str = TYPED) -> None:  # noqa: ANN001
    pilot.app.screen.query_one(TextArea).load_text(text)
    await settle(pilot)


def errors(app) -> list[str]:  # noqa: ANN001
    return [text for severity, text in toasts(app) if severity == "error"]


async def test_a_refused_send_keeps_the_draft_for_the_next_r(desk: Desk) -> None:
    target = desk.ids["warning1"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(await open_editor(pilot, target), ReplyScreen)
        await type_reply(pilot)
        await desk.session(OTHER_OFFICER).claim(target)  # a colleague gets there first
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        assert errors(app) == ["claimed by Tom Greaves (your draft is kept: r opens it again)"]
        await desk.store.change_state(StateChange(  # the colleague lets it go
            message_id=target, to_state=MessageState.NEW, by=OTHER_OFFICER, at=desk.clock.now()))
        app.request_refresh()
        editor = await open_editor(pilot, target)
        assert isinstance(editor, ReplyScreen)
        assert editor.query_one(TextArea).text == TYPED
    assert await desk.session().saved_draft(target) == TYPED


async def test_escape_on_a_changed_draft_asks_and_keep_keeps_it_across_a_restart(desk: Desk) -> None:
    target = desk.ids["warning1"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot, target)
        await type_reply(pilot)
        await pilot.press("escape")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ChoiceScreen) and question.id == "discard"
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
    again = desk.app()  # a new desk on the same store: the draft is in the store
    async with again.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, target)
        assert editor.query_one(TextArea).text == TYPED
        assert "kept draft" in str(editor.query_one(Select).prompt)


async def test_escape_then_discard_forgets_the_draft_and_unchanged_text_closes_at_once(desk: Desk) -> None:
    target = desk.ids["warning1"]
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        template = (await open_editor(pilot, target)).query_one(TextArea).text
        await pilot.press("escape")  # unchanged: nothing to lose, nothing asked
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        await open_editor(pilot, target)
        await type_reply(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")  # back to the editor, text intact
        await settle(pilot)
        assert isinstance(app.screen, ReplyScreen) and app.screen.query_one(TextArea).text == TYPED
        await pilot.press("escape", "d")
        await settle(pilot)
        assert isinstance(app.screen, DeskScreen)
        assert (await open_editor(pilot, target)).query_one(TextArea).text == template
    assert await desk.session().saved_draft(target) is None


async def test_a_colleagues_claim_is_said_before_the_editor_opens(desk: Desk) -> None:
    target = desk.ids["warning1"]
    await desk.session(OTHER_OFFICER).claim(target)
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        question = await open_editor(pilot, target)
        assert isinstance(question, ChoiceScreen) and question.id == "claimed"
        assert [c.value for c in question.choices] == ["draft"]  # a duty officer may not take over
        await pilot.press("d")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ReplyScreen)
        warnings = [str(w.render()) for w in editor.query(".reply-warning")]
        assert any("Tom Greaves holds this message" in w for w in warnings)


async def test_the_lead_takes_over_a_claim_and_replies(desk: Desk) -> None:
    target = desk.ids["warning1"]
    await desk.session(OFFICER).claim(target)
    app = desk.app(OTHER_OFFICER)
    async with app.run_test(size=SIZE) as pilot:
        question = await open_editor(pilot, target)
        assert [c.value for c in question.choices] == ["take", "draft"]
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ReplyScreen)
        assert (await desk.store.get_message(target)).claimed_by == OTHER_OFFICER
        await type_reply(pilot, "Sorted, thank you.")
        await pilot.press("ctrl+s")
        await settle(pilot)
    message = await desk.store.get_message(target)
    assert (message.state, message.state_by) == (MessageState.RESPONDED, OTHER_OFFICER)
    verbs = [(a.verb, a.actor) for a in await desk.store.actions(message_id=target)]
    assert verbs == [("claim", OFFICER), ("take_over", OTHER_OFFICER), ("reply", OTHER_OFFICER)]


async def test_a_template_of_the_pack_replaces_the_text_and_ctrl_z_brings_it_back(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, desk.ids["warning1"])
        await type_reply(pilot)
        select = editor.query_one(Select)
        foi = next(t for t in desk.pack.templates if t.id == "foi")
        select.value = "foi"
        await settle(pilot)
        area = editor.query_one(TextArea)
        assert area.text == desk.session().draft(await desk.store.get_message(desk.ids["warning1"]), "foi")
        assert foi.title in [str(prompt) for prompt, _ in select._options]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert area.text == TYPED


async def test_a_reply_too_long_for_x_is_counted_and_not_sent(desk: Desk) -> None:
    target = desk.ids["breached"]  # on X: 280 characters
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, target)
        count = editor.query_one("#reply-count")
        assert "/ 280 characters on X" in str(count.render())
        await type_reply(pilot, "x" * 300)
        assert count.has_class("-over") and "too many" in str(count.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReplyScreen)  # not sent: still editing
    assert (await desk.store.get_message(target)).state is MessageState.NEW
    assert await desk.store.outbox() == [o for o in await desk.store.outbox() if o.created_by != OFFICER]


async def test_replying_on_a_closed_account_warns(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, desk.ids["paused"])  # the tourism account: closed now
        warnings = [str(w.render()) for w in editor.query(".reply-warning")]
        assert any("IG @visiteastbourne is CLOSED till Wed 09:00" in w for w in warnings)
        await pilot.press("escape")
        await settle(pilot)
        editor = await open_editor(pilot, desk.ids["warning1"])  # open: no warning
        assert list(editor.query(".reply-warning")) == []
