"""Triage labels: each rule caught where the policy means it, and left alone where it does not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.models import Author, InboundMessage, MessageKind, Platform
from core.triage import RULES, rule, triage, triage_text

from tests.core.triage_cases import TABLES
from tests.core.triage_cases_requests import EVERYDAY


def _message(text: str, kind: MessageKind = MessageKind.COMMENT) -> InboundMessage:
    return InboundMessage(
        platform=Platform.FACEBOOK, platform_id="m1", account="main", kind=kind,
        author=Author(platform_id="a1", handle="resident"), text=text,
        received_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


def _labels(text: str, kind: MessageKind = MessageKind.COMMENT) -> tuple[str, ...]:
    return triage(_message(text, kind))


def _table() -> list[object]:
    return [pytest.param(label, text, present, id=f"{label}-{i}-{'hit' if present else 'miss'}")
            for label, cases in TABLES.items() for i, (text, present) in enumerate(cases)]


@pytest.mark.parametrize(("label", "text", "present"), _table())
def test_rule_catches_what_the_policy_means(label: str, text: str, present: bool) -> None:
    assert (label in _labels(text)) is present


@pytest.mark.parametrize("text", [
    "Ring me on 07700 900123",
    "jo.bloggs@example.co.uk",
    "12 High Street, Lewes BN7 2AB",
])
def test_personal_data_in_a_direct_message_is_already_private(text: str) -> None:
    assert "personal_data" in _labels(text, MessageKind.COMMENT)
    assert "personal_data" not in _labels(text, MessageKind.DIRECT_MESSAGE)


@pytest.mark.parametrize("text", [case for cases in TABLES.values() for case, _ in cases])
def test_urgent_danger_always_comes_with_safeguarding(text: str) -> None:
    labels = _labels(text)
    assert "urgent_danger" not in labels or "safeguarding" in labels


def test_labels_come_most_urgent_first_without_repeats() -> None:
    text = ("I'm a journalist. Under FOI I want to complain formally: make a formal complaint. "
            "You idiots. He hits me. Call 07700 900123. There's a fire on the estate. "
            "Vote Labour! Check out our page for 20% off. Send me all the data you hold on me.")
    assert _labels(text) == ("safeguarding", "emergency_related", "foi", "sar", "complaint",
                             "personal_data", "press", "abuse", "political", "commercial")
    assert _labels("he's got a knife and he says he'll kill me") == ("urgent_danger", "safeguarding")


def test_plain_message_gets_no_labels() -> None:
    assert _labels("What time does the tip close on Sundays?") == ()


def test_triage_text_takes_the_kind_as_a_string_too() -> None:
    assert triage_text("Ring me on 07700 900123", "comment") == ("personal_data",)
    assert triage_text("Ring me on 07700 900123", "dm") == ()


def test_every_rule_cites_its_policy_and_says_what_to_do() -> None:
    assert [r.label for r in RULES] == [
        "urgent_danger", "safeguarding", "emergency_related", "foi", "sar", "complaint",
        "personal_data", "press", "abuse", "political", "commercial"]
    for r in RULES:
        assert r.source and r.advice
    assert "999" in rule("urgent_danger").advice
    assert "police" in rule("safeguarding").advice
    assert "one calendar month" in rule("sar").advice and "not FOI" in rule("sar").advice
    with pytest.raises(KeyError):
        rule("nonsense")


@pytest.mark.parametrize("text", [
    "1" * 100_000,
    "a@" * 50_000,
    "12 " * 33_000 + "BN7 2AB",
    "[bold red]x[/] \x1b[2J \u202e \u200d 😀 " * 1000,
    "he hits me " * 5000,
    "left alone kids " * 5000,
    "f*** " * 10_000,
])
def test_long_and_hostile_text_is_labelled_without_trouble(text: str) -> None:
    assert isinstance(_labels(text), tuple)


def test_a_lone_surrogate_does_not_crash_triage() -> None:
    # A JSON escape can carry one; the import's short cut hands such text to triage as it is.
    assert triage_text("\ud800 he hits me", "comment") == ("safeguarding",)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_messages_get_none_of_the_referral_labels(text: str) -> None:
    # Words of the labels (green, vote, fire station, smash, I'm from...) in plain council business.
    assert set(_labels(text)) <= {"safeguarding", "urgent_danger"}
