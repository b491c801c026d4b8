"""`core` stays pure: no frameworks or outer layers imported, and the real clock never read.

import-linter holds the import rule in `make test`; this test holds it in plain pytest too, and
adds what import-linter cannot see: calls that read the real clock.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).parents[2] / "core"
FORBIDDEN_IMPORTS = frozenset({"textual", "aiosqlite", "apscheduler", "sqlite3", "storage", "service",
                               "tui", "dutydesk", "rich"})
CLOCK_READS = frozenset({"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
                         "datetime.date.today", "time.time", "time.time_ns"})


def _imports(tree: ast.Module) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append(node.module)
    return out


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted name it stands for (`dt` -> `datetime.datetime`)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def clock_reads(source: str) -> list[str]:
    """The real-clock calls in `source`, as `line: dotted.name`."""
    tree = ast.parse(source)
    aliases = _aliases(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (name := _dotted(node.func)):
            head, _, rest = name.partition(".")
            resolved = ".".join(filter(None, (aliases.get(head, head), rest)))
            if resolved in CLOCK_READS:
                found.append(f"{node.lineno}: {resolved}")
    return found


def forbidden_imports(source: str) -> list[str]:
    """The imports of `source` whose top package core must not use."""
    return [m for m in _imports(ast.parse(source)) if m.split(".")[0] in FORBIDDEN_IMPORTS]


CORE_FILES = sorted(CORE.rglob("*.py"))


def test_core_modules_are_found() -> None:
    names = {p.name for p in CORE_FILES}
    assert {"policy.py", "permissions.py", "clock.py", "models.py"} <= names


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_imports_nothing_outward(path: Path) -> None:
    assert forbidden_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_never_reads_the_real_clock(path: Path) -> None:
    assert clock_reads(path.read_text(encoding="utf-8")) == []


# The checks themselves must catch what they are for.
@pytest.mark.parametrize(("source", "expected"), [
    ("from datetime import datetime\ndatetime.now()", ["2: datetime.datetime.now"]),
    ("import datetime\ndatetime.datetime.utcnow()", ["2: datetime.datetime.utcnow"]),
    ("import datetime as dt\ndt.date.today()", ["2: datetime.date.today"]),
    ("from datetime import date as D\nD.today()", ["2: datetime.date.today"]),
    ("import time\ntime.time()", ["2: time.time"]),
    ("from time import time\ntime()", ["2: time.time"]),
    ("from datetime import datetime\ndatetime.now(tz=UTC)", ["2: datetime.datetime.now"]),
    ("def f(clock):\n    return clock.now()", []),
    ("from datetime import datetime\ndatetime.fromisoformat('2026-01-01')", []),
])
def test_clock_read_detector(source: str, expected: list[str]) -> None:
    assert clock_reads(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("import textual.app", ["textual.app"]),
    ("from aiosqlite import connect", ["aiosqlite"]),
    ("import sqlite3", ["sqlite3"]),
    ("from storage.base import Store", ["storage.base"]),
    ("from service import desk", ["service"]),
    ("import apscheduler.schedulers.asyncio", ["apscheduler.schedulers.asyncio"]),
    ("from dutydesk.cli import main", ["dutydesk.cli"]),
    ("from tui.app import DeskApp", ["tui.app"]),
    ("from core.policy import load_pack\nimport pydantic", []),
    ("from . import hours", []),
])
def test_import_detector(source: str, expected: list[str]) -> None:
    assert forbidden_imports(source) == expected
