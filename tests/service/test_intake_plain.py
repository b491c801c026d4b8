"""The import's short cut (`Preparer.plain_row`) makes exactly the row the full path makes
(`_parse`, `Preparer`, `message_row`), and leaves to the full path every line it cannot vouch
for, so verdicts and reasons always come from one place."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.intake import inbound_lines
from core.pack_files import load_pack, shipped_pack_names
from core.policy import PolicyPack
from service.intake import Preparer, RejectedLine, UnknownAccountError, _parse
from storage.rows import MessageRow, message_row, to_micros
from tests.core.test_inbound import lines as generated_lines
from tests.service.conftest import MONDAY_10, inbound_dict
from tests.service.test_intake_import import HOSTILE_TEXTS
from tests.service.test_intake_parse import BAD_LINES

INGESTED = MONDAY_10 + timedelta(days=40)


def _full_path(raw: bytes, prepare: Preparer) -> MessageRow | None:
    try:
        return message_row(prepare(_parse(raw, 1, prepare.accounts), INGESTED))
    except (RejectedLine, UnknownAccountError, ValueError, OverflowError):
        return None


def _agree(raw: bytes, prepare: Preparer) -> MessageRow | None:
    short = prepare.plain_row(raw, to_micros(INGESTED, "ingested"))
    full = _full_path(raw, prepare)
    if short is not None:
        assert short == full, raw[:200]
        assert [type(v) for v in short] == [type(v) for v in full]  # type: ignore[arg-type]
    return short


@pytest.mark.parametrize("name", shipped_pack_names())
def test_every_bench_line_takes_the_short_cut_to_the_same_row(name: str) -> None:
    pack = load_pack(name)
    prepare = Preparer(pack)
    for raw in inbound_lines(600, pack, seed=3):
        assert _agree(raw, prepare) is not None


def test_bad_lines_are_left_to_the_full_path(lewes_pack: PolicyPack) -> None:
    prepare = Preparer(lewes_pack)
    for param in BAD_LINES:
        raw = param.values[0]
        assert prepare.plain_row(raw, 0) is None, param.id


def test_hostile_texts_and_intake_labels_give_the_same_row(lewes_pack: PolicyPack) -> None:
    prepare = Preparer(lewes_pack)
    for n, text in enumerate(HOSTILE_TEXTS):
        _agree(json.dumps(inbound_dict(n, text=text)).encode(), prepare)
    for labels in ([], ["foi"], ["press", "press", "vip"], ["complaint"]):
        raw = json.dumps(inbound_dict(1, text="I want to complain, FOI request", labels=labels)).encode()
        assert _agree(raw, prepare) is not None


def test_times_in_any_offset_and_across_the_clock_change(lewes_pack: PolicyPack) -> None:
    prepare = Preparer(lewes_pack)
    for when in ("2026-03-29T00:59:59.999999Z", "2026-03-29T02:30:00+01:00", "2026-10-25T01:30:00+01:00",
                 "2026-10-25T01:30:00+00:00", "2026-12-24T16:59:00Z", "2026-03-02T10:00:00-11:00",
                 "2099-12-31T23:59:59Z"):
        assert _agree(json.dumps(inbound_dict(1, received_at=when)).encode(), prepare) is not None


@settings(max_examples=300, deadline=None)
@given(generated_lines(), st.sampled_from(["lewes-x", "eastbourne-x", "hastings-x"]))
def test_generated_lines_agree(raw: bytes, account: str) -> None:
    try:
        data = json.loads(raw)
    except ValueError:  # not UTF-8 (a lone surrogate): the line goes as it is
        data = None
    if isinstance(data, dict) and "account" in data:
        data["account"] = account
        raw = json.dumps(data).encode("utf-8", "surrogatepass")
    _agree(raw, Preparer(load_pack("lewes-eastbourne")))


def test_labelled_triage_messages_and_pack_phrases_give_the_same_row(lewes_pack: PolicyPack) -> None:
    from bench.triage import SETS, load
    from core.triage_pack import TriagePhrases, TriageSection

    phrases = TriageSection(phrases=TriagePhrases(safeguarding=("going country",)), source="test")
    for pack in (lewes_pack, lewes_pack.model_copy(update={"triage": phrases})):
        prepare = Preparer(pack)
        for n, case in enumerate(case for name in SETS for case in load(name)):
            raw = json.dumps(inbound_dict(n, text=case.text, kind=case.kind)).encode()
            assert _agree(raw, prepare) is not None
        raw = json.dumps(inbound_dict(1, text="he keeps going country")).encode()
        row = _agree(raw, prepare)
        assert row is not None and ("safeguarding" in row.labels) is (pack is not lewes_pack)
