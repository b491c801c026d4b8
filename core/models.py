"""The messages, actions and notices dutydesk keeps, as pydantic models.

Text that comes from the public (bodies, names, handles) is held exactly as received; showing it
safely is the screen's job, storing it safely the store's (bound parameters only).
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from core.clock import require_aware

#: The longest message body intake accepts, in characters. Platforms allow far less
#: (X 280, Facebook 63,206); this bounds what a hostile or broken feed can make us store.
MAX_TEXT_CHARS = 100_000


def _aware(value: datetime) -> datetime:
    return require_aware(value, "time")


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]

_NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")


def date_time_text(value: Any) -> Any:
    """Refuse a number (or a number written as text) where the schema says `date-time`:
    pydantic would otherwise read it as seconds since 1970. Anything else goes on to the
    datetime validator, which gives its own reason."""
    if isinstance(value, int | float) and not isinstance(value, bool) or (
            isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("expected a date and time as text (RFC 3339, e.g. "
                         "2026-03-02T10:00:00+00:00), not a number")
    return value


DateTimeText = Annotated[AwareDatetime, BeforeValidator(date_time_text)]
"""A timezone-aware date-time from outside, as the inbound schema says: text, never a number."""


class Platform(StrEnum):
    """The social networks English councils run public accounts on."""

    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    MASTODON = "mastodon"
    LINKEDIN = "linkedin"


class MessageKind(StrEnum):
    """How the message reached the account."""

    COMMENT = "comment"
    MENTION = "mention"
    DIRECT_MESSAGE = "dm"
    REPLY = "reply"


class MessageState(StrEnum):
    """Where a message is in its handling. Only NEW and CLAIMED are still waiting for a reply."""

    NEW = "new"
    CLAIMED = "claimed"
    RESPONDED = "responded"
    REFERRED = "referred"
    CLOSED = "closed"

    @property
    def awaiting_response(self) -> bool:
        """True while the first-response clock is still running for this message."""
        return self in (MessageState.NEW, MessageState.CLAIMED, MessageState.REFERRED)


class Author(BaseModel):
    """Who posted a message, as the platform names them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform_id: str = Field(min_length=1, max_length=200)
    """The platform's own, stable id for the account."""
    handle: str = Field(max_length=200)
    """The @handle or username, as shown on the platform."""
    display_name: str = Field(default="", max_length=500)
    """The free-text display name the author chose (untrusted, shown literally)."""


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL byte")
    return value


class InboundMessage(BaseModel):
    """One message as a connector or an import file hands it to dutydesk.

    This model is the inbound format: `dutydesk schema inbound` prints its JSON Schema.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: Platform
    """The network the message came from."""
    platform_id: str = Field(min_length=1, max_length=200)
    """The platform's own id of the message; with `platform`, unique: a repeat is stored once."""
    account: str = Field(min_length=1, max_length=100)
    """The id of the council account (from the policy pack) the message was sent to."""
    kind: MessageKind
    """Comment, mention, direct message or reply."""
    author: Author
    """Who sent it."""
    text: Annotated[str, AfterValidator(_no_nul)] = Field(max_length=MAX_TEXT_CHARS)
    """The body exactly as posted (untrusted)."""
    received_at: DateTimeText
    """When the platform says it was posted: an RFC 3339 date-time with its offset (not a number)."""
    thread_id: str | None = Field(default=None, max_length=200)
    """The platform's id of the conversation or post this belongs to, if any."""
    url: str | None = Field(default=None, max_length=2000)
    """A link to the message on the platform, if known."""
    labels: tuple[str, ...] = ()
    """Labels already known at intake (triage may add more)."""

    @field_validator("author", mode="before")
    @classmethod
    def _author_no_nul(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in ("handle", "display_name", "platform_id"):
                if isinstance(value.get(key), str) and "\x00" in value[key]:
                    raise ValueError(f"author.{key} contains a NUL byte")
        return value


class Message(InboundMessage):
    """A stored message: what came in, plus what dutydesk knows and has done about it."""

    id: int
    """The store's own id."""
    ingested_at: AwareDatetime
    """When dutydesk committed it."""
    due_at: AwareDatetime | None
    """The first-response due instant, from the account's hours and target; None if no target."""
    warning_1_at: AwareDatetime | None = None
    """When the policy's first pre-breach warning falls."""
    warning_2_at: AwareDatetime | None = None
    """When the second pre-breach warning falls."""
    state: MessageState = MessageState.NEW
    """Where it is in its handling."""
    state_by: str | None = None
    """The officer who last changed the state."""
    state_at: AwareDatetime | None = None
    """When the state last changed."""
    claimed_by: str | None = None
    """The officer who holds it, if claimed."""
    responded_at: AwareDatetime | None = None
    """When the first response was sent; stops the first-response clock."""
    warnings_fired: int = 0
    """How many of the policy's pre-breach warnings have fired (0, 1 or 2)."""
    breach_fired: bool = False
    """Whether the breach notice has fired."""
    revision: int = 0
    """Bumped on every change; dashboards fetch rows with a revision above what they hold."""


class Action(BaseModel):
    """One line of the append-only action log: who did what, when, to what."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = None
    at: AwareDatetime
    actor: str
    """The officer's id, or `engine` / `intake` for the system."""
    verb: str
    """What was done: claim, reply, close, refer, warning, breach, opened, closed, ..."""
    message_id: int | None = None
    account: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class NotificationLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Notification(BaseModel):
    """A notice for the dashboards: a warning, a breach, an escalation, an opening change."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = None
    at: AwareDatetime
    level: NotificationLevel
    kind: str
    """warning_1, warning_2, breach, opened, closed, ..."""
    title: str
    body: str = ""
    role: str | None = None
    """The role this is escalated to, if any; dashboards of officers in that role ring the bell."""
    message_id: int | None = None
    account: str | None = None


class OutboxItem(BaseModel):
    """A reply or notice waiting for a connector to post it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = None
    created_at: AwareDatetime
    account: str
    kind: str
    """reply, out_of_hours, crisis_update, ..."""
    text: str
    in_reply_to: int | None = None
    """The message id this answers, if any."""
    created_by: str
    sent_at: AwareDatetime | None = None
    """When a connector accepted it (set once: the first time stands)."""
    held: bool = False
    """Never handed to a connector while True (the emergency freeze, a review); a person
    releases it. The delivery worker checks this in the same transaction that starts an attempt."""
    hold_reason: str | None = None
    """Why it is held, in words for the desk (e.g. "emergency freeze")."""
    attempts: int = 0
    """Delivery attempts started (each recorded before the connector is called)."""
    next_attempt_at: AwareDatetime | None = None
    """Not tried again before this instant (the backoff); None: as soon as the worker runs."""
    last_error: str | None = None
    """What the connector said the last time it failed (plain text, no secrets)."""
    failed_at: AwareDatetime | None = None
    """Set when delivery gave up (a permanent refusal, or every retry used): it then waits
    for a person to retry it. Never dropped."""
    no_connector: bool = False
    """The engine found no connector configured for the account: queued, not being sent."""
