"""The queue: open messages, soonest due first, with a live first-response countdown per row.

A line-API widget (like Textual's `Log`): it draws only the lines on screen, so a tick of the
app's clock costs the same with 200 rows or 100,000. Each row's unchanging part (due time,
account, kind, author, labels, text) is cached by message id and revision; only the countdown
is worked out again when a line is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message as TextualMessage
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from core.clock import require_aware
from core.models import Message
from core.sla import Countdown
from tui.widgets.badges import Badge, Piece, labels_only
from tui.widgets.queue_render import (
    LONDON,
    Paint,
    countdown_text,
    fit,
    header_text,
    layout_for,
    line_regions,
    pad,
    phase_class,
    row_rest,
)

EMPTY_TEXT = "No messages waiting."

#: Rows whose static part is remembered; several screens' worth, so scrolling back is free.
_ROW_CACHE_SIZE = 2048
#: Finished lines remembered; a little over a tall screen's worth.
_LINE_CACHE_SIZE = 256


def _left_waiting(before: Message, after: Message) -> bool:
    """Whether a message stopped waiting for a response between two fetches."""
    return before.state.awaiting_response and not after.state.awaiting_response


def _identity(message: Message | None) -> tuple[int, int] | None:
    return None if message is None else (message.id, message.revision)


class _QueueEvent(TextualMessage):
    """What the queue's own messages carry: the queue, and the message concerned."""

    def __init__(self, queue: QueueTable, message: Message | None) -> None:
        super().__init__()
        self.queue = queue
        self.message = message

    @property
    def control(self) -> QueueTable:
        return self.queue


