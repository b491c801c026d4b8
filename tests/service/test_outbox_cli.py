"""`dutydesk outbox` and `dutydesk outbox retry`, on a real store file; `--connectors` refusals."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from core.models import OutboxItem
from dutydesk.cli import main
from storage.outbox import HoldFilter
from storage.sqlite import SqliteStore
from tests.service.conftest import MONDAY_10


def _seed(path: Path) -> None:
    async def run() -> None:
        store = SqliteStore(path)
        await store.open()
        items = [OutboxItem(created_at=MONDAY_10, account=a, kind="reply", text=t, created_by="kmorgan")
                 for a, t in (("lewes-x", "failed one \x1b[31m"), ("lewes-x", "sent one"),
                              ("eastbourne-x", "held one"))]
        await store.record(outbox=items)
        await store.begin_delivery(1, MONDAY_10, MONDAY_10)
        await store.delivery_failed(1, "HTTP 403 Forbidden: \x1b[2J", MONDAY_10, None)
        await store.mark_outbox_sent(2, MONDAY_10)
        await store.hold_outbox("emergency freeze", HoldFilter(item_ids=(3,)))
        await store.close()
    asyncio.run(run())


def _item(path: Path, item_id: int) -> OutboxItem:
    async def run() -> OutboxItem:
        store = SqliteStore(path)
        await store.open()
        try:
            return await store.outbox_item(item_id)
        finally:
            await store.close()
    return asyncio.run(run())


def test_outbox_lists_unsent_items_with_their_state_safely(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.sqlite3"
    _seed(path)
    assert main(["outbox", "list", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    assert " failed " in lines[0] and "HTTP 403" in lines[0] and "attempts 1" in lines[0]
    assert "held (emergency freeze)" in lines[1]
    assert "\x1b" not in out  # escape sequences from the receiver or the text are made visible
    assert main(["outbox", "list", "--all", "--db", str(path)]) == 0
    assert "sent" in capsys.readouterr().out


def test_retry_is_recorded_and_refused_for_held_or_not_allowed(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.sqlite3"
    _seed(path)
    # Daniel Okafor is not authorised for lewes-x.
    assert main(["outbox", "retry", "1", "--db", str(path), "--as", "dokafor"]) == 3
    assert "not authorised for the account 'lewes-x'" in capsys.readouterr().err
    assert main(["outbox", "retry", "1", "--db", str(path), "--as", "kmorgan"]) == 0
    assert "retrying" in capsys.readouterr().out
    item = _item(path, 1)
    assert (item.failed_at, item.attempts) == (None, 0)
    assert main(["outbox", "retry", "3", "2", "99", "--db", str(path), "--as", "tgreaves"]) == 1
    err = capsys.readouterr().err
    assert "is held (emergency freeze)" in err and "it was sent" in err and "no outbox item with id 99" in err


def test_a_broken_connectors_file_stops_serve_naming_the_problem(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text('[webhook.lewes-x]\nurl = "http://example.org/"\nsecret = "tooshort"\n')
    assert main(["serve", "--db", str(tmp_path / "d.sqlite3"), "--connectors", str(conf)]) == 2
    err = capsys.readouterr().err
    assert "webhook.lewes-x.url" in err and "webhook.lewes-x.secret" in err
    assert "tooshort" not in err
