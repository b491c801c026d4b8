"""Triage against its labelled sets (tests/data/triage_*.jsonl) and a pack's own phrases.

The sets are scored as `python -m bench triage` scores them; a change that drops a label below
the goals of issue #12 fails here. The cue-word short cut is checked on every message of them.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bench.triage import GOALS, SETS, load, score
from core.pack_files import parse_pack
from core.triage import triage_text
from core.triage_cues import CUES, NOW
from core.triage_pack import TriagePhrases, TriageSection, normalise, pack_phrases
from tests.core.test_policy_packs import VALID_TEXT
from tests.core.triage_cases import TABLES

ALL_CASES = [case for name in SETS for case in load(name)]


def test_the_labelled_sets_are_big_enough() -> None:
    assert len(load("triage_labelled.jsonl")) >= 400
    assert len(ALL_CASES) >= 500


def test_every_label_meets_its_goal_on_the_labelled_set() -> None:
    # The held-out set (triage_heldout.jsonl) is scored by the bench only: it was written after
    # the rules to measure them, and is not tuned on, so it holds no goal here.
    short = [(s.label, round(s.recall, 2), round(s.precision, 2), GOALS[s.label])
             for s in score(load("triage_labelled.jsonl")).values() if not s.meets_goal]
    assert short == []


def test_the_sets_say_urgent_danger_only_with_safeguarding() -> None:
    assert all("safeguarding" in case.labels for case in ALL_CASES if "urgent_danger" in case.labels)


def test_cue_words_never_hide_a_phrase_match() -> None:
    # Patterns are only tried when a cue word is present; that short cut must agree with trying
    # every pattern on the text (a pattern whose cue words miss a way it can match fails here).
    # (The immediacy cues are not gated: they are tried on every safeguarding message.)
    texts = [case.text for case in ALL_CASES] + [text for cases in TABLES.values() for text, _ in cases]
    for case in texts:
        tokens = normalise(case.lower()).split()
        text = b" " + b" ".join(tokens) + b" "
        present = set(tokens)
        for cue in CUES:
            if cue.label != NOW and cue.matches(text):
                assert cue.words & present, (cue.label, cue.pattern.pattern[:60], case)


# -- a pack's own phrases -----------------------------------------------------------------------

def _section(**phrases: tuple[str, ...]) -> TriageSection:
    return TriageSection(phrases=TriagePhrases(**phrases), source="test")


def test_pack_phrases_add_their_label_word_for_word() -> None:
    # (a phrase neither the patterns nor the learned net know: the net already reads "going
    # country", county lines slang, as safeguarding)
    extra = pack_phrases(_section(safeguarding=("blue moon club",), emergency_related=("The Marsh is under",)))
    assert triage_text("we go to the blue moon club on fridays", "dm") == ()
    assert triage_text("we go to the BLUE MOON CLUB on fridays", "dm", extra) == ("safeguarding",)
    assert triage_text("the marsh is under water again", "comment", extra) == ("emergency_related",)
    # whole words only, in a row
    assert triage_text("going to the blue moon park", "dm", extra) == ()
    assert triage_text("the marshes is under", "dm", extra) == ()


def test_pack_urgent_danger_phrases_add_safeguarding_too() -> None:
    extra = pack_phrases(_section(urgent_danger=("on the cliff edge",)))
    assert triage_text("there's a lad on the cliff edge at Beachy Head", "comment", extra) == (
        "urgent_danger", "safeguarding")


def test_pack_phrases_are_compared_like_messages() -> None:
    extra = pack_phrases(_section(abuse=("can't stand yer",)))
    assert triage_text("I cant stand yer lot", "comment", extra) == ("abuse",)
    assert triage_text("I can’t stand yer lot", "comment", extra) == ("abuse",)


def test_triage_section_is_strict() -> None:
    with pytest.raises(ValidationError):
        TriagePhrases(safeguard=("x y",))  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        TriagePhrases(abuse=("!!!",))
    with pytest.raises(ValidationError):
        TriagePhrases(abuse="not a list")  # type: ignore[arg-type]


def test_a_pack_file_can_carry_triage_phrases() -> None:
    text = VALID_TEXT + '\n[triage]\nsource = "Safeguarding team glossary"\n\n[triage.phrases]\n' \
                        'safeguarding = ["going country"]\n'
    pack = parse_pack(text, "test.toml")
    assert pack.triage.phrases.safeguarding == ("going country",)
    assert parse_pack(VALID_TEXT, "test.toml").triage == TriageSection()
