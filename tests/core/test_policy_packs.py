"""The five shipped policy packs, the pack loader's errors, and `dutydesk policy`."""

from __future__ import annotations

import argparse
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from core.pack_files import PackError, load_pack, parse_pack, shipped_pack_names
from core.policy import Audience, Permission, PolicyPack, Removal
from dutydesk import cmd_policy

SHIPPED = ["buckinghamshire", "leighton-linslade", "lewes-eastbourne", "lincolnshire", "north-lincolnshire"]
BROKEN = Path(__file__).parent / "packs_broken"
# Every broken fixture is this one valid pack with a single fault (see each file's header).
VALID_TEXT = re.sub(r"^#.*\n\n?", "", (BROKEN / "wrong_type.toml").read_text(encoding="utf-8"),
                    flags=re.M).replace('minutes = "ninety"', "minutes = 90")


def _pack(name: str) -> PolicyPack:
    return load_pack(name)


def _titles(pack: PolicyPack, role_ids: tuple[str, ...]) -> set[str]:
    return {pack.role(r).title for r in role_ids}


def _who_may(pack: PolicyPack, permission: Permission) -> set[str]:
    return {r.id for r in pack.roles_with(permission)}


# -- every shipped pack -----------------------------------------------------------------------

def test_the_five_councils_are_shipped() -> None:
    assert shipped_pack_names() == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_pack_loads_and_keeps_london_time(name: str) -> None:
    pack = _pack(name)
    assert pack.zone.key == "Europe/London"
    for hours in pack.hours.values():
        assert hours.bank_holidays is not None and hours.bank_holidays.value == "england-and-wales"


@pytest.mark.parametrize("name", SHIPPED)
def test_every_role_has_an_officer_who_can_log_in(name: str) -> None:
    pack = _pack(name)
    staffed = {o.role for o in pack.officers if o.trained and o.access_until is None}
    assert staffed == {r.id for r in pack.roles}
    assert 4 <= len(pack.officers) <= 8


@pytest.mark.parametrize("name", SHIPPED)
def test_every_account_has_someone_to_reply(name: str) -> None:
    pack = _pack(name)
    repliers = [o for o in pack.officers if Permission.REPLY in pack.role(o.role).permissions]
    for account in pack.accounts:
        assert any(o.accounts is None or account.id in o.accounts for o in repliers), account.id


@pytest.mark.parametrize("name", SHIPPED)
def test_duty_officers_hold_the_everyday_permissions(name: str) -> None:
    pack = _pack(name)
    everyday = {Permission.VIEW, Permission.CLAIM, Permission.REPLY, Permission.CLOSE,
                Permission.REFER, Permission.WARN}
    front_line = [r for r in pack.roles if Permission.REPLY in r.permissions]
    assert front_line and all(everyday <= r.permissions for r in front_line)


@pytest.mark.parametrize("name", SHIPPED)
def test_templates_cover_the_desks_needs(name: str) -> None:
    # core.handling.suggested_template names these ids.
    ids = {t.id for t in _pack(name).templates}
    assert {"acknowledge", "complaint", "foi", "out_of_hours", "personal_data", "press",
            "safeguarding"} <= ids


@pytest.mark.parametrize("name", SHIPPED)
def test_templates_are_british_english(name: str) -> None:
    words = " ".join(t.text for t in _pack(name).templates).lower()
    for american in ("color", "organization", "apologize", "recognize", "center", "program "):
        assert american not in words


@pytest.mark.parametrize("name", SHIPPED)
def test_every_value_says_where_it_comes_from(name: str) -> None:
    pack = _pack(name)
    sources = [pack.hours_source, pack.register_source, pack.first_response.source,
               pack.moderation.source, pack.emergency.source, pack.contacts.source,
               *(r.source for r in pack.roles)]
    assert all(len(s) > 20 for s in sources)


# -- what sets each council apart ---------------------------------------------------------------

