"""Policy packs: one council's written social-media policy as data dutydesk enforces.

A pack is a TOML file. Shipped packs live in `core/packs/`; a user's own pack is given by path.
Every model forbids unknown keys, so a typo is an error naming the field, not a silent default.
Each section carries `source`: the policy section a value comes from, or, where the policy is
silent, the default dutydesk picked and why.
"""

from __future__ import annotations

import tomllib
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from core.hours import OpeningHours
from core.models import Platform


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]


class Permission(StrEnum):
    """What a role may do. `core.permissions` checks these; the screen only mirrors them."""

    VIEW = "view"
    CLAIM = "claim"
    REPLY = "reply"
    CLOSE = "close"
    REFER = "refer"
    WARN = "warn"
    BLOCK = "block"
    REMOVE = "remove"
    DECLARE_EMERGENCY = "declare_emergency"
    POST_CRISIS_UPDATE = "post_crisis_update"
    APPROVE_CRISIS_POST = "approve_crisis_post"
    MANAGE_REGISTER = "manage_register"


class Audience(StrEnum):
    GENERAL = "general"
    YOUNG_OR_VULNERABLE = "young_or_vulnerable"


class Council(_Strict):
    name: str
    """The council's full name, shown in the header."""
    short_name: str
    """A short name for tight spaces."""
    policy_title: str
    """The title (and date) of the written policy this pack is built from."""
    source: str
    """Where in the shared policies this council's document is."""


class Account(_Strict):
    id: Ident
    """The account's id within dutydesk; inbound messages name it."""
    platform: Platform
    """The network."""
    handle: str
    """The public handle or page name."""
    audience: Audience = Audience.GENERAL
    """general, or young_or_vulnerable (monitored more closely; no private messaging)."""
    hours: Ident
    """The key of this account's opening hours in `[hours]`."""


class FirstResponse(_Strict):
    minutes: int | None = Field(gt=0)
    """The business minutes within which a first response is due; None: no target."""
    warnings_minutes_left: tuple[int, int] = (30, 10)
    """Business minutes left before the due time when the first and second warnings fire."""
    escalate_to: Ident
    """The role a breach is escalated to."""
    source: str
    """The policy section (or the reason for the default chosen)."""

    @model_validator(mode="after")
    def _warnings_inside_target(self) -> FirstResponse:
        first, second = self.warnings_minutes_left
        if not first > second > 0:
            raise ValueError("warnings_minutes_left must be two decreasing positive numbers")
        if self.minutes is not None and first >= self.minutes:
            raise ValueError("the first warning must fall after the message arrives (less than minutes)")
        return self


class Removal(StrEnum):
    REFER = "refer"
    """Inappropriate comments are referred, not removed."""
    REMOVE = "remove"
    """Unacceptable content may be removed (with a private message saying why)."""


class Moderation(_Strict):
    warnings_before_block: int = Field(ge=0, le=10)
    """How many warnings a persistent poster gets before a block."""
    block_roles: tuple[Ident, ...] = Field(min_length=1)
    """The only roles that may block."""
    removal: Removal
    """Whether inappropriate content may be removed or only referred."""
    log_required: bool = True
    """Whether a log of the content and how it was dealt with must be kept."""
    categories: tuple[str, ...] = Field(min_length=1)
    """The categories of inappropriate content the policy names."""
    report_to: str
    """Who inappropriate content, threats and abuse are reported to."""
    source: str


class Emergency(_Strict):
    freeze_scheduled: bool
    """Whether every scheduled post is frozen while an emergency is declared."""
    first_update_minutes: int | None = Field(default=None, gt=0)
    """Minutes from the declaration to the first factual update; None: no target."""
    approval_required: bool
    """Whether each crisis update must be approved before it is posted."""
    approver_roles: tuple[Ident, ...] = ()
    """The roles that may approve crisis updates."""
    responder_roles: tuple[Ident, ...] = Field(min_length=1)
    """The roles designated as crisis responders."""
    declare_roles: tuple[Ident, ...] = Field(min_length=1)
    """The roles that may declare and end an emergency."""
    extended_hours_announced: bool = True
    """Whether extended hours (and when coverage resumes) must be stated publicly."""
    source: str


class Contacts(_Strict):
    alternative: str
    """The alternative contact given while the channel is closed for engagement."""
    safeguarding: str
    """Where safeguarding disclosures go at once (immediate danger: police, 999)."""
    press: str
    """Where press enquiries are referred."""
    complaints: str
    """Where formal complaints are redirected."""
    foi: str
    """Where FOI requests are logged."""
    source: str


class Role(_Strict):
    id: Ident
    title: str
    """The post's title in the policy."""
    permissions: frozenset[Permission]
    """What holders of this role may do."""
    source: str


