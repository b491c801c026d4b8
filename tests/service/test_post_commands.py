"""`dutydesk post ...` and `dutydesk export incident`, run through the command line's `main`,
and the record's escaping of untrusted text (Markdown syntax, spreadsheet formulas)."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.emergency import Incident
from core.models import Action
from core.pack_files import load_pack
from dutydesk.cli import main
from service.clock import SystemClock
from service.desk import DeskSession
from service.emergency import CrisisDesk
from service.incident_record import csv_cell, incident_csv, incident_markdown, markdown_text
from storage.sqlite import SqliteStore


def test_schedule_list_and_cancel_through_the_command_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "desk.sqlite3")
    assert main(["post", "schedule", "--db", db, "--as", "kmorgan", "--account", "lewes-x",
                 "--at", "+1h", "--text", "Bins as normal"]) == 0
    assert "post 1 scheduled on lewes-x" in capsys.readouterr().out
    assert main(["post", "schedule", "--db", db, "--as", "jharding", "--account", "lewes-x",
                 "--at", "+1h", "--text", "x"]) == 3
    assert "may not post on 'lewes-x'" in capsys.readouterr().err
    assert main(["post", "schedule", "--db", db, "--as", "kmorgan", "--account", "lewes-x",
                 "--at", "soon", "--text", "x"]) == 2
    assert "'soon' is not a time" in capsys.readouterr().err
    assert main(["post", "list", "--db", db, "--as", "kmorgan"]) == 0
    assert "\tscheduled\tlewes-x\t" in capsys.readouterr().out
    assert main(["post", "cancel", "1", "--db", db, "--as", "kmorgan", "--reason", "wrong day"]) == 0
    assert capsys.readouterr().out == "post 1 cancelled\n"
    assert main(["post", "list", "--db", db, "--as", "kmorgan"]) == 0
    assert capsys.readouterr().out == ""


def test_export_incident_writes_markdown_and_csv(tmp_path: Path, capsys) -> None:
    db = tmp_path / "desk.sqlite3"
    pack = load_pack("lewes-eastbourne")

    async def declare() -> None:
        store = SqliteStore(db)
        await store.open()
        clock = SystemClock()
        kate = CrisisDesk(DeskSession(store, pack, clock, "kmorgan"))
        await kate.schedule("lewes-x", "=1+1 bins", clock.now() + timedelta(hours=1))
        crisis = CrisisDesk(DeskSession(store, pack, clock, "tgreaves"))
        await crisis.declare("=HYPERLINK(\"http://x\") # Flood", "a [link](http://x) | pipe")
        await store.close()
    asyncio.run(declare())
    assert main(["export", "incident", "1", "--db", str(db), "--as", "kmorgan", "--out", str(tmp_path)]) == 0
    md = (tmp_path / "incident-1.md").read_text()
    assert "# Incident 1: \\=HYPERLINK\\(\"http://x\"\\) \\# Flood" in md
    assert "\\[link\\]\\(http://x\\) \\| pipe" in md
    rows = list(csv.reader((tmp_path / "incident-1.csv").open()))
    assert rows[0][:5] == ["incident", "when_utc", "actor", "actor_name", "verb"]
    assert rows[1][4] == "emergency_declared" and rows[1][3] == "Tom Greaves"
    # Each frozen post has its own line: which post, account and time, by whom.
    assert rows[2][3:8] == ["Tom Greaves", "post_frozen", "lewes-x", "", "1"]
    assert "scheduled for" in rows[2][8] and "(frozen by the declaration): =1+1 bins" in rows[2][8]
    assert "froze a post \\#1 on lewes\\-x scheduled for" in md
    assert main(["export", "incident", "9", "--db", str(db), "--as", "kmorgan"]) == 2
    assert "no incident with id 9" in capsys.readouterr().err


@pytest.mark.parametrize("value, shown", [
    ("=1+1", "'=1+1"), ("+44 1234", "'+44 1234"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=x", "'\t=x"), ("plain", "plain"), ("", ""), (None, "")])
def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote_mark(value, shown) -> None:
    assert csv_cell(value) == shown


@pytest.mark.parametrize("text, shown", [
    ("# head", "\\# head"), ("a|b", "a\\|b"), ("[x](y)", "\\[x\\]\\(y\\)"), ("<b>", "\\<b\\>"),
    ("line\nbreak", "line break"), ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`")])
def test_markdown_text_escapes_every_syntax_character(text, shown) -> None:
    assert markdown_text(text) == shown


def test_an_untrusted_actor_name_cannot_break_the_csv_or_the_table() -> None:
    at = datetime(2026, 3, 2, 10, tzinfo=UTC)
    incident = Incident(id=1, title="T", reason="R", declared_by="x", declared_at=at)
    action = Action(at=at, actor="=cmd|' /C calc'!A0", verb="reply", message_id=3, account="a",
                    detail={"text": "| injected | row |\n"})
    table = incident_csv(incident, [action], lambda a: a)
    assert list(csv.reader(table.splitlines()))[1][2] == "'=cmd|' /C calc'!A0"
    md = incident_markdown(incident, [action], lambda a: a)
    assert md.splitlines()[-1].count(" | ") == 2  # still three cells
