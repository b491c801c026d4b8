"""The action log in words an officer reads: `replied`, `set aside without a reply`, `first
warning`, and details named in words (`why`, `note`), never field names (`warning_1`,
`reason_text`).

A message set aside without a reply is never called "closed" on screen: "closed" is what an
account is outside its opening hours.
"""

from __future__ import annotations

from core.models import MessageState

#: What each logged verb says (verbs not listed read as their words with spaces).
VERB_WORDS = {
    "claim": "claimed",
    "reply": "replied",
    "close": "set aside without a reply",
    "refer": "referred",
    "take_over": "took over the claim",
    "warning_1": "first warning",
    "warning_2": "second warning",
    "breach": "first response breached",
    "statutory_warning_1": "statutory clock: first warning",
    "statutory_warning_2": "statutory clock: second warning",
    "statutory_late": "statutory deadline passed",
    "mark_inappropriate": "marked inappropriate",
    "outbox_retried": "sending retried",
    "opened": "account opened",
    "closed": "account closed",
}

#: What each detail is called (keys not listed read as their words with spaces; keys in
#: QUIET are left out: their words are already in the line).
DETAIL_WORDS = {
    "text": "reply",
    "reason_text": "why",
    "to": "to",
    "note": "note",
    "from": "from",
    "category": "category",
    "step": "step",
    "outcome": "outcome",
}

#: A message's state in words.
STATE_WORDS = {
    MessageState.NEW: "new",
    MessageState.CLAIMED: "claimed",
    MessageState.REFERRED: "referred",
    MessageState.RESPONDED: "answered",
    MessageState.CLOSED: "set aside without a reply",
}


def verb_words(verb: str) -> str:
    """`reply` -> `replied`; an unknown `some_verb` -> `some verb`."""
    return VERB_WORDS.get(verb, verb.replace("_", " "))


def detail_words(key: str) -> str:
    """`reason_text` -> `why`; an unknown `some_key` -> `some key`."""
    return DETAIL_WORDS.get(key, key.replace("_", " "))


def state_words(state: MessageState) -> str:
    """`closed` -> `set aside without a reply`."""
    return STATE_WORDS.get(state, str(state.value).replace("_", " "))