def test_lewes_eastbourne_rules() -> None:
    pack = _pack("lewes-eastbourne")
    assert pack.first_response.minutes == 90 and "7.2" in pack.first_response.source
    assert pack.moderation.warnings_before_block == 2 and "8.2" in pack.moderation.source
    assert _titles(pack, pack.moderation.block_roles) == {"Customer Communications and Engagement Lead"}
    assert _who_may(pack, Permission.BLOCK) == {"engagement_lead"}
    assert pack.moderation.removal is Removal.REFER and not _who_may(pack, Permission.REMOVE)
    assert pack.moderation.log_required
    assert pack.contacts.press.startswith("Cobb PR")
    assert "Customer First" in pack.hours_source and "7.3" in pack.hours_source


def test_lewes_eastbourne_emergency() -> None:
    e = _pack("lewes-eastbourne").emergency
    assert e.first_update_minutes == 20 and "6.2" in e.source
    assert e.approval_required and e.approver_roles == ("bsp_officer",) and "7.1" in e.source
    assert e.extended_hours_announced and "6.3" in e.source
    assert e.responder_roles == ("designated_responder",) and "6.4" in e.source


def test_lewes_eastbourne_register_names_accounts_per_officer() -> None:
    pack = _pack("lewes-eastbourne")
    duty = [o for o in pack.officers if o.role == "duty_officer"]
    assert duty and all(o.accounts for o in duty)
    assert "3.2" in pack.register_source


def test_buckinghamshire_rules() -> None:
    pack = _pack("buckinghamshire")
    assert pack.emergency.freeze_scheduled and "scheduled social media output will be" in pack.emergency.source
    assert not pack.emergency.approval_required
    assert pack.moderation.removal is Removal.REMOVE and _who_may(pack, Permission.REMOVE)
    assert _titles(pack, pack.moderation.block_roles) == {"Head of Communications"}
    assert "Head of Communications" in pack.moderation.source
    assert "formal" in pack.contacts.foi and "formal" in pack.contacts.complaints
    assert {"personal_data", "removal_notice"} <= {t.id for t in pack.templates}


def test_north_lincolnshire_training_and_written_permission() -> None:
    pack = _pack("north-lincolnshire")
    untrained = [o for o in pack.officers if not o.trained]
    assert [o.id for o in untrained] == ["abrook"]
    officers = [o for o in pack.officers if o.role == "authorised_officer"]
    assert all(o.accounts for o in officers)  # 2.6: permission names the social media
    assert "5.1" in pack.register_source and "5.2" in pack.register_source
    assert "timely manner" in pack.first_response.source and "dutydesk default" in pack.first_response.source


def test_leighton_linslade_set_period_and_editor_rights() -> None:
    pack = _pack("leighton-linslade")
    temporary = [o for o in pack.officers if o.access_until is not None]
    assert [(o.id, o.access_until) for o in temporary] == [("bturner", date(2026, 8, 31))]
    editor, admin = pack.role("editor"), pack.role("administrator")
    assert Permission.VIEW_DIRECT_MESSAGES not in editor.permissions
    assert {Permission.VIEW_DIRECT_MESSAGES, Permission.BLOCK, Permission.REMOVE} <= admin.permissions
    assert not editor.permissions & {Permission.BLOCK, Permission.REMOVE}
    assert "Town Clerk" in pack.moderation.report_to and "8.1" in pack.moderation.source
    assert "12.1" in pack.register_source
    assert pack.hours_for("lltc-events-facebook").weekly.sat


def test_lincolnshire_defaults_and_young_profiles() -> None:
    pack = _pack("lincolnshire")
    source = pack.first_response.source
    assert pack.first_response.minutes == 90
    assert source.startswith("No response time stated") and "Lewes and Eastbourne 7.2" in source
    young = [a.id for a in pack.accounts if a.audience is Audience.YOUNG_OR_VULNERABLE]
    assert young == ["lincs-young-carers-instagram", "lincs-adult-care-facebook"]
    assert "01522 552770" in pack.moderation.report_to
    assert len(pack.moderation.categories) == 6
    assert _who_may(pack, Permission.REMOVE) == {"det_officer"}  # service officers refer
    assert "01522 554112" in pack.contacts.safeguarding


def _shipped_file(name: str) -> Path:
    return Path(__file__).parents[2] / "core" / "packs" / f"{name}.toml"


