"""Who may do what. The service layer calls `require` before every action, so a role's limits
hold even when the screen is bypassed: a duty officer's session cannot block, whatever it calls.

Three things must all hold for an action: the officer is on the pack's register (as given
there), their role holds the permission, and the account (when one is named) is one they are
authorised for. Blocking and the crisis actions also need the role to be named in the policy's
own list for them (`moderation.block_roles`, `emergency.*_roles`): a validated pack keeps the
two in step, and this check keeps a pack built by hand from slipping past.
"""

from __future__ import annotations

from datetime import datetime

from core.clock import require_aware
from core.models import MessageKind
from core.policy import Officer, Permission, PolicyPack


class NotAuthorisedError(PermissionError):
    """The officer may not do this; the message says who, what and why, in plain words."""


class UnknownOfficerError(NotAuthorisedError):
    """The name is not on the pack's register of authorised officers."""


def authorised_officer(pack: PolicyPack, officer_id: str, today_local: datetime) -> Officer:
    """The officer on the register, or UnknownOfficerError / NotAuthorisedError saying why not.

    `today_local` is the current instant (timezone-aware, any zone): access granted for a set
    period ends after its date as the council's clock reads it (`pack.zone`).
    """
    now = require_aware(today_local, "today_local")
    officer = pack.officer(officer_id)
    if officer is None:
        raise UnknownOfficerError(
            f"{officer_id!r} is not on the register of authorised officers for "
            f"{pack.council.name} ({pack.register_source})")
    if not officer.trained:
        raise NotAuthorisedError(f"{officer.name} has not completed the required training")
    if officer.access_until is not None and now.astimezone(pack.zone).date() > officer.access_until:
        raise NotAuthorisedError(f"{officer.name}'s access ended on {officer.access_until:%d %B %Y}")
    return officer


def _listed_roles(pack: PolicyPack, permission: Permission) -> tuple[str, ...] | None:
    """The policy's own list of roles for `permission`, where it keeps one."""
    return {Permission.BLOCK: pack.moderation.block_roles,
            Permission.APPROVE_CRISIS_POST: pack.emergency.approver_roles,
            Permission.POST_CRISIS_UPDATE: pack.emergency.responder_roles,
            Permission.DECLARE_EMERGENCY: pack.emergency.declare_roles}.get(permission)


def refusal(pack: PolicyPack, officer: Officer, permission: Permission, account: str | None = None) -> str | None:
    """Why `officer` may not do `permission` (on `account`), in plain words; None if they may."""
    if pack.officer(officer.id) != officer:
        return f"{officer.id!r} is not on the register of authorised officers for {pack.council.name}"
    role = pack.role(officer.role)
    what = permission.value.replace("_", " ")
    listed = _listed_roles(pack, permission)
    if permission not in role.permissions or (listed is not None and role.id not in listed):
        return f"{officer.name} ({role.title}) may not {what}"
    if account is not None and officer.accounts is not None and account not in officer.accounts:
        return f"{officer.name} is not authorised for the account {account!r}"
    return None


def read_refusal(pack: PolicyPack, officer: Officer, account: str, kind: MessageKind) -> str | None:
    """Why `officer` may not read a message of `kind` on `account` (or anything about it: its
    history, its replies); None if they may. The queue shows exactly what this allows: the
    accounts they may view, and direct messages only with that permission (Leighton-Linslade
    12.1: access to direct messages is restricted)."""
    reason = refusal(pack, officer, Permission.VIEW, account)
    if reason is None and kind == MessageKind.DIRECT_MESSAGE:
        reason = refusal(pack, officer, Permission.VIEW_DIRECT_MESSAGES, account)
    return reason


def require_read(pack: PolicyPack, officer: Officer, account: str, kind: MessageKind) -> None:
    """Raise NotAuthorisedError unless `officer` may read a message of `kind` on `account`."""
    reason = read_refusal(pack, officer, account, kind)
    if reason is not None:
        raise NotAuthorisedError(reason)


def can(pack: PolicyPack, officer: Officer, permission: Permission, account: str | None = None) -> bool:
    """Whether `officer` may do `permission` (on `account`, when one is named)."""
    return refusal(pack, officer, permission, account) is None


def require(pack: PolicyPack, officer: Officer, permission: Permission, account: str | None = None) -> None:
    """Raise NotAuthorisedError unless `officer` may do `permission` (on `account`)."""
    reason = refusal(pack, officer, permission, account)
    if reason is None:
        return
    if pack.officer(officer.id) != officer:
        raise UnknownOfficerError(reason)
    raise NotAuthorisedError(reason)


def take_over_refusal(pack: PolicyPack, officer: Officer, account: str) -> str | None:
    """Why `officer` may not take a message on `account` from the colleague who claimed it;
    None if they may.

    No policy speaks of claims (they are dutydesk's, so two officers never answer one message),
    so this is dutydesk's own rule: the role the first-response breaches escalate to
    (`first_response.escalate_to`) may take over, being answerable for a breach, as long as it
    may claim on that account itself."""
    reason = refusal(pack, officer, Permission.CLAIM, account)
    if reason is not None:
        return reason
    if officer.role != pack.first_response.escalate_to:
        lead = pack.role(pack.first_response.escalate_to).title
        return (f"{officer.name} ({pack.role(officer.role).title}) may not take over a "
                f"colleague's claim: ask the {lead}")
    return None


def require_take_over(pack: PolicyPack, officer: Officer, account: str) -> None:
    """Raise NotAuthorisedError unless `officer` may take over a claim on `account`."""
    reason = take_over_refusal(pack, officer, account)
    if reason is not None:
        raise NotAuthorisedError(reason)
