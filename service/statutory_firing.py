"""What the engine does for the statutory clocks (`core.statutory_events`): it schedules each new
FOI, SAR or complaint message's warnings and lateness, then fires each once at its time, as it
fires the first-response warnings (`service.firing`).

Each fired event is one Action in the message's history, saying it in words with the rule it
counts (`FOI response due in 5 days, by Mon 18 Jan 2027 (20 working days, FOI Act s.10)`), and
one Notification for the dashboards (a toast, and the bell on the accounts' desks; lateness is
escalated to `first_response.escalate_to`, as a first-response breach is). They run in real
time and never pause for opening hours. Only messages still waiting fire: an answered or
set-aside message's events are set aside (`Store.retire_statutory`).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from core.models import Action, Message, Notification, NotificationLevel
from core.policy import PolicyPack
from core.safe_text import for_log
from core.statutory import StatutoryDeadline, statutory_deadlines
from core.statutory_events import LATE, STATUTORY_VERBS, event_sentence, statutory_events
from service.notice_words import ENGINE_ACTOR, PLATFORM_NAMES, author_label, first_words
from storage.base import Store
from storage.statutory_base import StatutoryFiring, StatutoryRow

log = logging.getLogger("dutydesk.engine")

#: Messages looked at per scheduling transaction, and events fired per firing transaction.
SCAN_IDS = 20_000
BATCH = 500

_LEVELS = {1: NotificationLevel.WARNING, 2: NotificationLevel.WARNING, LATE: NotificationLevel.ERROR}


def _deadlines(pack: PolicyPack, message: Message) -> tuple[StatutoryDeadline, ...]:
    try:
        hours = pack.hours_for(message.account)
    except KeyError:  # an account the pack lacks has no calendar to count on
        return ()
    return statutory_deadlines(message.labels, message.received_at, hours, pack.statutory)


def schedule_rows(pack: PolicyPack, message: Message) -> list[StatutoryRow]:
    """The statutory events of `message`, as rows for the store."""
    deadlines = _deadlines(pack, message)
    if not deadlines:
        return []
    zone = pack.hours_for(message.account).zone
    return [StatutoryRow(message.id, e.deadline.short, e.event, e.at)
            for e in statutory_events(deadlines, message.received_at, zone, pack.statutory)]


async def schedule_arrivals(store: Store, pack: PolicyPack, keep_going: Callable[[], bool]) -> int:
    """Schedule the statutory events of every message not yet looked at; how many rows. Stops
    when another engine moved the scan mark first (it schedules them) or `keep_going()` says."""
    total = 0
    while keep_going():
        found = await store.statutory_unscheduled(SCAN_IDS)
        if found.through == found.after:
            break
        rows = [row for message in found.messages for row in schedule_rows(pack, message)]
        if not await store.schedule_statutory(rows, found.after, found.through):
            break
        total += len(rows)
        await asyncio.sleep(0)
    return total


def _deadline(pack: PolicyPack, message: Message, short: str) -> StatutoryDeadline | None:
    return next((d for d in _deadlines(pack, message) if d.short == short), None)


def statutory_records(pack: PolicyPack, message: Message, row: StatutoryRow,
                      now: datetime) -> tuple[Action, Notification]:
    """The history line and the dashboard notice of one statutory event firing at `now`."""
    deadline = _deadline(pack, message, row.deadline)
    today = now.astimezone(pack.hours_for(message.account).zone).date() if deadline is not None else None
    words = (event_sentence(deadline, row.event, pack.statutory, today) if deadline is not None
             else f"{row.deadline} statutory clock event {row.event}")
    verb = STATUTORY_VERBS[row.event]
    detail = {"clock": words, "deadline": row.deadline, "event": row.event,
              "event_at": row.fires_at.isoformat(),
              "late_seconds": max(0, round((now - row.fires_at).total_seconds()))}
    action = Action(at=now, actor=ENGINE_ACTOR, verb=verb, message_id=message.id, account=message.account,
                    detail=detail)
    platform = PLATFORM_NAMES.get(message.platform, str(message.platform))
    notice = Notification(
        at=now, level=_LEVELS[row.event], kind=verb,
        title=f"{words}: {author_label(message)} on {platform}", body=first_words(message.text),
        role=pack.first_response.escalate_to if row.event == LATE else None,
        message_id=message.id, account=message.account)
    return action, notice


async def fire_statutory_due(store: Store, pack: PolicyPack, now: datetime, missed: Counter[int],
                             missed_after: timedelta, keep_going: Callable[[], bool] = lambda: True) -> int:
    """Schedule new arrivals, set aside the events of handled messages, then fire every
    statutory event due by `now`, a batch a transaction; how many fired. Events more than
    `missed_after` late fire quietly (in the history) and are counted in `missed` (by event:
    1 and 2 warnings, 3 late) for the run's one summary notice."""
    await schedule_arrivals(store, pack, keep_going)
    await store.retire_statutory(now)
    total = 0
    while keep_going():
        batch = await store.pending_statutory(now, limit=BATCH)
        firings, late = [], []
        for message, row in batch:
            action, notice = statutory_records(pack, message, row, now)
            late.append(now - row.fires_at > missed_after)
            firings.append(StatutoryFiring(row, [action], [] if late[-1] else [notice]))
        results = await store.fire_statutory(firings, now)
        for firing, was_late, fired in zip(firings, late, results, strict=True):
            if fired and was_late:
                missed[firing.row.event] += 1
            elif fired:
                log.info("%s: message %d %s", firing.actions[0].verb, firing.row.message_id,
                         for_log(firing.notifications[0].title))
        fired_here = sum(results)
        total += fired_here
        if len(batch) < BATCH or fired_here == 0:
            break
        await asyncio.sleep(0)
    return total
