"""The badges cell of a queue row: short marks, most urgent first, that always show.

A row's badges come from a list of *sources*, each a function of the session and the message
giving `Badge`s: triage labels here; the safeguarding lane (its marker and statutory clock) and
moderation (the author's W1 / W2 / block marks) add their own source to `BADGE_SOURCES`. The
cell shows as many badges as fit, in rank order, and `+N` for the rest; at 80 columns it is
six cells wide, so the most urgent badge always shows. The author's standing (an `author`
badge) is not drawn in this cell but at the end of the row's FROM cell (queue_render), so it
shows on every row of theirs at every width, beside the most urgent label.

Badge text is ours (never text from the public) and short: at most six cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len

from core.lane import EMERGENCY_NUMBER, URGENT_DANGER
from core.models import Message
from core.sla import Phase
from core.statutory import clock_badge

if TYPE_CHECKING:
    from service.desk import DeskSession

Tone = Literal["danger", "alert", "notice", "info"]
"""How loud a badge is; each tone is a component class of the queue (`queue--badge-<tone>`),
styled in desk.tcss: danger (reversed error colour), alert (error), notice (warning), info."""

#: The longest badge text, in cells: the narrowest badges cell shows one whole badge.
MAX_BADGE = 6


@dataclass(frozen=True, slots=True)
class Badge:
    """One short mark on a row."""

    text: str
    """What it says: our own words, at most MAX_BADGE cells (`SAFEG`, `FOI`, `W2`)."""
    tone: Tone
    """How loud it is (its colour)."""
    rank: int
    """Order in the cell, lowest first; the highest ranks give way first when the cell is
    narrow. Bands: 0-9 danger to life, 10-19 safeguarding, 20-49 statutory and handling duties
    (lane markers and clocks sit here next to their label), 50-69 moderation and advice,
    70+ everything else."""
    author: bool = False
    """The author's standing rather than the message's: drawn at the end of the row's FROM
    cell, never hidden behind `+N` in the badges cell (an author has one standing at most)."""

    def __post_init__(self) -> None:
        if not 0 < cell_len(self.text) <= MAX_BADGE:
            raise ValueError(f"badge text {self.text!r} must be 1 to {MAX_BADGE} cells")


#: Triage labels (core.triage) as badges. `urgent_danger` is the loudest: someone may be in
#: immediate danger. Safeguarding reads `SAFEG`, never `SAFE`, which could be misread as
#: "nothing to worry about".
LABEL_BADGES: dict[str, Badge] = {
    "urgent_danger": Badge("DANGER", "danger", 0),
    "safeguarding": Badge("SAFEG", "alert", 10),
    "emergency_related": Badge("EMERG", "alert", 15),
    "sar": Badge("SAR", "notice", 20),
    "foi": Badge("FOI", "notice", 22),
    "complaint": Badge("CMPL", "notice", 24),
    "press": Badge("PRESS", "notice", 30),
    "abuse": Badge("ABUSE", "notice", 32),
    "personal_data": Badge("PD", "info", 40),
    "political": Badge("POLIT", "info", 45),
    "commercial": Badge("COMRC", "info", 46),
}

#: What each label badge stands for, for the help screen's legend.
LABEL_WORDS: dict[str, str] = {
    "urgent_danger": "someone may be in immediate danger (999)",
    "safeguarding": "safeguarding disclosure",
    "emergency_related": "about the emergency in hand",
    "sar": "subject access request",
    "foi": "freedom of information request",
    "complaint": "complaint",
    "press": "press enquiry",
    "abuse": "possibly abusive or inappropriate",
    "personal_data": "personal data posted in public",
    "political": "political content",
    "commercial": "commercial or advertising",
}


def badge_legend() -> list[tuple[str, str]]:
    """(badge, what it means) for every triage label, loudest first: the help screen's list."""
    ordered = sorted(LABEL_BADGES.items(), key=lambda item: item[1].rank)
    return [(badge.text, LABEL_WORDS[label]) for label, badge in ordered]


def label_badge(label: str) -> Badge:
    """The badge for a triage label; a label triage does not know (one a pack or an import
    added) shows as its first letters in capitals, after every known one."""
    known = LABEL_BADGES.get(label)
    if known is not None:
        return known
    short = "".join(ch for ch in label.upper() if ch.isalnum())[:5] or "?"
    return Badge(short, "info", 90)


def label_badges(session: DeskSession, message: Message) -> Iterable[Badge]:
    """A badge per label of `message`."""
    return (label_badge(label) for label in message.labels)


