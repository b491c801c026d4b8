"""The ladder of warnings to posters, as each council's policy sets it: pure rules, `now` given.

Marking a message inappropriate (with one of the pack's categories) is a strike against its
author, across all the council's accounts. Strike 1 sends warning 1, the strike that reaches
the pack's `warnings_before_block` sends the final warning, and any strike past it requests a
block of the blocking role (an escalation to that role). Only the roles in
`moderation.block_roles` block, unblock or decline a request, always with a reason; anyone
else is refused here, whatever called, with the policy's words on who blocks.

What happens to the content follows the pack: `removal = "refer"` never removes (Lewes &
Eastbourne App 1 5.1), `removal = "remove"` removes it when the officer's role may, and the
private message says why (Buckinghamshire 3); otherwise the content is referred to
`report_to`. `report_at_once` makes every report an escalation that rings (Lincolnshire
MODERATION: "immediately").

Warnings stop counting after `warnings_expire_days` (never, by default), and once a block is
lifted or a request declined.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.clock import require_aware
from core.handling import HandlingError, sign
from core.models import Action, Message, MessageKind, Notification, NotificationLevel, OutboxItem
from core.moderation_models import (
    AuthorChange,
    AuthorRecord,
    AuthorState,
    AuthorStatus,
    LadderStep,
    ModerationEntry,
    Standing,
    Strike,
    StrikeDecision,
)
from core.permissions import NotAuthorisedError, read_refusal, refusal, require
from core.policy import Officer, Permission, PolicyPack, Removal

#: Outbox kinds the ladder queues: a private message to the author, and a removal.
PRIVATE_WARNING = "private_warning"
REMOVE_CONTENT = "remove_content"


class ModerationError(HandlingError):
    """The ladder cannot do this as things stand (said in plain words); nothing changed."""


# -- standing ---------------------------------------------------------------------------------

def counting_strikes(pack: PolicyPack, record: AuthorRecord, now: datetime) -> tuple[Strike, ...]:
    """The strikes that still count at `now`: after the last clearing, and not expired."""
    now = require_aware(now, "now")
    cleared = record.status.cleared_at if record.status is not None else None
    days = pack.moderation.warnings_expire_days
    oldest = now - timedelta(days=days) if days is not None else None
    return tuple(s for s in record.strikes
                 if (cleared is None or s.at > cleared) and (oldest is None or s.at > oldest))


def standing(pack: PolicyPack, record: AuthorRecord, now: datetime) -> Standing:
    """The author's state and the warnings that count at `now` (for the badge)."""
    counting = counting_strikes(pack, record, now)
    warned = sum(1 for s in counting if s.step in (LadderStep.WARNING, LadderStep.FINAL_WARNING))
    return Standing(record.state, min(warned, pack.moderation.warnings_before_block), len(counting))


def next_step(pack: PolicyPack, record: AuthorRecord, now: datetime) -> LadderStep:
    """What the next strike against the author would do."""
    if record.state is not AuthorState.CLEAR:
        return LadderStep.NONE
    number = len(counting_strikes(pack, record, now)) + 1
    allowed = pack.moderation.warnings_before_block
    if number > allowed:
        return LadderStep.BLOCK_REQUEST
    return LadderStep.FINAL_WARNING if number == allowed else LadderStep.WARNING


#: What an officer sees instead of content they may not read.
WITHHELD = "(content not shown: you may not read this message)"


def readable(pack: PolicyPack, officer: Officer, entry: ModerationEntry,
             kind: MessageKind | None) -> ModerationEntry:
    """`entry` as `officer` may see it: its content withheld when the message is on an account
    they may not read, or a direct message their role may not see (Leighton-Linslade 12.1).
    `kind` is the marked message's kind (None: the entry names no message)."""
    if entry.account is None or kind is None or not entry.content:
        return entry
    if read_refusal(pack, officer, entry.account, kind) is None:
        return entry
    return entry.model_copy(update={"content": WITHHELD})


def warning_text(pack: PolicyPack, officer: Officer, step: LadderStep, category: str) -> str:
    """The signed private message for warning 1 or the final warning."""
    templates = pack.moderation.warning_templates
    body = templates.final if step is LadderStep.FINAL_WARNING else templates.first
    return sign(body.replace("{category}", category), pack, officer)


# -- who may --------------------------------------------------------------------------------------

def require_blocking_role(pack: PolicyPack, officer: Officer, what: str = "block") -> None:
    """NotAuthorisedError unless the officer's role is one the policy lets block; the message
    names who may and quotes the policy (`moderation.block_source`)."""
    reason = refusal(pack, officer, Permission.BLOCK)
    if reason is None:
        return
    titles = " or ".join(pack.role(r).title for r in pack.moderation.block_roles)
    raise NotAuthorisedError(f"{reason.replace('may not block', f'may not {what}')}: only the "
                             f"{titles} may {what} ({pack.moderation.who_blocks})")