class QueueTable(ScrollView, can_focus=True):
    """The open messages, soonest due first; draws only the visible lines."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue--on-time",
        "queue--warning-1",
        "queue--warning-2",
        "queue--breached",
        "queue--paused",
        "queue--answered",
        "queue--cursor",
        "queue--header",
        "queue--badge-danger",
        "queue--badge-alert",
        "queue--badge-notice",
        "queue--badge-info",
    }

    DEFAULT_CSS = """
    QueueTable {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .queue--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .queue--header { background: $panel; color: $foreground; text-style: bold; }
        & > .queue--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        & > .queue--on-time { color: $success; }
        & > .queue--warning-1 { color: $warning; }
        & > .queue--warning-2 { color: $warning; text-style: bold; }
        & > .queue--breached { color: $error; text-style: bold; }
        & > .queue--paused { color: $secondary; }
        & > .queue--answered { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Move to the message above"),
        Binding("down,j", "cursor_down", "Down", show=False,
                tooltip="Move to the message below"),
        Binding("pageup", "cursor_page_up", "Page up", show=False,
                tooltip="Move up a screenful"),
        Binding("pagedown", "cursor_page_down", "Page down", show=False,
                tooltip="Move down a screenful"),
        Binding("home", "cursor_first", "First", show=False,
                tooltip="Go to the soonest due message"),
        Binding("end", "cursor_last", "Last", show=False, tooltip="Go to the last message"),
        Binding("enter", "open", "Open", tooltip="Open the highlighted message"),
    ]

    class Highlighted(_QueueEvent):
        """The cursor is on another message, the message under it changed, or the queue
        emptied (`message` is None: the highlighted message). Bursts collapse to the latest."""

        def can_replace(self, message: TextualMessage) -> bool:
            return isinstance(message, QueueTable.Highlighted) and message.queue is self.queue

    class Opened(_QueueEvent):
        """The officer asked to open `message` (enter, or a double click on its row)."""

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), repaint=False, init=False)
    """The instant the countdowns are worked out for. The app sets it once a second; only
    the lines on screen repaint."""

    def __init__(
        self,
        countdown: Callable[[Message, datetime], Countdown],
        now: datetime,
        *,
        account_label: Callable[[str], str] = str,
        prior_warnings: Callable[[Message], int] = lambda m: 0,
        holder: Callable[[Message], str] = lambda m: "",
        badges: Callable[[Message], Sequence[Badge]] = labels_only,
        local_zone: ZoneInfo = LONDON,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`countdown(message, now)` is usually `DeskSession.countdown`; `account_label`
        names an account id (`"FB @lewesdc"`); `prior_warnings` counts the author's warnings
        for the `⚑N` badge; `holder` gives a short mark for who holds a claimed message
        (`"TG"`, shown as `◆TG` before its text, '' for none); `badges` gives a row's badges,
        most urgent first (usually `tui.widgets.badges.row_badges`); `local_zone` is the zone
        due times are shown in."""
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(QueueTable.now, require_aware(now, "now"))
        self._countdown = countdown
        self._account_label = account_label
        self._prior_warnings = prior_warnings
        self._holder = holder
        self._badges = badges
        self._zone = local_zone
        self._rows: list[Message] = []
        self._positions: dict[int, int] = {}
        self._cursor = 0
        self._row_cache: LRUCache[tuple[object, ...], tuple[Piece, ...]] = LRUCache(_ROW_CACHE_SIZE)
        self._paint: Paint | None = None
        self._clocks: dict[tuple[int, int, int], tuple[str, str]] = {}
        """This tick's countdown cells by (message id, revision, width)."""
        self._shown: dict[int, tuple[int, str, str]] = {}
        """What each viewport line last painted: (message id, countdown cell, class)."""
        self._line_cache: LRUCache[tuple[object, ...], Strip] = LRUCache(_LINE_CACHE_SIZE)
        self._empty: tuple[str, ...] = (EMPTY_TEXT,)

    # -- the contract --------------------------------------------------------------------------
    def set_messages(self, messages: Sequence[Message]) -> None:
        """Replace the rows (already sorted by the store: soonest due first). Diff by message
        id: the cursor stays on the same message id if it is still there and still waiting,
        otherwise on the same index clamped (a message just answered or closed moves down among
        the handled ones; the cursor stays put, on the next one waiting). Unchanged rows keep
        their cached render. Posts `Highlighted` when the message under the cursor is another
        one or has a new revision."""
        before, old_cursor = self.highlighted, self._cursor
        self._rows = list(messages)
        self._positions = {message.id: index for index, message in enumerate(self._rows)}
        if before is not None and before.id in self._positions and not _left_waiting(
                before, self._rows[self._positions[before.id]]):
            self._cursor = self._positions[before.id]
        else:
            self._cursor = max(0, min(old_cursor, len(self._rows) - 1))
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        if self._cursor != old_cursor:
            self._scroll_to_cursor()
        self.refresh()
        if _identity(self.highlighted) != _identity(before):
            self.post_message(self.Highlighted(self, self.highlighted))

    @property
    def highlighted(self) -> Message | None:
        """The message under the cursor, or None when the queue is empty."""
        return self._rows[self._cursor] if self._rows else None

    @property
    def row_count(self) -> int:
        """How many messages the queue holds."""
        return len(self._rows)

    @property
    def cursor_index(self) -> int:
        """The cursor's row index (0 when empty)."""
        return self._cursor

    def move_to(self, message_id: int) -> bool:
        """Put the cursor on `message_id` (scrolling to it); False if it is not in the queue."""
        index = self._positions.get(message_id)
        if index is None:
            return False
        self._move_cursor(index)
        return True

    def set_empty_text(self, lines: Sequence[str]) -> None:
        """What the queue says while it has no rows (our own words, one line each)."""
        if tuple(lines) != self._empty:
            self._empty = tuple(lines) or (EMPTY_TEXT,)
            self.refresh()

    def refresh_rows(self) -> None:
        """Forget every cached row and repaint: for when account labels change."""
        self._row_cache.clear()
        self.refresh()

    # -- keys and mouse -----------------------------------------------------------------------
    def action_cursor_up(self) -> None:
        self._move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_cursor(self._cursor + 1)

    def action_cursor_page_up(self) -> None:
        self._move_cursor(self._cursor - self._page_rows)

    def action_cursor_page_down(self) -> None:
        self._move_cursor(self._cursor + self._page_rows)

    def action_cursor_first(self) -> None:
        self._move_cursor(0)

    def action_cursor_last(self) -> None:
        self._move_cursor(len(self._rows) - 1)

    def action_open(self) -> None:
        if (message := self.highlighted) is not None:
            self.post_message(self.Opened(self, message))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = round(self.scroll_y) + offset.y - 1
        if index < len(self._rows):
            self._move_cursor(index)
            if event.chain >= 2:
                self.action_open()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows) + 1)
        self._scroll_to_cursor()

    # -- painting -----------------------------------------------------------------------------
    def validate_now(self, now: datetime) -> datetime:
        return require_aware(now, "now")

    def watch_now(self, old: datetime, new: datetime) -> None:
        # A tick repaints only the lines on screen whose countdown now reads differently: rows
        # an hour or more out, breached and paused rows change once a minute at most.
        self._clocks.clear()
        if old.astimezone(self._zone).date() != new.astimezone(self._zone).date():
            self.refresh()  # a new day: every due column changes (`14:32` -> `Mon 14:32`)
            return
        countdown_width = layout_for(self.scrollable_content_region.width).countdown
        top = round(self.scroll_y)
        stale = [
            y for y, message in enumerate(self._rows[top:top + self._page_rows], start=1)
            if self._shown.get(y) != (message.id, *self._clock(message, countdown_width))
        ]
        if stale:
            self.refresh(*line_regions(stale, self.size.width))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Work out widths and styles once per paint, not once per line: a widget's rich_style
        # walks all its ancestors, which would cost more than the row itself.
        self._paint = self._start_paint()
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        """Line 0 of the viewport is the column header; rows follow from line 1. Columns are
        laid out for the width left of the scrollbar; the strip spans the whole widget."""
        paint = self._paint or self._start_paint()
        if y == 0:
            return self._header_line(paint)
        index = round(self.scroll_y) + y - 1
        if not self._rows and 1 <= y <= len(self._empty):
            return self._empty_line(paint, self._empty[y - 1])
        if index >= len(self._rows):
            self._shown.pop(y, None)
            return Strip.blank(paint.width, paint.base)
        return self._row_line(index, y, paint)

    def _start_paint(self) -> Paint:
        base = self.rich_style
        return Paint(
            width=self.size.width,
            layout=layout_for(self.scrollable_content_region.width),
            base=base,
            cursor=base + self.get_component_rich_style("queue--cursor", partial=True),
            today=self.now.astimezone(self._zone).date(),
        )

    def _header_line(self, paint: Paint) -> Strip:
        style = paint.base + self.get_component_rich_style("queue--header", partial=True)
        return paint.line([Segment(header_text(paint.layout), style)], style)

    def _empty_line(self, paint: Paint, text: str) -> Strip:
        # Muted like an answered row: nothing here needs the officer.
        style = paint.base + self.get_component_rich_style("queue--answered", partial=True)
        return paint.line([Segment(fit(text, paint.layout.width), style)], style)

    def _row_line(self, index: int, y: int, paint: Paint) -> Strip:
        message = self._rows[index]
        clock, component = self._clock(message, paint.layout.countdown)
        self._shown[y] = (message.id, clock, component)
        style = paint.cursor if index == self._cursor else paint.base
        rest = self._rest(message, paint)
        # The same row reading the same is the same Strip: Textual's own per-strip caches
        # (cropping, dividing) then hit too.
        key = (clock, component, rest, style, paint.width)
        if (line := self._line_cache.get(key)) is None:
            # The countdown and the badges keep the row's own background under the cursor:
            # a state colour on the cursor's background (red on blue) would be unreadable.
            segments = [Segment(clock, self._styled(paint.base, component))]
            segments.extend(Segment(text, self._styled(paint.base, part) if part else style)
                            for text, part in rest)
            line = paint.line(segments, style)
            self._line_cache.set(key, line)
        return line

    def _styled(self, style: Style, component: str) -> Style:
        """`style` with a component class's colours over it ('' for none)."""
        if not component:
            return style
        return style + self.get_component_rich_style(component, partial=True)

    def _clock(self, message: Message, width: int) -> tuple[str, str]:
        """The countdown cell at `now` (fitted to `width`) and its component class; worked
        out once per message per tick."""
        key = (message.id, message.revision, width)
        if (clock := self._clocks.get(key)) is None:
            if len(self._clocks) > _ROW_CACHE_SIZE:  # scrolled far with the clock stopped
                self._clocks.clear()
            countdown = self._countdown(message, self.now)
            # The last cell stays blank: the gap before the due column.
            text = pad(countdown_text(countdown, self.now, self._zone, width - 1), width - 1) + " "
            clock = self._clocks[key] = (text, phase_class(countdown.phase))
        return clock

    def _rest(self, message: Message, paint: Paint) -> tuple[Piece, ...]:
        """The cached, tick-independent part of a row."""
        warnings = self._prior_warnings(message)
        badges = tuple(self._badges(message))
        # The local date is in the key because the due column says `14:32` only for today.
        key = (message.id, message.revision, paint.layout.width, paint.today, warnings, badges)
        if (rest := self._row_cache.get(key)) is None:
            # A claim changes the revision, so the holder needs no place in the key.
            rest = row_rest(message, paint.layout, self.now, self._zone, self._account_label,
                            warnings, self._holder(message), badges)
            self._row_cache.set(key, rest)
        return rest

    # -- cursor -------------------------------------------------------------------------------
    @property
    def _page_rows(self) -> int:
        """Rows on one screen (the header takes a line)."""
        return max(1, self.scrollable_content_region.height - 1)

    def _move_cursor(self, index: int) -> None:
        if not self._rows:
            return
        index = max(0, min(index, len(self._rows) - 1))
        old, self._cursor = self._cursor, index
        self._scroll_to_cursor()
        if old != index:
            # A row sits one line below its index: line 0 of the virtual space is the header.
            self.refresh_line(old + 1)
            self.refresh_line(index + 1)
            self.post_message(self.Highlighted(self, self.highlighted))

    def _scroll_to_cursor(self) -> None:
        if not self.size.height:
            return
        top, rows = round(self.scroll_y), self._page_rows
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + rows:
            self.scroll_to(y=self._cursor - rows + 1, animate=False)
