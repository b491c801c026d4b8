"""Untrusted text made visible: controls, bidi and zero-width characters become placeholders,
for the screen and for log lines alike (`core.safe_text`, the one helper)."""

from __future__ import annotations

import pytest

from core.safe_text import for_log, one_line, visible


@pytest.mark.parametrize(("text", "shown"), [
    ("pay\u200bpal", "pay⟨ZWSP⟩pal"),
    ("a\u200db", "a⟨ZWJ⟩b"),
    ("a\u2060b", "a⟨WJ⟩b"),
    ("\ufeffhello", "⟨ZWNBSP⟩hello"),
    ("a\u200cb", "a⟨ZWNJ⟩b"),
    ("evil\u202etxt.exe", "evil⟨RLO⟩txt.exe"),
    ("\x1b[2J", "\u241b[2J"),
    ("line one\nline two", "line one\nline two"),
    ("Caf\u00e9 \U0001F600 \u0645\u0631\u062d\u0628\u0627", "Caf\u00e9 \U0001F600 \u0645\u0631\u062d\u0628\u0627"),
])
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


@pytest.mark.parametrize(("text", "logged"), [
    ("@x\n2026-12-06 02:00:00 INFO breach: forged", "@x\u240a2026-12-06 02:00:00 INFO breach: forged"),
    ("@x\x1b[2J", "@x\u241b[2J"),
    ("a\r\nb\tc", "a\u240ab\u2409c"),
    ("pay\u200bpal", "pay⟨ZWSP⟩pal"),
])
def test_for_log_keeps_one_line_and_no_escape(text: str, logged: str) -> None:
    assert for_log(text) == logged
    assert for_log(logged) == logged  # escaping twice changes nothing


def test_one_line_shows_zero_width_too() -> None:
    assert one_line("pay\u200bpal\nnow", 40) == "pay⟨ZWSP⟩pal now"
