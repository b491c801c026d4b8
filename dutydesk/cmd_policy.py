"""`dutydesk policy check|show|list`: validate pack files, read a pack's effective policy in
words (each rule with the policy section it comes from), and list the shipped packs.

Problems are printed one a line as `FILE: FIELD: REASON` (the `core.policy.PackProblem` form),
so an editor or CI log can point straight at the field.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from core.hours import OpeningHours
from core.lane_policy import FOI_WORKING_DAYS
from core.pack_files import PackError, PackProblem, load_pack, shipped_pack_names
from core.policy import Audience, Permission, PolicyPack, Removal
from core.safe_text import visible
from core.statutory import FOI_RULE, SAR_RULE
from dutydesk.commands import command, group

WIDTH = 92
"""Where `show` wraps long lines (sources quote the policies at length)."""

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `policy` and its three actions; each action sets `handler`."""
    actions = group(sub, "policy", help="check, show or list policy packs",
                    description="Check, show or list council policy packs.")
    check = command(actions, "check", handler=run_check,
                    help="validate pack files; exit 1 if any has a problem")
    check.add_argument("files", nargs="+", metavar="FILE", help="a pack file (or a shipped pack's name)")
    show = command(actions, "show", handler=run_show, help="print a pack's effective policy, with sources")
    show.add_argument("pack", metavar="NAME|PATH", help="a shipped pack's name or a pack file")
    command(actions, "list", handler=run_list, help="list the shipped packs")


# -- handlers ---------------------------------------------------------------------------------

def run_check(args: argparse.Namespace) -> int:
    """Validate every file given; print `FILE: ok (...)` or each problem. 1 if any failed."""
    failed = False
    for file in args.files:
        try:
            pack = _load_for_check(file)
        except PackError as exc:
            failed = True
            for problem in exc.problems:
                print(visible(str(problem)))
            continue
        print(f"{file}: ok ({pack.council.name}, {len(pack.accounts)} accounts, "
              f"{len(pack.officers)} officers)")
    return 1 if failed else 0


def run_show(args: argparse.Namespace) -> int:
    """Print the effective policy of a shipped pack or a pack file (1 if it will not load)."""
    try:
        pack = load_pack(args.pack)
    except PackError as exc:
        for problem in exc.problems:
            print(visible(str(problem)))
        return 1
    print(visible("\n".join(describe(pack))))
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print each shipped pack's name and council, one a line."""
    names = shipped_pack_names()
    width = max(map(len, names), default=0)
    for name in names:
        print(f"{name:<{width}}  {load_pack(name).council.name}")
    return 0


def _load_for_check(file: str) -> PolicyPack:
    path = Path(file)
    if path.exists() or file not in shipped_pack_names():
        if not path.exists():
            raise PackError([PackProblem(file=file, field="(file)", reason="no such file")])
        return load_pack(path)
    return load_pack(file)


# -- the effective policy in words --------------------------------------------------------------

def describe(pack: PolicyPack) -> list[str]:
    """The pack as readable lines: every section (council, hours and accounts, first response,
    moderation, emergency, contacts, safeguarding, statutory clocks, triage, roles, register,
    templates), each with its source."""
    sections: Sequence[Callable[[PolicyPack], list[str]]] = (
        _council, _accounts, _first_response, _moderation, _emergency, _contacts,
        _safeguarding, _statutory, _triage, _roles, _register, _templates)
    lines: list[str] = []
    for section in sections:
        lines += [*section(pack), ""]
    return lines[:-1]


def _heading(title: str) -> list[str]:
    return [title, "-" * len(title)]


def _item(label: str, text: str, indent: int = 2) -> list[str]:
    """`label: text`, wrapped with continuation lines indented under the text."""
    lead = " " * indent + (f"{label}: " if label else "")
    return textwrap.wrap(text, WIDTH, initial_indent=lead,
                         subsequent_indent=" " * (indent + 4), break_on_hyphens=False) or [lead]


DEFAULT_MARK = " (dutydesk's default)"
"""Beside a value the council's policy does not set (`PolicyPack.dutydesk_defaults`)."""


def _marked(pack: PolicyPack, place: str, text: str) -> str:
    return text + DEFAULT_MARK if pack.is_default(place) else text


def _source(text: str, indent: int = 2) -> list[str]:
    return _item("source", text, indent)


def _names(pack: PolicyPack, role_ids: Iterable[str]) -> str:
    return ", ".join(pack.role(r).title for r in role_ids) or "none"


def _council(pack: PolicyPack) -> list[str]:
    c = pack.council
    return [*_heading(f"{c.name} ({c.short_name})"), *_item("policy", c.policy_title),
            *_item("document", c.source), *_item("replies signed", pack.signature)]


