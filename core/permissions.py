"""Who may do what. The service layer calls `require` before every action, so a role's limits
hold even when the screen is bypassed: a duty officer's session cannot block, whatever it calls.
"""

from __future__ import annotations

from datetime import datetime

from core.policy import Officer, Permission, PolicyPack


class NotAuthorisedError(PermissionError):
    """The officer may not do this; the message says who, what and why, in plain words."""


class UnknownOfficerError(NotAuthorisedError):
    """The name is not on the pack's register of authorised officers."""


def authorised_officer(pack: PolicyPack, officer_id: str, today_local: datetime) -> Officer:
    """The officer on the register, or UnknownOfficerError / NotAuthorisedError saying why not.

    `today_local` is the current instant; access granted for a set period ends after its date.
    """
    officer = pack.officer(officer_id)
    if officer is None:
        raise UnknownOfficerError(
            f"{officer_id!r} is not on the register of authorised officers for "
            f"{pack.council.name} ({pack.register_source})")
    if not officer.trained:
        raise NotAuthorisedError(f"{officer.name} has not completed the required training")
    if officer.access_until is not None and today_local.date() > officer.access_until:
        raise NotAuthorisedError(f"{officer.name}'s access ended on {officer.access_until:%d %B %Y}")
    return officer


def can(pack: PolicyPack, officer: Officer, permission: Permission, account: str | None = None) -> bool:
    """Whether `officer` may do `permission` (on `account`, when one is named)."""
    if permission not in pack.role(officer.role).permissions:
        return False
    if account is not None and officer.accounts is not None and account not in officer.accounts:
        return False
    return True


def require(pack: PolicyPack, officer: Officer, permission: Permission, account: str | None = None) -> None:
    """Raise NotAuthorisedError unless `officer` may do `permission` (on `account`)."""
    role = pack.role(officer.role)
    if permission not in role.permissions:
        raise NotAuthorisedError(f"{officer.name} ({role.title}) may not {permission.value.replace('_', ' ')}")
    if account is not None and officer.accounts is not None and account not in officer.accounts:
        raise NotAuthorisedError(f"{officer.name} is not authorised for the account {account!r}")
