"""New messages on their way into a store: the `NewMessage` model, the plain `MessageRow`
every store takes, and the integer-microsecond times rows use.

Times in rows are integer microseconds since the Unix epoch, UTC (`to_micros` /
`from_micros`): exact to the microsecond, and ordered as integers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from core.clock import require_aware
from core.models import InboundMessage


class NewMessage(BaseModel):
    """An inbound message with what intake worked out for it, ready to be stored."""

    model_config = ConfigDict(frozen=True)

    inbound: InboundMessage
    ingested_at: datetime
    due_at: datetime | None
    warning_1_at: datetime | None
    warning_2_at: datetime | None
    labels: tuple[str, ...] = ()
    """Labels after triage (intake labels plus those core added)."""


class MessageRow(NamedTuple):
    """A new message as plain values, ready to store: what `Store.add_rows` takes.

    Bulk intake builds these straight from validated JSON (no models on the way);
    `message_row` makes one from a `NewMessage`. Times are integer microseconds since the
    Unix epoch, UTC (`to_micros`); `labels` are intake's then triage's, each once.
    """

    platform: str
    platform_id: str
    account: str
    kind: str
    author_platform_id: str
    author_handle: str
    author_display_name: str
    text: str
    received_at: int
    ingested_at: int
    thread_id: str | None
    url: str | None
    due_at: int | None
    warning_1_at: int | None
    warning_2_at: int | None
    labels: tuple[str, ...]


class PreparedRows(NamedTuple):
    """Rows a `RowWriter` has checked and laid out for its store (`RowWriter.prepare`): all
    that adding them takes short of the store's write lock, done before the lock is wanted."""

    rows: Sequence[MessageRow]
    layout: Any
    """How the writer will put them in; only the writer that made it reads it."""


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def to_micros(value: datetime, name: str) -> int:
    """`value` as integer microseconds since the epoch; NaiveDatetimeError naming `name`."""
    try:
        return (value - EPOCH) // MICROSECOND  # aware minus aware: any offset works
    except TypeError:
        require_aware(value, name)  # a naive datetime: say so, naming the field
        raise


def micros_or_none(value: datetime | None, name: str) -> int | None:
    return None if value is None else to_micros(value, name)


def from_micros(value: int | None) -> datetime | None:
    """A stored time as an aware UTC datetime (None stays None)."""
    return None if value is None else EPOCH + timedelta(0, 0, value)


def message_row(new: NewMessage) -> MessageRow:
    """`new` as a MessageRow; NaiveDatetimeError naming the first time without a timezone."""
    m, author = new.inbound, new.inbound.author
    return MessageRow(
        m.platform.value, m.platform_id, m.account, m.kind.value, author.platform_id,
        author.handle, author.display_name, m.text, to_micros(m.received_at, "received_at"),
        to_micros(new.ingested_at, "ingested_at"), m.thread_id, m.url,
        micros_or_none(new.due_at, "due_at"), micros_or_none(new.warning_1_at, "warning_1_at"),
        micros_or_none(new.warning_2_at, "warning_2_at"), merged_labels(new))


class InsertResult(NamedTuple):
    """What storing one message did (a plain tuple: an import makes one per message)."""

    message_id: int
    inserted: bool
    """False when (platform, platform_id) was already stored: nothing was written."""


def merged_labels(new: NewMessage) -> tuple[str, ...]:
    """Intake's labels then triage's, each once, in order (so none is lost if a caller passed
    only the triage ones)."""
    return tuple(dict.fromkeys((*new.inbound.labels, *new.labels)))


def unstorable_text(row: MessageRow) -> str | None:
    """Where `row` holds text that cannot be stored (a lone surrogate is not UTF-8), or None."""
    fields = (("platform_id", row.platform_id), ("account", row.account),
              ("author.platform_id", row.author_platform_id),
              ("text", row.text), ("author.handle", row.author_handle),
              ("author.display_name", row.author_display_name), ("thread_id", row.thread_id or ""),
              ("url", row.url or ""), *(("labels", label) for label in row.labels))
    for name, value in fields:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{row.platform} message {row.platform_id!r}, field {name}"
    return None
