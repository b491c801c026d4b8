"""A pack's own triage phrases, and the one way triage turns text into words.

The phrase patterns shipped in `core.triage_cues` are dutydesk's; a council adds the words its
residents use (a local estate's name for a crisis, a slang word for a drug run) in its pack:

    [triage]
    source = "Safeguarding team, local terms (March 2026)"

    [triage.phrases]
    safeguarding = ["going country", "on the blocks"]
    emergency_related = ["the marsh is under water"]

A phrase is plain words, not a pattern: it matches when the message holds the same words in a
row, compared the way triage compares everything (lowercase; apostrophes dropped, so "can't" is
"cant"; other punctuation a space). Adding `urgent_danger` phrases adds `safeguarding` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

from core.triage_slang import SPOKEN

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=120)]

# Words are what is left between spaces once ASCII punctuation is a space and apostrophes are
# gone ("don't" -> "dont", "self-harm" -> "self harm"). Done on UTF-8 bytes: a 256-byte table
# is several times faster than str.translate, and every cue word is ASCII. "*" stays part of a
# word so a starred swear ("f***ing") is still one word.
_PUNCTUATION = b"!\"#$%&()+,-./:;<=>?@[\\]^_`{|}~"
_TO_WORDS = bytes(32 if i in _PUNCTUATION else i for i in range(256))


def normalise(low: str) -> bytes:
    """Lowercased text as triage compares it: words (UTF-8) between runs of whitespace."""
    # "surrogatepass": a lone surrogate from a JSON escape must not crash triage.
    return (low.replace("’", "").replace("‘", "").encode("utf-8", "surrogatepass")
            .translate(_TO_WORDS, b"'"))


class TriagePhrases(BaseModel):
    """Extra phrases per triage label (each optional): plain words, matched word for word."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    urgent_danger: tuple[Phrase, ...] = ()
    """Someone in danger now (also labels `safeguarding`)."""
    safeguarding: tuple[Phrase, ...] = ()
    """Disclosures about children and vulnerable adults."""
    emergency_related: tuple[Phrase, ...] = ()
    """An incident under way."""
    foi: tuple[Phrase, ...] = ()
    """Freedom of information requests."""
    sar: tuple[Phrase, ...] = ()
    """Requests for one's own data."""
    complaint: tuple[Phrase, ...] = ()
    """Complaints."""
    press: tuple[Phrase, ...] = ()
    """Press enquiries."""
    abuse: tuple[Phrase, ...] = ()
    """Threats and abuse."""
    political: tuple[Phrase, ...] = ()
    """Party campaigning."""
    commercial: tuple[Phrase, ...] = ()
    """Adverts, spam and scams."""

    @field_validator("*")
    @classmethod
    def _has_words(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in phrases:
            if not normalise(phrase.lower()).split():
                raise ValueError(f"phrase {phrase!r} has no words (punctuation only)")
        return phrases


class TriageSection(BaseModel):
    """A pack's `[triage]` section: its own phrases on top of dutydesk's (optional)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    phrases: TriagePhrases = TriagePhrases()
    """Extra phrases per label."""
    source: str = "dutydesk default: no extra phrases"
    """Where the phrases come from (the council's safeguarding team, a local glossary...)."""


@dataclass(frozen=True)
class PackPhrases:
    """A pack's phrases ready for triage: by first word, each as its padded word string."""

    by_first: dict[bytes, tuple[tuple[str, bytes], ...]] = field(default_factory=dict)
    first_words: frozenset[bytes] = frozenset()

    def labels_in(self, first: bytes, text: bytes) -> Iterable[str]:
        """Labels of the phrases starting with `first` found in `text` (padded words)."""
        return [label for label, phrase in self.by_first[first] if phrase in text]


NO_EXTRA = PackPhrases()


@lru_cache(maxsize=32)
def pack_phrases(section: TriageSection) -> PackPhrases:
    """`section`'s phrases compiled for `core.triage.triage_text` (cached per section)."""
    by_first: dict[bytes, tuple[tuple[str, bytes], ...]] = {}
    for label, phrases in section.phrases:
        for phrase in phrases:
            words = [SPOKEN.get(w, w) for w in normalise(phrase.lower()).split()]
            words = b" ".join(words).split()
            entry = (label, b" " + b" ".join(words) + b" ")
            by_first[words[0]] = (*by_first.get(words[0], ()), entry)
    return PackPhrases(by_first, frozenset(by_first))
