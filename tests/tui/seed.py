"""Seeded stores for the dashboard's tests and snapshots: messages in every phase of the
first-response clock, at a frozen instant, the same every run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.clock import FixedClock
from core.hours import OpeningHours
from core.models import Author, InboundMessage, MessageKind, Platform
from core.pack_files import load_pack
from core.policy import PolicyPack
from core.lane import first_response_deadlines
from storage.base import Store
from storage.rows import NewMessage

LONDON = ZoneInfo("Europe/London")
#: A Tuesday afternoon: Customer First is open (08:30-17:00); the tourism account is not.
OPEN_AT = datetime(2026, 11, 17, 14, 0, tzinfo=LONDON)
#: A Saturday morning: every account is closed.
CLOSED_AT = datetime(2026, 11, 21, 10, 0, tzinfo=LONDON)

OFFICER = "dokafor"          # Daniel Okafor, duty officer: the Eastbourne accounts + LinkedIn
OTHER_OFFICER = "tgreaves"   # Tom Greaves, the engagement lead: every account
NO_CLAIM_OFFICER = "spatel"  # Sunita Patel, head of service: may view and refer, not claim

HOSTILE_TEXT = ("[bold red]pwned[/] \x1b[2J\x1b[31mred?\x1b[0m "
                "file: \u202egnp.exe\u202c ok\rOVERWRITE \x9b31m end")
HOSTILE_NAME = "[link=https://evil.example]Council[/link] \x1b]0;title\x07"


def desk_pack() -> PolicyPack:
    """Lewes & Eastbourne, with the tourism account on its own morning-only calendar, so an
    open desk also shows a paused clock (and the header shows two calendars)."""
    base = load_pack("lewes-eastbourne")
    tourism = OpeningHours.model_validate({
        "timezone": "Europe/London",
        "weekly": {day: [["09:00", "12:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
    })
    accounts = tuple(a.model_copy(update={"hours": "tourism"})
                     if a.id == "visit-eastbourne-instagram" else a for a in base.accounts)
    return base.model_copy(update={"hours": {**base.hours, "tourism": tourism},
                                   "accounts": accounts})


@dataclass(frozen=True)
class Seed:
    """One seeded message: where it came from, who wrote it and when, relative to the instant."""

    key: str
    account: str
    received: datetime
    text: str
    handle: str
    name: str = ""
    labels: tuple[str, ...] = ()
    kind: MessageKind = MessageKind.COMMENT


_PLATFORMS = {"eastbourne-x": Platform.X, "lewes-x": Platform.X,
              "eastbourne-facebook": Platform.FACEBOOK, "lewes-facebook": Platform.FACEBOOK,
              "visit-eastbourne-instagram": Platform.INSTAGRAM,
              "councils-linkedin": Platform.LINKEDIN}


def _at(day: datetime, hh: int, mm: int) -> datetime:
    return day.replace(hour=hh, minute=mm)


def open_seeds() -> list[Seed]:
    """At OPEN_AT (Tue 14:00): one message per phase, plus one on an account the officer
    cannot see and one with hostile text."""
    d = OPEN_AT
    return [
        Seed("breached", "eastbourne-x", _at(d, 12, 0), "My council tax payment still hasn't shown up. Third time asking!",
             "@paid_up_pat", "Pat Evans"),
        Seed("warning2", "councils-linkedin", _at(d, 12, 35), "Are you taking on apprentices this year?",
             "jo-hughes", "Jo Hughes"),
        Seed("warning1", "eastbourne-facebook", _at(d, 12, 50),
             "I want to complain about the potholes on Seaside Road, they wrecked my tyre.",
             "sam.k", "Sam Kaur", labels=("complaint",)),
        Seed("hostile", "eastbourne-x", _at(d, 13, 40), HOSTILE_TEXT, "@mallory", HOSTILE_NAME,
             labels=("abuse",)),
        Seed("ontime", "eastbourne-x", _at(d, 13, 50), "When is the green bin collection this week?",
             "@bin_watcher", "Alex Green"),
        Seed("paused", "visit-eastbourne-instagram", _at(d, 11, 0),
             # Not a disclosure: a disclosure's clock never pauses (core.lane), and the lane
             # has its own seeds (lane_seeds).
             "Is the bandstand open on Sunday?", "seaside_sue", "Sue"),
        Seed("answered", "eastbourne-facebook", _at(d, 10, 0), "Thanks for fixing the streetlight!",
             "happy.harry", "Harry"),
        Seed("lewes", "lewes-x", _at(d, 13, 0), "Lewes market parking question", "@lewesian"),
    ]


def closed_seeds() -> list[Seed]:
    """At CLOSED_AT (Sat 10:00): clocks paused over the weekend, and one that breached Friday."""
    fri = CLOSED_AT - timedelta(days=1)
    return [
        Seed("fri-breached", "eastbourne-x", _at(fri, 14, 0), "Road closure on the A22 - how long for?",
             "@a22_driver"),
        Seed("fri-late", "eastbourne-facebook", _at(fri, 16, 0), "Can I book a bulky waste collection?",
             "dee.m", "Dee M"),
        Seed("sat", "councils-linkedin", _at(CLOSED_AT, 9, 30), "Who do I speak to about a job offer?",
             "kim-l", "Kim L"),
        Seed("sat-tourism", "visit-eastbourne-instagram", _at(CLOSED_AT, 8, 0),
             "Are the beach huts open in winter?", "hut_fan"),
    ]


def lane_seeds() -> list[Seed]:
    """At OPEN_AT (Tue 14:00): disclosures (urgent danger, a 17-year-old's direct message), an
    incident report, and requests with statutory clocks (FOI, SAR)."""
    d = OPEN_AT
    return [
        Seed("danger", "eastbourne-x", _at(d, 13, 55),
             "my neighbour is being hurt by her partner, I can hear it now", "@worried_next_door",
             "Chris", labels=("urgent_danger", "safeguarding")),
        Seed("child-dm", "eastbourne-facebook", _at(d, 13, 58),
             "hi I got told to leave home tonight, I'm 17, where do I go", "kai.17", "Kai",
             labels=("safeguarding",), kind=MessageKind.DIRECT_MESSAGE),
        Seed("flood", "eastbourne-x", _at(d, 13, 57), "Water coming up through the drains on Marine Parade",
             "@marine_parade", "Val", labels=("emergency_related",)),
        Seed("foi", "councils-linkedin", _at(d, 13, 30),
             "Under FOI please tell me how much was spent on consultants in 2025", "r-adams",
             "R Adams", labels=("foi",)),
        Seed("sar", "eastbourne-facebook", _at(d, 13, 20),
             "I want a copy of all the data you hold about me please", "data.dan", "Dan",
             labels=("sar",)),
    ]


def new_message(pack: PolicyPack, seed: Seed, ingested_at: datetime) -> NewMessage:
    inbound = InboundMessage(
        platform=_PLATFORMS[seed.account], platform_id=f"seed-{seed.key}", account=seed.account,
        kind=seed.kind, author=Author(platform_id=f"author-{seed.key}", handle=seed.handle,
                                      display_name=seed.name),
        text=seed.text, received_at=seed.received, thread_id=f"thread-{seed.key}",
        url=f"https://example.social/{seed.key}", labels=seed.labels)
    d = first_response_deadlines(seed.received, seed.labels, pack.hours_for(seed.account),
                                 pack.target_for(seed.account))
    return NewMessage(inbound=inbound, ingested_at=ingested_at, due_at=d.due_at,
                      warning_1_at=d.warning_1_at, warning_2_at=d.warning_2_at, labels=seed.labels)


async def seed_store(store: Store, pack: PolicyPack, seeds: list[Seed], now: datetime) -> dict[str, int]:
    """Add `seeds` to an open store; returns message ids by seed key."""
    results = await store.add_messages([new_message(pack, s, s.received) for s in seeds])
    return {s.key: r.message_id for s, r in zip(seeds, results, strict=True)}


async def answer(store: Store, pack: PolicyPack, message_id: int, at: datetime) -> None:
    """Reply to a seeded message as the other officer (so it is answered, with history)."""
    from service.desk import DeskSession

    session = DeskSession(store, pack, FixedClock(at), OTHER_OFFICER)
    await session.reply(message_id, "Glad it's sorted. Thanks for letting us know.")
