"""One triage phrase pattern (`Cue`) and the word groups the patterns share.

Patterns are written for the words of a message as `core.triage_pack.normalise` leaves them,
joined by single spaces with a space at each end: lowercase, no apostrophes ("dont", "im",
"shes"), other punctuation gone ("self harm", "a e"). A pattern is only tried when one of its
cue words is one of the message's words, so every way a pattern can match must contain one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOW = "now"
"""Pseudo-label of the immediacy cues: with `safeguarding` it makes `urgent_danger`."""
URGENT = "urgent_danger"


@dataclass(frozen=True)
class Cue:
    """A phrase pattern for one label, tried only when one of its cue words is in the text;
    `needs`, when set, must also be found somewhere in the text (who it is about)."""

    label: str
    words: frozenset[bytes]
    pattern: re.Pattern[bytes]
    needs: re.Pattern[bytes] | None = None

    def matches(self, text: bytes) -> bool:
        """Whether `text` (padded words) holds this cue."""
        return self.pattern.search(text) is not None and (
            self.needs is None or self.needs.search(text) is not None)


# A word boundary opening a pattern or one of its alternatives: the text is padded words, so it
# is a space there, and a pattern that opens with a literal space is searched several times
# faster (the regex engine skips to each space instead of trying every position).
_OPENING_BOUNDARY = re.compile(r"(?:^|(?<=\|)|(?<=\(\?:)|(?<=\(\?=\.\*))\\b")


def _fast(pattern: str) -> re.Pattern[bytes]:
    return re.compile(_OPENING_BOUNDARY.sub(" ", pattern).encode())


def cue(label: str, words: str, pattern: str, needs: str | None = None) -> Cue:
    """A `Cue` from space-separated cue words and patterns written as text."""
    return Cue(label, frozenset(w.encode() for w in words.split()), _fast(pattern),
               None if needs is None else _fast(needs))


def alt(*words: str, plural: bool = False) -> str:
    """A non-capturing alternation of `words`, bounded as whole words (with `plural`, each may
    take an "s": "grandads", "mums" for "mum's")."""
    return r"\b(?:" + "|".join(words) + r")" + (r"s?\b" if plural else r"\b")


# -- who a message is about ---------------------------------------------------------------------
CHILD = alt(r"child(?:ren|s)?", r"kids?", r"kiddies", r"kiddos?", r"bab(?:y|ies|ys)", r"toddlers?",
            r"little (?:one|ones|boy|girl|lad|lass|un|uns)", r"boys?", r"girls?", r"lads?",
            r"sons?", r"daughters?", r"teens?", r"teenagers?", r"youngsters?", r"school ?(?:girls?|boys?|kids)",
            r"infants?", r"newborn", r"twins", r"grand(?:son|daughter)s?", r"step(?:son|daughter)s?",
            r"nieces?", r"nephews?", r"pupils?", r"young (?:people|person|ones?|man|woman)")
MINOR_AGE = (r"(?:\b(?:[4-9]|1[0-7]) ?(?:yo|y o|yrs?|years?)(?: old)?\b|\b(?:im|i am|shes|hes|she is|he is"
             r"|theyre|they are|aged|age|only|just|than|turned|is|was|be|of|sisters|brothers|daughters|sons|cousins|nieces"
             r"|nephews|grandsons|granddaughters|friends|mates) (?:only |just |barely )?"
             r"(?:[4-9]|1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?! (?:min|mins"
             r"|minutes|hours|hrs|days|weeks|months|pounds|quid|p|pence|times|miles|percent|am|pm"
             r"|oclock|o clock|metres|feet|th|st|nd|rd)\b)|\bunder ?age\b|\bminors?\b)")
ELDER = (alt(r"elderly", r"old (?:lady|ladies|man|men|woman|women|boy|girl|gent|gentleman|fella|chap"
             r"|dear|couple|folks?|people|person|neighbour)", r"older (?:lady|man|woman|neighbour|person)",
             r"pensioners?", r"oap", r"nan", r"nana", r"nanna", r"gran", r"granny", r"grandma",
             r"grand(?:mother|father|ad|dad|pa)", r"great ?gran\w*", r"aunt(?:ie)?", r"uncle", plural=True)
         + r"|\b(?:[6-9]\d|10\d) ?(?:yo|y o|yrs?|years?)(?: old)?\b"
         + r"|\b(?:shes|hes|she is|he is|aged|age|is) (?:[7-9]\d|10\d)\b")
VULNERABLE = alt(r"dementia", r"alzh?eimers?", r"learning (?:difficult\w*|disabilit\w*)", r"disabled",
                 r"disabilit(?:y|ies)", r"autism", r"autistic", r"vulnerable", r"special needs",
                 r"mental health", r"frail", r"housebound", r"bed ?bound", r"wheelchair", r"blind",
                 r"parkinsons", r"bipolar", r"schizophreni\w*", r"downs syndrome", r"confused",
                 r"mental capacity", r"carer", r"care home")
WHO_AT_RISK = f"(?:{CHILD}|{MINOR_AGE}|{ELDER}|{VULNERABLE})"
PERSON = alt(r"partner", r"husband", r"hubby", r"wife", r"boyfriend", r"girlfriend", r"bf", r"gf",
             r"fella", r"fiancee?", r"ex", r"other half", r"missus", r"man", r"bloke", r"dad",
             r"father", r"step ?dad", r"step ?father", r"mum", r"mother", r"mom", r"step ?mum",
             r"son", r"daughter", r"brother", r"sister", r"uncle", r"carer", r"lodger", r"he",
             r"she", r"they", r"hes", r"shes", r"theyre", r"someone", r"somebody", r"neighbour", r"grandson", r"teacher",
             r"coach", r"guy", r"lads", r"men", r"women", r"people", r"gang", r"dealers?", plural=True)
OBJECT = (r"(?:me|us|her(?! (?:car|van|bike|knee|leg|arm|back|foot|ankle|wrist|hand|head|hip|shoulder"
          r"|neck|bin|fence|wall|door|window|phone|way)\b)|him(?!self)|them|my (?:mum|mom|mother|sister|"
          r"brother|son|daughter|kids?|children|baby|nan|gran|dad|wife|girlfriend|partner|friend)"
          r"|the (?:kids|children|baby|little ones?|dog)|his (?:wife|girlfriend|partner|kids|children)"
          r"|their (?:kids|children|baby|mum))\b")
INTENT = (r"(?:want(?:s|ed)? to|wanna|going to|gonna|gna|goin to|about to|planning (?:on|to)|plan to"
          r"|plans to|trying to|tryna|tried to|try to|will|ll|might|may|could|thinking (?:about|of)"
          r"|thought about|think about|urges? to|tempted to|feel like|felt like|keep|kept|been|started"
          r"|start|thoughts of|scared ill|scared i ll|afraid ill|what i might|threaten(?:s|ed|ing)? to"
          r"|says? (?:hes|shes|he is|she is|they are|theyre|she ll|shell|hell|he ll|she will|he will|"
          r"theyll|they will)? ?(?:going to|gonna|will)?|saying (?:hes|shes|they are|theyre)? ?(?:going to"
          r"|gonna|will)?|says (?:she|he|they) wants? to)")
