"""Policy packs: one council's written social-media policy as data dutydesk enforces.

A pack is a TOML file. Shipped packs live in `core/packs/`; a user's own pack is given by path.
Every model forbids unknown keys, so a typo is an error naming the field, not a silent default.
Each section carries `source`: the policy section a value comes from, or, where the policy is
silent, the default dutydesk picked and why.

Packs are read from files by `core.pack_files` (`load_pack`, `parse_pack`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from core.hours import OpeningHours
from core.lane_policy import Safeguarding, Statutory, unheld_figures
from core.models import Platform
from core.triage_pack import TriageSection


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True,
                              defer_build=True)


Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Free text that must say something (a name, a title, a source)."""
Int = Annotated[int, Strict()]
"""A whole number written as one: `true` or `2.0` is an error, never read as 1 or 2."""
Bool = Annotated[bool, Strict()]
"""`true` or `false`, never a number or a word."""

#: The only placeholders a template or signature may hold; anything else is a typo.
PLACEHOLDERS = frozenset({"officer", "council"})
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

#: Set in the validation context by `core.pack_files.parse_pack`, which reports cross-references itself,
#: one problem per field, instead of as one joined error at the top level.
DEFER_REFERENCES = "defer_references"


def _known_placeholders(text: str, known: frozenset[str] = PLACEHOLDERS) -> str:
    unknown = sorted({m for m in _PLACEHOLDER.findall(text) if m not in known})
    if unknown:
        names = ", ".join("{" + u + "}" for u in unknown)
        names_known = ["{" + k + "}" for k in ("officer", "council", "category") if k in known]
        allowed = ", ".join(names_known[:-1]) + " and " + names_known[-1]
        raise ValueError(f"unknown placeholder {names}; only {allowed} are filled in")
    return text


class Permission(StrEnum):
    """What a role may do. `core.permissions` checks these; the screen only mirrors them."""

    VIEW = "view"
    VIEW_DIRECT_MESSAGES = "view_direct_messages"
    """See direct (private) messages; Leighton-Linslade 12.1 keeps them from editors."""
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
    name: Text
    """The council's full name, shown in the header."""
    short_name: Text
    """A short name for tight spaces; fills `{council}` in replies."""
    policy_title: Text
    """The title (and date) of the written policy this pack is built from."""
    source: Text
    """Where in the shared policies this council's document is."""


class Account(_Strict):
    id: Ident
    """The account's id within dutydesk; inbound messages name it."""
    platform: Platform
    """The network."""
    handle: Text
    """The public handle or page name."""
    audience: Audience = Audience.GENERAL
    """general, or young_or_vulnerable (monitored more closely; no private messaging)."""
    hours: Ident
    """The key of this account's opening hours in `[hours]`."""


class FirstResponse(_Strict):
    minutes: Int | None = Field(gt=0)
    """The business minutes within which a first response is due; None: no target.
    (TOML has no null: a shipped pack always sets it, naming in `source` any default chosen.)"""
    warnings_minutes_left: tuple[Int, Int] = Field(default=(30, 10), validate_default=True)
    """Business minutes left before the due time when the first and second warnings fire."""
    escalate_to: Ident
    """The role a breach is escalated to."""
    young_or_vulnerable_minutes: int | None = Field(default=None, gt=0)
    """The tighter target of accounts whose audience is young_or_vulnerable (monitored more
    often); required when the pack has such an account, and less than `minutes`."""
    source: Text
    """The policy section (or the reason for the default chosen)."""

    @field_validator("warnings_minutes_left")
    @classmethod
    def _warnings_inside_target(cls, value: tuple[int, int], info: ValidationInfo) -> tuple[int, int]:
        first, second = value
        if not first > second > 0:
            raise ValueError("warnings_minutes_left must be two decreasing positive numbers")
        minutes = info.data.get("minutes")
        if minutes is not None and first >= minutes:
            raise ValueError(f"the first warning ({first} minutes left) must fall inside the "
                             f"{minutes}-minute target: make it less than {minutes}")
        return value


