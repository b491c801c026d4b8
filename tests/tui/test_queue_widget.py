"""The queue widget: cursor and messages, diffing, colours, countdown wording, hostile text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult

from core.clock import NaiveDatetimeError
from core.models import Author, Message, MessageKind, MessageState, Platform
from core.sla import Countdown, Phase
from tui.widgets import queue as queue_module
from tui.widgets.queue import EMPTY_TEXT, QueueTable
from tui.widgets.queue_render import (
    MIN_TEXT,
    clean,
    countdown_text,
    fit,
    layout_for,
    phase_class,
    when_text,
)

LONDON = ZoneInfo("Europe/London")
#: Monday 10 March 2025, 10:00 in London (GMT, so also 10:00 UTC).
NOW = datetime(2025, 3, 10, 10, 0, tzinfo=LONDON)


def message(id: int, *, text: str = "Bins not collected on Elm Road", handle: str = "@resident",
            revision: int = 0, due_in: timedelta | None = None, labels: tuple[str, ...] = ("bins",),
            kind: MessageKind = MessageKind.COMMENT) -> Message:
    due = NOW + (due_in if due_in is not None else timedelta(minutes=10 * id))
    return Message(
        id=id, platform=Platform.X, platform_id=f"x-{id}", account="lewes-x", kind=kind,
        author=Author(platform_id=f"u-{id}", handle=handle, display_name="A Resident"),
        text=text, received_at=NOW - timedelta(hours=1), ingested_at=NOW - timedelta(hours=1),
        due_at=due, revision=revision, labels=labels,
    )


def running(msg: Message, now: datetime) -> Countdown:
    """A stand-in for `DeskSession.countdown`: always open, breached once the due time passes."""
    assert msg.due_at is not None
    if now >= msg.due_at:
        return Countdown(phase=Phase.BREACHED, due_at=msg.due_at, overdue_by=now - msg.due_at)
    return Countdown(phase=Phase.ON_TIME, due_at=msg.due_at, business_left=msg.due_at - now)


class QueueApp(App[None]):
    """Only the widget, plus a record of what it posted."""

    def __init__(self, rows: list[Message], countdown=running, **options) -> None:
        super().__init__()
        self.rows = rows
        self.countdown = countdown
        self.options = options
        self.highlighted: list[int | None] = []
        self.opened: list[int] = []

    def compose(self) -> ComposeResult:
        yield QueueTable(self.countdown, NOW, **self.options)

    def on_mount(self) -> None:
        table = self.query_one(QueueTable)
        table.set_messages(self.rows)
        table.focus()

    def on_queue_table_highlighted(self, event: QueueTable.Highlighted) -> None:
        self.highlighted.append(None if event.message is None else event.message.id)

    def on_queue_table_opened(self, event: QueueTable.Opened) -> None:
        self.opened.append(event.message.id)


def rows(count: int, **kw) -> list[Message]:
    return [message(i, **kw) for i in range(1, count + 1)]


def line_text(table: QueueTable, y: int) -> str:
    return table.render_line(y).text


# -- cursor, keys and messages ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("keys", "cursor_id"),
    [
        ((), 1),
        (("down",), 2),
        (("j", "j", "k"), 2),
        (("up",), 1),
        (("end",), 100),
        (("end", "home"), 1),
        (("end", "down"), 100),
        (("pagedown",), 30),  # 30 lines: one header and 29 rows a page
        (("pagedown", "pageup"), 1),
    ],
)
async def test_keys_move_the_cursor(keys: tuple[str, ...], cursor_id: int) -> None:
    app = QueueApp(rows(100))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        table = app.query_one(QueueTable)
        assert table.highlighted is not None and table.highlighted.id == cursor_id
        assert app.highlighted[-1] == cursor_id


async def test_cursor_stays_visible_when_it_moves_past_the_screen() -> None:
    app = QueueApp(rows(100))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        await pilot.press("end")
        await pilot.pause()
        assert "Tue 02:40" in line_text(table, 29)  # row 100 is due 1000 minutes after 10:00
        await pilot.press("home")
        await pilot.pause()
        assert table.scroll_y == 0 and "10:10" in line_text(table, 1)


async def test_enter_posts_opened_for_the_highlighted_message() -> None:
    app = QueueApp(rows(5))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.opened == [3]


async def test_enter_on_an_empty_queue_posts_nothing() -> None:
    app = QueueApp([])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "down")
        await pilot.pause()
        assert app.opened == []
        assert app.query_one(QueueTable).highlighted is None


async def test_click_moves_the_cursor_and_double_click_opens() -> None:
    app = QueueApp(rows(10))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click(QueueTable, offset=(40, 4))  # line 4 is the fourth row
        await pilot.pause()
        assert app.query_one(QueueTable).highlighted.id == 4
        assert app.opened == []
        await pilot.double_click(QueueTable, offset=(40, 2))
        await pilot.pause()
        assert app.opened == [2]


async def test_move_to_finds_a_message_by_id() -> None:
    app = QueueApp(rows(200))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        assert table.move_to(150) is True
        assert table.move_to(9999) is False
        await pilot.pause()
        assert table.highlighted.id == 150 and app.highlighted[-1] == 150
        assert any("Tue 11:00" in line_text(table, y) for y in range(1, 30))  # row 150 is on screen


# -- set_messages diff ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("new_ids", "expected_id"),
    [
        ([0, 1, 2, 3, 4, 5], 3),      # a message arrived above: the cursor follows id 3
        ([1, 2, 4, 5], 4),            # id 3 went: same index (2), now id 4
        ([1, 2], 2),                  # id 3 went and the list shrank: clamped to the end
        ([5, 4, 3, 2, 1], 3),         # reordered: still id 3
    ],
)
async def test_set_messages_keeps_the_cursor_on_the_same_id(new_ids: list[int], expected_id: int) -> None:
    app = QueueApp(rows(5))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        table.move_to(3)
        table.set_messages([message(i) for i in new_ids])
        await pilot.pause()
        assert table.highlighted.id == expected_id
        assert table.row_count == len(new_ids)


@pytest.mark.parametrize("handled", [MessageState.RESPONDED, MessageState.CLOSED])
async def test_a_message_that_stops_waiting_leaves_the_cursor_on_the_next(handled: MessageState) -> None:
    app = QueueApp(rows(5))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        table.move_to(3)
        done = message(3, revision=1).model_copy(update={"state": handled})
        table.set_messages([message(1), message(2), message(4), message(5), done])
        await pilot.pause()
        assert table.highlighted.id == 4  # the next waiting one took its place
        claimed = message(4, revision=1).model_copy(update={"state": MessageState.CLAIMED})
        table.set_messages([message(1), message(2), message(5), claimed])
        await pilot.pause()
        assert table.highlighted.id == 4  # still waiting (claimed): the cursor follows it


async def test_set_messages_posts_highlighted_only_when_the_cursor_message_changes() -> None:
    app = QueueApp(rows(5))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        await pilot.pause()
        seen = len(app.highlighted)
        table.set_messages(rows(6))  # same first message, same revision
        await pilot.pause()
        assert len(app.highlighted) == seen
        table.set_messages([message(1, revision=1), *rows(6)[1:]])  # the highlighted one changed
        await pilot.pause()
        assert app.highlighted[seen:] == [1]
        table.set_messages([])
        await pilot.pause()
        assert app.highlighted[-1] is None


async def test_unchanged_rows_keep_their_cached_render(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = queue_module.row_rest

    def counting(msg: Message, *args, **kwargs) -> str:
        built.append(msg.id)
        return real(msg, *args, **kwargs)

    monkeypatch.setattr(queue_module, "row_rest", counting)
    app = QueueApp(rows(5))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        await pilot.pause()
        assert sorted(set(built)) == [1, 2, 3, 4, 5]
        built.clear()
        table.set_messages([*rows(5)[:2], message(3, revision=7), *rows(5)[3:]])
        table.now = NOW + timedelta(seconds=1)
        await pilot.pause()
        assert built == [3]


# -- ticks ------------------------------------------------------------------------------------

async def test_a_tick_repaints_the_countdowns() -> None:
    app = QueueApp(rows(3))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        assert line_text(table, 1).startswith("10m 00s ")
        table.now = NOW + timedelta(minutes=12, seconds=30)
        await pilot.pause()
        assert line_text(table, 1).startswith("BREACHED 2m ago ")
        assert line_text(table, 2).startswith("7m 30s ")


async def test_a_tick_works_out_countdowns_for_visible_rows_only() -> None:
    asked: list[int] = []

    def counting(msg: Message, now: datetime) -> Countdown:
        asked.append(msg.id)
        return running(msg, now)

    app = QueueApp(rows(10_000), countdown=counting)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        await pilot.pause()
        asked.clear()
        table.now = NOW + timedelta(seconds=1)
        await pilot.pause()
        assert 0 < len(set(asked)) <= 29
        assert max(asked) <= 29


async def test_a_tick_repaints_only_the_lines_that_read_differently() -> None:
    # Row 1 is two hours out (`2h 00m`, changes once a minute); row 2 ticks every second.
    app = QueueApp([message(1, due_in=timedelta(hours=2, seconds=30)),
                    message(2, due_in=timedelta(minutes=10))])
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        await pilot.pause()
        painted: list[int] = []
        real = table.render_line

        def recording(y: int):
            painted.append(y)
            return real(y)

        table.render_line = recording  # type: ignore[method-assign]
        table.now = NOW + timedelta(seconds=1)
        await pilot.pause()
        assert painted == [2]
        assert line_text(table, 2).startswith("9m 59s ")


async def test_a_new_day_repaints_every_due_time() -> None:
    app = QueueApp([message(1, due_in=timedelta(hours=15))])  # Tue 01:00
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        assert "Tue 01:00" in line_text(table, 1)
        table.now = NOW + timedelta(hours=14, minutes=30)  # Tue 00:30
        await pilot.pause()
        line = line_text(table, 1)
        assert "01:00" in line and "Tue 01:00" not in line


async def test_a_naive_now_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        QueueTable(running, datetime(2025, 3, 10, 10, 0))
    app = QueueApp(rows(1))
    async with app.run_test(size=(100, 30)):
        with pytest.raises(NaiveDatetimeError):
            app.query_one(QueueTable).now = datetime(2025, 3, 10, 10, 0)


async def test_an_empty_queue_says_so() -> None:
    app = QueueApp([])
    async with app.run_test(size=(100, 30)):
        table = app.query_one(QueueTable)
        assert "MESSAGE" in line_text(table, 0)
        assert line_text(table, 1).strip() == EMPTY_TEXT
        assert line_text(table, 2).strip() == ""


# -- colours ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("phase", "component"),
    [
        (Phase.ON_TIME, "queue--on-time"),
        (Phase.WARNING_1, "queue--warning-1"),
        (Phase.WARNING_2, "queue--warning-2"),
        (Phase.BREACHED, "queue--breached"),
        (Phase.PAUSED, "queue--paused"),
        (Phase.ANSWERED, "queue--answered"),
        (Phase.CLOSED, "queue--answered"),
        (Phase.NO_TARGET, "queue--answered"),
    ],
)
def test_each_phase_has_a_component_class(phase: Phase, component: str) -> None:
    assert phase_class(phase) == component
    assert component in QueueTable.COMPONENT_CLASSES


async def test_the_countdown_cell_takes_its_phase_colour() -> None:
    app = QueueApp([message(1, due_in=timedelta(minutes=-5)), message(2, due_in=timedelta(hours=2))])
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QueueTable)
        await pilot.press("down")  # the phase colour shows on the cursor row too
        await pilot.pause()
        breached = table.get_component_rich_style("queue--breached", partial=True).color
        on_time = table.get_component_rich_style("queue--on-time", partial=True).color
        assert breached is not None and on_time is not None and breached != on_time
        clock, rest = list(table.render_line(1))[:2]
        assert clock.text.startswith("BREACHED") and clock.style.color == breached
        assert rest.style.color != breached
        clock, _ = list(table.render_line(2))[:2]
        assert clock.text.startswith("2h 00m") and clock.style.color == on_time


async def test_the_cursor_row_keeps_its_state_colour_readable() -> None:
    # Under the cursor the countdown and badges keep the row's own background, so a breach
    # reads red on the desk's background, not red on the cursor's blue.
    rows_ = [message(1, due_in=timedelta(minutes=-5), labels=("safeguarding",)),
             message(2, due_in=timedelta(minutes=-6), labels=("safeguarding",))]
    app = QueueApp(rows_)
    async with app.run_test(size=(100, 30)):
        table = app.query_one(QueueTable)
        cursor_bg = table.get_component_rich_style("queue--cursor", partial=True).bgcolor
        under, other = table.render_line(1), table.render_line(2)  # row 1 has the cursor
        clock, other_clock = list(under)[0], list(other)[0]
        assert clock.style.bgcolor == other_clock.style.bgcolor != cursor_bg
        assert clock.style.color == other_clock.style.color
        message_text = next(seg for seg in under if "Bins" in seg.text)
        assert message_text.style.bgcolor == cursor_bg  # the rest of the row shows the cursor


# -- what the columns say ---------------------------------------------------------------------

SAT = datetime(2025, 3, 8, 18, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("countdown", "now", "width", "expected"),
    [
        (Countdown(phase=Phase.ON_TIME, business_left=timedelta(hours=1, minutes=5)), NOW, 21, "1h 05m"),
        (Countdown(phase=Phase.WARNING_1, business_left=timedelta(minutes=12, seconds=30)), NOW, 21, "12m 30s"),
        (Countdown(phase=Phase.WARNING_2, business_left=timedelta(seconds=45)), NOW, 21, "45s"),
        (Countdown(phase=Phase.BREACHED, overdue_by=timedelta(minutes=12, seconds=30)), NOW, 21, "BREACHED 12m ago"),
        (Countdown(phase=Phase.BREACHED, overdue_by=timedelta(hours=1, minutes=5)), NOW, 16, "BREACHED 1h 05m"),
        (Countdown(phase=Phase.PAUSED, resumes_at=datetime(2025, 3, 10, 8, 30, tzinfo=LONDON)), SAT, 21,
         "PAUSED till Mon 08:30"),
        (Countdown(phase=Phase.PAUSED, resumes_at=datetime(2025, 3, 10, 8, 30, tzinfo=LONDON)), SAT, 16,
         "PAUSED Mon 08:30"),
        (Countdown(phase=Phase.PAUSED, resumes_at=datetime(2025, 3, 8, 19, 0, tzinfo=LONDON)), SAT, 21,
         "PAUSED till 19:00"),
        (Countdown(phase=Phase.ANSWERED), NOW, 21, "answered"),
        (Countdown(phase=Phase.CLOSED), NOW, 21, "set aside"),
        (Countdown(phase=Phase.NO_TARGET), NOW, 21, "no target"),
    ],
)
def test_countdown_wording(countdown: Countdown, now: datetime, width: int, expected: str) -> None:
    assert countdown_text(countdown, now, LONDON, width) == expected


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (datetime(2025, 3, 10, 14, 32, tzinfo=UTC), "14:32"),
        (datetime(2025, 3, 11, 9, 15, tzinfo=UTC), "Tue 09:15"),
        (datetime(2025, 3, 7, 16, 0, tzinfo=UTC), "Fri 16:00"),
        (datetime(2025, 4, 2, 9, 0, tzinfo=UTC), "02 Apr"),
        (datetime(2025, 3, 10, 23, 59, tzinfo=UTC), "23:59"),
    ],
)
def test_due_times_read_as_london_wall_clock(at: datetime, expected: str) -> None:
    assert when_text(at, NOW, LONDON) == expected


def test_due_times_follow_british_summer_time() -> None:
    summer = datetime(2025, 7, 1, 13, 32, tzinfo=UTC)
    assert when_text(summer, summer, LONDON) == "14:32"


async def test_a_row_shows_every_column() -> None:
    rows_ = [message(1, kind=MessageKind.DIRECT_MESSAGE, labels=("bins", "complaint"))]
    app = QueueApp(rows_, account_label=lambda a: "X @lewesdc", prior_warnings=lambda m: 2)
    async with app.run_test(size=(160, 30)):
        line = line_text(app.query_one(QueueTable), 1)
        for part in ("10m 00s", "10:10", "X @lewesdc", "DM", "@resident ⚑2", "CMPL BINS",
                     "Bins not collected on Elm Road"):
            assert part in line


# -- hostile and awkward text -----------------------------------------------------------------

HOSTILE = [
    "[bold red]pwned[/]",
    "\x1b[2J\x1b]0;title\x07",
    "\u202eevil",
    "line one\nline two\ttabbed",
    "漢字かな交じり文 👨‍👩‍👧 🇬🇧 ❤️ " * 40,
    "x" * 100_000,
    "\x9b31m C1 CSI \x7f \u2066isolate\u2069",
]


@pytest.mark.parametrize("text", HOSTILE, ids=["markup", "escapes", "bidi", "newlines", "wide", "huge", "c1"])
@pytest.mark.parametrize("size", [(100, 30), (80, 24), (57, 24)])
async def test_hostile_text_renders_literally_and_in_bounds(text: str, size: tuple[int, int]) -> None:
    app = QueueApp([message(1, text=text, handle=text[:200]), message(2, text=text)],
                   prior_warnings=lambda m: 1)
    async with app.run_test(size=size):
        table = app.query_one(QueueTable)
        for y in range(4):
            strip = table.render_line(y)
            assert strip.cell_length == table.size.width
            assert cell_len(strip.text) == table.size.width
            for bad in ("\x1b", "\x07", "\u202e", "\u2066", "\u2069", "\x9b", "\x7f", "\n", "\t"):
                assert bad not in strip.text


async def test_markup_in_a_message_is_shown_as_written() -> None:
    app = QueueApp([message(1, text="[bold red]pwned[/] and [link=http://x]click[/link]")])
    async with app.run_test(size=(160, 30)):
        line = line_text(app.query_one(QueueTable), 1)
        assert "[bold red]pwned[/] and [link=http://x]click[/link]" in line


def test_escape_sequences_become_visible_placeholders() -> None:
    shown = clean("\x1b[2J\x1b]0;title\x07 \u202eevil")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "[2J" in shown and "]0;title" in shown and "evil" in shown


@pytest.mark.parametrize("width", [1, 2, 5, 20, 33])
@pytest.mark.parametrize("text", ["", "short", "漢字漢字漢字漢字漢字漢字漢字漢字", "a漢" * 30, "👨‍👩‍👧" * 20],
                         ids=["empty", "short", "cjk", "mixed", "zwj-emoji"])
def test_fit_is_exactly_the_width_in_cells(text: str, width: int) -> None:
    shown = fit(text, width)
    assert cell_len(shown) == width
    if cell_len(text) > width:
        assert shown.rstrip(" ").endswith("…")


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=st.text(max_size=80), width=st.integers(min_value=1, max_value=40))
def test_any_text_fits_its_cell_exactly(text: str, width: int) -> None:
    shown = fit(text, width)
    assert cell_len(shown) == width
    # Neighbouring cells must not fuse with it (a dangling joiner would eat the gap).
    assert cell_len(f"x {shown} y") == width + 4
    assert "\x1b" not in shown


def test_a_warned_author_keeps_the_badge_when_the_handle_is_cut() -> None:
    from tui.widgets.queue_render import author_cell

    shown = author_cell(message(1, handle="@" + "a" * 60), 2, 12)
    assert shown.endswith("⚑2") and cell_len(shown) == 12


# -- widths -----------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [79, 80, 100, 120, 160, 240])
def test_the_text_column_keeps_its_room(width: int) -> None:
    layout = layout_for(width)
    assert layout.text >= MIN_TEXT
    assert layout.width == width


@pytest.mark.parametrize("width", [30, 54, 55, 56, 72, 80, 104, 105, 125, 145, 200])
async def test_every_line_is_exactly_the_widget_width(width: int) -> None:
    app = QueueApp([message(1, labels=("bins", "abuse")), message(2, due_in=timedelta(minutes=-3))],
                   prior_warnings=lambda m: 3)
    async with app.run_test(size=(width, 10)):
        table = app.query_one(QueueTable)
        for y in range(5):
            strip = table.render_line(y)
            assert strip.cell_length == cell_len(strip.text) == width


def paused_till_wednesday(msg: Message, now: datetime) -> Countdown:
    """Every row paused until Wednesday 09:00: "PAUSED till Wed 09:00" fills 21 cells exactly."""
    return Countdown(phase=Phase.PAUSED, due_at=msg.due_at, business_left=timedelta(minutes=30),
                     resumes_at=NOW.replace(day=12, hour=9))


@pytest.mark.parametrize("width", [60, 80, 100, 160])
@pytest.mark.parametrize("countdown", [running, paused_till_wednesday])
async def test_a_blank_cell_always_follows_the_countdown(width: int, countdown) -> None:  # noqa: ANN001
    # The longest wordings must not run into the due time.
    app = QueueApp([message(1, due_in=-timedelta(hours=2, minutes=5)), message(2)], countdown=countdown)
    async with app.run_test(size=(width, 10)):
        table = app.query_one(QueueTable)
        column = layout_for(table.size.width).countdown
        for y in (1, 2):
            line = line_text(table, y)
            assert line[column - 1] == " ", line


async def test_a_held_message_shows_its_holder_before_the_text() -> None:
    app = QueueApp(rows(3), holder=lambda m: "KM" if m.id == 2 else "")
    async with app.run_test(size=(100, 10)):
        table = app.query_one(QueueTable)
        assert "\N{BLACK DIAMOND}KM Bins not collected" in line_text(table, 2)
        assert "\N{BLACK DIAMOND}" not in line_text(table, 1) + line_text(table, 3)


@pytest.mark.parametrize(("width", "badges"), [(200, 18), (130, 12), (110, 8), (79, 6), (60, 6)])
def test_the_badges_cell_narrows_but_never_goes(width: int, badges: int) -> None:
    assert layout_for(width).badges == badges


@pytest.mark.parametrize("width", [60, 80, 100, 130, 200])
async def test_a_safeguarding_row_shows_its_badge_at_every_width(width: int) -> None:
    app = QueueApp([message(1, labels=("complaint", "safeguarding", "foi")), message(2, labels=())])
    async with app.run_test(size=(width, 10)):
        table = app.query_one(QueueTable)
        assert "LABELS" in line_text(table, 0)
        assert "SAFEG" in line_text(table, 1)
        assert "SAFEG" not in line_text(table, 2)


async def test_urgent_danger_comes_first_in_its_own_loud_colour() -> None:
    app = QueueApp([message(1), message(2, labels=("foi", "urgent_danger"))])
    async with app.run_test(size=(80, 10)):
        table = app.query_one(QueueTable)
        segments = {seg.text: seg.style for seg in table.render_line(2)}
        assert "DANGER" in segments and "FOI" not in segments  # one badge fits at 80
        assert segments["DANGER"] == table.rich_style + table.get_component_rich_style(
            "queue--badge-danger", partial=True)
    app = QueueApp([message(1, labels=("foi", "urgent_danger"))])
    async with app.run_test(size=(160, 10)):
        assert "DANGER FOI" in line_text(app.query_one(QueueTable), 1)


@pytest.mark.parametrize("width", [60, 80, 100, 160])
async def test_a_breach_reads_the_same_at_every_width(width: int) -> None:
    app = QueueApp([message(1, due_in=-timedelta(hours=2, minutes=5)),
                    message(2, due_in=-timedelta(hours=18, minutes=30)),
                    message(3, due_in=-timedelta(days=12, hours=23))])
    async with app.run_test(size=(width, 10)):
        table = app.query_one(QueueTable)
        assert line_text(table, 1).startswith("BREACHED 2h 05m ago ")
        assert line_text(table, 2).startswith("BREACHED 18h 30m ago ")
        assert line_text(table, 3).startswith("BREACHED 12d 23h ago ")


async def test_at_80_columns_the_message_text_still_shows() -> None:
    text = "Twenty characters!!! and then some more words that will be cut"
    app = QueueApp([message(1, text=text)])
    async with app.run_test(size=(80, 24)):
        table = app.query_one(QueueTable)
        assert "MESSAGE" in line_text(table, 0)
        line = line_text(table, 1)
        assert text[:19] in line and line.rstrip().endswith("…")
        assert table.render_line(1).cell_length == 80
