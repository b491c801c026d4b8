"""The safeguarding lane: disclosures first, a clock that never pauses, and who to call.

- **Order.** Messages labelled `urgent_danger` (someone in danger now) come first, then
  `safeguarding`, whatever their due time; while an emergency is declared, `emergency_related`
  messages come next. The rest follow soonest due first. `lane_tier` is the rule; the stores
  apply it (storage keeps the same rule in SQL, held equal by the contract tests).
- **The clock.** A lane message's first-response clock runs in real time, not business time:
  closed hours do not pause it. Received while the account is closed, its first warning falls
  at once; received while open, no later than the closing instant. The engine escalates a lane
  event that fires while the account is closed to the pack's out-of-hours safeguarding route
  (`out_of_hours_escalation`).
- **Who to call.** The pack's safeguarding contact on the row and in the detail pane, and 999
  for `urgent_danger`.
- **Private messages.** Before a reply by direct message to someone who may be a child or a
  vulnerable adult, the desk warns (Lewes and Eastbourne 5.1, Leighton-Linslade 10.1).

Pure: every instant is a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from core.hours import OpeningHours
from core.models import Message, MessageKind
from core.policy import Audience, FirstResponse, PolicyPack
from core.sla import NEVER_PAUSED, NO_DEADLINES, Deadlines, deadlines

URGENT_DANGER, SAFEGUARDING, EMERGENCY_RELATED = "urgent_danger", "safeguarding", "emergency_related"

#: The lane's tiers, most urgent first: a message's tier is the first of these it carries.
TIERS: tuple[str, ...] = (URGENT_DANGER, SAFEGUARDING, EMERGENCY_RELATED)
#: The tier of `emergency_related`: it counts only while an emergency is declared.
EMERGENCY_TIER = TIERS.index(EMERGENCY_RELATED)

EMERGENCY_NUMBER = "999"


def lane_tier(labels: Collection[str], emergency_active: bool = False) -> int | None:
    """0 for urgent_danger, 1 for safeguarding, 2 for emergency_related while an emergency is
    active; None for a message outside the lane (it sorts by due time after the lane)."""
    for tier, label in enumerate(TIERS):
        if label in labels and (tier != EMERGENCY_TIER or emergency_active):
            return tier
    return None


def in_lane(labels: Collection[str]) -> bool:
    """Whether the message is a disclosure: its clock never pauses and its arrival rings."""
    return not NEVER_PAUSED.isdisjoint(labels)


def lane_deadlines(received_at: datetime, hours: OpeningHours, target: FirstResponse) -> Deadlines:
    """A disclosure's deadlines: the target in real time, with the first warning at once when
    received out of hours, and no later than the account's closing when received in hours (so
    the engine escalates it out of hours as soon as the desk closes)."""
    closed = not hours.is_open(received_at)
    closes = None if closed else hours.next_close(received_at)
    if target.minutes is None:
        first = received_at if closed else closes
        return NO_DEADLINES.model_copy(update={"warning_1_at": first})
    due = received_at + timedelta(minutes=target.minutes)
    first_left, second_left = (timedelta(minutes=m) for m in target.warnings_minutes_left)
    first = received_at if closed else due - first_left
    if closes is not None and closes < first:
        first = closes
    return Deadlines(due_at=due, warning_1_at=first, warning_2_at=max(first, due - second_left))


def first_response_deadlines(received_at: datetime, labels: Collection[str], hours: OpeningHours,
                             target: FirstResponse) -> Deadlines:
    """The deadlines of any message: the lane's for a disclosure, business time otherwise."""
    if in_lane(labels):
        return lane_deadlines(received_at, hours, target)
    return deadlines(received_at, hours, target)


def lane_marker(labels: Collection[str]) -> str:
    """The row's mark ahead of the text: `999` for urgent danger, `SG` for safeguarding, `EM`
    for emergency_related, '' otherwise (three cells at most)."""
    if URGENT_DANGER in labels:
        return EMERGENCY_NUMBER
    if SAFEGUARDING in labels:
        return "SG"
    if EMERGENCY_RELATED in labels:
        return "EM"
    return ""