def describe_hours(hours: OpeningHours) -> str:
    """A calendar in words: `Mon-Fri 08:30-17:00; Sat 09:00-16:00; closed Sun; closed on
    bank holidays (england-and-wales); Europe/London`."""
    runs: list[tuple[int, int, str]] = []
    for day in range(7):
        text = ", ".join(f"{a}-{b}" for a, b in hours.weekly.day(day)) or "closed"
        if runs and runs[-1][2] == text:
            runs[-1] = (runs[-1][0], day, text)
        else:
            runs.append((day, day, text))
    parts = [_day_run(first, last, text) for first, last, text in runs]
    if hours.bank_holidays is not None:
        parts.append(f"closed on bank holidays ({hours.bank_holidays.value})")
    if hours.closed_dates:
        parts.append("closed " + ", ".join(f"{d:%a %d %b %Y}" for d in sorted(hours.closed_dates)))
    return "; ".join([*parts, hours.timezone])


def _day_run(first: int, last: int, text: str) -> str:
    days = _DAYS[first] if first == last else f"{_DAYS[first]}-{_DAYS[last]}"
    return f"closed {days}" if text == "closed" else f"{days} {text}"


def _accounts(pack: PolicyPack) -> list[str]:
    """Accounts grouped under the calendar they keep, so each calendar is put in words once."""
    lines = _heading(f"Accounts and opening hours ({len(pack.accounts)} accounts)")
    width = max(len(a.id) for a in pack.accounts)
    for name, hours in pack.hours.items():
        lines += _item(f"hours {name!r}", _marked(pack, f"hours.{name}", describe_hours(hours)))
        for a in (a for a in pack.accounts if a.hours == name):
            audience = "  (young or vulnerable audience)" if a.audience is Audience.YOUNG_OR_VULNERABLE else ""
            lines.append(f"    {a.id:<{width}}  {a.platform.value}: {a.handle}{audience}")
    return [*lines, *_source(pack.hours_source)]


def _first_response(pack: PolicyPack) -> list[str]:
    fr = pack.first_response
    first, second = fr.warnings_minutes_left
    target = (f"{fr.minutes} minutes of opening hours" if fr.minutes is not None
              else "none (respond in a timely manner)")
    return [*_heading("First response"), *_item("target", _marked(pack, "first_response.minutes", target)),
            *_item("warnings", _marked(pack, "first_response.warnings_minutes_left",
                                       f"at {first} and {second} minutes left")),
            *_young_target(pack), *_item("a breach goes to", _names(pack, [fr.escalate_to])),
            *_source(fr.source)]


def _young_target(pack: PolicyPack) -> list[str]:
    minutes = pack.first_response.young_or_vulnerable_minutes
    if minutes is None:
        return []
    text = f"{minutes} minutes of opening hours for accounts with a young or vulnerable audience"
    return _item("tighter target", _marked(pack, "first_response.young_or_vulnerable_minutes", text))


def _moderation(pack: PolicyPack) -> list[str]:
    m = pack.moderation
    warnings = f"{m.warnings_before_block} warning{'' if m.warnings_before_block == 1 else 's'}"
    ladder = (f"{warnings}, then a block by "
              f"{_names(pack, m.block_roles)} only")
    removers = _names(pack, (r.id for r in pack.roles_with(Permission.REMOVE)))
    removal = (f"inappropriate content may be removed, by {removers} only"
               if m.removal is Removal.REMOVE else "comments are referred, not removed")
    log = "a log of the content and how it was dealt with is kept" if m.log_required else "no log required"
    ladder = _marked(pack, "moderation.warnings_before_block", ladder)
    expiry = (f"after {m.warnings_expire_days} days" if m.warnings_expire_days is not None
              else "never")
    to_desk = "escalated at once to" if m.report_at_once else "shown on the desks of"
    report = f"{m.report_to}; {to_desk} the {pack.role(m.reporting_role).title}"
    return [*_heading("Moderation"), *_item("ladder", ladder), *_item("removal", removal),
            *_item("log", log), *_item("categories", "; ".join(m.categories)),
            *_item("report to", report), *_item("warnings expire", expiry),
            *_item("warning 1", m.warning_templates.first),
            *_item("final warning", m.warning_templates.final),
            *_item("wording from", m.warning_templates.source),
            *_item("who blocks", m.who_blocks), *_source(m.source)]


def _emergency(pack: PolicyPack) -> list[str]:
    e = pack.emergency
    # The policies count from the incident (Lewes 6.2); the desk can only count from the declaration.
    first = (f"within {e.first_update_minutes} minutes of the incident (counted from the declaration)"
             if e.first_update_minutes is not None else "no target")
    approval = (f"every update agreed first by {_names(pack, e.approver_roles)}"
                if e.approval_required else "not required")
    frozen = "frozen until the emergency ends" if e.freeze_scheduled else "not frozen"
    return [*_heading("Emergency"),
            *_item("declared by", _marked(pack, "emergency.declare_roles", _names(pack, e.declare_roles))),
            *_item("scheduled posts", _marked(pack, "emergency.freeze_scheduled", frozen)),
            *_item("first factual update", _marked(pack, "emergency.first_update_minutes", first)),
            *_item("approval", approval),
            *_item("responders", _marked(pack, "emergency.responder_roles", _names(pack, e.responder_roles))),
            *_item("extended hours", "stated publicly, with when coverage resumes"
                   if e.extended_hours_announced else "no statement required"),
            *_emergency_clocks(pack), *_source(e.source)]