class Removal(StrEnum):
    REFER = "refer"
    """Inappropriate comments are referred, not removed."""
    REMOVE = "remove"
    """Unacceptable content may be removed (with a private message saying why)."""


#: The placeholders a warning to a poster may hold: the reply's, and the category marked.
WARNING_PLACEHOLDERS = PLACEHOLDERS | {"category"}


class WarningTemplates(_Strict):
    """The private messages the ladder sends a poster: the first warning and the final one."""

    first: Annotated[Text, StringConstraints(max_length=2000)]
    """Warning 1 (unsigned; `{officer}`, `{council}` and `{category}` are filled in)."""
    final: Annotated[Text, StringConstraints(max_length=2000)]
    """The final warning, the last before a block request (same placeholders)."""
    source: Text
    """The policy section the wording follows (or why dutydesk wrote it)."""

    @field_validator("first", "final")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        return _known_placeholders(value, WARNING_PLACEHOLDERS)


DEFAULT_WARNINGS = WarningTemplates(
    first=("Your recent comment ({category}) breaks the rules for this page. Please keep to them: "
           "comments that break them again will be dealt with under our social media policy."),
    final=("This is a final warning: your comment ({category}) breaks the rules for this page "
           "again. If it happens once more, your account may be blocked."),
    source="dutydesk default wording: the pack sets no warning templates of its own.")


class Moderation(_Strict):
    warnings_before_block: Int = Field(ge=0, le=10)
    """How many warnings a persistent poster gets before a block is requested."""
    block_roles: tuple[Ident, ...] = Field(min_length=1)
    """The only roles that may block (each must hold, and only they may hold, `block`)."""
    removal: Removal
    """Whether inappropriate content may be removed or only referred."""
    log_required: Bool = True
    """Whether a log of the content and how it was dealt with must be kept."""
    categories: tuple[Text, ...] = Field(min_length=1)
    """The categories of inappropriate content the policy names."""
    report_to: Text
    """Who inappropriate content, threats and abuse are reported to (read after "refer to")."""
    report_role: Ident | None = None
    """The role whose desks get each report of inappropriate content; None: the first of
    `block_roles`."""
    report_at_once: Bool = False
    """Whether each report is an escalation that rings at once (Lincolnshire: "immediately"),
    even when the content is removed."""
    warnings_expire_days: Int | None = Field(default=None, gt=0)
    """Days after which a warning no longer counts towards a block; None (omitted): never."""
    warning_templates: WarningTemplates = DEFAULT_WARNINGS
    """The wording of warning 1 and the final warning."""
    block_source: Text | None = None
    """The policy's words on who blocks, quoted when anyone else tries; None: `source`."""
    source: Text

    @property
    def reporting_role(self) -> str:
        """The role reports of inappropriate content go to."""
        return self.report_role or self.block_roles[0]

    @property
    def who_blocks(self) -> str:
        """The policy section that says who blocks (for refusals)."""
        return self.block_source or self.source


class Emergency(_Strict):
    freeze_scheduled: Bool
    """Whether every scheduled post is frozen while an emergency is declared."""
    first_update_minutes: Int | None = Field(default=None, gt=0)
    """Minutes from the declaration to the first factual update; None: no target."""
    approval_required: Bool
    """Whether each crisis update must be approved before it is posted."""
    approver_roles: tuple[Ident, ...] = ()
    """The roles that may approve crisis updates (exactly those holding `approve_crisis_post`)."""
    responder_roles: tuple[Ident, ...] = Field(min_length=1)
    """The roles designated as crisis responders (exactly those holding `post_crisis_update`)."""
    declare_roles: tuple[Ident, ...] = Field(min_length=1)
    """The roles that may declare and end an emergency (exactly those holding `declare_emergency`)."""
    extended_hours_announced: Bool = True
    """Whether extended hours (and when coverage resumes) must be stated publicly."""
    extended_hours: int | None = Field(default=None, gt=0, le=168)
    """Hours of cover from the declaration, outside the usual hours too, unless the declarer
    sets another end; None: no extended hours unless the declarer sets them."""
    related_response_minutes: int | None = Field(default=None, gt=0)
    """The tighter first-response target (minutes on the extended hours) for messages labelled
    emergency_related while an emergency lasts; None: the usual target."""
    grace_minutes: int = Field(default=5, ge=0, le=1440)
    """How late a scheduled post may still go out when nothing ran at its time; later, it is
    held for a person to review."""
    source: Text