class Officer(_Strict):
    id: Ident
    """The login name dutydesk knows the officer by (`--as`)."""
    name: str
    """The name responses are signed with."""
    role: Ident
    accounts: tuple[Ident, ...] | None = None
    """The accounts this officer may act on; None means every account of the pack."""
    trained: bool = True
    """Whether the required training is complete (North Lincolnshire: before access)."""
    access_until: date | None = None
    """Access granted for a set period ends after this local date (Leighton-Linslade)."""


class Template(_Strict):
    id: Ident
    title: str
    text: str
    """The reply body; `{officer}` and `{council}` are filled in."""


class PolicyPack(_Strict):
    """One council's policy, as dutydesk enforces it."""

    council: Council
    hours: dict[Ident, OpeningHours] = Field(min_length=1)
    """Named opening-hour calendars that accounts refer to."""
    hours_source: str
    """The policy section the opening hours come from."""
    accounts: tuple[Account, ...] = Field(min_length=1)
    first_response: FirstResponse
    moderation: Moderation
    emergency: Emergency
    contacts: Contacts
    signature: str = "{officer}, {council}"
    """How a reply is signed; `{officer}` and `{council}` are filled in."""
    roles: tuple[Role, ...] = Field(min_length=1)
    officers: tuple[Officer, ...] = Field(min_length=1)
    """The register of authorised officers."""
    register_source: str
    """The policy section that requires the register."""
    templates: tuple[Template, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> PolicyPack:
        role_ids = {r.id for r in self.roles}
        account_ids = [a.id for a in self.accounts]
        problems: list[str] = []
        if len(set(account_ids)) != len(account_ids):
            problems.append("accounts: ids must be unique")
        if len(role_ids) != len(self.roles):
            problems.append("roles: ids must be unique")
        officer_ids = [o.id for o in self.officers]
        if len(set(officer_ids)) != len(officer_ids):
            problems.append("officers: ids must be unique")
        for i, account in enumerate(self.accounts):
            if account.hours not in self.hours:
                problems.append(f"accounts[{i}].hours: no hours named {account.hours!r}")
        refs = [("first_response.escalate_to", (self.first_response.escalate_to,)),
                ("moderation.block_roles", self.moderation.block_roles),
                ("emergency.approver_roles", self.emergency.approver_roles),
                ("emergency.responder_roles", self.emergency.responder_roles),
                ("emergency.declare_roles", self.emergency.declare_roles)]
        for where, ids in refs:
            problems += [f"{where}: no role named {r!r}" for r in ids if r not in role_ids]
        for i, officer in enumerate(self.officers):
            if officer.role not in role_ids:
                problems.append(f"officers[{i}].role: no role named {officer.role!r}")
            for a in officer.accounts or ():
                if a not in account_ids:
                    problems.append(f"officers[{i}].accounts: no account named {a!r}")
        if self.emergency.approval_required and not self.emergency.approver_roles:
            problems.append("emergency.approver_roles: approval_required needs at least one approver role")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # -- look-ups -------------------------------------------------------------------------
    def account(self, account_id: str) -> Account:
        for a in self.accounts:
            if a.id == account_id:
                return a
        raise KeyError(account_id)

    def hours_for(self, account_id: str) -> OpeningHours:
        return self.hours[self.account(account_id).hours]

    def role(self, role_id: str) -> Role:
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)

    def officer(self, officer_id: str) -> Officer | None:
        return next((o for o in self.officers if o.id == officer_id), None)


# -- loading --------------------------------------------------------------------------------

class PackProblem(BaseModel):
    """One thing wrong with a pack file: where, which field, and why."""

    file: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


class PackError(Exception):
    """A pack could not be loaded; `problems` lists every fault found."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def parse_pack(text: str, file: str) -> PolicyPack:
    """Parse and validate TOML `text`; `file` names it in errors. Raises PackError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError([PackProblem(file=file, field="(toml)", reason=str(exc))]) from None
    try:
        return PolicyPack.model_validate(data)
    except ValidationError as exc:
        problems = [PackProblem(file=file, field=_field_path(e["loc"]), reason=e["msg"])
                    for e in exc.errors(include_url=False)]
        raise PackError(problems) from None


def shipped_pack_names() -> list[str]:
    """The names of the packs shipped inside dutydesk (file stems in core/packs)."""
    folder = resources.files("core") / "packs"
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


def load_pack(name_or_path: str | Path) -> PolicyPack:
    """Load a shipped pack by name (e.g. `lewes-eastbourne`) or any pack by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError([PackProblem(file=str(path), field="(file)", reason=str(exc))]) from None
        return parse_pack(text, str(path))
    names = shipped_pack_names()
    if str(name_or_path) not in names:
        reason = f"no shipped pack of that name; shipped: {', '.join(names)}"
        raise PackError([PackProblem(file=str(name_or_path), field="(name)", reason=reason)])
    resource = resources.files("core") / "packs" / f"{name_or_path}.toml"
    return parse_pack(resource.read_text(encoding="utf-8"), f"{name_or_path}.toml")
