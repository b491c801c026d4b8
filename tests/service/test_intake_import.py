"""Whole imports: good and bad lines together, the rejects file, re-runs, batches, hostile
text, and the `dutydesk import` / `dutydesk schema` commands."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.hours import OpeningHours, Weekly
from core.models import InboundMessage
from core.policy import PolicyPack
from dutydesk.cli import main
from service.imports import ImportSummary, import_stream
from storage.base import QueueQuery, Store, StoreError
from storage.memory import MemoryStore
from storage.rows import InsertResult, MessageRow
from storage.sqlite import SqliteStore
from tests.service.conftest import MONDAY_10, inbound_dict


def _line(n: int, **changes: object) -> bytes:
    return json.dumps(inbound_dict(n, **changes)).encode()


MIXED = [
    _line(1),
    b"{not json",
    _line(2),
    b"",  # blank lines are skipped, not counted
    _line(3, account="hastings-x"),
    _line(4, received_at="2026-03-02T10:00:00"),
    _line(5),
    _line(1),  # the same message again, later in the same file
]


async def _import(lines: Sequence[bytes], store: Store, pack: PolicyPack, clock: FixedClock,
                  batch: int = 2000, on_stored: Sequence[Callable] = ()) -> tuple[ImportSummary, list[dict]]:
    rejects = io.StringIO()
    summary = await import_stream(lines, store, pack, clock, rejects, batch=batch, on_stored=on_stored)
    return summary, [json.loads(line) for line in rejects.getvalue().splitlines()]


@pytest.fixture(params=["memory", "sqlite"])
async def store(request: pytest.FixtureRequest, tmp_path: Path):
    opened = MemoryStore() if request.param == "memory" else SqliteStore(tmp_path / "desk.sqlite3")
    await opened.open()
    yield opened
    await opened.close()


async def test_good_lines_stored_bad_lines_rejected_with_line_and_reason(
        store: Store, lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    summary, rejects = await _import(MIXED, store, lewes_pack, frozen_clock)
    assert summary == ImportSummary(read=7, stored=3, duplicates=1, rejected=3)
    assert [r["line"] for r in rejects] == [2, 5, 6]
    assert rejects[0]["raw"] == "{not json" and "not valid JSON" in rejects[0]["reason"]
    assert "unknown account 'hastings-x'" in rejects[1]["reason"]
    assert "received_at: time must be timezone-aware" in rejects[2]["reason"]
    assert await store.count_messages() == 3
    stored = await store.get_message(1)
    assert stored.platform_id == "m1" and stored.ingested_at == MONDAY_10


async def test_reimport_adds_nothing(store: Store, lewes_pack: PolicyPack,
                                    frozen_clock: FixedClock) -> None:
    lines = [_line(n) for n in range(50)]
    first, _ = await _import(lines, store, lewes_pack, frozen_clock, batch=7)
    again, _ = await _import(lines, store, lewes_pack, frozen_clock, batch=7)
    assert first == ImportSummary(read=50, stored=50, duplicates=0, rejected=0)
    assert again == ImportSummary(read=50, stored=0, duplicates=50, rejected=0)
    assert await store.count_messages() == 50


async def test_triage_labels_and_due_times_are_stored(store: Store, lewes_pack: PolicyPack,
                                                      frozen_clock: FixedClock) -> None:
    lines = [_line(0, text="This is an FOI request. Ring me on 07700 900123", labels=["vip"])]
    await _import(lines, store, lewes_pack, frozen_clock)
    stored = await store.get_message(1)
    assert stored.labels == ("vip", "foi", "personal_data")
    assert stored.due_at is not None and stored.due_at.isoformat() == "2026-03-02T11:30:00+00:00"


class CountingStore(MemoryStore):
    """A MemoryStore that records the size of every add_rows call (one call: one transaction)."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[int] = []

    async def add_rows(self, rows: Sequence[MessageRow]) -> list[InsertResult]:
        self.batches.append(len(rows))
        return await super().add_rows(rows)


