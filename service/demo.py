"""The demo: a backlog seeded so that every countdown state is on screen at once, and a live
feed of new messages every few seconds across the pack's accounts.

The demo runs on a `ShiftedClock`: real seconds, started at a weekday afternoon when the
council's main calendar is open, so `make run` shows a working desk whatever the hour.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

from core.clock import Clock
from core.models import Author, InboundMessage, MessageKind, Platform
from core.policy import Account, Audience, PolicyPack
from service import demo_texts as texts

Submit = Callable[[InboundMessage], Awaitable[object]]

#: When the demo's shift starts, local time: mid-afternoon, so the backlog can hold messages
#: in every phase of a 90-minute clock and the close at 17:00 comes during a long demo.
DEMO_START_LOCAL = time(14, 20)


class ShiftedClock:
    """Real time, moved to start at `start`: seconds pass as they do on the wall."""

    def __init__(self, real: Clock, start: datetime) -> None:
        self._real = real
        self._offset = start - real.now()

    def now(self) -> datetime:
        return self._real.now() + self._offset


def demo_start(pack: PolicyPack, today: date) -> datetime:
    """The latest working day up to `today`, at DEMO_START_LOCAL, when the first account's
    calendar is open (bank holidays and closed dates skipped)."""
    hours = pack.hours_for(pack.accounts[0].id)
    zone = ZoneInfo(hours.timezone)
    for back in range(0, 60):
        day = today - timedelta(days=back)
        candidate = datetime.combine(day, DEMO_START_LOCAL, tzinfo=zone)
        if hours.is_open(candidate) and hours.is_open(candidate + timedelta(minutes=1)):
            return candidate
    raise ValueError(f"no open afternoon in the last 60 days for {pack.council.name}")


class MessageFactory:
    """Makes plausible inbound messages with unique platform ids."""

    def __init__(self, pack: PolicyPack, rng: random.Random, prefix: str) -> None:
        self.pack = pack
        self.rng = rng
        self._ids = count(1)
        self._prefix = prefix

    def make(self, account: Account, category: str, received_at: datetime,
             text: str | None = None) -> InboundMessage:
        body = text if text is not None else self.rng.choice(texts.CATEGORIES[category])
        platform_id, handle, name = self._author(category)
        kind = self._kind(account, category)
        n = next(self._ids)
        return InboundMessage(
            platform=account.platform, platform_id=f"{self._prefix}-{n}", account=account.id,
            kind=kind, author=Author(platform_id=platform_id, handle=handle, display_name=name),
            text=body, received_at=received_at, thread_id=f"{self._prefix}-t{n // 3}",
            url=_url(account.platform, self._prefix, n))

    def _author(self, category: str) -> tuple[str, str, str]:
        if category == "press":
            return texts.AUTHORS[12]
        if category == "hostile":
            return texts.AUTHORS[10]
        if category == "abuse":
            return self.rng.choice([texts.AUTHORS[6], texts.AUTHORS[11]])
        return self.rng.choice([a for i, a in enumerate(texts.AUTHORS) if i not in (6, 10, 11, 12)])

    def _kind(self, account: Account, category: str) -> MessageKind:
        if category in ("personal", "safeguarding") and account.audience != Audience.YOUNG_OR_VULNERABLE:
            return MessageKind.DIRECT_MESSAGE
        if account.platform in (Platform.X, Platform.MASTODON):
            return self.rng.choice([MessageKind.MENTION, MessageKind.REPLY, MessageKind.MENTION])
        return self.rng.choice([MessageKind.COMMENT, MessageKind.COMMENT, MessageKind.DIRECT_MESSAGE])

    def random_category(self) -> str:
        names = list(texts.WEIGHTS)
        return self.rng.choices(names, weights=[texts.WEIGHTS[n] for n in names])[0]


def _url(platform: Platform, prefix: str, n: int) -> str:
    host = {Platform.X: "x.com", Platform.FACEBOOK: "facebook.com", Platform.INSTAGRAM: "instagram.com",
            Platform.MASTODON: "mastodon.social", Platform.LINKEDIN: "linkedin.com"}[platform]
    return f"https://{host}/demo/{prefix}/{n}"


#: Minutes before the demo start at which backlog messages arrive on an open account. With a
#: 90-minute target and warnings at 30 and 10 minutes left these fall: on time (under 60),
#: first warning (60-80), second warning (80-90), and breached (over 90).
PHASE_OFFSETS = {"on_time": (3, 55), "warning_1": (61, 78), "warning_2": (81, 88), "breached": (95, 200)}

#: Categories that each appear once in the backlog, whatever the dice say, so the demo shows
#: what triage flags and how hostile text is shown.
MUST_SHOW = ["safeguarding", "foi", "complaint", "personal", "press", "abuse", "hostile"]


def backlog(pack: PolicyPack, start: datetime, rng: random.Random) -> list[InboundMessage]:
    """Messages received before `start`, chosen so every countdown phase shows at `start`.

    Each open account gets messages in every phase, with varied times and texts. On an account
    closed at `start`, messages arrive in its last open half hour, so they wait paused (with
    time left) until it reopens.
    """
    factory = MessageFactory(pack, rng, prefix="seed")
    must = list(MUST_SHOW)
    out: list[InboundMessage] = []
    for account in pack.accounts:
        hours = pack.hours_for(account.id)
        if hours.is_open(start):
            for phase, (low, high) in PHASE_OFFSETS.items():
                for _ in range(2 if phase == "on_time" else 1):
                    category = must.pop(0) if must else factory.random_category()
                    minutes = rng.uniform(low, high)
                    out.append(factory.make(account, category, start - timedelta(minutes=minutes)))
        else:
            last_close = _last_close(hours, start)
            if last_close is not None:
                out += [factory.make(account, factory.random_category(),
                                     last_close - timedelta(minutes=rng.uniform(5, 40)))
                        for _ in range(3)]
    return out


def _last_close(hours, start: datetime) -> datetime | None:  # noqa: ANN001 - OpeningHours
    """The latest closing instant before `start` (searching back up to a fortnight)."""
    probe = start - timedelta(days=14)
    last = None
    while probe < start:
        probe = hours.next_open(probe)
        if probe >= start:
            break
        close = hours.next_close(probe)
        if close is None or close > start:
            break
        last, probe = close, close
    return last


class DemoFeed:
    """A simulated connector: a new message every few seconds on a random account."""

    def __init__(self, pack: PolicyPack, clock: Clock, submit: Submit, *, seed: int | None = None,
                 every: tuple[float, float] = (3.0, 8.0)) -> None:
        self.pack = pack
        self.clock = clock
        self.submit = submit
        self.every = every
        self.rng = random.Random(seed)
        stamp = clock.now().strftime("%Y%m%d%H%M%S")
        self.factory = MessageFactory(pack, self.rng, prefix=f"live{stamp}")
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="demo-feed")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    def next_message(self) -> InboundMessage:
        account = self.rng.choice(self.pack.accounts)
        return self.factory.make(account, self.factory.random_category(), self.clock.now())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.rng.uniform(*self.every))
            await self.submit(self.next_message())