# -- broken packs: each names the file and the field -------------------------------------------

BROKEN_CASES = [
    ("bad_toml", "(toml)", "line 24"),
    ("unknown_key", "moderation.log_requried", "unknown key"),
    ("missing_field", "first_response.escalate_to", "required"),
    ("wrong_type", "first_response.minutes", "valid integer"),
    ("bad_hours_interval", "hours.office.weekly.tue[0]", "opens at 17:00 but closes at 08:30"),
    ("unknown_role", "officers[1].role", "no role named 'supervisor'"),
    ("unknown_account", "officers[0].accounts", "no account named 'test-instagram'"),
    ("bad_timezone", "hours.office.timezone", "unknown time zone 'Europe/Londn'"),
    ("warnings_outside_target", "first_response.warnings_minutes_left", "inside the 20-minute target"),
    ("duplicate_ids", "officers[1].id", "duplicate id 'asmith'"),
    ("duty_officer_blocks", "roles[0].permissions", "'block' is for moderation.block_roles only"),
    ("unknown_placeholder", "templates[0].text", "unknown placeholder {name}"),
    # Once read as 1: a one-warning ladder from a typo. Numbers are real integers now.
    ("warnings_not_a_number", "moderation.warnings_before_block", "valid integer (a whole number such as 2), not true"),
    ("flag_not_a_boolean", "emergency.freeze_scheduled", 'must be true or false, not "yes"'),
]


def test_every_broken_fixture_is_tested() -> None:
    assert sorted(p.stem for p in BROKEN.glob("*.toml")) == sorted(c[0] for c in BROKEN_CASES)


@pytest.mark.parametrize(("stem", "field", "reason"), BROKEN_CASES)
def test_broken_pack_names_file_and_field(stem: str, field: str, reason: str) -> None:
    path = BROKEN / f"{stem}.toml"
    with pytest.raises(PackError) as caught:
        load_pack(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.field) == (str(path), field)
    assert reason in problem.reason
    assert str(problem).startswith(f"{path}: {field}: ")


def test_the_fixtures_base_is_valid() -> None:
    assert parse_pack(VALID_TEXT, "valid.toml").council.name == "Testshire District Council"


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = VALID_TEXT.replace('role = "lead"', 'role = "supervisor"').replace(
        'accounts = ["test-x"]', 'accounts = ["test-tiktok"]')
    with pytest.raises(PackError) as caught:
        parse_pack(text, "two.toml")
    assert [p.field for p in caught.value.problems] == ["officers[0].accounts", "officers[1].role"]


@pytest.mark.parametrize(("old", "new", "field"), [
    ('removal = "refer"', 'removal = "remove"', "moderation.removal"),
    ('"warn"]\nsource = "Test policy 6.1"', '"warn", "remove"]\nsource = "Test policy 6.1"',
     "roles[0].permissions"),
    ('approval_required = false', 'approval_required = true', "emergency.approver_roles"),
    ('responder_roles = ["lead"]', 'responder_roles = ["duty"]', "emergency.responder_roles"),
    ('hours = "office"', 'hours = "weekend"', "accounts[0].hours"),
    ('mon = [["08:30", "17:00"]]\ntue = [["08:30", "17:00"]]', "", "hours.office.weekly"),
    ('accounts = ["test-x"]', "accounts = []", "officers[0].accounts"),
    ('source = "Test policy 2.1"', 'source = "  "', "first_response.source"),
])
def test_pack_rules(old: str, new: str, field: str) -> None:
    assert old in VALID_TEXT
    with pytest.raises(PackError) as caught:
        parse_pack(VALID_TEXT.replace(old, new, 1), "t.toml")
    assert field in [p.field for p in caught.value.problems]


