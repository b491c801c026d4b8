"""How a queue row reads: text functions with no widget state, and the line each paint builds.

The text functions return plain `str` sized in terminal cells. Text from the public goes through
`clean` first (`safe_text.visible`), so a message body can never carry escape sequences or bidi
overrides to the terminal; the widget wraps the results in `Segment`s, never in markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from core.models import Message, MessageKind
from core.sla import Countdown, Phase, format_span
from tui.widgets.badges import Badge, Piece, badge_pieces
from tui.widgets.safe_text import visible

#: The account hours' timezone: due times are shown as council staff read the clock.
LONDON = ZoneInfo("Europe/London")

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"

#: A row is one line: what `visible` keeps as layout (line breaks, tabs) reads as a space.
_FLATTEN = str.maketrans({"\n": " ", "\t": " "})


def clean(text: str) -> str:
    """`text` safe on one terminal line: controls and bidi controls shown as placeholders
    (the same ones the detail pane uses), line breaks and tabs as spaces."""
    return visible(text).translate(_FLATTEN)


def cut(text: str, width: int) -> str:
    """`text` cleaned and at most `width` cells, ending in "…" if it had to be cut."""
    if width <= 0:
        return ""
    # Only a prefix can ever show, so a 100,000-character body costs no more than a short one.
    limit = width * 2 + 8
    safe = _trim_joiners(clean(text[:limit]))
    if len(text) <= limit and cell_len(safe) <= width:
        return safe
    return _trim_joiners(set_cell_size(safe, width - 1)) + ELLIPSIS


def pad(text: str, width: int) -> str:
    """Our own short text (a countdown) made exactly `width` cells; cut via `fit` if wider."""
    room = width - cell_len(text)
    return text + " " * room if room >= 0 else fit(text, width)


def fit(text: str, width: int) -> str:
    """`text` cleaned and made exactly `width` cells: padded, or cut with "…"."""
    shown = cut(text, width)
    return shown + " " * (width - cell_len(shown))


#: Zero-width joiners and variation selectors at a cell's edge (left by a cut inside an emoji
#: sequence, or sent on purpose) would fuse with the padding or the next column and change the
#: line's width; trailing spaces go too, as the padding replaces them.
_EDGE_JOINERS = re.compile("^[\u200d\ufe0e\ufe0f]+|[\u200d\ufe0e\ufe0f ]+$")


def _trim_joiners(text: str) -> str:
    return _EDGE_JOINERS.sub("", text)


@dataclass(frozen=True)
class Layout:
    """Column widths in cells for one widget width, in the row's order; a width of 0 drops the
    column."""

    countdown: int
    """The countdown, its last cell always blank (the gap before the badges)."""
    badges: int
    """Triage labels, lane and moderation marks (tui.widgets.badges): never 0, so the most
    urgent badge always shows."""
    due: int
    account: int
    kind: int
    author: int
    text: int = 0

    @cached_property
    def fixed(self) -> int:
        """Cells taken by every column but the text, with one-cell gaps between columns."""
        widths = (self.countdown, self.badges, self.due, self.account, self.kind, self.author)
        return sum(widths) + sum(1 for w in widths if w)

    @cached_property
    def width(self) -> int:
        """The cells the columns fill (no gap after the last one)."""
        return self.fixed + self.text if self.text else self.fixed - 1

    def with_text(self, total: int) -> Layout:
        return Layout(self.countdown, self.badges, self.due, self.account, self.kind,
                      self.author, max(0, total - self.fixed))


MIN_TEXT = 20

#: From roomiest to tightest, each with the message text it must leave room for; the first
#: that fits wins. The badges cell narrows to one badge and the due time goes before author and
#: account shrink further, because the text is what officers triage by (the countdown says how
#: long is left; the detail pane has the due time). The countdown keeps 20 cells for its text
#: at every width, so `BREACHED 18h 30m ago` reads the same everywhere.
_LAYOUTS = (
    (Layout(countdown=21, badges=18, due=9, account=16, kind=7, author=20), 48),
    (Layout(countdown=21, badges=12, due=9, account=14, kind=7, author=16), 40),
    (Layout(countdown=21, badges=8, due=9, account=12, kind=7, author=14), MIN_TEXT),
    (Layout(countdown=21, badges=6, due=0, account=10, kind=7, author=10), MIN_TEXT),
    (Layout(countdown=21, badges=6, due=0, account=8, kind=7, author=9), MIN_TEXT),
)


@lru_cache(maxsize=64)
def layout_for(width: int) -> Layout:
    """The column widths for a widget `width` cells wide (text gets at least MIN_TEXT at 80)."""
    for layout, text in _LAYOUTS:
        if width - layout.fixed >= text:
            return layout.with_text(width)
    return _LAYOUTS[-1][0].with_text(width)


_PHASE_CLASSES = {
    Phase.ON_TIME: "queue--on-time",
    Phase.WARNING_1: "queue--warning-1",
    Phase.WARNING_2: "queue--warning-2",
    Phase.BREACHED: "queue--breached",
    Phase.PAUSED: "queue--paused",
    Phase.ANSWERED: "queue--answered",
    # No clock is running for these, so they read as muted like an answered message.
    Phase.CLOSED: "queue--answered",
    Phase.NO_TARGET: "queue--answered",
}


def phase_class(phase: Phase) -> str:
    """The component class (styled in .tcss) that colours a countdown in `phase`."""
    return _PHASE_CLASSES[phase]


def when_text(at: datetime, now: datetime, zone: ZoneInfo = LONDON) -> str:
    """A wall-clock time as staff read it: `14:32` today, `Mon 09:15` this week, else `12 Mar`."""
    local, today = at.astimezone(zone), now.astimezone(zone).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if abs(local.date() - today) < timedelta(days=7):
        return local.strftime("%a %H:%M")
    return local.strftime("%d %b")


def _coarse_span(span: timedelta) -> str:
    # Seconds since a breach are noise; `12m` reads faster than `12m 30s`.
    text = format_span(span)
    return text.split(" ")[0] if text.endswith("s") and "m " in text else text


def countdown_text(countdown: Countdown, now: datetime, zone: ZoneInfo = LONDON,
                   width: int = 21) -> str:
    """What the countdown column says, e.g. `1h 05m`, `BREACHED 12m ago`, `PAUSED till Mon
    08:30`, `answered`; a shorter wording when the full one is wider than `width` (every
    layout leaves 20 cells, so a breach reads the same at every width unless it is 100 days
    old)."""
    full, short = _countdown_wordings(countdown, now, zone)
    return full if cell_len(full) <= width else short


def _countdown_wordings(cd: Countdown, now: datetime, zone: ZoneInfo) -> tuple[str, str]:
    phase = cd.phase
    if phase in (Phase.ON_TIME, Phase.WARNING_1, Phase.WARNING_2):
        left = format_span(cd.business_left) if cd.business_left is not None else "due"
        return left, left
    if phase is Phase.BREACHED:
        over = _coarse_span(cd.overdue_by) if cd.overdue_by is not None else ""
        return f"BREACHED {over} ago".replace("  ", " "), f"BREACHED {over}".strip()
    if phase is Phase.PAUSED:
        if cd.resumes_at is None:
            return "PAUSED", "PAUSED"
        till = when_text(cd.resumes_at, now, zone)
        return f"PAUSED till {till}", f"PAUSED {till}"
    # A message is "set aside", never "closed": that word is an account's, outside its hours.
    words = {Phase.ANSWERED: "answered", Phase.CLOSED: "set aside", Phase.NO_TARGET: "no target"}
    return words[phase], words[phase]


_KINDS = {
    MessageKind.DIRECT_MESSAGE: "DM",
    MessageKind.COMMENT: "comment",
    MessageKind.MENTION: "mention",
    MessageKind.REPLY: "reply",
}

HEADERS = {"countdown": "DUE IN", "badges": "LABELS", "due": "DUE", "account": "ACCOUNT",
           "kind": "KIND", "author": "FROM", "text": "MESSAGE"}

#: The columns in the row's order.
COLUMNS = ("countdown", "badges", "due", "account", "kind", "author", "text")


def _join(cells: list[tuple[str, int]]) -> str:
    """Cells fitted to their widths, one space apart; zero-width columns left out."""
    return " ".join(fit(text, width) for text, width in cells if width)


def author_cell(message: Message, prior_warnings: int, width: int) -> str:
    """The author's handle (display name if none), with `⚑N` kept visible when warned before."""
    name = message.author.handle or message.author.display_name
    if prior_warnings <= 0:
        return fit(name, width)
    badge = f"\N{BLACK FLAG}{prior_warnings}"
    room = width - cell_len(badge) - 1
    if room < 1:
        return fit(badge, width)
    return fit(f"{cut(name, room)} {badge}", width)


