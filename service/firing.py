"""What the engine records when a message's first-response warning or breach fires.

Event 1 and 2 are the policy's two warnings before the due time, event 3 the breach at the due
time, escalated to the role the pack names (`first_response.escalate_to`). A disclosure's event
that fires while its account is closed goes instead to the pack's out-of-hours safeguarding
route (`core.lane`), ringing `safeguarding.escalate_to`. Each fired event is
one Action for the log and one Notification for the dashboards, written in one transaction by
`Store.fire_event`, which fires an event at most once however many engines try.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo

from core.emergency import related_deadlines
from core.handling import local_when
from core.lane import URGENT_DANGER, escalation_title, out_of_hours_escalation
from core.models import Action, Message, Notification, NotificationLevel
from core.policy import PolicyPack
from core.safe_text import for_log
from service.notice_words import ENGINE_ACTOR, PLATFORM_NAMES, author_label, first_words
from service.statutory_firing import fire_statutory_due
from storage.base import EventFiring, FiredEvent, Store
from storage.retime import Retime

log = logging.getLogger("dutydesk.engine")

#: The notification kind of a disclosure escalated out of hours.
SAFEGUARDING_OUT_OF_HOURS = "safeguarding_out_of_hours"

#: The action verb and notification kind of each event.
EVENT_VERBS = {1: "warning_1", 2: "warning_2", 3: "breach"}
_TITLES = {1: "First warning", 2: "Second warning", 3: "Breach"}
_LEVELS = {1: NotificationLevel.WARNING, 2: NotificationLevel.WARNING, 3: NotificationLevel.ERROR}


def account_zone(pack: PolicyPack, account: str) -> tzinfo:
    """The time zone the account's hours are kept in (UTC for an account the pack lacks)."""
    try:
        return pack.hours_for(account).zone
    except KeyError:
        return UTC


def event_title(message: Message, event: int, zone: tzinfo, now: datetime) -> str:
    """E.g. `Second warning: @handle on Facebook due 14:32`; a breach says `was due`."""
    due = "no due time" if message.due_at is None else local_when(message.due_at, now, zone)
    when = f"was due {due}" if event == 3 else f"due {due}"
    platform = PLATFORM_NAMES.get(message.platform, str(message.platform))
    return f"{_TITLES[event]}: {author_label(message)} on {platform} {when}"


def event_records(pack: PolicyPack, message: Message, event: int, when: datetime,
                  now: datetime) -> tuple[Action, Notification]:
    """The log line and the dashboard notice for `event` of `message`, firing at `now`."""
    verb = EVENT_VERBS[event]
    detail = {"event": event, "event_at": when.isoformat(),
              "due_at": None if message.due_at is None else message.due_at.isoformat(),
              "late_seconds": max(0, round((now - when).total_seconds()))}
    escalate = _out_of_hours(pack, message, when)
    if escalate:
        detail["escalated_to"] = pack.safeguarding.out_of_hours
    action = Action(at=now, actor=ENGINE_ACTOR, verb=verb, message_id=message.id,
                    account=message.account, detail=detail)
    notice = Notification(
        at=now, level=_LEVELS[event], kind=verb,
        title=event_title(message, event, account_zone(pack, message.account), now),
        body=first_words(message.text),
        role=pack.first_response.escalate_to if event == 3 else None,
        message_id=message.id, account=message.account)
    if escalate:
        notice = safeguarding_notice(pack, message, now)
    return action, notice


def _out_of_hours(pack: PolicyPack, message: Message, when: datetime) -> bool:
    try:
        hours = pack.hours_for(message.account)
    except KeyError:
        return False
    return out_of_hours_escalation(message, hours, when)


def safeguarding_notice(pack: PolicyPack, message: Message, now: datetime) -> Notification:
    """A disclosure waiting while its account is closed: escalated at once to the pack's
    out-of-hours safeguarding route, ringing the dashboards of `safeguarding.escalate_to`."""
    platform = PLATFORM_NAMES.get(message.platform, str(message.platform))
    urgent = URGENT_DANGER in message.labels
    return Notification(
        at=now, level=NotificationLevel.ERROR, kind=SAFEGUARDING_OUT_OF_HOURS,
        title=escalation_title(f"{author_label(message)} on {platform}", pack, urgent),
        body=first_words(message.text), role=pack.safeguarding.escalate_to,
        message_id=message.id, account=message.account)


async def fire(store: Store, pack: PolicyPack, message: Message, event: int, when: datetime,
               now: datetime) -> bool:
    """Fire one event with its records; False if it had already fired (or its clock stopped)."""
    action, notice = event_records(pack, message, event, when, now)
    fired = await store.fire_event(FiredEvent(message_id=message.id, event=event), [action], [notice])
    if fired:
        log.info("%s: message %d (%s) %s", action.verb, message.id, message.account, for_log(notice.title))
    return fired


#: How many pending events one query fetches and one transaction fires; `fire_due` keeps going
#: until none are left (or it is told to stop).
BATCH = 500

