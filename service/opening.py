"""Opening and closing: the engine records each change of an account's opening status once, and
on closing queues the out-of-hours notice (Lincolnshire: "Outside of these hours, the site must
be closed for engagement and an alternative contact provided"; Lewes and Eastbourne 6.3/7.1:
say when coverage starts again).

The instant a change is recorded "since" is the calendar's own opening or closing instant, not
when an engine noticed it, so two engines (or one restarted late) record the same change and
`Store.set_account_status` keeps only the first.

An account never recorded before (a new store) counts as changed: an engine first started
while an account is closed records it closed and queues the notice, since nobody has said so.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from core.hours import NoOpenTimeError, OpeningHours
from core.lane import out_of_hours_notice
from core.models import Action, Notification, NotificationLevel, OutboxItem
from core.policy import Account, PolicyPack
from core.safe_text import for_log
from service.firing import ENGINE_ACTOR, PLATFORM_NAMES
from storage.base import Store

log = logging.getLogger("dutydesk.engine")

#: How far back `last_change` looks for the instant the current status began. Longer than any
#: usual week; a calendar unchanged for longer is recorded as changed "now".
LOOKBACK = timedelta(days=8)


def next_change(hours: OpeningHours, now: datetime) -> datetime | None:
    """The next opening (if closed) or closing (if open) strictly after `now`; None if none."""
    try:
        return hours.next_close(now) if hours.is_open(now) else hours.next_open(now)
    except NoOpenTimeError:
        return None


def last_change(hours: OpeningHours, now: datetime, lookback: timedelta = LOOKBACK) -> datetime | None:
    """The latest opening or closing instant at or before `now` within `lookback`, or None."""
    at = now - lookback
    found = None
    while (after := next_change(hours, at)) is not None and after <= now:
        found = at = after
    return found


def next_opening_change(pack: PolicyPack, now: datetime) -> datetime | None:
    """The soonest opening or closing of any of the pack's accounts after `now`, or None."""
    changes = [c for a in pack.accounts if (c := next_change(pack.hours[a.hours], now)) is not None]
    return min(changes, default=None)


def when_back(reopens: datetime | None, zone: tzinfo, now: datetime) -> str:
    """When the account opens again, in words: `We're back on Mon 08:30`."""
    if reopens is None:
        return "We'll say here when we're back."
    local = reopens.astimezone(zone)
    if local - now.astimezone(zone) < timedelta(days=6):
        return f"We're back on {local:%a %H:%M}."
    return f"We're back on {local:%a} {local.day} {local:%b %H:%M}."


def account_name(account: Account) -> str:
    """E.g. `@LewesDC on X`."""
    return f"{account.handle} on {PLATFORM_NAMES.get(account.platform, str(account.platform))}"


def out_of_hours_text(pack: PolicyPack, back: str) -> str:
    """The public notice posted when an account closes."""
    return out_of_hours_notice(f"This account is now closed for engagement. {back} "
                               f"{pack.contacts.alternative}")


def status_records(pack: PolicyPack, account: Account, is_open: bool, since: datetime,
                   now: datetime) -> tuple[list[Action], list[Notification], list[OutboxItem]]:
    """The log line, the dashboard notice and (on closing) the out-of-hours notice."""
    hours = pack.hours[account.hours]
    verb = "opened" if is_open else "closed"
    detail: dict[str, object] = {"since": since.isoformat()}
    outbox: list[OutboxItem] = []
    if is_open:
        title = f"{account_name(account)} is open"
    else:
        reopens = next_change(hours, now)
        back = when_back(reopens, hours.zone, now)
        detail["reopens_at"] = None if reopens is None else reopens.isoformat()
        title = f"{account_name(account)} is closed for engagement. {back}"
        outbox.append(OutboxItem(created_at=now, account=account.id, kind="out_of_hours",
                                 text=out_of_hours_text(pack, back), created_by=ENGINE_ACTOR))
    action = Action(at=now, actor=ENGINE_ACTOR, verb=verb, account=account.id, detail=detail)
    notice = Notification(at=now, level=NotificationLevel.INFO, kind=verb, title=title,
                          account=account.id)
    return [action], [notice], outbox


async def record_account(store: Store, pack: PolicyPack, account: Account, now: datetime) -> bool:
    """Record the account's status at `now` if the store says otherwise; True if this call did."""
    hours = pack.hours[account.hours]
    is_open = hours.is_open(now)
    recorded = await store.account_status(account.id)
    if recorded is not None and recorded[0] == is_open:
        return False
    since = last_change(hours, now) or now
    actions, notices, outbox = status_records(pack, account, is_open, since, now)
    changed = await store.set_account_status(account.id, is_open, since, actions, notices, outbox)
    if changed:
        log.info("%s: %s", actions[0].verb, for_log(notices[0].title))
    return changed


async def record_opening(store: Store, pack: PolicyPack, now: datetime) -> int:
    """Record every account whose opening status changed; how many were recorded."""
    recorded = 0
    for account in pack.accounts:
        recorded += await record_account(store, pack, account, now)
    return recorded