def author_pieces(message: Message, prior_warnings: int, width: int,
                  standing: Badge | None) -> tuple[Piece, ...]:
    """The FROM cell, exactly `width` cells: `author_cell`, and the author's standing
    (`W1`, `BLOCK?`: an `author` badge) at its end in its tone, whole however much of the
    handle that leaves (the detail pane has the whole handle)."""
    if standing is None:
        return ((author_cell(message, prior_warnings, width), ""),)
    tone = f"queue--badge-{standing.tone}"
    room = width - cell_len(standing.text) - 1
    if room < 1:  # a cell narrower than the badge and a name: only in a test's odd layout
        return ((fit(standing.text, width), tone),)
    return ((author_cell(message, prior_warnings, room) + " ", ""), (standing.text, tone))


def row_rest(message: Message, layout: Layout, now: datetime, zone: ZoneInfo,
             account_label: Callable[[str], str], prior_warnings: int, holder: str = "",
             badges: Sequence[Badge] = ()) -> tuple[Piece, ...]:
    """Everything of a row after the countdown column, as runs of text and their component
    class: the part that does not change from tick to tick, so the widget caches it. `holder`,
    when given, marks who holds the message (`◆TG`) ahead of its text. The badges go in the
    badges cell, but the author's standing at the end of the FROM cell."""
    due = when_text(message.due_at, now, zone) if message.due_at is not None else "\N{EM DASH}"
    cells = [
        (due, layout.due),
        (account_label(message.account), layout.account),
        (_KINDS.get(message.kind, str(message.kind)), layout.kind),
    ]
    labels = tuple(b for b in badges if not b.author)
    standing = next((b for b in badges if b.author), None)
    pieces: list[Piece] = [(" ", ""), *badge_pieces(labels, layout.badges), (" " + _join(cells), "")]
    if layout.author:
        pieces += [(" ", ""), *author_pieces(message, prior_warnings, layout.author, standing)]
    if layout.text:
        text = f"\N{BLACK DIAMOND}{holder} {message.text}" if holder else message.text
        pieces.append((" " + fit(text, layout.text), ""))
    return tuple(pieces)


