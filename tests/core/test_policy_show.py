"""`dutydesk policy show` prints every section of every shipped pack, each with its source."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from core.pack_files import load_pack
from core.policy import PolicyPack
from dutydesk.cmd_policy import describe

SHIPPED = ["buckinghamshire", "leighton-linslade", "lewes-eastbourne", "lincolnshire", "north-lincolnshire"]

# Each field of a pack and the heading `show` prints it under: a new section of `PolicyPack`
# fails `test_every_field_of_a_pack_has_a_heading` until `show` prints it.
HEADINGS = {
    "council": "(", "signature": "(", "hours": "Accounts and opening hours",
    "hours_source": "Accounts and opening hours", "accounts": "Accounts and opening hours",
    "first_response": "First response", "moderation": "Moderation", "emergency": "Emergency",
    "contacts": "Contacts", "safeguarding": "Safeguarding", "statutory": "Statutory clocks",
    "triage": "Triage", "roles": "Roles", "officers": "Register of authorised officers",
    "register_source": "Register of authorised officers", "templates": "Reply templates",
    "dutydesk_defaults": "(dutydesk's default)",
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _shown(name: str) -> str:
    return _flat("\n".join(describe(load_pack(name))))


def _sources(value: object) -> Iterator[str]:
    """Every `source` (and `*_source`) text anywhere in a pack."""
    if isinstance(value, BaseModel):
        for field, inner in value:
            if isinstance(inner, str) and (field == "source" or field.endswith("_source")):
                yield inner
            else:
                yield from _sources(inner)
    elif isinstance(value, tuple | list):
        for inner in value:
            yield from _sources(inner)
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _sources(inner)


def test_every_field_of_a_pack_has_a_heading() -> None:
    assert set(PolicyPack.model_fields) == set(HEADINGS)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_section_is_shown(name: str) -> None:
    shown = _shown(name)
    for heading in set(HEADINGS.values()):
        assert heading in shown, heading


@pytest.mark.parametrize("name", SHIPPED)
def test_every_source_is_shown(name: str) -> None:
    pack, shown = load_pack(name), _shown(name)
    sources = list(_sources(pack))
    assert len(sources) >= 10  # council, hours, first response, ..., safeguarding, statutory, triage
    for source in sources:
        assert _flat(source) in shown, source[:60]


@pytest.mark.parametrize("name", SHIPPED)
def test_safeguarding_statutory_and_triage_are_shown(name: str) -> None:
    pack, shown = load_pack(name), _shown(name)
    s = pack.safeguarding
    expected = [
        f"out of hours: {_flat(s.out_of_hours)}; immediate danger: call 999",
        f"told at once: {pack.role(s.escalate_to).title}",
        f"private messages: {_flat(s.private_messages)}",
        "FOI: the 20th working day after receipt (20 working days, FOI Act s.10)",
        "subject access: one calendar month after receipt (one month, UK GDPR Art. 12(3))",
        "complaints: acknowledgement (ACK) by working day 5; stage 1 response (CS1) by working day 15 "
        "(dutydesk's default)",
        "warnings: at 5 and 2 calendar days left, and when late (dutydesk's default)",
        "phrases: dutydesk's only (none of the pack's own) source: dutydesk default: no extra phrases",
        f"subject access: via {pack.contacts.data_protection}",
    ]
    for line in expected:
        assert line in shown, line


@pytest.mark.parametrize(("name", "expected"), [
    ("lewes-eastbourne", "cover: 12 hours from the declaration (dutydesk's default)"),
    ("lewes-eastbourne", "messages about it: 30 minutes on the extended hours (dutydesk's default)"),
    ("lewes-eastbourne", "a late scheduled post: 5 minutes late at most, then held for a person (dutydesk's default)"),
    ("buckinghamshire", "cover: none unless the declarer sets an end"),
    ("buckinghamshire", "messages about it: the usual target"),
    ("lincolnshire", "tighter target: 60 minutes of opening hours for accounts with a young or vulnerable "
                     "audience (dutydesk's default)"),
])
def test_the_emergency_clocks_and_the_tighter_target_are_shown(name: str, expected: str) -> None:
    assert expected in _shown(name)


def test_a_packs_own_triage_phrases_are_listed() -> None:
    pack = load_pack("lewes-eastbourne")
    triage = pack.triage.model_validate({"source": "Safeguarding team, local terms (March 2026)",
                                         "phrases": {"safeguarding": ["going country", "on the blocks"]}})
    shown = _flat("\n".join(describe(pack.model_copy(update={"triage": triage}))))
    assert "phrases: the pack's own, on top of dutydesk's safeguarding: going country; on the blocks" in shown
    assert "source: Safeguarding team, local terms (March 2026)" in shown