@pytest.mark.parametrize(("old", "new", "field", "reason"), [
    ("warnings_before_block = 2", "warnings_before_block = 2.0", "moderation.warnings_before_block",
     "not 2.0"),
    ("warnings_before_block = 2", 'warnings_before_block = "2"', "moderation.warnings_before_block",
     'not "2"'),
    ("warnings_before_block = 2", "warnings_before_block = false", "moderation.warnings_before_block",
     "not false"),
    ("minutes = 90", "minutes = true", "first_response.minutes", "not true"),
    ("warnings_before_block = 2", "warnings_before_block = 2\nwarnings_expire_days = true",
     "moderation.warnings_expire_days", "not true"),
    ("warnings_before_block = 2", "warnings_before_block = 2\nreport_at_once = 1",
     "moderation.report_at_once", "must be true or false, not 1"),
    ("warnings_before_block = 2", 'warnings_before_block = 2\nreport_role = "boss"',
     "moderation.report_role", "no role named 'boss'"),
])
def test_pack_numbers_and_flags_are_strict(old: str, new: str, field: str, reason: str) -> None:
    assert old in VALID_TEXT
    with pytest.raises(PackError) as caught:
        parse_pack(VALID_TEXT.replace(old, new, 1), "t.toml")
    [problem] = caught.value.problems
    assert problem.field == field and reason in problem.reason
    assert str(problem).startswith(f"t.toml: {field}: ")


def test_warning_templates_hold_only_known_placeholders() -> None:
    text = VALID_TEXT.replace('source = "Test policy 3.1"', 'source = "Test policy 3.1"\n'
                              '[moderation.warning_templates]\nfirst = "Hi {name}: {category}"\n'
                              'final = "Last one ({category})"\nsource = "Test policy 3.2"', 1)
    with pytest.raises(PackError) as caught:
        parse_pack(text, "t.toml")
    [problem] = caught.value.problems
    assert problem.field == "moderation.warning_templates.first"
    assert "unknown placeholder {name}" in problem.reason and "{category}" in problem.reason


def test_two_time_zones_in_one_pack_are_refused() -> None:
    text = VALID_TEXT + '\n[hours.far]\ntimezone = "Europe/Dublin"\n[hours.far.weekly]\nmon = [["09:00", "10:00"]]\n'
    with pytest.raises(PackError) as caught:
        parse_pack(text, "t.toml")
    assert [p.field for p in caught.value.problems] == ["hours"]


def test_a_pack_built_in_code_is_held_to_the_same_references() -> None:
    data = tomllib.loads(VALID_TEXT.replace('role = "lead"', 'role = "supervisor"'))
    with pytest.raises(ValidationError, match=r"officers\[1\]\.role: no role named 'supervisor'"):
        PolicyPack.model_validate(data)


def test_unknown_shipped_name_lists_the_shipped_packs() -> None:
    with pytest.raises(PackError) as caught:
        load_pack("lewes")
    [problem] = caught.value.problems
    assert problem.field == "(name)" and "lewes-eastbourne" in problem.reason


# -- dutydesk policy ------------------------------------------------------------------------------

def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dutydesk")
    cmd_policy.register(parser.add_subparsers())
    args = parser.parse_args(["policy", *argv])
    return args.handler(args)


def test_check_passes_the_shipped_packs(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(_shipped_file(n)) for n in SHIPPED]
    assert _run("check", *files) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == f"{files[2]}: ok (Lewes District and Eastbourne Borough Councils, 7 accounts, 7 officers)"
    assert len(out) == 5


