"""Emergency mode: who may declare, resolve, write and approve crisis updates, and what the desk
says while one lasts (the banner, extended hours, the public statements).

Every check here raises `NotAuthorisedError` (from `core.permissions`) whatever calls it: the
service calls these before touching the store, so a screen or a script cannot skip them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from pydantic import BaseModel, ConfigDict, Field

from core.handling import local_when
from core.hours import OpeningHours
from core.lane import first_response_deadlines, in_lane
from core.models import AwareDatetime, Message
from core.permissions import NotAuthorisedError, require
from core.policy import FirstResponse, Officer, Permission, PolicyPack
from core.posts import Post, PostKind, PostState
from core.sla import Countdown, Deadlines, countdown, deadlines, format_span

#: The label triage gives messages about the incident (their clocks run on extended hours).
EMERGENCY_LABEL = "emergency_related"


class EmergencyError(ValueError):
    """An emergency action that cannot be done as asked (no reason given, none declared...)."""


class Incident(BaseModel):
    """One declared emergency, from declaration to resolution."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = None
    """The store's id."""
    title: str = Field(min_length=1, max_length=200)
    """What the incident is, as the banner names it."""
    reason: str = Field(min_length=1, max_length=2000)
    """Why it was declared."""
    declared_by: str
    """The officer who declared it."""
    declared_at: AwareDatetime
    """When."""
    first_update_due: AwareDatetime | None = None
    """When the first factual update is due (the pack's first_update_minutes), if any target."""
    first_update_at: AwareDatetime | None = None
    """When the first crisis update was published."""
    extended_until: AwareDatetime | None = None
    """Cover is extended, outside the usual hours, until then (None: no extended hours)."""
    frozen_count: int = 0
    """How many scheduled posts the declaration froze."""
    resolved_by: str | None = None
    resolved_at: AwareDatetime | None = None
    resolve_reason: str | None = None
    revision: int = 0
    """Bumped on every change."""

    @property
    def active(self) -> bool:
        return self.resolved_at is None


def _reason(text: str, what: str) -> str:
    body = " ".join(text.split())
    if not body:
        raise EmergencyError(f"give a reason to {what} the emergency")
    return body


def declaration(pack: PolicyPack, officer: Officer, title: str, reason: str, now: datetime,
                extended_until: datetime | None = None) -> Incident:
    """The incident `officer` declares at `now`; NotAuthorisedError unless the pack's
    declare roles hold them, EmergencyError without a title or reason. Extended hours run
    until `extended_until` (the declarer's), else the pack's `extended_hours` from now."""
    require(pack, officer, Permission.DECLARE_EMERGENCY)
    name = " ".join(title.split())
    if not name:
        raise EmergencyError("name the incident")
    rules = pack.emergency
    due = None if rules.first_update_minutes is None else now + timedelta(minutes=rules.first_update_minutes)
    if extended_until is None and rules.extended_hours is not None:
        extended_until = now + timedelta(hours=rules.extended_hours)
    if extended_until is not None and extended_until <= now:
        raise EmergencyError("extended hours must end after the declaration")
    return Incident(title=name[:200], reason=_reason(reason, "declare"), declared_by=officer.id,
                    declared_at=now, first_update_due=due, extended_until=extended_until)


def check_resolve(pack: PolicyPack, officer: Officer, reason: str) -> str:
    """The reason, tidied; NotAuthorisedError unless `officer` may end an emergency."""
    require(pack, officer, Permission.DECLARE_EMERGENCY)
    return _reason(reason, "resolve")


def check_crisis_author(pack: PolicyPack, officer: Officer, account: str,
                        incident: Incident | None) -> Incident:
    """The active incident; only the pack's designated responders write crisis updates."""
    require(pack, officer, Permission.POST_CRISIS_UPDATE, account)
    if incident is None or not incident.active:
        raise EmergencyError("crisis updates are written while an emergency is declared")
    return incident


def check_approver(pack: PolicyPack, officer: Officer, post: Post) -> None:
    """NotAuthorisedError unless `officer` is in an approver role and did not write `post`."""
    require(pack, officer, Permission.APPROVE_CRISIS_POST, post.account)
    if post.kind is not PostKind.CRISIS or post.state is not PostState.AWAITING_APPROVAL:
        raise EmergencyError(f"post {post.id} is not a crisis update awaiting approval")
    if post.created_by == officer.id:
        raise NotAuthorisedError(f"{officer.name} wrote this update: a second person must "
                                 "approve it (no one approves their own)")


def check_post_writer(pack: PolicyPack, officer: Officer, account: str) -> None:
    """Scheduling, editing, releasing and cancelling a post need the right to speak for the
    account (reply on it)."""
    try:
        require(pack, officer, Permission.REPLY, account)
    except NotAuthorisedError as exc:
        raise type(exc)(f"{exc}, so may not post on {account!r} (posting needs the reply right "
                        "on the account)") from None


# -- the banner -----------------------------------------------------------------------------------

