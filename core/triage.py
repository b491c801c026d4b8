"""Triage: labels intake adds to a message so the officer sees at once what it needs.

Each rule is a policy duty the councils name: recognise FOI requests and formal complaints,
act on safeguarding disclosures at once, advise people who post personal data in public,
refer the press, report threats and abuse. Rules only label; they never hide, change or
answer a message (Lewes 8.3: comments are not censored). A label is a prompt for a human,
so the rules favour catching a real case over missing one, within reason.

Pure and fast (intake runs it on every message, tens of thousands a second): the text is
lowercased and split into words once; a phrase pattern is only tried when one of its cue
words is there, so a plain message costs a few set look-ups. Patterns are written for
lowercased text and compiled once at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import InboundMessage, MessageKind


@dataclass(frozen=True)
class TriageRule:
    """One label: what it means for the officer and which policy sections ask for it."""

    label: str
    source: str
    """The policy sections behind the rule."""
    advice: str
    """What the policy says to do, in a line the dashboard can show. `{contact}` stands for the
    pack's contact for it and `{warnings}` for the pack's warnings before a block
    (`core.handling.expectations` fills them in)."""


RULES: tuple[TriageRule, ...] = (
    TriageRule("safeguarding",
               "Lincolnshire: Engaging with young and vulnerable people; Lewes 5.2; Leighton-Linslade 10.4",
               "Safeguarding disclosure: act at once. Refer to {contact}. "
               "If anyone is in immediate danger, call the police on 999."),
    TriageRule("foi", "Lewes 9.2-9.3; Buckinghamshire: FOI requests and complaints",
               "FOI request: acknowledge it and log it with {contact} (statutory clock: 20 working days)."),
    TriageRule("complaint", "Lewes 9.1; Buckinghamshire: FOI requests and complaints",
               "Complaint: acknowledge it and redirect to {contact}."),
    TriageRule("personal_data", "Buckinghamshire: Personal information and confidentiality",
               "Personal data posted in public: advise the author to remove it and continue privately."),
    TriageRule("press", "Lewes appendix 1, 8.2; Buckinghamshire: General (press contact)",
               "Press enquiry: refer it to {contact}; do not comment yourself."),
    TriageRule("abuse", "Lincolnshire: Moderation; Lewes 8.1-8.2; Leighton-Linslade 8.1",
               "Possibly inappropriate: refer to {contact}; {warnings} warnings before any block."),
)
"""Every triage label, in the order `triage` returns them (most urgent first)."""


def rule(label: str) -> TriageRule:
    """The rule behind `label` (KeyError if triage has no such label)."""
    for r in RULES:
        if r.label == label:
            return r
    raise KeyError(label)


@dataclass(frozen=True)
class _Cue:
    """A phrase pattern for one label, tried only when one of its cue words is in the text."""

    label: str
    words: frozenset[str]
    pattern: re.Pattern[str]


def _cue(label: str, words: str, pattern: str) -> _Cue:
    return _Cue(label, frozenset(words.split()), re.compile(pattern, re.VERBOSE))


_Q = "['’]?"  # an apostrophe, straight or curly, or none: "don't", "don’t", "dont"

_CUES: tuple[_Cue, ...] = (
    # -- safeguarding ----------------------------------------------------------------------------
    # Lincolnshire, "Engaging with young and vulnerable people": a disclosure or allegation is
    # taken seriously and acted on at once; someone in immediate danger: contact the police.
    # Lewes 5.2 and Leighton-Linslade 10.4: concern for the safety of vulnerable users is
    # reported under the safeguarding procedures.
    _cue("safeguarding", "myself themselves himself herself",
         r"(?:kill|hurt|harm|cut(?:ting)?|harming|hurting|killing)\s+(?:myself|themselves|himself|herself)\b"),
    _cue("safeguarding", "self selfharm selfharming selfharmed", r"self[- ]?harm"),
    _cue("safeguarding", "suicide suicidal", r"suicid(?:e|al)\b"),
    _cue("safeguarding", "end", r"\bend\s+(?:it\s+all|my\s+(?:own\s+)?life)\b"),
    _cue("safeguarding", "die", r"(?:want|wanted|going)\s+to\s+die\b"),
    _cue("safeguarding", "dont", rf"don{_Q}t\s+want\s+to\s+(?:live|be\s+(?:alive|here))\b"),
    _cue("safeguarding", "safe", rf"(?:not|don{_Q}t\s+feel)\s+safe\s+(?:at\s+home|in\s+my\s+(?:home|flat|house))\b"),
    _cue("safeguarding", "scared afraid frightened",
         r"(?:scared|afraid|frightened)\s+to\s+go\s+home\b"),
    _cue("safeguarding", "danger", r"\bin\s+(?:immediate\s+)?danger\b"),
    _cue("safeguarding", "hit hits beat beats kick kicks punch punches choke chokes",
         r"\b(?:he|she|they)\s+(?:hits?|beats?|kicks?|punch(?:es)?|chokes?)\s+"
         r"(?:me|us|her|him|them|the\s+(?:kids|children|baby))\b"),
    _cue("safeguarding", "abuse violence",
         r"(?:domestic|child|elder|sexual|financial)\s+(?:abuse|violence)\b"),
    _cue("safeguarding", "abused groomed neglected beaten assaulted bullied",
         r"\b(?:being|been|was|is|are)\s+(?:abused|groomed|neglected|beaten|assaulted|bullied)\b"),
    # Lincolnshire: concerns about cyber bullying are reported to the safeguarding team too.
    _cue("safeguarding", "cyberbullying cyber", r"cyber[- ]?bull"),
    _cue("safeguarding", "grooming", r"grooming\b"),
    _cue("safeguarding", "child children kid kids baby toddler",
         r"\b(?:child|children|kids?|baby|toddler)\s+(?:is|are|has\s+been|have\s+been)\s+"
         r"(?:left\s+alone|hurt|hit|beaten|locked\s+in)\b"),
    _cue("safeguarding", "touched", r"touched\s+me\b"),
    # Disclosures said the way residents say them, not in the policy's words: children left on
    # their own, someone frightened, a carer helping themselves to an old person's money.
    _cue("safeguarding", "left", r"\bleft\s+(?:alone|on\s+(?:their|his|her)\s+own)\s+for\s+"
                                 r"(?:days|hours|nights|the\s+(?:night|weekend|whole))\b"),
    _cue("safeguarding", "worried concerned",
         r"\b(?:worried|concerned)\s+(?:about|for)\s+(?:the|a|my|our|his|her|their)\s+(?:\w+\s+)?"
         r"(?:child|children|kids|baby|toddler)\b"),
    _cue("safeguarding", "scared frightened terrified",
         rf"\b(?:she|he|they|i)(?:{_Q}s|{_Q}re|{_Q}m|\s+is|\s+are|\s+am)\s+(?:so\s+|really\s+)?"
         r"(?:scared|frightened|terrified)\b(?!\s+of\s+(?:the\s+)?(?:dogs?|spiders?|heights))"),
    _cue("safeguarding", "taking stealing stole",
         r"\b(?:carer|son|daughter|nephew|niece|grandson|granddaughter|lodger)\s+(?:is\s+|has\s+been\s+)?"
         r"(?:taking|stealing|stole)\s+(?:her|his|their|my)\s+(?:money|pension|savings|bank\s+card|benefits)\b"),
    # -- freedom of information ------------------------------------------------------------------
    # Lewes 9.2-9.3: FOI requests may come through social media and must be treated as such.
    # Buckinghamshire, "FOI requests and complaints": statutory timescales, so monitor for
    # them, acknowledge them and log them into the formal procedure.
    _cue("foi", "foi foia", r"\bfoia?\b"),
    _cue("foi", "freedom", r"freedom\s+of\s+information\b"),
    _cue("foi", "environmental", r"environmental\s+information\s+regulations\b"),
    _cue("foi", "subject", r"subject\s+access\s+request\b"),
    # -- complaints -------------------------------------------------------------------------------
    # Lewes 9.1: an official complaint is acknowledged and redirected to the councils' website.
    # Buckinghamshire, "FOI requests and complaints": complaints are logged into the formal system.
    _cue("complaint", "complaint complaints",
         r"(?:formal|official)\s+complaint"
         r"|\b(?:make|making|made|lodge|lodging|file|filing|raise|raising|submit|submitting|register)"
         r"\s+(?:a|an|my|this)\s+(?:formal\s+|official\s+)?complaint\b"
         r"|\bthis\s+is\s+a\s+complaint\b"),
    _cue("complaint", "complain",
         rf"\bi\s*(?:want|wish|would\s+like|{_Q}d\s+like|need|am\s+going|{_Q}m\s+going)\s+to\s+complain\b"),
    # -- the press --------------------------------------------------------------------------------
    # Lewes appendix 1, 8.2: refer comments from or about the press to the PR agency.
    # Buckinghamshire, "General": the communications team is consulted on all press contact.
    _cue("press", "journalist journalists", r"journalists?\b"),
    _cue("press", "reporter reporters correspondent editor",
         rf"\b(?:i{_Q}m|i\s+am|we\s+are|we{_Q}re)\s+(?:a\s+)?(?:reporter|correspondent|news\s+editor)s?\b"),
    _cue("press", "story article feature piece report",
         r"\bfor\s+(?:a|an|our)\s+(?:news\s+)?(?:story|article|feature|piece|report)\b(?!\s*time)"),
    _cue("press", "comment statement quote response",
         r"(?:comment|statement|quote|response)\s+for\s+(?:the\s+|our\s+|a\s+)?(?:[\w'’-]+\s+){0,3}"
         r"(?:news|newspaper|paper|gazette|herald|times|argus|post|express|echo|mail|mirror"
         r"|radio|tv|podcast|bbc|itv|sky)\b"
         r"|request\s+for\s+comment\b"),
    _cue("press", "press media", r"\b(?:press|media)\s+(?:enquiry|enquiries|inquiry|request)\b"),
    _cue("press", "bbc itv sky reuters press",
         r"on\s+behalf\s+of\s+(?:the\s+)?(?:bbc|itv|sky\s+news|reuters|press\s+association)\b"),
    # -- threats and abuse ------------------------------------------------------------------------
    # Lincolnshire, "Moderation": insulting, threatening or abusive comments are referred to the
    # digital engagement team at once. Lewes 8.1-8.2: referred, two warnings before a block.
    # Buckinghamshire, "Removing content and blocking users": threats of violence are reported.
    # Leighton-Linslade 8.1: threats and abuse are reported to the Town Clerk.
    # The word list stays short and mild on purpose: it points an officer at a message, it
    # does not judge it.
    _cue("abuse", "idiot idiots", r"idiots?\b(?!-proof)"),
    _cue("abuse", "moron morons imbecile imbeciles cretin cretins halfwit halfwits muppet muppets "
                  "scumbag scumbags parasites",
         r"(?:morons?|imbeciles?|cretins?|halfwits?|muppets?|scumbags?|parasites)\b"),
    _cue("abuse", "scum", r"\b(?:you|absolute|utter|total|are|is|of|council|such)\s+scum\b"),
    _cue("abuse", "useless",
         r"useless\s+(?:lot|bunch|clowns?|idiots?|morons?|jobsworths?|waste\s+of\s+space|pen[- ]?pushers?)\b"),
    _cue("abuse", "waste", r"waste\s+of\s+(?:space|oxygen)\b"),
    # "I'll get you" only as a threat on its own, not "I'll get you the reference tomorrow".
    _cue("abuse", "find hurt get",
         rf"i(?:{_Q}ll|\s+will)\s+(?:(?:find|hurt)\s+you\b|get\s+you\s*(?:[.!,]|$))"),
    _cue("abuse", "know", r"know\s+where\s+you\s+(?:live|work)\b"),
    _cue("abuse", "watch", r"watch\s+your\s+back\b"),
    _cue("abuse", "regret pay", rf"\byou(?:{_Q}ll|\s+will)\s+(?:regret|pay\s+for)\s+(?:this|it)\b"),
    _cue("abuse", "coming", r"coming\s+for\s+you\b"),
    _cue("abuse", "burn", r"burn\s+(?:the|your|it)\s+(?:\w+\s+)?down\b"),
)


def _by_word(cues: tuple[_Cue, ...]) -> dict[bytes, tuple[_Cue, ...]]:
    index: dict[bytes, tuple[_Cue, ...]] = {}
    for cue in cues:
        for word in cue.words:
            index[word.encode()] = (*index.get(word.encode(), ()), cue)
    return index


_CUES_BY_WORD = _by_word(_CUES)
_CUE_WORDS = frozenset(_CUES_BY_WORD)

# Words are what is left between spaces once ASCII punctuation is a space and apostrophes are
# gone ("don't" -> "dont", "self-harm" -> "self harm"). Done on UTF-8 bytes: a 256-byte table
# is several times faster than str.translate, and every cue word is ASCII.
_PUNCTUATION = b"!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~"
_TO_WORDS = bytes(32 if i in _PUNCTUATION else i for i in range(256))


def _words(low: str) -> bytes:
    # "surrogatepass": a lone surrogate from a JSON escape must not crash triage.
    return low.replace("’", "").encode("utf-8", "surrogatepass").translate(_TO_WORDS, b"'")


def _phrase_labels(low: str, words: bytes) -> set[str]:
    labels: set[str] = set()
    present = _CUE_WORDS.intersection(words.split())
    for word in present:
        for cue in _CUES_BY_WORD[word]:
            if cue.label not in labels and cue.pattern.search(low):
                labels.add(cue.label)
    return labels


# -- personal data posted in public ----------------------------------------------------------------
# Buckinghamshire, "Personal information and confidentiality": if a customer puts their own
# details in a public comment (a phone number, a benefits code...), politely advise them to
# remove it and continue privately. Direct messages are already private, so they are not flagged.

# The part of an address after the @; the part before is checked by hand (see _has_email).
_EMAIL_DOMAIN = re.compile(r"@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_EMAIL_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
# A run of at least six digits, maybe spaced: phone, card and NI numbers all have one.
_DIGIT_RUN = re.compile(r"\d[\d\s()-]{4,}\d")
# UK numbers: 0 or +44, then 9 or 10 digits starting 1, 2, 3 (landlines) or 7 (mobiles).
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[1237](?:[\s)-]{0,2}\d){8,9}(?!\d)")
# National Insurance number: two prefix letters (D, F, I, Q, U, V never used), six digits, A-D.
_NI_NUMBER = re.compile(r"\b[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]\b")
_CARD_LIKE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_NOT_DIGIT = re.compile(r"\D")
# The inward half of a postcode ("2ab" of "bn7 2ab") is cheap to find; the rest is checked after.
_INWARD_CODE = re.compile(r"\d[a-z]{2}\b")
_POSTCODE = re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b")
# A house number before a street name ("12 high street", "12a, mill lane", "flat 3").
_HOUSE_NUMBER = re.compile(r"\b(?:\d{1,4}[a-z]?,?\s+[a-z]|flat\s+\d)")
_ADDRESS_REACH = 80
"""How far before a postcode a house number may start and still read as one address."""


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _has_email(low: str) -> bool:
    for m in _EMAIL_DOMAIN.finditer(low):
        if m.start() > 0 and low[m.start() - 1] in _EMAIL_LOCAL_CHARS:
            return True
    return False


def _has_card_number(low: str) -> bool:
    # The Luhn check keeps reference numbers and long digit runs from reading as cards.
    return any(_luhn_ok(_NOT_DIGIT.sub("", m.group())) for m in _CARD_LIKE.finditer(low))


def _has_address(low: str) -> bool:
    if not _INWARD_CODE.search(low):
        return False
    for m in _POSTCODE.finditer(low):
        if _HOUSE_NUMBER.search(low, max(0, m.start() - _ADDRESS_REACH), m.start()):
            return True
    return False


_DIGITS = b"0123456789"


def _has_personal_data(low: str, words: bytes) -> bool:
    if "@" in low and _has_email(low):
        return True
    if len(words.translate(None, _DIGITS)) == len(words):
        return False  # no digit at all: no number, no postcode
    if _DIGIT_RUN.search(low) and (_PHONE.search(low) or _NI_NUMBER.search(low)
                                   or _has_card_number(low)):
        return True
    return _has_address(low)


def triage(message: InboundMessage) -> tuple[str, ...]:
    """The labels triage adds to `message`, most urgent first (empty when none apply)."""
    return triage_text(message.text, message.kind)


def triage_text(text: str, kind: str) -> tuple[str, ...]:
    """`triage` of a message with this body and kind (a `MessageKind` or its value)."""
    low = text.lower()
    words = _words(low)
    found = _phrase_labels(low, words)
    if kind != MessageKind.DIRECT_MESSAGE and _has_personal_data(low, words):
        found.add("personal_data")
    if not found:
        return ()
    return tuple(r.label for r in RULES if r.label in found)
