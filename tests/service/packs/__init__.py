"""Policy packs for the engine tests, and messages to feed them.

`always-open.toml`: one account open around the clock (real-time tests never meet a closing).
`office-hours.toml`: two accounts on Mon-Fri office hours in Europe/London, no bank holidays.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.models import Author, InboundMessage, MessageKind, Platform
from core.pack_files import load_pack
from core.policy import PolicyPack
from core.sla import deadlines
from storage.rows import NewMessage

PACKS = Path(__file__).parent
ALWAYS_OPEN = PACKS / "always-open.toml"
OFFICE_HOURS = PACKS / "office-hours.toml"

MONDAY_9 = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
"""Monday 12 January 2026, 09:00 in London (GMT, so the same in UTC): both office accounts open."""


def pack(path: Path) -> PolicyPack:
    return load_pack(path)


def inbound(platform_id: str, account: str, received: datetime, *, platform: Platform = Platform.X,
            handle: str = "resident", text: str = "When is the green bin collected on my road this week?",
            ) -> InboundMessage:
    return InboundMessage(
        platform=platform, platform_id=platform_id, account=account, kind=MessageKind.MENTION,
        author=Author(platform_id=f"u-{platform_id}", handle=handle, display_name="A Resident"),
        text=text, received_at=received)


def by_policy(policy: PolicyPack, platform_id: str, account: str, received: datetime,
              **kwargs: object) -> NewMessage:
    """A message whose due and warning times the pack's first-response target sets."""
    times = deadlines(received, policy.hours_for(account), policy.first_response)
    return NewMessage(inbound=inbound(platform_id, account, received, **kwargs),  # type: ignore[arg-type]
                      ingested_at=received, due_at=times.due_at,
                      warning_1_at=times.warning_1_at, warning_2_at=times.warning_2_at)


def with_times(platform_id: str, account: str, received: datetime, warning_1: timedelta,
               warning_2: timedelta, due: timedelta) -> NewMessage:
    """A message whose warnings and due time fall the given spans after `received` (seconds,
    for real-time tests; the pack's target is in minutes)."""
    return NewMessage(inbound=inbound(platform_id, account, received), ingested_at=received,
                      due_at=received + due, warning_1_at=received + warning_1,
                      warning_2_at=received + warning_2)
