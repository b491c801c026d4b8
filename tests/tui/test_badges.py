"""The badges cell: which badge each label gets, what fits, and the order."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from core.triage import RULES
from tui.widgets.badges import (
    LABEL_BADGES,
    LABEL_WORDS,
    MAX_BADGE,
    Badge,
    badge_pieces,
    label_badge,
    row_badges,
)

NEW_LABELS = ("urgent_danger", "sar", "political", "commercial", "emergency_related")


@pytest.mark.parametrize("label", [r.label for r in RULES] + list(NEW_LABELS))
def test_every_triage_label_has_a_short_badge_and_words(label: str) -> None:
    badge = LABEL_BADGES[label]
    assert 0 < cell_len(badge.text) <= MAX_BADGE
    assert LABEL_WORDS[label]


def test_badge_texts_are_distinct() -> None:
    texts = [b.text for b in LABEL_BADGES.values()]
    assert len(texts) == len(set(texts))


def test_urgent_danger_is_the_loudest_and_first() -> None:
    first = min(LABEL_BADGES.values(), key=lambda b: b.rank)
    assert first == LABEL_BADGES["urgent_danger"] and first.tone == "danger"
    assert LABEL_BADGES["safeguarding"].rank < min(
        b.rank for k, b in LABEL_BADGES.items() if k not in ("urgent_danger", "safeguarding"))


def test_an_unknown_label_shows_its_first_letters_last() -> None:
    assert label_badge("road-works") == Badge("ROADW", "info", 90)
    assert label_badge("!!!").text == "?"


def test_a_badge_text_must_be_short() -> None:
    with pytest.raises(ValueError):
        Badge("BLOCK REQUESTED", "alert", 50)
    with pytest.raises(ValueError):
        Badge("", "info", 50)


SAFEG, FOI, CMPL, PD = (LABEL_BADGES[k] for k in ("safeguarding", "foi", "complaint", "personal_data"))


@pytest.mark.parametrize(
    ("badges", "width", "text"),
    [
        ((), 6, "      "),
        ((SAFEG,), 6, "SAFEG "),
        ((SAFEG, FOI), 6, "SAFEG "),     # "+1" does not fit beside it: the first alone
        ((FOI, CMPL), 6, "FOI+1 "),
        ((FOI, CMPL), 8, "FOI CMPL"),
        ((SAFEG, FOI, CMPL, PD), 12, "SAFEG FOI+2 "),
        ((SAFEG, FOI, CMPL, PD), 18, "SAFEG FOI CMPL PD "),
    ],
)
def test_the_cell_fits_what_it_can_and_counts_the_rest(badges: tuple[Badge, ...], width: int,
                                                       text: str) -> None:
    pieces = badge_pieces(badges, width)
    assert "".join(t for t, _ in pieces) == text
    assert sum(cell_len(t) for t, _ in pieces) == width


def test_each_badge_is_drawn_in_its_tone() -> None:
    pieces = dict(badge_pieces((SAFEG, PD), 12))
    assert pieces["SAFEG"] == "queue--badge-alert" and pieces["PD"] == "queue--badge-info"


def test_sources_are_merged_sorted_and_each_text_once() -> None:
    from core.models import Message

    def lane(session: object, message: Message) -> list[Badge]:
        return [Badge("LANE", "alert", 11), LABEL_BADGES["foi"]]

    class M:
        labels = ("foi", "safeguarding")

    got = row_badges(None, M(), (lambda s, m: [label_badge(x) for x in m.labels], lane))  # type: ignore[arg-type]
    assert [b.text for b in got] == ["SAFEG", "LANE", "FOI"]


# -- the author's standing: on every row of theirs, beside the most urgent label --------------

W1 = Badge("W1", "info", 31, author=True)
BLOCKD = Badge("BLOCKD", "alert", 31, author=True)
DANGER, NINE9, FOI_CLOCK = LABEL_BADGES["urgent_danger"], Badge("999", "danger", 0), Badge("FOI19d", "notice", 21)


@pytest.mark.parametrize("size", [(80, 24), (76, 24), (160, 45)])
@pytest.mark.parametrize(("labels", "standing", "first"), [
    ((CMPL,), W1, "CMPL"),
    ((FOI_CLOCK, FOI), W1, "FOI19d"),
    ((DANGER, NINE9, SAFEG), BLOCKD, "999"),
])
async def test_a_labelled_row_of_a_warned_author_shows_the_label_and_the_standing(
        size: tuple[int, int], labels: tuple[Badge, ...], standing: Badge, first: str) -> None:
    from tests.tui.test_queue_widget import QueueApp, message
    from tui.widgets.queue import QueueTable

    badges = tuple(sorted((*labels, standing), key=lambda b: (b.rank, b.text)))
    app = QueueApp([message(1, handle="@a_rather_long_handle")], badges=lambda m: badges)
    async with app.run_test(size=size):
        table = app.query_one(QueueTable)
        header, line = table.render_line(0).text, table.render_line(1).text
    assert cell_len(line) == size[0]
    labels_at = header.index("LABELS")
    assert line[labels_at:].startswith(first)
    assert f" {standing.text} " in line[header.index("FROM"):header.index("MESSAGE")]
    assert "Bins not" in line and "10m 00s" in line