def _emergency_clocks(pack: PolicyPack) -> list[str]:
    """Extended cover, the tighter target of related messages and a late post's grace."""
    e = pack.emergency
    cover = (f"{e.extended_hours} hours from the declaration" if e.extended_hours is not None
             else "none unless the declarer sets an end")
    related = (f"{e.related_response_minutes} minutes on the extended hours"
               if e.related_response_minutes is not None else "the usual target")
    grace = f"{e.grace_minutes} minutes late at most, then held for a person"
    if "grace_minutes" not in e.model_fields_set:  # the pack left it to dutydesk
        grace += DEFAULT_MARK
    return [*_item("cover", _marked(pack, "emergency.extended_hours", cover)),
            *_item("messages about it", _marked(pack, "emergency.related_response_minutes", related)),
            *_item("a late scheduled post", grace)]


def _contacts(pack: PolicyPack) -> list[str]:
    c = pack.contacts
    def contact(label: str, field: str, text: str) -> list[str]:
        return _item(label, _marked(pack, f"contacts.{field}", text))

    return [*_heading("Contacts"), *contact("while closed", "alternative", c.alternative),
            *contact("safeguarding", "safeguarding", c.safeguarding + "; immediate danger: police, 999"),
            *contact("press", "press", c.press), *contact("complaints", "complaints", c.complaints),
            *contact("FOI", "foi", c.foi),
            *contact("subject access", "data_protection", f"via {c.data_protection}"), *_source(c.source)]


def _safeguarding(pack: PolicyPack) -> list[str]:
    s = pack.safeguarding
    def item(label: str, field: str, text: str) -> list[str]:
        return _item(label, _marked(pack, f"safeguarding.{field}", text))

    return [*_heading("Safeguarding"),
            *item("out of hours", "out_of_hours", s.out_of_hours + "; immediate danger: call 999"),
            *item("told at once", "escalate_to", _names(pack, [s.escalate_to])),
            *item("private messages", "private_messages", s.private_messages), *_source(s.source)]


def _statutory(pack: PolicyPack) -> list[str]:
    s = pack.statutory
    first, second = s.warnings_days_left
    stages = "; ".join(f"{st.name} ({st.short}) by working day {st.working_days}" for st in s.complaint_stages)
    return [*_heading("Statutory clocks (from receipt, never paused)"),
            *_item("FOI", f"the {FOI_WORKING_DAYS}th working day after receipt ({FOI_RULE})"),
            *_item("subject access", f"one calendar month after receipt ({SAR_RULE})"),
            *_item("complaints", _marked(pack, "statutory.complaint_stages", stages)),
            *_item("warnings", _marked(pack, "statutory.warnings_days_left",
                                       f"at {first} and {second} calendar days left, and when late")),
            *_source(s.source)]


def _triage(pack: PolicyPack) -> list[str]:
    t = pack.triage
    extra = [_item(label, "; ".join(phrases), 4) for label, phrases in t.phrases if phrases]
    lines = [*_heading("Triage"), *_item("phrases", "the pack's own, on top of dutydesk's"
                                         if extra else "dutydesk's only (none of the pack's own)")]
    return [*lines, *(line for item in extra for line in item), *_source(t.source)]


def _roles(pack: PolicyPack) -> list[str]:
    lines = _heading("Roles")
    for role in pack.roles:
        allowed = ", ".join(p.value for p in Permission if p in role.permissions) or "nothing"
        lines += [f"  {role.title} ({role.id})", *_item("may", allowed, 4), *_source(role.source, 4)]
    return lines


def _register(pack: PolicyPack) -> list[str]:
    lines = _heading(f"Register of authorised officers ({len(pack.officers)})")
    width = max(len(o.id) for o in pack.officers)
    for o in pack.officers:
        accounts = ", ".join(o.accounts) if o.accounts is not None else "all accounts"
        notes = [] if o.trained else ["training not completed: no access yet"]
        if o.access_until is not None:
            notes.append(f"access until {o.access_until:%d %B %Y}")
        lines.append(f"  {o.id:<{width}}  {o.name}, {pack.role(o.role).title}")
        lines += _item("accounts", "; ".join([accounts, *notes]), 6 + width)
    return [*lines, *_source(pack.register_source)]


def _templates(pack: PolicyPack) -> list[str]:
    lines = _heading(f"Reply templates ({len(pack.templates)})")
    return lines + [f"  {t.id}: {t.title}" for t in pack.templates]