def header_text(layout: Layout) -> str:
    """The column titles, laid out like the rows."""
    return _join([(HEADERS[name], getattr(layout, name)) for name in COLUMNS])


# -- lines ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Paint:
    """What every line of one paint shares."""

    width: int
    """The widget's width: every strip is exactly this many cells."""
    layout: Layout
    """Column widths for the part left of the scrollbar."""
    base: Style
    """The widget's own colours."""
    cursor: Style
    """The widget's colours under the cursor row's."""
    today: date
    """The local date at `now`."""

    def line(self, segments: list[Segment], style: Style) -> Strip:
        """`segments` (exactly `layout.width` cells) padded out to the widget's width."""
        pad = self.width - self.layout.width
        if pad > 0:
            segments.append(Segment(" " * pad, style))
        elif pad < 0:  # narrower than the tightest layout: cut, measuring cells
            return Strip(segments).adjust_cell_length(self.width, style)
        return Strip(segments, self.width)


def line_regions(lines: list[int], width: int) -> list[Region]:
    """Ascending line numbers as few regions: runs of neighbouring lines become one."""
    regions: list[Region] = []
    for y in lines:
        if regions and regions[-1].bottom == y:
            last = regions.pop()
            regions.append(Region(0, last.y, width, last.height + 1))
        else:
            regions.append(Region(0, y, width, 1))
    return regions
