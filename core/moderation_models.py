"""What the moderation ladder keeps: strikes against posters, each author's standing, and the
moderation log. Pure data; the rules that make them are in `core.moderation`.

An author is a platform account (platform + the platform's id for it): the same poster on two
of the council's accounts is one author, so a strike on one counts on the other.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from core.models import Action, AwareDatetime, Notification, OutboxItem, Platform


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class AuthorKey(NamedTuple):
    """One poster across all the council's accounts."""

    platform: Platform
    author_id: str
    """The platform's own, stable id for the poster's account."""


class LadderStep(StrEnum):
    """What a strike did on the ladder."""

    WARNING = "warning"
    """A warning that is not the last (warning 1 of two)."""
    FINAL_WARNING = "final_warning"
    """The last warning before a block is requested."""
    BLOCK_REQUEST = "block_request"
    """Past the pack's warnings: a block was requested of the blocking role."""
    NONE = "none"
    """The author is already blocked, or a block already requested: recorded, nothing sent."""


class AuthorState(StrEnum):
    CLEAR = "clear"
    BLOCK_REQUESTED = "block_requested"
    BLOCKED = "blocked"


class Strike(_Frozen):
    """One message marked inappropriate: a strike against its author."""

    id: int | None = None
    platform: Platform
    """The author's platform."""
    author_platform_id: str
    """The author's platform id."""
    message_id: int
    """The message marked (one strike per message, however many officers mark it)."""
    account: str
    """The council account the message was posted to."""
    category: str
    """One of the pack's `moderation.categories`."""
    at: AwareDatetime
    """When it was marked."""
    by: str
    """The officer who marked it."""
    number: int
    """Its place on the ladder when made (1: first strike counting)."""
    step: LadderStep
    """What it did on the ladder."""


class AuthorStatus(_Frozen):
    """An author's standing as last changed by a block request, block, unblock or decline."""

    platform: Platform
    author_platform_id: str
    handle: str
    """The author's handle when last seen by the ladder (untrusted, shown literally)."""
    state: AuthorState
    since: AwareDatetime
    """When the state began."""
    by: str
    """Who changed it (an officer id)."""
    reason: str = ""
    """The reason given (blocks, unblocks and declines need one)."""
    cleared_at: AwareDatetime | None = None
    """Strikes at or before this instant no longer count: set when a block is lifted or a
    request declined, so the ladder starts again."""


class AuthorRecord(_Frozen):
    """Everything the ladder knows of one author (read in the same transaction it writes in)."""

    platform: Platform
    author_platform_id: str
    handle: str = ""
    """The latest handle seen (untrusted)."""
    strikes: tuple[Strike, ...] = ()
    """Every strike, oldest first (expired and cleared ones too: the history keeps them)."""
    status: AuthorStatus | None = None
    """None: never requested, blocked or cleared."""

    @property
    def key(self) -> AuthorKey:
        return AuthorKey(self.platform, self.author_platform_id)

    @property
    def state(self) -> AuthorState:
        return self.status.state if self.status is not None else AuthorState.CLEAR


class ModerationEntry(_Frozen):
    """One line of the moderation log the policies ask for (Lewes & Eastbourne 8.2: "a log of
    the inappropriate content and how it has been dealt with")."""

    id: int | None = None
    at: AwareDatetime
    actor: str
    """The officer's id."""
    action: str
    """marked, block_requested, blocked, unblocked, request_declined."""
    platform: Platform
    author_platform_id: str
    author_handle: str
    """The handle when logged (untrusted)."""
    message_id: int | None = None
    account: str | None = None
    category: str = ""
    content: str = ""
    """The message text exactly as it was when marked: a copy, kept whatever happens to the
    message later (untrusted)."""
    outcome: str
    """What was done, in words: the warning sent, the content referred or removed."""
    reason: str = ""
    """The officer's reason (blocks, unblocks, requests)."""


class Standing(NamedTuple):
    """What the desk shows of an author: their state and the warnings that count now."""

    state: AuthorState
    warnings: int
    """Warnings sent that still count (0 once cleared or expired)."""
    strikes: int
    """Strikes that still count."""

    @property
    def badge(self) -> str:
        """W1, W2, BLOCK REQUESTED, BLOCKED, or '' for none."""
        if self.state is AuthorState.BLOCKED:
            return "BLOCKED"
        if self.state is AuthorState.BLOCK_REQUESTED:
            return "BLOCK REQUESTED"
        return f"W{self.warnings}" if self.warnings else ""


class StrikeDecision(_Frozen):
    """Everything one marking writes, in one transaction."""

    strike: Strike
    entry: ModerationEntry
    status: AuthorStatus | None = None
    """The author's new status, or None when it does not change."""
    actions: tuple[Action, ...] = ()
    outbox: tuple[OutboxItem, ...] = ()
    notifications: tuple[Notification, ...] = ()


class AuthorChange(_Frozen):
    """A block request, block, unblock or decline: the new status and what it logs."""

    status: AuthorStatus
    entry: ModerationEntry
    actions: tuple[Action, ...] = ()
    notifications: tuple[Notification, ...] = ()


class StrikeResult(NamedTuple):
    """What `Store.strike` did: the strike that stands for the message, and whether this call
    made it (False: another officer had marked the message first; nothing was written)."""

    strike: Strike
    made: bool
    decision: StrikeDecision | None