def lane_contact(labels: Collection[str], pack: PolicyPack) -> str:
    """Who to call for a disclosure ('' for other messages): the pack's safeguarding contact,
    with 999 first for urgent danger."""
    if URGENT_DANGER in labels:
        return f"{EMERGENCY_NUMBER} now; then {pack.contacts.safeguarding}"
    if SAFEGUARDING in labels:
        return pack.contacts.safeguarding
    return ""


def lane_lines(message: Message, pack: PolicyPack, is_open: bool) -> list[str]:
    """The detail pane's lane lines for `message` (none outside the lane), most urgent first."""
    labels = message.labels
    if not in_lane(labels):
        return []
    out = []
    if URGENT_DANGER in labels:
        out.append(f"Someone may be in danger now: call {EMERGENCY_NUMBER} and pass on what "
                   "the message says, then tell the safeguarding contact.")
    out.append(f"Safeguarding contact: {pack.contacts.safeguarding}.")
    if not is_open:
        out.append(f"Out of hours: refer now to {pack.safeguarding.out_of_hours}. "
                   f"If anyone is in danger, call {EMERGENCY_NUMBER}.")
    return out


def out_of_hours_escalation(message: Message, hours: OpeningHours, when: datetime) -> bool:
    """Whether a first-response event of `message` firing at `when` goes to the out-of-hours
    safeguarding route: a disclosure, and the account closed at that instant."""
    return in_lane(message.labels) and not hours.is_open(when)


def escalation_title(message_label: str, pack: PolicyPack, urgent: bool) -> str:
    """The notice's title, e.g. `Safeguarding out of hours: @x on X. Refer now to ...`."""
    lead = "URGENT DANGER out of hours" if urgent else "Safeguarding out of hours"
    call = f" If anyone is in danger, call {EMERGENCY_NUMBER}." if urgent else ""
    return f"{lead}: {message_label}. Refer now to {pack.safeguarding.out_of_hours}.{call}"


def out_of_hours_notice(text: str) -> str:
    """The public out-of-hours notice with the danger line every one must carry."""
    line = f"If anyone is in danger, call {EMERGENCY_NUMBER}."
    return text if line.casefold() in text.casefold() else f"{text.rstrip()} {line}"


# -- replies by direct message to a child -------------------------------------------------------

#: A writer saying they are under 18 ("I'm 15", "im 17", "aged 14", "year 9"): enough to warn.
_CHILD = re.compile(r"\b(?:i'?m|i\s+am|im|aged?)\s+(?:only\s+)?(?:[4-9]|1[0-7])\b(?!\s*(?:min|hour|day|week|month|year|%|am|pm))"
                    r"|\byear\s+(?:[4-9]|1[0-3])\b",
                    re.IGNORECASE)


def may_be_child(message: Message, pack: PolicyPack) -> bool:
    """Whether the writer may be a child or vulnerable adult: an account aimed at young or
    vulnerable people, a disclosure, or a writer who says they are under 18."""
    audience = pack.account(message.account).audience
    return (audience == Audience.YOUNG_OR_VULNERABLE or in_lane(message.labels)
            or _CHILD.search(message.text) is not None)


def private_message_warning(message: Message, pack: PolicyPack) -> str | None:
    """The warning the desk shows before a reply by direct message to someone who may be a
    child or vulnerable adult, or None. A reply to a direct message goes by direct message."""
    if message.kind != MessageKind.DIRECT_MESSAGE or not may_be_child(message, pack):
        return None
    return ("Careful: a private message to someone who may be a child or vulnerable adult. "
            f"{pack.safeguarding.private_messages}.")


def arrivals_to_ring(before: Collection[int], messages: Sequence[Message]) -> list[Message]:
    """The disclosures among `messages` not in `before` (ids already on the desk): each rings
    the bell once when it arrives."""
    return [m for m in messages if m.id not in before and in_lane(m.labels)
            and m.state.awaiting_response]
