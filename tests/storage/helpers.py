"""Builders for store tests: messages with a frozen clock, no real time anywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.models import (
    Action,
    Author,
    InboundMessage,
    MessageKind,
    Notification,
    NotificationLevel,
    OutboxItem,
    Platform,
)
from storage.rows import NewMessage

T0 = datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
"""A Monday morning: the frozen 'now' every store test starts from."""


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def new_message(platform_id: str, *, account: str = "main", platform: Platform = Platform.X,
                received: datetime = T0, due_in: float | None = 60, text: str = "hello",
                handle: str = "resident", display_name: str = "A Resident",
                labels: tuple[str, ...] = (), intake_labels: tuple[str, ...] = (),
                warnings_left: tuple[float, float] = (30, 10)) -> NewMessage:
    """A message received at `received`, due `due_in` minutes later (None: no target), with
    warnings `warnings_left` minutes before the due time."""
    inbound = InboundMessage(
        platform=platform, platform_id=platform_id, account=account, kind=MessageKind.MENTION,
        author=Author(platform_id=f"u-{platform_id}", handle=handle, display_name=display_name),
        text=text, received_at=received, labels=intake_labels,
        thread_id="t-1", url=f"https://example.test/{platform_id}")
    due = None if due_in is None else received + minutes(due_in)
    return NewMessage(
        inbound=inbound, ingested_at=received + timedelta(seconds=1), due_at=due,
        warning_1_at=None if due is None else due - minutes(warnings_left[0]),
        warning_2_at=None if due is None else due - minutes(warnings_left[1]),
        labels=labels)


def action(verb: str, message_id: int | None = None, at: datetime = T0, **detail) -> Action:
    return Action(at=at, actor="officer-a", verb=verb, message_id=message_id, account="main",
                  detail=detail)


def notification(kind: str, message_id: int | None = None, at: datetime = T0) -> Notification:
    return Notification(at=at, level=NotificationLevel.WARNING, kind=kind, title=f"{kind} due",
                        message_id=message_id, account="main")


def outbox_item(text: str, in_reply_to: int | None = None, at: datetime = T0) -> OutboxItem:
    return OutboxItem(created_at=at, account="main", kind="reply", text=text,
                      in_reply_to=in_reply_to, created_by="officer-a")