#: The author's standing on the warning ladder (core.moderation), at most six cells: BLOCK
#: REQUESTED reads `BLOCK?` and BLOCKED `BLOCKD`; warnings read W1, W2, ... These are `author`
#: badges: drawn in the FROM cell, so they never compete with the labels for the badges cell.
MODERATION_BADGES: dict[str, Badge] = {
    "BLOCKED": Badge("BLOCKD", "alert", 31, author=True),
    "BLOCK REQUESTED": Badge("BLOCK?", "alert", 31, author=True),
}
MODERATION_WORDS: dict[str, str] = {
    "W1": "the author has had one warning (W2: two, the final one for most packs)",
    "BLOCK?": "a block of the author is requested of the blocking role",
    "BLOCKD": "the author is blocked on every account",
}


def moderation_badges(session: DeskSession, message: Message) -> Iterable[Badge]:
    """The author's W1 / W2 / BLOCK? / BLOCKD badge, from the standing the session fetched
    with the rows (`DeskSession.moderation`), on every row of theirs."""
    standing = session.moderation.standing_of(message)
    if standing is None or not standing.badge:
        return ()
    if standing.badge in MODERATION_BADGES:
        return (MODERATION_BADGES[standing.badge],)
    return (Badge(standing.badge, "info" if standing.warnings == 1 else "notice", 31, author=True),)


#: A statutory clock's badge tone at each phase: louder as the deadline nears.
_CLOCK_TONES: dict[Phase, Tone] = {Phase.ON_TIME: "info", Phase.WARNING_1: "notice",
                                   Phase.WARNING_2: "alert", Phase.BREACHED: "danger"}


def lane_badges(session: DeskSession, message: Message) -> Iterable[Badge]:
    """The safeguarding lane's `999` for urgent danger (first of all), and the most pressing
    statutory clock (`FOI19d`, core.statutory) just before its label's badge."""
    if URGENT_DANGER in message.labels:
        yield Badge(EMERGENCY_NUMBER, "danger", 0)
    clock = session.row_statutory(message, session.clock.now())
    if clock is not None:
        rank = LABEL_BADGES[clock.deadline.label].rank - 1
        yield Badge(clock_badge(clock), _CLOCK_TONES[clock.phase], rank)


BadgeSource = Callable[["DeskSession", Message], Iterable[Badge]]
"""Badges for one row. It is called when a row on screen is drawn, so it must be quick (no
store access: read what the message and the session already hold; `session.clock.now()` for
the time). A row is drawn again when its message changes, each new day, and whenever its
badges differ from the last drawing's."""

#: Every source of a row's badges. Add yours to the end (one line): lane and moderation do.
BADGE_SOURCES: tuple[BadgeSource, ...] = (label_badges, moderation_badges, lane_badges)


def labels_only(message: Message) -> tuple[Badge, ...]:
    """The label badges of `message`, most urgent first (for a queue without a session)."""
    return tuple(sorted({label_badge(label) for label in message.labels},
                        key=lambda b: (b.rank, b.text)))


def row_badges(session: DeskSession, message: Message,
               sources: Sequence[BadgeSource] = BADGE_SOURCES) -> tuple[Badge, ...]:
    """Every badge of `message`, most urgent first, each text once."""
    found = {b.text: b for source in sources for b in source(session, message)}
    return tuple(sorted(found.values(), key=lambda b: (b.rank, b.text)))


Piece = tuple[str, str]
"""A run of text and the component class it is drawn in ('' for the row's own colours)."""


def badge_pieces(badges: Sequence[Badge], width: int) -> tuple[Piece, ...]:
    """The badges cell, exactly `width` cells: as many badges as fit, one space apart, in
    rank order, then `+N` for those left out (in the row's colours) when it fits too."""
    if width <= 0:
        return ()
    shown = _fitting(badges, width)
    pieces: list[Piece] = []
    for badge in shown:
        if pieces:
            pieces.append((" ", ""))
        pieces.append((badge.text, f"queue--badge-{badge.tone}"))
    used = sum(cell_len(text) for text, _ in pieces)
    hidden = f"+{len(badges) - len(shown)}" if len(shown) < len(badges) else ""
    if hidden and used + len(hidden) <= width:
        pieces.append((hidden, ""))
        used += len(hidden)
    if used > width:  # a cell narrower than one badge: only in a test's odd layout
        return ((shown[0].text[:width], pieces[0][1]),)
    if used < width:
        pieces.append((" " * (width - used), ""))
    return tuple(pieces)


def _fitting(badges: Sequence[Badge], width: int) -> Sequence[Badge]:
    """The leading badges that fit with room for `+N` after them when some are left out; the
    first badge always (the narrowest layout's cell is MAX_BADGE wide)."""
    for count in range(len(badges), 0, -1):
        used = sum(cell_len(b.text) for b in badges[:count]) + count - 1
        if count < len(badges):
            used += len(f"+{len(badges) - count}")
        if used <= width:
            return badges[:count]
    return badges[:1]