#: An event fired this long past its time was missed (no engine ran then, or the message came
#: in late): it fires quietly, logged in its message's history, and a run's missed events are
#: told in one notice ("1,240 breaches fired while no engine ran") instead of one each.
MISSED_AFTER = timedelta(minutes=1)
MISSED_KIND = "missed"
"""The kind of the one notice that tells a run's missed events."""


def _firing(pack: PolicyPack, message: Message, event: int, when: datetime,
            now: datetime) -> tuple[EventFiring, bool]:
    """The event's records, and whether it was missed (its notice then left for the summary)."""
    action, notice = event_records(pack, message, event, when, now)
    missed = now - when > MISSED_AFTER
    fired = FiredEvent(message_id=message.id, event=event)
    return EventFiring(fired, [action], [] if missed else [notice]), missed


def related_rule(pack: PolicyPack) -> Retime:
    """The rule the store re-times emergency-related messages by (`core.emergency`)."""
    return lambda message, incident: related_deadlines(message, pack, incident)


async def retime_arrivals(store: Store, pack: PolicyPack) -> int:
    """While an emergency is declared, re-time the emergency-related messages that arrived
    since (intake worked out their clocks on the normal calendar); how many changed. The
    declaration and resolution re-time the others in their own transactions."""
    if await store.active_incident() is None:
        return 0
    return await store.retime_related(related_rule(pack))


async def fire_due(store: Store, pack: PolicyPack, now: datetime,
                   keep_going: Callable[[], bool] = lambda: True) -> int:
    """Fire every unfired event due at or before `now`, earliest first, a batch a transaction;
    how many fired. Checked before each batch, `keep_going()` False stops it there: the rest
    fire at the next run. Missed events (`MISSED_AFTER`) end in one summary notice. First,
    during an emergency, the clocks of emergency-related arrivals are re-timed
    (`retime_arrivals`), so none fires on its normal-calendar time. Then the statutory clocks'
    warnings and lateness (`service.statutory_firing`), in the same summary."""
    total, missed, statutory = 0, Counter[int](), Counter[int]()
    await retime_arrivals(store, pack)
    try:
        total = await _fire_first_response(store, pack, now, keep_going, missed)
        total += await fire_statutory_due(store, pack, now, statutory, MISSED_AFTER, keep_going)
    finally:
        if missed or statutory:
            try:
                await _tell_missed(store, pack, missed, now, statutory)
            except Exception as exc:  # noqa: BLE001 - the events fired; only the notice is lost
                log.warning("could not record the notice of missed events: %s", exc)
    return total


async def _fire_first_response(store: Store, pack: PolicyPack, now: datetime,
                               keep_going: Callable[[], bool], missed: Counter[int]) -> int:
    total = 0
    while keep_going():
        batch = await store.pending_events(now, limit=BATCH)
        firings = [_firing(pack, m, event, when, now) for m, event, when in batch]
        results = await store.fire_events([f for f, _ in firings])
        for (firing, late), (message, _, _), fired in zip(firings, batch, results, strict=True):
            if fired and late:
                missed[firing.fired.event] += 1
            elif fired:
                log.info("%s: message %d (%s) %s", firing.actions[0].verb, message.id,
                         message.account, for_log(firing.notifications[0].title))
        fired_here = sum(results)
        total += fired_here
        # A short batch was the last. A full batch where nothing fired means another engine
        # is working through the same events: leave the rest to it (or the next run).
        if len(batch) < BATCH or fired_here == 0:
            break
        await asyncio.sleep(0)  # a dashboard's screen runs on this loop too
    return total


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def missed_title(missed: Counter[int], statutory: Counter[int] | None = None) -> str:
    """E.g. `1,240 breaches fired while no engine ran (and 2,480 warnings)`; statutory clocks'
    events after it: `...; statutory clocks: 3 warnings, 1 late`."""
    breaches, warnings = missed[3], missed[1] + missed[2]
    if breaches:
        title = f"{_plural(breaches, 'breach', 'breaches')} fired while no engine ran"
        title = f"{title} (and {_plural(warnings, 'warning')})" if warnings else title
    elif warnings:
        title = f"{_plural(warnings, 'warning')} fired while no engine ran"
    else:
        title = ""
    if not statutory or not sum(statutory.values()):
        return title
    late, early = statutory[3], statutory[1] + statutory[2]
    parts = ", ".join(p for p in (_plural(early, "warning") if early else "",
                                  f"{late:,} late" if late else "") if p)
    if not title:
        return f"Statutory clocks: {parts} fired while no engine ran"
    return f"{title}; statutory clocks: {parts}"


async def _tell_missed(store: Store, pack: PolicyPack, missed: Counter[int], now: datetime,
                       statutory: Counter[int]) -> None:
    title = missed_title(missed, statutory)
    late = bool(missed[3] or statutory[3])
    notice = Notification(
        at=now, level=NotificationLevel.ERROR if late else NotificationLevel.WARNING,
        kind=MISSED_KIND, title=title, role=pack.first_response.escalate_to if late else None,
        body=f"{title}. Each is in its message's history; the queue shows where each stands.")
    await store.record(notifications=[notice])
    log.info("%s", title)