class Contacts(_Strict):
    """Where things go. Each is a noun phrase the desk reads after "refer to" or "log it with"."""

    alternative: Text
    """The alternative contact given while the channel is closed for engagement."""
    safeguarding: Text
    """Where safeguarding disclosures go at once (the desk adds: immediate danger, police, 999)."""
    press: Text
    """Where press enquiries are referred."""
    complaints: Text
    """Where formal complaints are redirected."""
    foi: Text
    """Where FOI requests are logged."""
    data_protection: Text = "the council's information governance team"
    """Through whom subject access requests reach the data protection officer (read after
    "via"); no policy names one, so the default is dutydesk's."""
    source: Text


class Role(_Strict):
    id: Ident
    title: Text
    """The post's title in the policy."""
    permissions: frozenset[Permission]
    """What holders of this role may do."""
    source: Text


class Officer(_Strict):
    id: Ident
    """The login name dutydesk knows the officer by (`--as`)."""
    name: Text
    """The name responses are signed with."""
    role: Ident
    accounts: tuple[Ident, ...] | None = Field(default=None, min_length=1)
    """The accounts this officer may act on; None (omitted) means every account of the pack."""
    trained: Bool = True
    """Whether the required training is complete (North Lincolnshire: before access)."""
    access_until: date | None = None
    """Access granted for a set period ends after this local date (Leighton-Linslade)."""


class Template(_Strict):
    id: Ident
    title: Text
    text: Annotated[Text, StringConstraints(max_length=2000)]
    """The reply body, without the signature (added when sent); `{officer}` and `{council}`
    are filled in."""

    @field_validator("text")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        return _known_placeholders(value)


def _unknown_defaults(pack: PolicyPack) -> list[tuple[str, str]]:
    """`dutydesk_defaults` entries that name no value of the pack."""
    problems = []
    for i, place in enumerate(pack.dutydesk_defaults):
        value: object = pack
        for part in place.split("."):
            fields = type(value).model_fields if isinstance(value, BaseModel) else value
            if not isinstance(fields, dict) or part not in fields:
                problems.append((f"dutydesk_defaults[{i}]", f"{place!r} names no value of the pack"))
                break
            value = value[part] if isinstance(value, dict) else getattr(value, part)
    return problems


# Each emergency/moderation role list and the permission its roles, and only they, must hold.
_ROLE_LISTS = (("moderation.block_roles", Permission.BLOCK),
               ("emergency.approver_roles", Permission.APPROVE_CRISIS_POST),
               ("emergency.responder_roles", Permission.POST_CRISIS_UPDATE),
               ("emergency.declare_roles", Permission.DECLARE_EMERGENCY))


