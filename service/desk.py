"""One officer's session at the desk: what the dashboard calls to read the queue and act.

Every action checks the officer's rights in `core.permissions` before it touches the store, and
lands in the action log with the officer's id in the same transaction as the change itself. The
screen may hide what a role cannot do, but the refusal is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from core.clock import Clock
from core.handling import (
    CloseReason,
    HandlingError,
    OpeningStatus,
    draft_reply,
    expectations,
    opening_status,
    sign,
    suggested_template,
)
from core.emergency import EMERGENCY_LABEL, Incident, incident_countdown
from core.lane import lane_lines, private_message_warning
from core.models import Action, Message, MessageKind, MessageState, OutboxItem
from core.permissions import (
    authorised_officer,
    can,
    read_refusal,
    require,
    require_read,
    require_take_over,
    take_over_refusal,
)
from core.policy import Officer, Permission, PolicyPack, Role
from core.replies import LengthCheck, check_length
from core.sla import Countdown, countdown
from core.statutory import (
    StatutoryClock,
    StatutoryDeadline,
    most_pressing,
    statutory_clock,
    statutory_deadlines,
)
from service.moderation import ModerationDesk
from storage.drafts_base import Draft
from storage.base import (
    AccountCounts,
    ClaimConflictError,
    QueueQuery,
    StateChange,
    StateConflictError,
    Store,
)
from storage.outbox import OutboxCounts

#: States from which a message can still be claimed, answered, closed or referred.
_OPEN_STATES = frozenset({MessageState.NEW, MessageState.CLAIMED, MessageState.REFERRED})

#: How long an answered or closed message stays in the queue (greyed, after the waiting ones),
#: so the officer sees it leave rather than vanish.
RECENTLY_HANDLED = timedelta(minutes=30)
#: At most this many recently handled rows are shown.
HANDLED_ROWS = 50
#: Messages whose statutory deadlines a session remembers (a few screens' worth of rows).
STATUTORY_CACHE = 4096


#: How a refusal names what already happened to a message ("closed" is an account's word).
_DONE_WORDS = {MessageState.RESPONDED: "answered", MessageState.CLOSED: "set aside without a reply"}


class DeskError(Exception):
    """An action that did not happen, with the reason to show the officer (e.g. "claimed by
    Sam Patel"). Nothing was changed."""


class DeskSession:
    """The acting officer's view of one store under one policy pack."""

    def __init__(self, store: Store, pack: PolicyPack, clock: Clock, officer_id: str) -> None:
        """Refuses (core.permissions.UnknownOfficerError / NotAuthorisedError) anyone not on
        the pack's register, untrained, or whose access has ended."""
        self.store = store
        self.pack = pack
        self.clock = clock
        self.officer: Officer = authorised_officer(pack, officer_id, clock.now())
        self.role: Role = pack.role(self.officer.role)
        self.incident: Incident | None = None
        """The declared emergency as last read (`service.emergency.CrisisDesk.refresh` sets it):
        incident-related messages' clocks run on its extended hours."""
        self.emergency_active = False
        """An emergency is declared (set with `incident` by service.emergency): emergency_related
        messages rise into the lane (a declared `incident` raises them anyway)."""
        self._statutory: dict[tuple, tuple[StatutoryDeadline, ...]] = {}
        self.moderation = ModerationDesk(self)
        """The two-warning ladder: marking, block requests, blocks (service.moderation)."""

    # -- reading ---------------------------------------------------------------------------
    @property
    def visible_accounts(self) -> tuple[str, ...]:
        """The accounts this officer may read (`core.permissions.read_refusal`), in the pack's
        order."""
        return tuple(a.id for a in self.pack.accounts
                     if read_refusal(self.pack, self.officer, a.id, MessageKind.COMMENT) is None)

    def may(self, permission: Permission, account: str | None = None) -> bool:
        """Whether the officer may do `permission` (for showing or hiding a key)."""
        return can(self.pack, self.officer, permission, account)

    async def queue(self, search: str | None = None, accounts: Sequence[str] | None = None,
                    limit: int = 200) -> list[Message]:
        """Waiting messages on the officer's accounts, soonest due first (at most `limit`),
        then those answered or closed in the last RECENTLY_HANDLED, most recent first.
        Direct messages are left out for a role that may not see them."""
        chosen = tuple(a for a in (accounts or self.visible_accounts) if a in self.visible_accounts)
        base = QueueQuery(accounts=chosen, search=search or None, limit=limit,
                          exclude_kinds=self._hidden_kinds(),
                          emergency_active=self.emergency_active or self.incident is not None)
        waiting = await self.store.queue(base)
        since = self.clock.now() - RECENTLY_HANDLED
        handled = await self.store.queue(base.model_copy(update={"handled_since": since,
                                                                 "limit": HANDLED_ROWS}))
        await self.moderation.refresh_for(waiting + handled)  # the rows' author badges
        return waiting + handled

    async def store_is_empty(self) -> bool:
        """Whether the store has never held a message (so the desk says how to bring some in)."""
        return await self.store.max_revision() == 0

    def _hidden_kinds(self) -> tuple[MessageKind, ...]:
        """Kinds the officer may read on none of their accounts (`read_refusal`)."""
        return tuple(kind for kind in MessageKind if all(
            read_refusal(self.pack, self.officer, a, kind) is not None for a in self.visible_accounts))

    async def counts(self) -> dict[str, AccountCounts]:
        """Waiting, warning and breached counts for each of the officer's accounts."""
        counts = await self.store.account_counts(self.clock.now())
        return {a: counts.get(a, AccountCounts(account=a)) for a in self.visible_accounts}

    async def outbox_counts(self) -> dict[str, OutboxCounts]:
        """Unsent outbox items of the officer's accounts, by delivery state (see service.delivery)."""
        counts = await self.store.outbox_counts()
        return {a: c for a, c in counts.items() if a in self.visible_accounts}

    def countdown(self, message: Message, now: datetime) -> Countdown:
        if self.incident is not None and EMERGENCY_LABEL in message.labels:
            return incident_countdown(message, self.pack, self.incident, now)
        return countdown(message, self.pack.hours_for(message.account), now)

    # -- the lane and the statutory clocks (core.lane, core.statutory) ---------------------------
    def statutory(self, message: Message) -> tuple[StatutoryDeadline, ...]:
        """The message's statutory deadlines (FOI, SAR, complaint stages), soonest first.
        Remembered per message: rows ask on every paint, and they never change."""
        key = (message.id, message.received_at, message.labels, message.account)
        found = self._statutory.get(key)
        if found is None:
            if len(self._statutory) >= STATUTORY_CACHE:
                self._statutory.clear()
            found = self._statutory[key] = statutory_deadlines(
                message.labels, message.received_at, self.pack.hours_for(message.account),
                self.pack.statutory)
        return found

    def statutory_clocks(self, message: Message, now: datetime) -> list[StatutoryClock]:
        """Where each statutory deadline stands at `now` (read on the account's calendar)."""
        today = now.astimezone(self.pack.hours_for(message.account).zone).date()
        return [statutory_clock(d, today, self.pack.statutory) for d in self.statutory(message)]

    def row_statutory(self, message: Message, now: datetime) -> StatutoryClock | None:
        """The statutory clock a row shows: the most pressing one (core.statutory), or None."""
        today = now.astimezone(self.pack.hours_for(message.account).zone).date()
        return most_pressing(self.statutory(message), today, self.pack.statutory)

    def lane_lines(self, message: Message, now: datetime) -> list[str]:
        """The lane's lines for the detail pane: 999, the safeguarding contact, out of hours."""
        return lane_lines(message, self.pack, self.is_open(message.account, now))

    def reply_warning(self, message: Message) -> str | None:
        """The warning shown before replying by direct message to someone who may be a child
        or vulnerable adult (core.lane), or None."""
        return private_message_warning(message, self.pack)

    def opening(self, account: str, now: datetime) -> OpeningStatus:
        """Whether `account` is open at `now`, and until or from when (the header's line)."""
        return opening_status(self.pack.hours_for(account), now)

    def is_open(self, account: str, now: datetime) -> bool:
        """Whether `account` is open for engagement at `now` (cheaper than `opening`)."""
        return self.pack.hours_for(account).is_open(now)

    def expectations(self, message: Message, now: datetime) -> list[str]:
        return expectations(message, self.pack, now)

    def draft(self, message: Message, template_id: str | None = None) -> str:
        """A reply body to start from: the given template, or the one the labels suggest."""
        return draft_reply(self.pack, self.officer, template_id or self.suggested_template(message))

    def suggested_template(self, message: Message) -> str:
        """The id of the pack's template the labels of `message` suggest."""
        return suggested_template(message, {t.id for t in self.pack.templates})

    def signed(self, text: str) -> str:
        """`text` as it will be sent: signed with the officer's name."""
        return sign(text, self.pack, self.officer)

    async def history(self, message_id: int) -> list[Action]:
        """The message's action log, if the officer may read the message (the queue's check:
        NotAuthorisedError otherwise, for a DM they may not see or an account not theirs)."""
        await self.message(message_id)
        return await self.store.actions(message_id=message_id)

    async def message(self, message_id: int) -> Message:
        """The message, if the officer may read it (`core.permissions.require_read`)."""
        message = await self.store.get_message(message_id)
        require_read(self.pack, self.officer, message.account, message.kind)
        return message

    # -- acting -----------------------------------------------------------------------------
    async def _message_for(self, message_id: int, permission: Permission) -> Message:
        """The message, if the officer may do `permission` on its account and may see it
        (Leighton-Linslade 12.1: access to direct messages is restricted)."""
        message = await self.message(message_id)
        require(self.pack, self.officer, permission, message.account)
        return message

    async def claim(self, message_id: int) -> Message:
        """Take the message. Another officer's claim wins: DeskError("claimed by NAME")."""
        message = await self._message_for(message_id, Permission.CLAIM)
        now = self.clock.now()
        change = StateChange(message_id=message_id, to_state=MessageState.CLAIMED, by=self.officer.id,
                             at=now, expect_from=_OPEN_STATES, claim=True)
        return await self._apply(change, self._action(now, "claim", message))

    async def reply(self, message_id: int, text: str) -> Message:
        """Send a signed reply: it goes to the outbox, the message is answered, its clock stops,
        and the officer's draft to it is dropped. A reply longer than its network takes
        (core.replies) is refused before anything is written."""
        message = await self._message_for(message_id, Permission.REPLY)
        body = text.strip()
        if not body:
            raise HandlingError("a reply cannot be empty")
        now = self.clock.now()
        signed = self.signed(body)
        length = self.reply_length(message, body)
        if length.over:
            raise HandlingError(f"too long: {length.describe()}")
        change = StateChange(message_id=message_id, to_state=MessageState.RESPONDED, by=self.officer.id,
                             at=now, expect_from=_OPEN_STATES, claim=True, respond=True)
        outbox = OutboxItem(created_at=now, account=message.account, kind="reply", text=signed,
                            in_reply_to=message_id, created_by=self.officer.id)
        action = self._action(now, "reply", message, text=signed)
        sent = await self._apply(change, action, outbox=(outbox,))
        await self.store.drop_draft(message_id, self.officer.id)
        return sent

    def reply_length(self, message: Message, body: str) -> LengthCheck:
        """`body`, signed as it will be sent, against the limit of `message`'s network."""
        return check_length(self.signed(body.strip()), message.platform, message.kind)

    async def take_over(self, message_id: int) -> Message:
        """Take a message a colleague has claimed (core.permissions.take_over_refusal says
        who may). The colleague's name is kept in the action log."""
        message = await self._message_for(message_id, Permission.CLAIM)
        require_take_over(self.pack, self.officer, message.account)
        holder = message.claimed_by
        if holder is None or holder == self.officer.id:
            return await self.claim(message_id)
        now = self.clock.now()
        change = StateChange(message_id=message_id, to_state=MessageState.CLAIMED, by=self.officer.id,
                             at=now, expect_from=_OPEN_STATES, claim=True, take_over_from=holder)
        return await self._apply(change, self._action(now, "take_over", message, **{"from": holder}))

    def may_take_over(self, message: Message) -> bool:
        """Whether the officer may take `message` from the colleague holding it."""
        return take_over_refusal(self.pack, self.officer, message.account) is None

    # -- drafts -----------------------------------------------------------------------------
    async def saved_draft(self, message_id: int) -> str | None:
        """The officer's unsent reply to the message, kept in the store (None if none)."""
        await self.message(message_id)  # the queue's read check, as for every read
        draft = await self.store.draft(message_id, self.officer.id)
        return None if draft is None else draft.text

    async def keep_draft(self, message_id: int, text: str) -> None:
        """Keep the officer's unsent reply in the store (it survives a restart); an empty
        text drops it."""
        await self.message(message_id)
        if not text.strip():
            await self.store.drop_draft(message_id, self.officer.id)
            return
        await self.store.save_draft(Draft(message_id=message_id, officer=self.officer.id,
                                          text=text, saved_at=self.clock.now()))

    async def drop_draft(self, message_id: int) -> None:
        """Forget the officer's unsent reply to the message."""
        await self.store.drop_draft(message_id, self.officer.id)

    async def close(self, message_id: int, reason: CloseReason) -> Message:
        """Close without a reply, for a stated reason."""
        message = await self._message_for(message_id, Permission.CLOSE)
        now = self.clock.now()
        change = StateChange(message_id=message_id, to_state=MessageState.CLOSED, by=self.officer.id,
                             at=now, expect_from=_OPEN_STATES, claim=True)
        action = self._action(now, "close", message, reason=reason.value, reason_text=reason.label)
        return await self._apply(change, action)

    async def refer(self, message_id: int, to: str, note: str) -> Message:
        """Refer to a team or manager with a note. A referral is not a response: the
        first-response clock keeps running as the policy says."""
        message = await self._message_for(message_id, Permission.REFER)
        if not to.strip():
            raise HandlingError("say who the message is referred to")
        now = self.clock.now()
        change = StateChange(message_id=message_id, to_state=MessageState.REFERRED, by=self.officer.id,
                             at=now, expect_from=_OPEN_STATES, claim=True)
        action = self._action(now, "refer", message, to=to.strip(), note=note.strip())
        return await self._apply(change, action)

    # -- helpers --------------------------------------------------------------------------------
    def _action(self, now: datetime, verb: str, message: Message, **detail: str) -> Action:
        return Action(at=now, actor=self.officer.id, verb=verb, message_id=message.id,
                      account=message.account, detail=detail)

    async def _apply(self, change: StateChange, action: Action,
                     outbox: Sequence[OutboxItem] = ()) -> Message:
        try:
            return await self.store.change_state(change, actions=(action,), outbox=outbox)
        except ClaimConflictError as exc:
            raise DeskError(f"claimed by {self.officer_name(exc.holder)}") from None
        except StateConflictError:
            current = await self.store.get_message(change.message_id)
            who = self.officer_name(current.state_by) if current.state_by else "someone"
            raise DeskError(f"already {_DONE_WORDS.get(current.state, current.state.value)} "
                            f"by {who}") from None

    def officer_name(self, officer_id: str) -> str:
        """The register's name for an officer id (the id itself if not on the register)."""
        officer = self.pack.officer(officer_id)
        return officer.name if officer else officer_id