async def test_each_batch_is_one_store_call(lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    store = CountingStore()
    await store.open()
    seen: list[int] = []
    lines = [_line(n) for n in range(10)] + [b"junk"]
    summary, _ = await _import(lines, store, lewes_pack, frozen_clock, batch=4,
                               on_stored=[lambda results: seen.append(len(results))])
    assert store.batches == [4, 4, 2]
    assert seen == [4, 4, 2]
    assert summary.stored == 10 and summary.rejected == 1


async def test_a_bom_on_the_first_line_is_ignored(store: Store, lewes_pack: PolicyPack,
                                                  frozen_clock: FixedClock) -> None:
    summary, _ = await _import([b"\xef\xbb\xbf" + _line(1), _line(2)], store, lewes_pack, frozen_clock)
    assert summary.stored == 2


# -- hostile text: stored exactly as sent, or refused with a reason ----------------------------------

HOSTILE_TEXTS = [
    "[bold red]x[/]",
    "[link=https://evil.example]click[/link]",
    "\x1b[2J\x1b[H cleared your screen",
    "\x1b]8;;https://evil.example\x1b\\a link\x1b]8;;\x1b\\",
    "\u202eevil.exe\u202c right-to-left override",
    "family: 👨\u200d👩\u200d👧 zero-width joiners",
    "emoji 🎉🔥 and CJK 日本語 and combining e\u0301",
    "'; DROP TABLE messages; --",
    "\r\n\t tabs, carriage returns and newlines \n",
    "a" * 1_000_000,  # over MAX_TEXT_CHARS: refused with a reason
    "\U0010ffff private use and \ufffd replacement",
]


async def test_hostile_texts_are_stored_literally_or_rejected_with_a_reason(
        store: Store, lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    lines = [_line(n, text=text, author={"platform_id": f"u{n}", "handle": text[:200],
                                         "display_name": text[:500]})
             for n, text in enumerate(HOSTILE_TEXTS)]
    lines.append(_line(99, text="lone \\ud800 surrogate").replace(b"\\\\ud800", b"\\ud800"))
    summary, rejects = await _import(lines, store, lewes_pack, frozen_clock)
    assert summary.read == len(lines)
    assert {r["line"] for r in rejects} == {10, 12}
    assert all(r["reason"] for r in rejects)
    stored = {m.platform_id: m for m in await store.queue(QueueQuery(awaiting_only=False))}
    for n, text in enumerate(HOSTILE_TEXTS):
        if len(text) <= 100_000:
            assert stored[f"m{n}"].text == text
            assert stored[f"m{n}"].author.display_name == text[:500]
    assert len(stored) == len(HOSTILE_TEXTS) - 1


# -- the commands ------------------------------------------------------------------------------------

def _write(path: Path, lines: Sequence[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_cli_import_reports_and_exits_1_when_lines_are_rejected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path / "feed.jsonl", MIXED)
    db = tmp_path / "desk.sqlite3"
    assert main(["import", str(source), "--db", str(db)]) == 1
    rejects = tmp_path / "feed.rejects.jsonl"
    out = capsys.readouterr().out
    assert out.strip() == f"read 7, stored 3, already there 1, rejected 3 (see {rejects})"
    assert [json.loads(line)["line"] for line in rejects.read_text().splitlines()] == [2, 5, 6]

    assert main(["import", str(source), "--db", str(db), "--rejects", str(tmp_path / "r2.jsonl")]) == 1
    assert "read 7, stored 0, already there 4, rejected 3" in capsys.readouterr().out


def test_cli_import_exits_0_and_writes_no_rejects_file_when_all_is_well(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path / "good.jsonl", [_line(n) for n in range(5)])
    assert main(["import", str(source), "--db", str(tmp_path / "d.sqlite3")]) == 0
    assert capsys.readouterr().out.strip() == "read 5, stored 5, already there 0, rejected 0"
    assert not (tmp_path / "good.rejects.jsonl").exists()


def test_cli_import_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO(b"\n".join([_line(1), b"oops"])))
    monkeypatch.setattr("sys.stdin", fake_stdin)
    monkeypatch.chdir(tmp_path)
    assert main(["import", "-", "--db", str(tmp_path / "d.sqlite3")]) == 1
    assert "(see rejects.jsonl)" in capsys.readouterr().out
    assert json.loads((tmp_path / "rejects.jsonl").read_text())["line"] == 2


@pytest.mark.parametrize(("argv", "message"), [
    (["import", "{tmp}/missing.jsonl"], "cannot read {tmp}/missing.jsonl"),
    (["import", "{tmp}/good.jsonl", "--policy", "{tmp}/broken.toml"], "the policy pack has problems"),
    (["import", "{tmp}/good.jsonl", "--policy", "atlantis"], "no shipped pack of that name"),
    (["import", "{tmp}/good.jsonl", "--db", "{tmp}/not-a-db.sqlite3"], "not a dutydesk store"),
    (["import", "{tmp}/good.jsonl", "--batch", "0"], "--batch must be at least 1"),
    (["import", "{tmp}/good.jsonl", "--workers", "0"], "--workers must be at least 1"),
])
def test_cli_import_exits_2_with_a_clear_message(argv: list[str], message: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "good.jsonl", [_line(1)])
    (tmp_path / "broken.toml").write_text("[council]\nname = 3\n")
    (tmp_path / "not-a-db.sqlite3").write_bytes(b"this is not SQLite at all" * 100)
    args = [a.format(tmp=tmp_path) for a in argv]
    if "--db" not in args:
        args += ["--db", str(tmp_path / "d.sqlite3")]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert message.format(tmp=tmp_path) in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_cli_schema_inbound_prints_the_models_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "inbound"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == InboundMessage.model_json_schema()
    assert out.startswith('{\n  "')  # indented


class FailsOnSecondBatch(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    async def add_rows(self, rows: Sequence[MessageRow]) -> list[InsertResult]:
        self.calls += 1
        if self.calls == 2:
            raise StoreError("disk full")
        return await super().add_rows(rows)


async def test_a_store_failure_stops_the_import_and_keeps_what_committed(
        lewes_pack: PolicyPack, frozen_clock: FixedClock) -> None:
    store = FailsOnSecondBatch()
    await store.open()
    with pytest.raises(StoreError, match="disk full"):
        await _import([_line(n) for n in range(10)], store, lewes_pack, frozen_clock, batch=4)
    assert await store.count_messages() == 4


async def test_hours_that_never_open_reject_the_line_with_a_reason(
        lewes_pack: PolicyPack, frozen_clock: FixedClock, memory_store: MemoryStore) -> None:
    never = OpeningHours(weekly=Weekly())
    pack = lewes_pack.model_copy(update={"hours": {name: never for name in lewes_pack.hours}})
    summary, rejects = await _import([_line(1)], memory_store, pack, frozen_clock)
    assert summary.rejected == 1
    assert rejects[0]["reason"].startswith("cannot work out the first-response due time: no open time")