def test_check_fails_a_broken_pack_naming_file_and_field(capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = str(_shipped_file("lincolnshire")), str(BROKEN / "unknown_role.toml")
    assert _run("check", good, bad) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{good}: ok (Lincolnshire County Council")
    assert out[1] == f"{bad}: officers[1].role: no role named 'supervisor'"


def test_check_reports_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.toml")
    assert _run("check", missing) == 1
    assert capsys.readouterr().out.strip() == f"{missing}: (file): no such file"


def test_show_prints_the_policy_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("show", "lewes-eastbourne") == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())
    for expected in ("Lewes District and Eastbourne Borough Councils",
                     "hours 'customer_first': Mon-Fri 08:30-17:00; closed Sat-Sun",
                     "target: 90 minutes of opening hours",
                     "ladder: 2 warnings, then a block by Customer Communications and Engagement Lead only",
                     "comments are referred, not removed",
                     "first factual update: within 20 minutes",
                     "press: Cobb PR", "kmorgan Kate Morgan",
                     "source: 7.2", "source: 8.2", "source: 6.2", "source: 3.2"):
        assert expected in flat
    assert all(len(line) <= cmd_policy.WIDTH for line in out.splitlines())


def test_show_takes_a_path_and_reports_problems(capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(BROKEN / "bad_timezone.toml")
    assert _run("show", bad) == 1
    assert capsys.readouterr().out.startswith(f"{bad}: hours.office.timezone: ")
    assert _run("show", str(_shipped_file("leighton-linslade"))) == 0
    out = capsys.readouterr().out
    assert "access until 31 August 2026" in out and "Sat 09:00-16:00" in out


def test_list_names_the_shipped_packs(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == SHIPPED


# -- citations -------------------------------------------------------------------------------------

# A path from the root of a file system: "/work/...", "/home/...", not "https://x/y" or "gov.uk/contact".
_ABSOLUTE = re.compile(r"""(?:^|[\s"'(\[=])(/[\w.-]+)+/?""", re.MULTILINE)


@pytest.mark.parametrize("name", SHIPPED)
def test_no_pack_file_names_an_absolute_path(name: str) -> None:
    text = _shipped_file(name).read_text()
    assert _ABSOLUTE.findall(text) == [], "name the policy by its repository path: shared/policies/..."
    assert 'source = "shared/policies/' in text


def test_the_absolute_path_check_can_fail() -> None:
    assert _ABSOLUTE.search('# Source: /work/shared/policies/001.txt')
    assert _ABSOLUTE.search('source = "/home/me/policy.txt"')
    assert not _ABSOLUTE.search('alternative = "www.x.gov.uk/contact-us, https://example.org/a/b"')


@pytest.mark.parametrize("name", SHIPPED)
def test_every_pack_names_its_defaults_and_they_resolve(name: str) -> None:
    pack = load_pack(name)
    assert pack.dutydesk_defaults  # every policy is silent on something (the hours, at least)
    assert pack.is_default(f"hours.{next(iter(pack.hours))}")


def test_a_default_naming_no_value_is_a_problem(tmp_path: Path) -> None:
    text = _shipped_file("lincolnshire").read_text().replace(
        "dutydesk_defaults = [", 'dutydesk_defaults = ["first_response.minuets", ')
    path = tmp_path / "typo.toml"
    path.write_text(text)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert any(p.field.startswith("dutydesk_defaults") and "minuets" in p.reason for p in caught.value.problems)


@pytest.mark.parametrize(("name", "place", "default"), [
    ("lewes-eastbourne", "first_response.minutes", False),        # 7.2: 90 minutes
    ("lewes-eastbourne", "emergency.freeze_scheduled", True),     # the policy has no freeze
    ("lewes-eastbourne", "emergency.first_update_minutes", False),  # 6.2: 20 minutes
    ("buckinghamshire", "emergency.freeze_scheduled", False),     # 3 General: output frozen
    ("buckinghamshire", "emergency.declare_roles", True),         # no declarer named
    ("leighton-linslade", "contacts.safeguarding", True),         # 10.4 names no one
    ("leighton-linslade", "emergency.declare_roles", True),       # the whole section is a default
    ("lincolnshire", "contacts.press", True),                     # the policy names no press contact
    ("north-lincolnshire", "first_response.minutes", True),       # "in a timely manner"
])
def test_what_is_dutydesks_default(name: str, place: str, default: bool) -> None:
    assert load_pack(name).is_default(place) is default


def test_policy_show_marks_defaults_and_counts_from_the_incident(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("show", "lewes-eastbourne") == 0
    out = capsys.readouterr().out
    assert "scheduled posts: frozen until the emergency ends (dutydesk's default)" in out
    assert "within 20 minutes of the incident (counted from the declaration)" in out
    assert "of the declaration\n" not in out


def test_show_prints_the_warning_ladder(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("show", "lincolnshire") == 0
    flat = " ".join(capsys.readouterr().out.split())
    for expected in ("warnings expire: never", "warning 1: Your comment on our page ({category})",
                     "final warning: This is a final warning", "who blocks: GETTING STARTED",
                     "escalated at once to the Digital Engagement Team (DET) officer"):
        assert expected in flat, expected
