"""Triage labels: each rule caught where the policy means it, and left alone where it does not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.models import Author, InboundMessage, MessageKind, Platform
from core.triage import RULES, rule, triage


def _message(text: str, kind: MessageKind = MessageKind.COMMENT) -> InboundMessage:
    return InboundMessage(
        platform=Platform.FACEBOOK, platform_id="m1", account="main", kind=kind,
        author=Author(platform_id="a1", handle="resident"), text=text,
        received_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


def _labels(text: str, kind: MessageKind = MessageKind.COMMENT) -> tuple[str, ...]:
    return triage(_message(text, kind))


FOI = [
    ("This is an FOI request for the number of potholes repaired in 2025.", True),
    ("Under the Freedom of Information Act please send me the bin contract.", True),
    ("I'd like to make a freedom of information request about parking fines.", True),
    ("Request under the Environmental Information Regulations: air quality data", True),
    ("foi: how much did the new signs cost?", True),
    ("Can you tell me when the library opens?", False),
    ("Bonne foie gras at the market today!", False),
    ("More information about the freedom pass please", False),
]

COMPLAINT = [
    ("I want to make a formal complaint about the bin collection.", True),
    ("I want to complain about the state of the park.", True),
    ("How do I make a complaint about my neighbour's hedge?", True),
    ("I'd like to complain, the road has been dug up for weeks", True),
    ("Please treat this as an official complaint.", True),
    ("No complaints here, the new leisure centre is brilliant.", False),
    ("I can't complain, the crews were quick.", False),
    ("My son complained of a sore throat after swimming.", False),
]

SAFEGUARDING = [
    ("I can't cope any more, I want to kill myself", True),
    ("My friend has been self-harming and won't talk to anyone", True),
    ("I'm not safe at home, he hits me when he drinks", True),
    ("The child next door is left alone all day and I think she is being neglected", True),
    ("There is a man grooming kids at the skate park", True),
    ("My daughter is being bullied online and I don't know who to tell", True),
    ("Who do I talk to about cyber-bullying on the youth club page?", True),
    ("My elderly neighbour is being abused by her carer", True),
    ("Someone is in danger on the bridge by the station", True),
    ("I'm worried about the children next door, they've been left alone for days and I can hear crying.", True),
    ("My elderly neighbour says her carer is taking her money and she's scared. What do I do?", True),
    ("The twins were left on their own for the whole weekend", True),
    ("Concerned for the little kids at number 4, nobody seems to feed them", True),
    ("I was left on hold for ages, then cut off", False),
    ("She's scared of the dogs in the park, can they be kept on leads?", False),
    ("My son took his money to the tip shop and bought a bike", False),
    ("This queue is killing me, 40 minutes on hold", False),
    ("The kids loved the play area, thank you!", False),
    ("Are the danger signs at the quarry being replaced?", False),
]

PRESS = [
    ("I'm a journalist at the Sussex Express, could you confirm the closure?", True),
    ("Could the council give a comment for the Eastbourne Herald news desk?", True),
    ("We're writing this up for a story in tomorrow's paper", True),
    ("Press enquiry: when will the pier reopen?", True),
    ("Saw it on the news last night, is the road closed?", False),
    ("The library is perfect for a story time with the little ones", False),
]

ABUSE = [
    ("You useless bunch of idiots", True),
    ("Absolute morons running this council", True),
    ("You scum should be ashamed", True),
    ("I know where you live.", True),
    ("I'll find you and you'll regret this", True),
    ("Don't worry, I'll get you.", True),
    ("I’ll find you", True),
    ("I'll get you the reference number tomorrow", False),
    ("Green scum on the pond in Victoria Gardens again", False),
    ("The new form is idiot-proof, well done", False),
    ("The app is useless on my phone, can you help?", False),
]

PERSONAL_DATA = [
    ("Please ring me on 07700 900123 about my bin", True),
    ("call 01273 471600 or +44 20 7946 0958", True),
    ("email me at jo.bloggs@example.co.uk", True),
    ("The missed bin was at 12 High Street, Lewes BN7 2AB", True),
    ("My NI number is QQ 12 34 56 C", False),  # QQ is never issued: not a real NI number
    ("My NI number is AB 12 34 56 C", True),
    ("Card 4539 1488 0343 6467 was charged twice", True),
    ("Thanks @lewesdc for fixing the light", False),
    ("The BN7 area needs more bins", False),
    ("Reference 1234 5678 9012 3456 on my letter", False),  # fails the Luhn check
    ("It happened in 2024 and 2025, 300 times", False),
]


def _table(label: str, cases: list[tuple[str, bool]]) -> list[object]:
    return [pytest.param(label, text, present, id=f"{label}-{i}-{'hit' if present else 'miss'}")
            for i, (text, present) in enumerate(cases)]


@pytest.mark.parametrize(
    ("label", "text", "present"),
    _table("foi", FOI) + _table("complaint", COMPLAINT) + _table("safeguarding", SAFEGUARDING)
    + _table("press", PRESS) + _table("abuse", ABUSE) + _table("personal_data", PERSONAL_DATA))
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


def test_labels_come_most_urgent_first_without_repeats() -> None:
    text = ("I'm a journalist. Under FOI I want to complain formally: make a formal complaint. "
            "You idiots. He hits me. Call 07700 900123.")
    assert _labels(text) == ("safeguarding", "foi", "complaint", "personal_data", "press", "abuse")


def test_plain_message_gets_no_labels() -> None:
    assert _labels("What time does the tip close on Sundays?") == ()


def test_every_rule_cites_its_policy_and_says_what_to_do() -> None:
    assert [r.label for r in RULES] == ["safeguarding", "foi", "complaint", "personal_data",
                                        "press", "abuse"]
    for r in RULES:
        assert r.source and r.advice
    assert "police" in rule("safeguarding").advice
    with pytest.raises(KeyError):
        rule("nonsense")


@pytest.mark.parametrize("text", [
    "1" * 100_000,
    "a@" * 50_000,
    "12 " * 33_000 + "BN7 2AB",
    "[bold red]x[/] \x1b[2J \u202e \u200d 😀 " * 1000,
])
def test_long_and_hostile_text_is_labelled_without_trouble(text: str) -> None:
    assert isinstance(_labels(text), tuple)


ALL_TEXTS = [text for table in (FOI, COMPLAINT, SAFEGUARDING, PRESS, ABUSE, PERSONAL_DATA)
             for text, _ in table]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_cue_words_never_hide_a_phrase_match(text: str) -> None:
    # Phrases are only tried when a cue word is present; that shortcut must agree with
    # trying every phrase pattern on the text.
    from core.triage import _CUES

    low = text.lower()
    unguarded = {cue.label for cue in _CUES if cue.pattern.search(low)}
    assert unguarded == set(_labels(text)) - {"personal_data"}
