"""Triage: labels intake adds to a message so the officer sees at once what it needs.

Each rule is a policy duty the councils name: act on safeguarding disclosures at once (and call
999 when someone is in danger now), recognise FOI and subject access requests and formal
complaints, advise people who post personal data in public, refer the press, refer threats and
abuse, party-political comments and adverts or scams, and watch for incidents under way. Rules
only label; they never hide, change or answer a message (Lewes 8.3: comments are not censored).
A label is a prompt for a human, so the rules favour catching a real case over missing one,
within reason: a missed disclosure is the worst error dutydesk can make.

Pure and fast (intake runs it on every message, tens of thousands a second): the text is
lowercased and split into words once; a phrase pattern (`core.triage_cues`, data) is only tried
when one of its cue words is there, so a plain message costs a few set look-ups. A pack may add
plain phrases per label (`[triage.phrases]`, `core.triage_pack`), matched word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import InboundMessage, MessageKind
from core.triage_cues import CUES, NOW, URGENT, Cue
from core.triage_learned import LearnedNet, shipped_net
from core.triage_pack import NO_EXTRA, PackPhrases, normalise
from core.triage_personal import has_personal_data
from core.triage_slang import SPOKEN


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
    TriageRule("urgent_danger",
               "Lincolnshire: Engaging with young and vulnerable people (immediate danger: "
               "contact the police); Lewes 5.2",
               "Someone may be in danger now: call the police on 999, then refer to {contact}."),
    TriageRule("safeguarding",
               "Lincolnshire: Engaging with young and vulnerable people; Lewes 5.2; Leighton-Linslade 10.4",
               "Safeguarding disclosure: act at once. Refer to {contact}. "
               "If anyone is in immediate danger, call the police on 999."),
    TriageRule("emergency_related",
               "Lewes 6.1-6.2 (public first to report an incident; factual response within 20 "
               "minutes); Buckinghamshire: General (emergency); Lincolnshire: Aims (emergency "
               "and crisis communications)",
               "Incident under way: pass it to the emergency responders; reply only with "
               "agreed, factual information (anyone in danger: 999)."),
    TriageRule("foi", "Lewes 9.2-9.3; Buckinghamshire: FOI requests and complaints; the 20 working "
               "days: Freedom of Information Act 2000, s.10 (no policy gives a figure)",
               "FOI request: acknowledge it and log it with {contact} (statutory clock: 20 working days)."),
    TriageRule("sar",
               "Lewes 9.2 (access legislation); Leighton-Linslade 13, 14 (Data Protection); "
               "dutydesk default: UK GDPR Article 15 (one calendar month)",
               "Subject access request (the person's own data, not FOI): acknowledge it and pass "
               "it to the data protection officer via {contact} (statutory clock: one calendar month)."),
    TriageRule("complaint", "Lewes 9.1; Buckinghamshire: FOI requests and complaints",
               "Complaint: acknowledge it and redirect to {contact}."),
    TriageRule("personal_data", "Buckinghamshire: Personal information and confidentiality",
               "Personal data posted in public: advise the author to remove it and continue privately."),
    TriageRule("press", "Lewes appendix 1, 8.2; Buckinghamshire: General (press contact)",
               "Press enquiry: refer it to {contact}; do not comment yourself."),
    TriageRule("abuse", "Lincolnshire: Moderation; Lewes 8.1-8.2; Leighton-Linslade 8.1",
               "Possibly inappropriate: refer to {contact}; {warnings} warnings before any block."),
    TriageRule("political",
               "Lewes 8.1, 10.1, appendix 5.1 (party political comments are referred); "
               "Buckinghamshire: Political posts",
               "Party-political comment: do not engage or endorse it; refer to {contact}."),
    TriageRule("commercial",
               "Lewes 8.1, appendix 5.1 (promoting a commercial product or company); "
               "Buckinghamshire: Spam, viruses, scams and hacking",
               "Advert, spam or scam: do not click its links; refer to {contact} and report the "
               "account to the platform."),
)
"""Every triage label, in the order `triage` returns them (most urgent first)."""

LABELS = frozenset(r.label for r in RULES)


def rule(label: str) -> TriageRule:
    """The rule behind `label` (KeyError if triage has no such label)."""
    for r in RULES:
        if r.label == label:
            return r
    raise KeyError(label)


def _by_word(cues: tuple[Cue, ...]) -> dict[bytes, tuple[Cue, ...]]:
    index: dict[bytes, tuple[Cue, ...]] = {}
    for cue in cues:
        for word in cue.words:
            index[word] = (*index.get(word, ()), cue)
    return index


def _with_slang(index: dict[bytes, tuple[Cue, ...]], slang: dict[bytes, bytes]) -> dict[bytes, tuple[Cue, ...]]:
    # A slang word stands for the cue words it maps to ("u" -> "you", "killin" -> "killing").
    out = dict(index)
    for word, meaning in slang.items():
        cues = tuple(dict.fromkeys(c for w in meaning.split() for c in index.get(w, ())))
        if cues:
            out[word] = tuple(dict.fromkeys((*out.get(word, ()), *cues)))
    return out


_PLAIN_INDEX = _by_word(tuple(c for c in CUES if c.label != NOW))
_CUES_BY_WORD = _with_slang(_PLAIN_INDEX, SPOKEN)
# Tried only once a message is labelled safeguarding (and not yet urgent_danger).
_NOW_CUES = tuple(c for c in CUES if c.label == NOW)
_CUE_WORDS = frozenset(_CUES_BY_WORD)


_SPOKEN_WORDS = SPOKEN.keys()


def spoken_tokens(tokens: list[bytes]) -> list[bytes]:
    """The words with slang mapped ("u" -> "you"): the words the learned net reads."""
    if _SPOKEN_WORDS.isdisjoint(tokens):
        return tokens
    return b" ".join(map(SPOKEN.get, tokens, tokens)).split()


def spoken(tokens: list[bytes]) -> bytes:
    """The words the patterns read: slang mapped ("u" -> "you"), joined and padded with spaces."""
    if _SPOKEN_WORDS.isdisjoint(tokens):
        return b" " + b" ".join(tokens) + b" "
    return b" " + b" ".join(map(SPOKEN.get, tokens, tokens)) + b" "


# A starred swear ("f***ing", "c*nt"): letters, then stars, maybe letters; "5*" or "*really*" are not.
_STARRED = re.compile(rb"(?:^| )[a-z]{1,3}\*+[a-z]{0,6}(?= )")


def _phrase_labels(tokens: list[bytes], starred: bool, extra: PackPhrases) -> set[str]:
    labels: set[str] = set()
    present = _CUE_WORDS.intersection(tokens)
    if not present and not starred and not extra.first_words:
        return labels
    text = spoken(tokens)
    starts = extra.first_words.intersection(text.split()) if extra.first_words else ()
    if not present and not starred and not starts:
        return labels
    if starred and _STARRED.search(text):
        labels.add("abuse")
    for word in present:
        for cue in _CUES_BY_WORD[word]:
            if cue.label not in labels and cue.matches(text):
                labels.add(cue.label)
    for word in starts:
        labels.update(extra.labels_in(word, text))
    return labels


def _labels(words: bytes, extra: PackPhrases, net: LearnedNet | None) -> set[str]:
    """The phrase patterns' labels, the learned net's, and urgent_danger's rules: it always
    comes with safeguarding, and a safeguarding message said to be happening now is urgent."""
    tokens = words.split()
    labels = _phrase_labels(tokens, b"*" in words, extra)
    labels.update((net or shipped_net()).labels_for(spoken_tokens(tokens)))
    if URGENT in labels:
        labels.add("safeguarding")
    elif "safeguarding" in labels and any(c.matches(spoken(tokens)) for c in _NOW_CUES):
        labels.add(URGENT)
    return labels


def triage(message: InboundMessage, extra: PackPhrases = NO_EXTRA) -> tuple[str, ...]:
    """The labels triage adds to `message`, most urgent first (empty when none apply)."""
    return triage_text(message.text, message.kind, extra)


def triage_text(text: str, kind: str, extra: PackPhrases = NO_EXTRA, *,
                net: LearnedNet | None = None) -> tuple[str, ...]:
    """`triage` of a message with this body and kind (a `MessageKind` or its value); `extra`
    holds a pack's own phrases (`core.triage_pack.pack_phrases`); `net` replaces the shipped
    learned net (`core.triage_learned`; the bench scores nets trained without a set)."""
    low = text.lower()
    words = normalise(low)
    found = _labels(words, extra, net)
    if kind != MessageKind.DIRECT_MESSAGE and has_personal_data(low, words):
        found.add("personal_data")
    if not found:
        return ()
    return tuple(r.label for r in RULES if r.label in found)