class PolicyPack(_Strict):
    """One council's policy, as dutydesk enforces it."""

    council: Council
    hours: dict[Ident, OpeningHours] = Field(min_length=1)
    """Named opening-hour calendars that accounts refer to (one time zone for the pack)."""
    hours_source: Text
    """The policy section the opening hours come from."""
    accounts: tuple[Account, ...] = Field(min_length=1)
    first_response: FirstResponse
    moderation: Moderation
    emergency: Emergency
    contacts: Contacts
    safeguarding: Safeguarding
    """The safeguarding lane: the out-of-hours route and the rule on private messages."""
    statutory: Statutory
    """The statutory clocks' complaint stages and warnings."""
    signature: Text = "{officer}, {council}"
    """How a reply is signed; `{officer}` and `{council}` are filled in."""
    roles: tuple[Role, ...] = Field(min_length=1)
    officers: tuple[Officer, ...] = Field(min_length=1)
    """The register of authorised officers."""
    register_source: Text
    """The policy section that requires the register."""
    templates: tuple[Template, ...] = ()
    dutydesk_defaults: tuple[str, ...] = ()
    """Values that are dutydesk's default, not the council's (its policy is silent on them), by
    their place in the pack: `first_response.minutes`, `hours.NAME`, `emergency.freeze_scheduled`.
    The desk and `dutydesk policy show` say so beside them."""
    triage: TriageSection = TriageSection()
    """The pack's own triage phrases per label, on top of dutydesk's (`[triage.phrases]`)."""

    @field_validator("signature")
    @classmethod
    def _signature_placeholders(cls, value: str) -> str:
        return _known_placeholders(value)

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> PolicyPack:
        if info.context and info.context.get(DEFER_REFERENCES):
            return self
        problems = self.reference_problems()
        if problems:
            raise ValueError("; ".join(f"{field}: {reason}" for field, reason in problems))
        return self

    def reference_problems(self) -> list[tuple[str, str]]:
        """Every cross-reference fault as (field, reason): ids used twice, roles, accounts or
        hours named but not defined, permissions that disagree with the role lists."""
        return [*_duplicates(self), *_dangling(self), *_permission_mismatches(self), *_hours_problems(self),
                *_unknown_defaults(self), *_lane_problems(self)]

    def is_default(self, place: str) -> bool:
        """Whether the value at `place` (e.g. `first_response.minutes`) is dutydesk's default
        (listed itself, or a section holding it: `emergency` covers `emergency.declare_roles`)."""
        return any(place == d or place.startswith(f"{d}.") for d in self.dutydesk_defaults)

    # -- look-ups -------------------------------------------------------------------------
    def account(self, account_id: str) -> Account:
        for a in self.accounts:
            if a.id == account_id:
                return a
        raise KeyError(account_id)

    def hours_for(self, account_id: str) -> OpeningHours:
        return self.hours[self.account(account_id).hours]

    def target_for(self, account_id: str) -> FirstResponse:
        """The first-response target of one account: the young_or_vulnerable one where its
        audience is (Lincolnshire: such profiles "must be monitored frequently")."""
        target = self.first_response
        young = target.young_or_vulnerable_minutes
        if young is not None and self.account(account_id).audience == Audience.YOUNG_OR_VULNERABLE:
            return target.model_copy(update={"minutes": young})
        return target

    def role(self, role_id: str) -> Role:
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)

    def officer(self, officer_id: str) -> Officer | None:
        return next((o for o in self.officers if o.id == officer_id), None)

    @property
    def zone(self) -> ZoneInfo:
        """The council's time zone (every calendar of a pack shares it): local dates such as
        `Officer.access_until` are read in it."""
        return next(iter(self.hours.values())).zone

    def roles_with(self, permission: Permission) -> tuple[Role, ...]:
        """The roles holding `permission`, in the pack's order."""
        return tuple(r for r in self.roles if permission in r.permissions)


# -- cross-reference checks (each yields (field, reason)) ---------------------------------------

def _repeats(where: str, ids: Iterable[str]) -> list[tuple[str, str]]:
    seen: dict[str, int] = {}
    out = []
    for i, ident in enumerate(ids):
        if ident in seen:
            out.append((f"{where}[{i}].id", f"duplicate id {ident!r} (also {where}[{seen[ident]}])"))
        seen.setdefault(ident, i)
    return out


def _duplicates(pack: PolicyPack) -> list[tuple[str, str]]:
    return [*_repeats("accounts", (a.id for a in pack.accounts)),
            *_repeats("roles", (r.id for r in pack.roles)),
            *_repeats("officers", (o.id for o in pack.officers)),
            *_repeats("templates", (t.id for t in pack.templates))]


