"""The detail pane: everything about the selected message, and hostile text shown literally."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from tests.tui.conftest import Desk, settle
from tests.tui.seed import HOSTILE_NAME, HOSTILE_TEXT, OTHER_OFFICER
from tui.widgets.detail import DetailPane
from tui.widgets.queue import QueueTable
from tui.widgets.safe_text import one_line, visible

SIZE = (140, 40)


def part(app, name: str) -> Static:
    return app.screen.query_one(DetailPane).query_one(f"#detail-{name}", Static)


def text(app, name: str) -> str:
    return str(part(app, name).content)


async def show(desk: Desk, key: str, pilot) -> None:
    assert pilot.app.screen.query_one(QueueTable).move_to(desk.ids[key])
    await settle(pilot)


async def test_hostile_text_is_shown_exactly_as_written(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await show(desk, "hostile", pilot)
        body = part(app, "body")
        shown = text(app, "body")
        assert shown == visible(HOSTILE_TEXT)
        assert "[bold red]pwned[/]" in shown          # markup not interpreted
        assert "\u241b[2J\u241b[31mred?" in shown      # escape sequences made visible
        assert "\u27e8RLO\u27e9gnp.exe\u27e8PDF\u27e9" in shown  # the bidi override too
        assert not any(c in shown for c in "\x1b\x9b\u202e\r")
        visual = body.visual
        assert isinstance(visual, Content) and visual.spans == []  # no style came from the text
        who = text(app, "who")
        assert one_line(HOSTILE_NAME) in who and "[link=https://evil.example]Council[/link]" in who
        assert not [s for s in part(app, "who").visual.spans if "link" in str(s.style)]


async def test_the_lines_drawn_hold_the_markup_characters_and_no_controls(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await show(desk, "hostile", pilot)
        body = part(app, "body")
        strips = body.render_lines(Region(0, 0, body.size.width, body.size.height))
        drawn = "".join(strip.text for strip in strips)
        assert "[bold red]pwned[/]" in drawn and "\u27e8RLO\u27e9" in drawn
        assert all(ch.isprintable() for ch in drawn)
        assert all(strip.cell_length == body.size.width for strip in strips)


async def test_the_detail_shows_author_place_times_state_and_labels(desk: Desk) -> None:
    target = desk.ids["warning1"]
    await desk.session(OTHER_OFFICER).claim(target)
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await show(desk, "warning1", pilot)
        assert text(app, "who") == "sam.k  Sam Kaur  platform id author-warning1"
        assert text(app, "where") == ("FB Eastbourne Borough Council · comment · thread "
                                      "thread-warning1 · https://example.social/warning1")
        assert text(app, "when") == ("Received Tue 17 Nov 12:50   Due Tue 17 Nov 14:20  "
                                     "20m 00s left, first warning")
        assert text(app, "state") == ("State claimed by Tom Greaves, Tue 17 Nov 14:00   "
                                      "Labels complaint")
        assert text(app, "body") == ("I want to complain about the potholes on Seaside Road, "
                                     "they wrecked my tyre.")
        expected = app.screen.query_one(DetailPane).expectations_shown
        assert len(expected) == 2
        assert expected[0].startswith("Complaint: acknowledge it and redirect")
        assert expected[1] == "First response due by Tue 17 Nov 14:20 (target 90 working minutes)."
        assert text(app, "history") == "History\n  Tue 17 Nov 14:00  claimed  Tom Greaves"


async def test_a_paused_clock_says_so(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await show(desk, "paused", pilot)
        assert text(app, "when").endswith("30m 00s left, paused, account closed")


async def test_an_empty_queue_leaves_nothing_selected(desk: Desk) -> None:
    app = desk.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz")
        await settle(pilot)
        assert app.screen.query_one(DetailPane).message is None
        assert text(app, "who") == "No message selected."
        assert text(app, "body") == ""


async def test_history_reads_in_words_not_field_names(desk: Desk) -> None:
    from core.handling import CloseReason

    target = desk.ids["warning1"]
    lead = desk.session("tgreaves")
    await desk.session().claim(target)
    await lead.take_over(target)
    await lead.refer(target, "Highways", "pothole_claim form sent")
    await lead.close(target, CloseReason.ANSWERED_ELSEWHERE)
    app = desk.app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(QueueTable).move_to(target)
        await settle(pilot)
        history = text(app, "history")
        state = text(app, "state")
    for words in ("claimed  Daniel Okafor", "took over the claim  Tom Greaves  from: Daniel Okafor",
                  "referred  Tom Greaves  to: Highways; note: pothole_claim form sent",
                  "set aside without a reply  Tom Greaves  why: Answered elsewhere"):
        assert words in history
    for field in ("reason_text", "take_over", "  close  ", "  refer  "):
        assert field not in history
    assert "set aside without a reply by Tom Greaves" in state and "closed" not in state