def first_update_status(incident: Incident, now: datetime, zone: tzinfo) -> str:
    """`first update due in 8m 12s`, `first update OVERDUE by 2m 05s`, `first update 14:05`."""
    if incident.first_update_at is not None:
        return f"first update {local_when(incident.first_update_at, now, zone)}"
    if incident.first_update_due is None:
        return "no first-update target"
    left = incident.first_update_due - now
    if left > timedelta(0):
        return f"first update due in {format_span(left)}"
    return f"first update OVERDUE by {format_span(-left)}"


def banner_text(incident: Incident, now: datetime, zone: tzinfo) -> str:
    """The one line every screen shows while an emergency lasts."""
    since = format_span(max(now - incident.declared_at, timedelta(0)))
    parts = [f"EMERGENCY {incident.title}", f"declared {since} ago",
             first_update_status(incident, now, zone)]
    if incident.extended_until is not None and now < incident.extended_until:
        parts.append(f"EXTENDED HOURS until {local_when(incident.extended_until, now, zone)}")
    return " · ".join(parts)


# -- extended hours ----------------------------------------------------------------------------

def extended_hours(hours: OpeningHours, incident: Incident | None) -> OpeningHours:
    """`hours` with the incident's extended cover laid over it, while it is declared."""
    if incident is None or not incident.active or incident.extended_until is None:
        return hours
    return hours.with_extra_open(incident.declared_at, incident.extended_until)


def extended_hours_statement(pack: PolicyPack, incident: Incident, hours: OpeningHours,
                             now: datetime) -> str:
    """The public statement of the extended hours, and of when cover stops and resumes
    (Lewes and Eastbourne 6.3)."""
    zone = hours.zone
    council = pack.council.short_name
    if incident.extended_until is None:
        return (f"{council} is responding to {incident.title}. We will post updates here during "
                "our usual opening hours; if someone is in danger, call 999.")
    until = incident.extended_until.astimezone(zone)
    resumes = hours.next_open(incident.extended_until).astimezone(zone)
    return (f"{council} is responding to {incident.title}. We are monitoring this account outside "
            f"our usual hours until {until:%H:%M on %A %d %B}. Cover then stops and starts again "
            f"at {resumes:%H:%M on %A %d %B}. If someone is in danger, call 999.")


def normal_hours_statement(pack: PolicyPack, incident: Incident, hours: OpeningHours,
                           now: datetime) -> str:
    """The "normal hours resume" statement after the emergency is resolved."""
    zone = hours.zone
    nxt = hours.next_open(now).astimezone(zone)
    when = "now" if hours.is_open(now) else f"from {nxt:%H:%M on %A %d %B}"
    return (f"Thank you for your patience during {incident.title}. {pack.council.short_name} is "
            f"back to its normal hours: this account is monitored {when} in our usual opening "
            "hours. If someone is in danger, call 999.")


def _tighter(rule: FirstResponse, target: int | None) -> FirstResponse:
    """`rule` with the emergency's tighter target; the warnings keep their place inside it (a
    third and a sixth of it at most)."""
    if target is None:
        return rule
    first, second = rule.warnings_minutes_left
    warnings = (min(first, max(target // 3, 2)), min(second, max(target // 6, 1)))
    return rule.model_copy(update={"minutes": target, "warnings_minutes_left": warnings})


def related_deadlines(message: Message, pack: PolicyPack, incident: Incident | None) -> Deadlines | None:
    """The first-response deadlines an `emergency_related` message's clock runs on, given the
    declared emergency (`incident`, None or resolved: none is). None for any other message, for
    a disclosure (its lane clock, in real time, stays) and for an account the pack lacks.

    While an emergency is declared: on the extended hours (`extended_hours`) with the pack's
    tighter `related_response_minutes` (else the account's target), measured from the later of
    its arrival and the declaration. Otherwise: the account's normal calendar and target,
    measured from its arrival, as intake works them out; so after a resolution a message still
    awaiting a reply is due when it would have been had no emergency been declared."""
    if EMERGENCY_LABEL not in message.labels or in_lane(message.labels):
        return None
    try:
        hours, rule = pack.hours_for(message.account), pack.target_for(message.account)
    except KeyError:
        return None
    if incident is None or not incident.active:
        return first_response_deadlines(message.received_at, message.labels, hours, rule)
    return deadlines(max(message.received_at, incident.declared_at), extended_hours(hours, incident),
                     _tighter(rule, pack.emergency.related_response_minutes))


def incident_countdown(message: Message, pack: PolicyPack, incident: Incident | None,
                       now: datetime) -> Countdown:
    """`message`'s first-response clock. One labelled emergency_related runs, while an
    emergency lasts, on the extended hours and the pack's tighter target (`related_deadlines`,
    the times the service stores for the engine to fire at)."""
    hours = pack.hours_for(message.account)
    due = related_deadlines(message, pack, incident) if incident is not None and incident.active else None
    if due is None:
        return countdown(message, hours, now)
    tighter = message.model_copy(update={"due_at": due.due_at, "warning_1_at": due.warning_1_at,
                                         "warning_2_at": due.warning_2_at})
    return countdown(tighter, extended_hours(hours, incident), now)
