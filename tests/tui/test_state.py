"""The desk's rules that need no screen: the window summary, which notices show and ring, and
how untrusted text is made safe to show."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from core.models import MessageState, Notification, NotificationLevel
from storage.base import AccountCounts
from tests.tui.seed import OPEN_AT
from tui.state import QueueFilter, QueueWindow, concerns, rings, toast_severity
from tui.widgets.safe_text import one_line, visible

MINE = frozenset({"eastbourne-x", "councils-linkedin"})
ROLE = "duty_officer"


def notice(level: str, kind: str, *, role: str | None = None, account: str | None = "eastbourne-x"
           ) -> Notification:
    return Notification(at=OPEN_AT, level=NotificationLevel(level), kind=kind, title=kind,
                        role=role, account=account, message_id=1)


@pytest.mark.parametrize(("n", "shown", "rung"), [
    (notice("warning", "warning_1"), True, True),
    (notice("warning", "warning_2"), True, True),
    (notice("error", "breach"), True, True),
    (notice("error", "breach", role="duty_officer"), True, True),
    (notice("error", "breach", role="engagement_lead"), True, False),
    (notice("error", "breach", role="engagement_lead", account="lewes-x"), False, False),
    (notice("error", "breach", role="duty_officer", account="lewes-x"), True, True),
    (notice("warning", "warning_1", account="lewes-x"), False, False),
    (notice("info", "opened"), True, False),
    (notice("info", "closed", account=None), True, False),
    (notice("warning", "emergency", account=None), True, True),
])
def test_which_notices_show_and_ring(n: Notification, shown: bool, rung: bool) -> None:
    assert concerns(n, ROLE, MINE) is shown
    assert rings(n, ROLE, MINE) is rung


@pytest.mark.parametrize(("level", "severity"), [
    ("info", "information"), ("warning", "warning"), ("error", "error")])
def test_toast_severity_follows_the_level(level: str, severity: str) -> None:
    assert toast_severity(notice(level, "x")) == severity


def counts(**waiting: int) -> dict[str, AccountCounts]:
    return {a: AccountCounts(account=a, waiting=w) for a, w in waiting.items()}


WAIT, DONE = SimpleNamespace(state=MessageState.NEW), SimpleNamespace(state=MessageState.RESPONDED)


@pytest.mark.parametrize(("window", "expected"), [
    (QueueWindow(QueueFilter(), [WAIT] * 3, counts(a=2, b=1), limit=500), "3 waiting"),
    (QueueWindow(QueueFilter(), [WAIT] * 3 + [DONE] * 2, counts(a=2, b=1), limit=500), "3 waiting"),
    (QueueWindow(QueueFilter(), [WAIT] * 500, counts(a=600, b=34), limit=500), "showing 500 of 634"),
    (QueueWindow(QueueFilter(), [WAIT] * 500 + [DONE], counts(a=600, b=34), limit=500), "showing 500 of 634"),
    (QueueWindow(QueueFilter(account="b"), [WAIT] * 5, counts(a=600, b=5), limit=5), "5 waiting"),
    (QueueWindow(QueueFilter(account="a"), [WAIT] * 5, counts(a=600, b=5), limit=5), "showing 5 of 600"),
    (QueueWindow(QueueFilter(search="bins"), [WAIT] * 2, counts(a=600), limit=500), "2 matching 'bins'"),
    (QueueWindow(QueueFilter(search="x"), [WAIT] * 5, counts(a=600), limit=5),
     "5 matching 'x' (first matches)"),
])
def test_the_window_says_how_much_it_shows(window: QueueWindow, expected: str) -> None:
    assert window.summary() == expected


@pytest.mark.parametrize(("raw", "shown"), [
    ("plain text, unchanged", "plain text, unchanged"),
    ("[bold red]pwned[/]", "[bold red]pwned[/]"),
    ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ("windows\r\nline end", "windows\nline end"),
    ("\x1b[2Jwiped", "\u241b[2Jwiped"),
    ("bell\x07", "bell\u2407"),
    ("carriage\roverwrite", "carriage\u240doverwrite"),
    ("del\x7f", "del\u2421"),
    ("c1 \x9b31m", "c1 \u27e8U+009B\u27e931m"),
    ("\u202egnp.exe", "\u27e8RLO\u27e9gnp.exe"),
    ("\u2066isolate\u2069", "\u27e8LRI\u27e9isolate\u27e8PDI\u27e9"),
    ("line\u2028sep", "line\u27e8U+2028\u27e9sep"),
    ("caf\u00e9 \U0001f600 \u05e9\u05dc\u05d5\u05dd", "caf\u00e9 \U0001f600 \u05e9\u05dc\u05d5\u05dd"),
])
def test_visible_keeps_the_words_and_shows_the_controls(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_one_line_flattens_and_cuts() -> None:
    assert one_line("a\nb\tc") == "a b c"
    assert one_line("abcdefghij", 5) == "abcd\u2026"
    assert one_line("\x1b[31m", 10) == "\u241b[31m"