def _require_marking(pack: PolicyPack, officer: Officer, message: Message) -> None:
    require(pack, officer, Permission.WARN, message.account)
    if message.kind == MessageKind.DIRECT_MESSAGE:
        require(pack, officer, Permission.VIEW_DIRECT_MESSAGES, message.account)


def _reason(reason: str, what: str) -> str:
    text = reason.strip()
    if not text:
        raise ModerationError(f"give a reason to {what}")
    return text


# -- marking a message inappropriate ----------------------------------------------------------------

def mark_inappropriate(pack: PolicyPack, officer: Officer, message: Message, category: str,
                       record: AuthorRecord, now: datetime) -> StrikeDecision:
    """The strike against `message`'s author and everything it sends and logs.

    `record` is the author as stored (read in the transaction that writes the result).
    NotAuthorisedError if the officer may not warn on the message's account; ModerationError
    for a category the pack does not name.
    """
    now = require_aware(now, "now")
    _require_marking(pack, officer, message)
    if category not in pack.moderation.categories:
        raise ModerationError(f"{category!r} is not one of the policy's categories: "
                              + "; ".join(pack.moderation.categories))
    step = next_step(pack, record, now)
    strike = Strike(platform=message.platform, author_platform_id=message.author.platform_id,
                    message_id=message.id, account=message.account, category=category, at=now,
                    by=officer.id, number=len(counting_strikes(pack, record, now)) + 1, step=step)
    removed = _removes(pack, officer, message)
    outbox = _private_messages(pack, officer, message, step, category, removed, now)
    notes = [_report(pack, message, category, removed, now)]
    status = None
    if step is LadderStep.BLOCK_REQUEST:
        status = _status(message, AuthorState.BLOCK_REQUESTED, officer, now, "", record)
        notes += _block_request_notes(pack, message.author.handle, message, now)
    outcome = _outcome(pack, record, step, removed)
    entry = ModerationEntry(at=now, actor=officer.id, action="marked", platform=message.platform,
                            author_platform_id=message.author.platform_id,
                            author_handle=message.author.handle, message_id=message.id,
                            account=message.account, category=category, content=message.text,
                            outcome=outcome)
    action = Action(at=now, actor=officer.id, verb="mark_inappropriate", message_id=message.id,
                    account=message.account,
                    detail={"category": category, "step": step.value, "outcome": outcome})
    return StrikeDecision(strike=strike, entry=entry, status=status, actions=(action,),
                          outbox=tuple(outbox), notifications=tuple(notes))


def _removes(pack: PolicyPack, officer: Officer, message: Message) -> bool:
    """Whether the content is removed: the pack allows it and the officer's role may."""
    return (pack.moderation.removal is Removal.REMOVE
            and refusal(pack, officer, Permission.REMOVE, message.account) is None)


def _private_messages(pack: PolicyPack, officer: Officer, message: Message, step: LadderStep,
                      category: str, removed: bool, now: datetime) -> list[OutboxItem]:
    def item(kind: str, text: str) -> OutboxItem:
        return OutboxItem(created_at=now, account=message.account, kind=kind, text=text,
                          in_reply_to=message.id, created_by=officer.id)
    out = []
    if removed:
        out.append(item(REMOVE_CONTENT, f"Remove this {message.kind.value}: {category}"))
    if step in (LadderStep.WARNING, LadderStep.FINAL_WARNING):
        out.append(item(PRIVATE_WARNING, warning_text(pack, officer, step, category)))
    elif removed and step is LadderStep.BLOCK_REQUEST:
        # Removed content is always explained privately (Buckinghamshire 3).
        out.append(item(PRIVATE_WARNING, warning_text(pack, officer, LadderStep.FINAL_WARNING,
                                                      category)))
    return out


def _report(pack: PolicyPack, message: Message, category: str, removed: bool,
            now: datetime) -> Notification:
    m = pack.moderation
    done = "removed" if removed else f"referred to {m.report_to}"
    return Notification(
        at=now, level=NotificationLevel.WARNING if m.report_at_once else NotificationLevel.INFO,
        kind="moderation_report", role=m.reporting_role, message_id=message.id,
        account=message.account, title=f"Inappropriate ({category}): {message.author.handle}",
        body=f"{message.author.handle} on {message.account}: {category}; {done}.")


def _block_request_notes(pack: PolicyPack, handle: str, message: Message | None,
                         now: datetime) -> list[Notification]:
    warnings = pack.moderation.warnings_before_block
    return [Notification(at=now, level=NotificationLevel.WARNING, kind="block_request", role=role,
                         message_id=message.id if message else None,
                         account=message.account if message else None,
                         title=f"Block requested: {handle}",
                         body=f"{handle} has had the {warnings} warning(s) the policy gives "
                              "before a block; a block is requested.")
            for role in pack.moderation.block_roles]


