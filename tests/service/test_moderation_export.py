"""`dutydesk export moderation-log`: whole days in the council's zone, CSV or Markdown, with
untrusted text made safe (no formulas, no broken tables, no raw HTML, no escape sequences)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from core.clock import FixedClock
from core.models import InboundMessage, Platform
from core.moderation_models import ModerationEntry
from core.pack_files import load_pack
from dutydesk.cli import main
from service.desk import DeskSession
from service.intake import prepare
from service.moderation_export import csv_cell, markdown_cell, period, to_csv, to_markdown
from storage.sqlite import SqliteStore
from tests.service.conftest import inbound_dict

PACK = load_pack("lewes-eastbourne")
HOSTILE = '=HYPERLINK("http://evil.test","x") | <script>alert(1)</script>\n*bold* [link](x) \x1b[31m'


@pytest.mark.parametrize(("text", "expected"), [
    ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+44 1234", "'+44 1234"), ("-1", "'-1"),
    ("@handle", "'@handle"), ("\tx", "'\tx"), ("plain words", "plain words"),
    ("a = b", "a = b"), ("\x1b[31mred", "\\x1b[31mred"),
])
def test_csv_cells_are_never_formulas(text: str, expected: str) -> None:
    assert csv_cell(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a | b", "a \\| b"), ("one\ntwo\r\nthree", "one<br>two<br>three"),
    ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"), ("*x* _y_ [z](u) `c`", "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\`"),
    ("back\\slash", "back\\\\slash"), ("a & b", "a &amp; b"), ("\x1b[2J", "\\\\x1b\\[2J"),
])
def test_markdown_cells_stay_one_literal_cell(text: str, expected: str) -> None:
    assert markdown_cell(text) == expected


def _entry(content: str, at: datetime) -> ModerationEntry:
    return ModerationEntry(at=at, actor="kmorgan", action="marked", platform=Platform.X,
                           author_platform_id="p1", author_handle="@=cmd|x", message_id=1,
                           account="lewes-x", category=PACK.moderation.categories[0],
                           content=content, outcome="warning 1 sent privately")


def test_a_hostile_message_reads_back_as_its_own_text_in_csv() -> None:
    text = to_csv([_entry(HOSTILE, datetime(2026, 6, 1, 12, tzinfo=UTC))], PACK)
    header, row = list(csv.reader(io.StringIO(text)))
    record = dict(zip(header, row, strict=True))
    assert record["content"] == "'" + HOSTILE.replace("\x1b", "\\x1b")
    assert record["author_handle"] == "'@=cmd|x"
    assert record["when"] == "2026-06-01T13:00:00+01:00"  # British Summer Time
    assert record["officer"] == "Kate Morgan (kmorgan)"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_a_hostile_message_stays_in_its_markdown_cell() -> None:
    text = to_markdown([_entry(HOSTILE, datetime(2026, 6, 1, 12, tzinfo=UTC))], PACK,
                       date(2026, 6, 1), date(2026, 6, 1))
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert len(table) == 3  # header, rule, one row: the newline did not end the row
    # Every unescaped pipe is a column border: 12 columns, 13 borders.
    assert table[2].replace("\\|", "").count("|") == 13
    assert "<script>" not in text and "\x1b" not in text


def test_the_period_is_whole_local_days() -> None:
    start, end = period(PACK, date(2026, 3, 29), date(2026, 3, 29))  # the clocks go forward
    assert (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() == 23 * 3600
    with pytest.raises(ValueError, match="before --from"):
        period(PACK, date(2026, 3, 2), date(2026, 3, 1))


async def _seed(path: Path) -> None:
    store = SqliteStore(path)
    await store.open()
    clock = FixedClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    lines = [InboundMessage.model_validate(inbound_dict(1, text=HOSTILE, author={
        "platform_id": "p1", "handle": "@persistent"}))]
    await store.add_messages([prepare(m, PACK, clock.now()) for m in lines])
    session = DeskSession(store, PACK, clock, "kmorgan")
    await session.moderation.mark_inappropriate(1, PACK.moderation.categories[2])
    await store.close()


def test_the_command_exports_the_days_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "desk.sqlite3"
    asyncio.run(_seed(db))
    assert main(["export", "moderation-log", "--db", str(db), "--from", "2026-03-02", "--to", "2026-03-02"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["action"], r["category"], r["author_handle"]) for r in rows] == [
        ("marked", "party political", "'@persistent")]
    assert main(["export", "moderation-log", "--db", str(db), "--from", "2026-03-03",
                 "--to", "2026-03-09", "--format", "md"]) == 0
    assert "0 entries" in capsys.readouterr().out
    out = tmp_path / "log.md"
    assert main(["export", "moderation-log", "--db", str(db), "--from", "2026-03-01",
                 "--to", "2026-03-02", "--format", "md", "-o", str(out)]) == 0
    assert "party political" in out.read_text(encoding="utf-8")


def test_the_command_refuses_a_missing_store_and_bad_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["export", "moderation-log", "--db", str(missing), "--from", "2026-03-01", "--to", "2026-03-02"]) == 2
    assert "no store at" in capsys.readouterr().err and not missing.exists()
    with pytest.raises(SystemExit):
        main(["export", "moderation-log", "--from", "1 March", "--to", "2026-03-02"])
    assert "is not a date: write it as YYYY-MM-DD" in capsys.readouterr().err
