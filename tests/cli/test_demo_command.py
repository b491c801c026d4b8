"""`dutydesk demo` leaves no store behind unless asked (`--keep PATH`), and says, without
`--as`, whom it opened as and why (the desk itself is not run here: `_run` is replaced)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutydesk import cli, cmd_desk


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, object]]:
    calls: list[tuple[Path, object]] = []

    def fake_run(runtime, demo=None):  # noqa: ANN001, ANN202
        runtime.path.write_bytes(b"a store")  # what the desk would have made
        calls.append((runtime.path, demo))
        return 0

    monkeypatch.setattr(cmd_desk, "_run", fake_run)
    return calls


def test_the_demo_store_is_removed_at_exit(ran, capsys) -> None:  # noqa: ANN001
    assert cli.main(["demo"]) == 0
    [(path, note)] = ran
    assert not path.exists() and not path.parent.exists()
    assert note.kept_at is None and note.chosen_because
    assert "removed" in capsys.readouterr().err


def test_keep_keeps_the_store_where_asked(ran, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    kept = tmp_path / "my-demo.sqlite3"
    assert cli.main(["demo", "--keep", str(kept)]) == 0
    [(path, note)] = ran
    assert path == kept and kept.exists() and note.kept_at == kept
    assert str(kept) in capsys.readouterr().err


def test_as_given_is_not_explained(ran) -> None:  # noqa: ANN001
    assert cli.main(["demo", "--as", "tgreaves"]) == 0
    [(_, note)] = ran
    assert note.chosen_because is None