def _dangling(pack: PolicyPack) -> list[tuple[str, str]]:
    role_ids = {r.id for r in pack.roles}
    account_ids = {a.id for a in pack.accounts}
    out = [(f"accounts[{i}].hours", f"no hours named {a.hours!r} (defined: {', '.join(pack.hours)})")
           for i, a in enumerate(pack.accounts) if a.hours not in pack.hours]
    refs = [("first_response.escalate_to", (pack.first_response.escalate_to,)),
            ("safeguarding.escalate_to", (pack.safeguarding.escalate_to,)),
            ("moderation.report_role", tuple(filter(None, (pack.moderation.report_role,)))),
            *((where, _role_list(pack, where)) for where, _ in _ROLE_LISTS)]
    out += [(where, f"no role named {r!r}") for where, ids in refs for r in ids if r not in role_ids]
    for i, officer in enumerate(pack.officers):
        if officer.role not in role_ids:
            out.append((f"officers[{i}].role", f"no role named {officer.role!r}"))
        out += [(f"officers[{i}].accounts", f"no account named {a!r}")
                for a in officer.accounts or () if a not in account_ids]
    return out


def _role_list(pack: PolicyPack, where: str) -> tuple[str, ...]:
    section, name = where.split(".")
    return getattr(getattr(pack, section), name)


def _permission_mismatches(pack: PolicyPack) -> list[tuple[str, str]]:
    # One truth for who may block or act in a crisis: the role list and the permission agree,
    # so a duty officer's role cannot be given `block` behind the policy's back.
    out = []
    for where, permission in _ROLE_LISTS:
        listed = set(_role_list(pack, where))
        for i, role in enumerate(pack.roles):
            if permission in role.permissions and role.id not in listed:
                out.append((f"roles[{i}].permissions", f"{permission.value!r} is for {where} only, "
                            f"which does not list {role.id!r}"))
            if role.id in listed and permission not in role.permissions:
                out.append((where, f"role {role.id!r} lacks the {permission.value!r} permission"))
    emergency = pack.emergency
    if emergency.approval_required and not emergency.approver_roles:
        out.append(("emergency.approver_roles", "approval_required needs at least one approver role"))
    removers = [i for i, r in enumerate(pack.roles) if Permission.REMOVE in r.permissions]
    if pack.moderation.removal is Removal.REFER:
        out += [(f"roles[{i}].permissions", "'remove' is not allowed: moderation.removal is 'refer'")
                for i in removers]
    elif not removers:
        out.append(("moderation.removal", "'remove' but no role holds the 'remove' permission"))
    return out


def _hours_problems(pack: PolicyPack) -> list[tuple[str, str]]:
    out = [(f"hours.{name}.weekly", "never open: give at least one day some hours")
           for name, hours in pack.hours.items() if not any(hours.weekly.day(d) for d in range(7))]
    zones = {hours.timezone for hours in pack.hours.values()}
    if len(zones) > 1:
        out.append(("hours", f"one council, one time zone: found {', '.join(sorted(zones))}"))
    return out


def _lane_problems(pack: PolicyPack) -> list[tuple[str, str]]:
    """A young_or_vulnerable account without its tighter target, a target not tighter, and
    templates promising a time limit the pack does not hold."""
    out = []
    target = pack.first_response
    young = target.young_or_vulnerable_minutes
    if young is None and any(a.audience == Audience.YOUNG_OR_VULNERABLE for a in pack.accounts):
        out.append(("first_response.young_or_vulnerable_minutes",
                    "required: an account's audience is young_or_vulnerable"))
    if young is not None and target.minutes is not None and young >= target.minutes:
        out.append(("first_response.young_or_vulnerable_minutes",
                    f"must be less than first_response.minutes ({target.minutes})"))
    if young is not None and target.warnings_minutes_left[0] >= young:
        out.append(("first_response.young_or_vulnerable_minutes",
                    f"the first warning ({target.warnings_minutes_left[0]} minutes left) must fall inside it"))
    out += [(f"templates[{i}].text", "an out-of-hours notice must say: If anyone is in danger, call 999.")
            for i, t in enumerate(pack.templates) if t.id == "out_of_hours" and "999" not in t.text]
    out += [(f"templates[{i}].text", f"promises {figure!r}, a time limit this pack does not hold")
            for i, t in enumerate(pack.templates) for figure in unheld_figures(t.text, pack.statutory)]
    return out
