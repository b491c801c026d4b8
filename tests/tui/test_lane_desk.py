"""The safeguarding lane and the statutory clocks on the desk, through Pilot: disclosures first
(and incidents in an emergency), the bell when one arrives, 999 and the contact on the row and in
the detail pane, the statutory clock's badge and lines, and the warning before a private
message to a child."""

from __future__ import annotations

from textual.widgets import Static

from core.models import MessageKind
from tests.tui.conftest import Desk, lane_desk, settle
from service.emergency import CrisisDesk
from tests.tui.seed import OPEN_AT, OTHER_OFFICER, Seed, desk_pack, new_message
from tui.app import DeskApp
from tui.screens.reply import ReplyScreen
from tui.widgets.badges import row_badges
from tui.widgets.detail import DetailPane
from tui.widgets.queue import QueueTable

SMALL, LARGE = (80, 24), (160, 45)


def window_keys(desk: Desk, app: DeskApp) -> list[str]:
    by_id = {v: k for k, v in desk.ids.items()}
    return [by_id[m.id] for m in app.window.messages if m.state.awaiting_response]


async def test_disclosures_come_first_whatever_their_due_time() -> None:
    desk = await lane_desk()
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        keys = window_keys(desk, app)
        assert keys[:2] == ["danger", "child-dm"]
        # The rest soonest due first: the incident report keeps its place outside an emergency.
        assert keys[2] == "breached" and keys.index("flood") > keys.index("ontime")
        assert app.screen.query_one(QueueTable).highlighted.id == desk.ids["danger"]


async def test_in_an_emergency_incident_reports_rise_after_the_disclosures() -> None:
    desk = await lane_desk()
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert window_keys(desk, app).index("flood") > 2
        # The engagement lead declares an emergency; the officer's desk reads it and the
        # incident reports rise (service.emergency sets the queue's flag).
        await CrisisDesk(desk.session(OTHER_OFFICER)).declare("Flooding", "Marine Parade")
        app.request_refresh()
        await settle(pilot)
        assert window_keys(desk, app)[:4] == ["danger", "child-dm", "flood", "breached"]


async def test_a_disclosure_arriving_on_the_desk_rings_the_bell_once(desk: Desk) -> None:
    app = desk.app()
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert rings == []  # nothing in the lane on this desk yet
        seed = Seed("arrived", "eastbourne-x", OPEN_AT, "she says she'll take all her tablets tonight",
                    "@friend", labels=("safeguarding",))
        await desk.store.add_messages([new_message(desk_pack(), seed, OPEN_AT)])
        await app.poll_changes().wait()
        await settle(pilot)
        assert rings == [1]
        assert app.window.messages[0].author.handle == "@friend"
        app.request_refresh()
        await settle(pilot)
        assert rings == [1]  # once per disclosure, not once per fetch


async def test_the_rows_badges_say_999_and_the_statutory_clock() -> None:
    desk = await lane_desk()
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        session = app.session
        messages = {m.id: m for m in app.window.messages}
        danger = [b.text for b in row_badges(session, messages[desk.ids["danger"]])]
        assert danger[0] == "999" and "DANGER" in danger and "SAFEG" in danger
        assert [b.text for b in row_badges(session, messages[desk.ids["foi"]])] == ["FOI28d", "FOI"]
        assert [b.text for b in row_badges(session, messages[desk.ids["sar"]])] == ["SAR30d", "SAR"]
        line = app.screen.query_one(QueueTable).render_line(1).text
        assert "999" in line


async def test_the_detail_pane_gives_999_the_contact_and_the_statutory_clock() -> None:
    desk = await lane_desk()
    app = desk.app()
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        lane = str(detail.query_one("#detail-lane", Static).content)
        assert "call 999" in lane and desk.pack.contacts.safeguarding in lane
        assert not detail.query_one("#detail-statutory", Static).display
        assert app.screen.query_one(QueueTable).move_to(desk.ids["foi"])
        await settle(pilot)
        statutory = detail.query_one("#detail-statutory", Static)
        assert statutory.display
        assert "FOI response due by Tue 15 Dec" in str(statutory.content)
        assert not detail.query_one("#detail-lane", Static).display


async def test_replying_by_private_message_to_a_child_warns_first() -> None:
    desk = await lane_desk()
    app = desk.app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.screen.query_one(QueueTable).move_to(desk.ids["child-dm"])
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReplyScreen)
        warnings = [str(w.content) for w in app.screen.query(".reply-warning")]
        assert any("child" in w and "5.1" in w for w in warnings), warnings
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one(QueueTable).move_to(desk.ids["foi"])
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert not app.screen.query(".reply-warning")


def test_the_child_seed_is_a_direct_message() -> None:
    # The reply-warning test relies on it: a reply to a direct message is a private message.
    from tests.tui.seed import lane_seeds
    assert next(s for s in lane_seeds() if s.key == "child-dm").kind == MessageKind.DIRECT_MESSAGE


async def test_a_declared_emergency_raises_incident_reports_into_the_lane() -> None:
    """The session's incident (service.emergency sets it when one is declared) is the flag."""
    from core.emergency import Incident

    desk = await lane_desk()
    session = desk.session()
    by_id = {v: k for k, v in desk.ids.items()}
    before = [by_id[m.id] for m in await session.queue()]
    assert before.index("flood") > 2
    session.incident = Incident(title="Flooding on the seafront", reason="Marine Parade under water",
                                declared_by="tgreaves", declared_at=OPEN_AT)
    assert [by_id[m.id] for m in await session.queue()][:3] == ["danger", "child-dm", "flood"]