def _outcome(pack: PolicyPack, record: AuthorRecord, step: LadderStep, removed: bool) -> str:
    ladder = {LadderStep.WARNING: "warning 1 sent privately",
              LadderStep.FINAL_WARNING: "final warning sent privately",
              LadderStep.BLOCK_REQUEST: "block requested of the "
                                        + " or ".join(pack.role(r).title for r in pack.moderation.block_roles),
              LadderStep.NONE: f"no warning: the author is {record.state.value.replace('_', ' ')}"}[step]
    content = ("content removed" if removed
               else f"content referred to {pack.moderation.report_to}, not removed")
    at_once = " at once" if pack.moderation.report_at_once else ""
    return f"{ladder}; {content}; reported{at_once} to the {pack.role(pack.moderation.reporting_role).title}"


def _status(message: Message, state: AuthorState, officer: Officer, now: datetime, reason: str,
            record: AuthorRecord) -> AuthorStatus:
    cleared = record.status.cleared_at if record.status is not None else None
    return AuthorStatus(platform=message.platform, author_platform_id=message.author.platform_id,
                        handle=message.author.handle, state=state, since=now, by=officer.id,
                        reason=reason, cleared_at=cleared)


# -- requests, blocks, unblocks ---------------------------------------------------------------------

def request_block(pack: PolicyPack, officer: Officer, record: AuthorRecord, now: datetime,
                  reason: str) -> AuthorChange:
    """Ask the blocking role to block an author who has had every warning and persists.
    Anyone who may warn may ask; the policy's warnings must have been sent first."""
    now = require_aware(now, "now")
    require(pack, officer, Permission.WARN)
    why = _reason(reason, "request a block")
    if record.state is not AuthorState.CLEAR:
        raise ModerationError(f"{record.handle} is already {record.state.value.replace('_', ' ')}")
    warned = standing(pack, record, now).warnings
    needed = pack.moderation.warnings_before_block
    if warned < needed:
        raise ModerationError(f"{record.handle} has had {warned} of the {needed} warning(s) the "
                              f"policy gives before a block ({pack.moderation.warning_templates.source}): "
                              "mark the message inappropriate to warn them")
    notes = _block_request_notes(pack, record.handle, None, now)
    return _change(record, AuthorState.BLOCK_REQUESTED, officer, now, why, "block_requested",
                   "block requested", None, notes)


def block(pack: PolicyPack, officer: Officer, record: AuthorRecord, now: datetime,
          reason: str) -> AuthorChange:
    """Block the author on every account (the blocking role only), once a block is requested."""
    now = require_aware(now, "now")
    require_blocking_role(pack, officer, "block")
    why = _reason(reason, "block")
    if record.state is AuthorState.BLOCKED:
        raise ModerationError(f"{record.handle} is already blocked")
    if record.state is not AuthorState.BLOCK_REQUESTED:
        needed = pack.moderation.warnings_before_block
        raise ModerationError(f"no block is requested for {record.handle}: the policy gives "
                              f"{needed} warning(s) before a block ({pack.moderation.warning_templates.source})")
    return _change(record, AuthorState.BLOCKED, officer, now, why, "blocked",
                   "blocked on every account", None)


def unblock(pack: PolicyPack, officer: Officer, record: AuthorRecord, now: datetime,
            reason: str) -> AuthorChange:
    """Lift a block, or decline a pending request (the blocking role only). The ladder starts
    again: earlier strikes no longer count."""
    now = require_aware(now, "now")
    require_blocking_role(pack, officer, "unblock")
    why = _reason(reason, "unblock")
    if record.state is AuthorState.CLEAR:
        raise ModerationError(f"{record.handle} is neither blocked nor waiting for a block")
    action, outcome = (("unblocked", "block lifted; warnings start again")
                       if record.state is AuthorState.BLOCKED
                       else ("request_declined", "block request declined; warnings start again"))
    return _change(record, AuthorState.CLEAR, officer, now, why, action, outcome, now)


def _change(record: AuthorRecord, state: AuthorState, officer: Officer, now: datetime,
            reason: str, action: str, outcome: str, cleared: datetime | None,
            notes: list[Notification] | None = None) -> AuthorChange:
    before = record.status.cleared_at if record.status is not None else None
    status = AuthorStatus(platform=record.platform, author_platform_id=record.author_platform_id,
                          handle=record.handle, state=state, since=now, by=officer.id,
                          reason=reason, cleared_at=cleared or before)
    entry = ModerationEntry(at=now, actor=officer.id, action=action, platform=record.platform,
                            author_platform_id=record.author_platform_id,
                            author_handle=record.handle, outcome=outcome, reason=reason)
    return AuthorChange(status=status, entry=entry, notifications=tuple(notes or ()))
