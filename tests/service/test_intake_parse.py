"""One line and one message: parse_line's refusals, prepare's due times and labels, and the
deadline cache agreeing with core.sla to the microsecond."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.models import MAX_TEXT_CHARS
from core.pack_files import load_pack, shipped_pack_names
from core.policy import PolicyPack
from core.sla import deadlines
from service.intake import (
    DeadlineCache,
    RejectedLine,
    UnknownAccountError,
    parse_line,
    prepare,
    reject_record,
)
from service.lines import (
    MAX_LINE_BYTES,
    block_lines,
    cut_block,
    line_blocks,
    numbered_lines,
    read_lines,
    split_block,
)
from tests.service.conftest import MONDAY_10, inbound_dict


def _json(**changes: object) -> bytes:
    return json.dumps(inbound_dict(1, **changes)).encode()


def _with_body(raw_body: bytes) -> bytes:
    """A valid line whose text is `raw_body` spliced in as raw bytes."""
    return _json(text="BODY").replace(b'"BODY"', b'"' + raw_body + b'"')


BAD_LINES = [
    pytest.param(b"\xff\xfe{}", "invalid UTF-8 at byte 0", id="utf8-start"),
    pytest.param(_with_body(b"bins \xc3\x28 now"), "invalid UTF-8 at byte", id="utf8-middle"),
    pytest.param(b"{not json", "not valid JSON", id="not-json"),
    pytest.param(b'{"platform": "x"', "not valid JSON", id="truncated"),
    pytest.param(b"[1, 2, 3]", "not a JSON object: the line holds a list", id="list"),
    pytest.param(b'"hello"', "not a JSON object: the line holds a string", id="string"),
    pytest.param(b"42", "not a JSON object: the line holds a number", id="number"),
    pytest.param(b"null", "not a JSON object: the line holds null", id="null"),
    pytest.param(_json(kind=...), "kind: Field required", id="missing-kind"),
    pytest.param(_json(kind="tweet"), "kind: Input should be", id="wrong-kind"),
    pytest.param(_json(platform="myspace"), "platform: Input should be", id="wrong-platform"),
    pytest.param(_json(author={"handle": "@x"}), "author.platform_id: Field required", id="nested"),
    pytest.param(_json(colour="red"), "colour: Extra inputs are not permitted", id="extra"),
    pytest.param(_json(text=42), "text: Input should be a valid string", id="text-number"),
    pytest.param(_json(received_at="2026-03-02T10:00:00"), "received_at: time must be timezone-aware",
                 id="naive"),
    pytest.param(_json(received_at="2026-03-02"), "received_at: time must be timezone-aware",
                 id="date-only"),
    pytest.param(_json(received_at="2026-02-30T10:00:00Z"), "received_at: Input should be a valid datetime",
                 id="30-february"),
    pytest.param(_json(received_at="2026-03-02T25:00:00Z"), "received_at: Input should be a valid datetime",
                 id="hour-25"),
    pytest.param(_json(received_at="yesterday"), "received_at: Input should be a valid datetime",
                 id="words"),
    pytest.param(_json(received_at="9999-12-31T23:59:00Z"), "received_at: 9999-12-31T23:59:00+00:00 is "
                 "not a plausible time (expected 2000 to 2099)", id="year-9999"),
    pytest.param(_json(received_at="0001-01-01T00:00:00Z"), "not a plausible time", id="year-1"),
    pytest.param(_json(received_at=0), "received_at: expected a date and time as text", id="epoch-zero"),
    pytest.param(_json(received_at=1772445600), "received_at: expected a date and time as text (RFC 3339",
                 id="received-at-number"),
    pytest.param(_json(received_at=1772445600.25), "not a number", id="received-at-float"),
    pytest.param(_json(received_at="1772445600"), "not a number", id="received-at-number-text"),
    pytest.param(_json()[:-1] + b', "account": "eastbourne-x"}', "the key 'account' is given twice",
                 id="repeated-key"),
    pytest.param(_json().replace(b'"handle"', b'"handle": "@x", "handle"'),
                 "the key 'handle' is given twice", id="repeated-author-key"),
    pytest.param(_json().replace(b'"kind"', b'"k\\u0069nd": "dm", "kind"'),
                 "the key 'kind' is given twice", id="repeated-key-escaped"),
    pytest.param(_json(account="hastings-x"),
                 "unknown account 'hastings-x'; this policy pack's accounts are: lewes-x, eastbourne-x",
                 id="unknown-account"),
    pytest.param(_json(text="bins\u0000now"), "text: contains a NUL byte", id="nul-escape-text"),
    pytest.param(_json(thread_id="t\u0000"), "a field contains a NUL character", id="nul-escape-thread"),
    pytest.param(_with_body(b"bins\x00now"), "a NUL byte at byte", id="nul-raw"),
    pytest.param(_json(text="x" * (MAX_TEXT_CHARS + 1)), "text: String should have at most 100000",
                 id="body-too-long"),
    pytest.param(b"{" + b" " * MAX_LINE_BYTES + b"}", "line is over 2,097,152 bytes", id="line-too-long"),
    pytest.param(_json(kind=..., text=...), "kind: Field required; text: Field required",
                 id="two-faults"),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_LINES)
def test_parse_line_refuses_with_line_number_and_reason(raw: bytes, reason: str,
                                                        lewes_pack: PolicyPack) -> None:
    with pytest.raises(RejectedLine) as caught:
        parse_line(raw, 17, lewes_pack)
    assert caught.value.lineno == 17
    assert reason in caught.value.reason
    assert str(caught.value).startswith("line 17: ")


def test_invalid_utf8_names_the_byte(lewes_pack: PolicyPack) -> None:
    raw = b'{"text": "ab\xff"}'
    with pytest.raises(RejectedLine) as caught:
        parse_line(raw, 1, lewes_pack)
    assert caught.value.reason.startswith("invalid UTF-8 at byte 12 ")  # the \xff


@pytest.mark.parametrize("received_at", [
    "2026-03-02T10:00:00Z", "2026-03-02T10:00:00+00:00", "2026-03-02T11:00:00+01:00",
    "2026-03-02T10:00:00.123456Z",
])
def test_parse_line_accepts_any_offset_for_the_same_instant(received_at: str,
                                                            lewes_pack: PolicyPack) -> None:
    message = parse_line(_json(received_at=received_at), 1, lewes_pack)
    assert message.received_at.replace(microsecond=0) == MONDAY_10


def test_the_body_limit_is_inclusive(lewes_pack: PolicyPack) -> None:
    message = parse_line(_json(text="é" * MAX_TEXT_CHARS), 1, lewes_pack)
    assert len(message.text) == MAX_TEXT_CHARS


def test_reject_record_is_short_ascii_json(lewes_pack: PolicyPack) -> None:
    raw = "\x1b[2J[bold red]x[/] \u202e 😀 ".encode() + b"\xff" * 500
    record = reject_record(9, "not valid JSON: whatever", raw)
    assert record.endswith("\n") and record.isascii() and "\x1b" not in record
    data = json.loads(record)
    assert data["line"] == 9 and data["reason"] == "not valid JSON: whatever"
    assert len(data["raw"]) == 200
    assert data["raw"].startswith("\x1b[2J[bold red]x[/] \u202e 😀 \\xff")


def test_read_lines_cuts_over_long_lines_and_goes_on() -> None:
    source = io.BytesIO(b"one\r\n" + b"x" * 50 + b"\ntwo\nend")
    assert list(read_lines(source, limit=10)) == [b"one", b"x" * 11, b"two", b"end"]


# -- prepare ----------------------------------------------------------------------------------

def test_prepare_gives_due_times_from_the_accounts_hours(lewes_pack: PolicyPack,
                                                         make_message: Callable) -> None:
    message = make_message(0)  # Monday 10:00, open: 90 minutes, warnings at 30 and 10 left
    row = prepare(message, lewes_pack, MONDAY_10 + timedelta(seconds=2))
    assert row.inbound is message
    assert row.ingested_at == MONDAY_10 + timedelta(seconds=2)
    assert (row.warning_1_at, row.warning_2_at, row.due_at) == (
        MONDAY_10 + timedelta(minutes=60), MONDAY_10 + timedelta(minutes=80),
        MONDAY_10 + timedelta(minutes=90))


def test_prepare_pauses_the_clock_overnight(lewes_pack: PolicyPack, make_message: Callable) -> None:
    friday_evening = datetime(2026, 3, 6, 19, 0, tzinfo=UTC)
    row = prepare(make_message(0, received_at=friday_evening.isoformat()), lewes_pack, friday_evening)
    assert row.due_at == datetime(2026, 3, 9, 10, 0, tzinfo=UTC)  # Monday 08:30 + 90 minutes


@pytest.mark.parametrize(("intake", "text", "labels"), [
    ((), "When is the tip open?", ()),
    (("vip",), "When is the tip open?", ("vip",)),
    (("vip", "vip"), "When is the tip open?", ("vip",)),
    (("vip",), "I want to make a formal complaint", ("vip", "complaint")),
    (("complaint", "vip"), "I want to make a formal complaint. FOI request too.",
     ("complaint", "vip", "foi")),
])
def test_prepare_labels_are_intake_then_triage_each_once(intake: tuple[str, ...], text: str,
                                                          labels: tuple[str, ...],
                                                          lewes_pack: PolicyPack,
                                                          make_message: Callable) -> None:
    row = prepare(make_message(0, labels=list(intake), text=text), lewes_pack, MONDAY_10)
    assert row.labels == labels


def test_prepare_refuses_an_unknown_account_by_name(lewes_pack: PolicyPack,
                                                    make_message: Callable) -> None:
    with pytest.raises(UnknownAccountError, match="unknown account 'nowhere'.*lewes-x"):
        prepare(make_message(0, account="nowhere"), lewes_pack, MONDAY_10)


def test_prepare_refuses_a_naive_ingest_time(lewes_pack: PolicyPack, make_message: Callable) -> None:
    with pytest.raises(ValueError, match="ingested_at must be timezone-aware"):
        prepare(make_message(0), lewes_pack, datetime(2026, 3, 2, 10, 0))


# -- the deadline cache against core.sla -----------------------------------------------------------

def _instants() -> list[datetime]:
    """Every 37 minutes and 13 seconds through stretches with clock changes, bank holidays,
    closed dates and year ends, plus each exact opening and closing minute around them."""
    stretches = [datetime(2026, 3, 20, tzinfo=UTC), datetime(2026, 10, 15, tzinfo=UTC),
                 datetime(2026, 12, 18, tzinfo=UTC), datetime(2026, 3, 31, tzinfo=UTC)]
    step = timedelta(minutes=37, seconds=13, microseconds=7)
    out = []
    for start in stretches:
        out += [start + i * step for i in range(int(timedelta(days=16) / step))]
    for day in range(16):
        base = datetime(2026, 3, 20, tzinfo=UTC) + timedelta(days=day)
        out += [base.replace(hour=h, minute=m) + timedelta(microseconds=us)
                for h, m in ((7, 30), (8, 30), (15, 30), (16, 0), (17, 0), (16, 59))
                for us in (-1, 0, 1)]
    return out


@pytest.mark.parametrize("name", shipped_pack_names())
def test_deadline_cache_agrees_with_core_sla_exactly(name: str) -> None:
    pack = load_pack(name)
    caches = {key: DeadlineCache(hours, pack.first_response) for key, hours in pack.hours.items()}
    for key, cache in caches.items():
        hours = pack.hours[key]
        for instant in _instants():
            assert cache(instant) == deadlines(instant, hours, pack.first_response), (key, instant)


def test_deadline_cache_takes_any_time_zone(lewes_pack: PolicyPack) -> None:
    hours = lewes_pack.hours_for("lewes-x")
    cache = DeadlineCache(hours, lewes_pack.first_response)
    local = MONDAY_10.astimezone(hours.zone)
    assert cache(local) == deadlines(MONDAY_10, hours, lewes_pack.first_response)
    assert cache(local).due_at.tzinfo is UTC


# -- reading lines in blocks ----------------------------------------------------------------------

def _reference_lines(source: io.BytesIO, limit: int) -> list[bytes]:
    """read_lines as it was first written, a readline at a time: the yardstick for the blocks."""
    out = []
    while line := source.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := source.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
            out.append(line)
            continue
        out.append(line.rstrip(b"\r\n"))
    return out


_PIECES = st.sampled_from([b"a", b"bc", b"\n", b"\r", b"\r\n", b" ", b"\t", b"\xef\xbb\xbf", b"xyz" * 3,
                           b"\x00", b"\xff"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=60).map(b"".join), st.integers(1, 12), st.integers(1, 9),
       st.integers(1, 5))
def test_blocks_give_the_same_lines_as_reading_a_line_at_a_time(
        data: bytes, limit: int, read_size: int, per_block: int) -> None:
    expected = _reference_lines(io.BytesIO(data), limit)
    blocks = list(line_blocks(io.BytesIO(data), per_block, limit, read_size))
    assert [line for _, block in blocks for line in split_block(block, limit)] == expected
    assert all(len(split_block(block, limit)) <= per_block for _, block in blocks)
    numbered = [pair for first, block in blocks for pair in block_lines(first, block, limit)]
    assert numbered == list(numbered_lines(expected))


def test_read_lines_reads_big_input_in_megabyte_blocks() -> None:
    lines = [json.dumps(inbound_dict(n)).encode() for n in range(5000)]
    data = b"\r\n".join(lines) + b"\n\n   \n"
    assert list(read_lines(io.BytesIO(data))) == [*lines, b"", b"   "]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map(b"".join), st.integers(1, 4), st.integers(1, 40))
def test_a_block_cut_for_the_workers_keeps_every_line_and_its_number(
        data: bytes, parts: int, first: int) -> None:
    for _, block in line_blocks(io.BytesIO(data), 1000, 12, 7):
        cut = cut_block((first, block), parts)
        assert b"".join(piece for _, piece in cut) == block
        assert 1 <= len(cut) <= parts
        numbered = [pair for start, piece in cut for pair in block_lines(start, piece, 12)]
        assert numbered == block_lines(first, block, 12)
        sizes = [len(split_block(piece, 12)) for _, piece in cut]
        assert max(sizes) - min(sizes) <= max(sizes) // 2 + 1  # shared out about evenly


@pytest.mark.parametrize("raw", [
    _json()[:-1] + b', "account": "eastbourne-x"}',
    _json(received_at=1772445600),
])
def test_an_import_batch_rejects_what_parse_line_rejects(raw: bytes, lewes_pack: PolicyPack) -> None:
    from service.intake import Preparer, convert_lines

    converted = convert_lines([(1, _json()), (2, raw)], Preparer(lewes_pack), MONDAY_10)
    assert len(converted.rows) == 1
    [reject] = [json.loads(r) for r in converted.rejects]
    assert reject["line"] == 2
