"""How a message is handled: close reasons, referral, signed replies, and what the policy
expects next of the officer. Pure: everything it needs is passed in.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from core.hours import OpeningHours
from core.lane import in_lane
from core.models import Message, MessageKind
from core.policy import Audience, Officer, PolicyPack
from core.sla import format_span
from core.triage import RULES


class CloseReason(StrEnum):
    """Why a message was closed without a reply (Lewes & Eastbourne 7.2: there will be times
    when it would not be appropriate to respond)."""

    RHETORICAL = "rhetorical"
    REPEAT = "repeat"
    PROVOCATION = "provocation"
    ANSWERED_ELSEWHERE = "answered_elsewhere"

    @property
    def label(self) -> str:
        return _CLOSE_LABELS[self]


_CLOSE_LABELS = {
    CloseReason.RHETORICAL: "No reply needed: rhetorical",
    CloseReason.REPEAT: "No reply needed: a repeat",
    CloseReason.PROVOCATION: "No reply needed: meant to provoke",
    CloseReason.ANSWERED_ELSEWHERE: "Answered elsewhere",
}


class HandlingError(ValueError):
    """The action cannot be done to this message as it stands (said in plain words)."""


def sign(text: str, pack: PolicyPack, officer: Officer) -> str:
    """`text` signed with the officer's name as the policies ask (Lewes & Eastbourne: always
    sign a response with your name). Placeholders in the text are filled in too."""
    fill = _signing_values(pack, officer)
    body = _fill(text, fill).rstrip()
    signature = _fill(pack.signature, fill)
    if body.endswith(signature):
        return body
    return f"{body}\n{signature}"


def _signing_values(pack: PolicyPack, officer: Officer) -> dict[str, str]:
    """What `{officer}` and `{council}` stand for in templates and signatures."""
    return {"officer": officer.name, "council": pack.council.short_name}


def _fill(template: str, values: dict[str, str]) -> str:
    # Only our own placeholders: the text may contain braces typed by the officer.
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return out


def draft_reply(pack: PolicyPack, officer: Officer, template_id: str | None) -> str:
    """A reply body from a template of the pack (unsigned; `sign` adds the signature)."""
    fill = _signing_values(pack, officer)
    for template in pack.templates:
        if template.id == template_id:
            return _fill(template.text, fill)
    return ""


def suggested_template(message: Message, available: Collection[str] | None = None) -> str:
    """The template for the most urgent label that has one (templates are named after triage
    labels; with `available`, the pack's template ids, a label without one is passed over),
    else `acknowledge`."""
    for rule in RULES:
        if rule.label in message.labels and rule.label != "abuse" and (
                available is None or rule.label in available):
            return rule.label
    return "acknowledge"


def _contact_for(label: str, pack: PolicyPack) -> str:
    """The pack's contact for what a triage label calls for ('' where none is needed)."""
    c = pack.contacts
    return {"urgent_danger": c.safeguarding, "safeguarding": c.safeguarding, "foi": c.foi,
            "complaint": c.complaints, "press": c.press, "abuse": pack.moderation.report_to,
            "political": pack.moderation.report_to,
            "commercial": pack.moderation.report_to, "sar": c.data_protection}.get(label, "")


def expectations(message: Message, pack: PolicyPack, now: datetime) -> list[str]:
    """What the policy expects next of the officer for `message`, most urgent first: the advice
    of each triage label it carries (with the pack's contacts), then the first response."""
    warnings = str(pack.moderation.warnings_before_block)
    out = [_fill(rule.advice, {"contact": _contact_for(rule.label, pack), "warnings": warnings})
           for rule in RULES if rule.label in message.labels
           # Personal data in a direct message is not public: nothing to take down.
           and not (rule.label == "personal_data" and message.kind == MessageKind.DIRECT_MESSAGE)]
    account = pack.account(message.account)
    if account.audience == Audience.YOUNG_OR_VULNERABLE and message.kind == MessageKind.DIRECT_MESSAGE:
        out.append("Young or vulnerable audience: do not continue in private messages.")
    out.append(_response_line(message, pack, now))
    return out


def _response_line(message: Message, pack: PolicyPack, now: datetime) -> str:
    if message.responded_at is not None:
        return "Answered: no further first response is due."
    if not message.state.awaiting_response:
        return "Set aside without a reply: nothing more is due."
    if message.due_at is None:
        return "No response target in this policy: respond in a timely manner."
    minutes = pack.target_for(message.account).minutes
    target = f"target {minutes}"
    # Said on the desk: a target the council's policy does not set is not the council's promise.
    place = ("first_response.minutes" if minutes == pack.first_response.minutes
             else "first_response.young_or_vulnerable_minutes")
    whose = ", dutydesk's default" if pack.is_default(place) else ""
    zone = pack.hours_for(message.account).zone
    if now >= message.due_at:
        return (f"First response is overdue (was due {local_when(message.due_at, now, zone)}, "
                f"{target} minutes{whose}).")
    when = message.due_at.astimezone(zone)
    # A disclosure's clock runs in real time (core.lane), other messages' in opening hours.
    counted = "minutes, never paused" if in_lane(message.labels) else "working minutes"
    return f"First response due by {when:%a %d %b %H:%M} ({target} {counted}{whose})."


class OpeningStatus(BaseModel):
    """An account's opening status at one instant, for the header and sidebar."""

    model_config = ConfigDict(frozen=True)

    is_open: bool
    until: datetime | None = None
    """When it closes (open), or None if it never does."""
    opens_at: datetime | None = None
    """When it next opens (closed)."""

    def describe(self, now: datetime, zone: ZoneInfo, short: bool = False) -> str:
        """`OPEN until 17:00 (2h 14m left)` or `CLOSED, opens Mon 08:30`; `short`: `OPEN till
        17:00` or `CLOSED till Mon 08:30`."""
        if self.is_open:
            if self.until is None:
                return "OPEN"
            until = local_when(self.until, now, zone)
            if short:
                return f"OPEN till {until}"
            return f"OPEN until {until} ({format_span(self.until - now)} left)"
        if self.opens_at is None:
            return "CLOSED"
        return f"CLOSED {'till' if short else ', opens'} {local_when(self.opens_at, now, zone)}".replace(" ,", ",")


def local_when(when: datetime, now: datetime, zone: tzinfo) -> str:
    """`when` as the desk reads it in `zone`, as near as is plain: `14:32` on today's date,
    `Mon 09:15` within six days either way, `Mon 02 Mar 09:15` further off this year, with
    the year further off still (a breach of last March must not read as last Monday's)."""
    local = when.astimezone(zone)
    today = now.astimezone(zone)
    if local.date() == today.date():
        return f"{local:%H:%M}"
    if abs(when - now) < timedelta(days=6):
        return f"{local:%a %H:%M}"
    if local.year == today.year:
        return f"{local:%a %d %b %H:%M}"
    return f"{local:%a %d %b %Y %H:%M}"


def opening_status(hours: OpeningHours, now: datetime) -> OpeningStatus:
    """Whether `hours` is open at `now`, and until or from when."""
    if hours.is_open(now):
        return OpeningStatus(is_open=True, until=hours.next_close(now))
    return OpeningStatus(is_open=False, opens_at=hours.next_open(now))
