"""The one parser rule: a global option (--db, --policy, --as) means the same before or after
any command that takes it; one a command does not take is refused in either place."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from dutydesk.cli import build_parser, main
from dutydesk.commands import GLOBAL_OPTIONS, settle
from tests.service.conftest import inbound_dict

#: Every command, the arguments it needs besides global options, and the options it takes.
#: A command added without a row here fails `test_every_command_is_in_the_table`.
COMMANDS: dict[str, tuple[list[str], set[str]]] = {
    "": ([], {"--db", "--policy", "--as", "--connectors"}),
    "demo": ([], {"--db", "--policy", "--as", "--connectors"}),
    "serve": ([], {"--db", "--policy", "--connectors"}),
    "outbox list": ([], {"--db", "--policy"}),
    "outbox retry": (["3"], {"--db", "--policy", "--as"}),
    "import": (["feed.jsonl"], {"--db", "--policy"}),
    "schema": (["inbound"], set()),
    "policy check": (["my.toml"], set()),
    "policy show": (["lincolnshire"], set()),
    "policy list": ([], set()),
    "export moderation-log": (["--from", "2026-03-01", "--to", "2026-03-02"], {"--db", "--policy"}),
    "export incident": (["3"], {"--db", "--policy", "--as"}),
    "post schedule": (["--account", "lewes-x", "--at", "now", "--text", "hi"], {"--db", "--policy", "--as"}),
    "post list": ([], {"--db", "--policy", "--as"}),
    "post cancel": (["1"], {"--db", "--policy", "--as"}),
}
VALUES = {"--db": "/elsewhere/desk.sqlite3", "--policy": "lincolnshire", "--as": "kmorgan",
          "--connectors": "/elsewhere/connectors.toml"}
DESTS = {"--db": "db", "--policy": "policy", "--as": "officer", "--connectors": "connectors"}


def _leaf_commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [prefix.strip()]
    return [leaf for name, child in subs[0].choices.items()
            for leaf in _leaf_commands(child, f"{prefix} {name}")]


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    return settle(parser, parser.parse_args(argv))


def _options(names: set[str]) -> list[str]:
    return [part for name in sorted(names) for part in (name, VALUES[name])]


def test_every_command_is_in_the_table() -> None:
    assert sorted(_leaf_commands(build_parser())) == sorted(c for c in COMMANDS if c)


@pytest.mark.parametrize("name", [c for c in COMMANDS if c])
def test_global_options_mean_the_same_before_and_after_the_command(name: str) -> None:
    needed, takes = COMMANDS[name]
    words = name.split()
    before = _parse([*_options(takes), *words, *needed])
    after = _parse([*words, *needed, *_options(takes)])
    assert vars(before) == vars(after)
    for flag in takes:
        assert str(getattr(before, DESTS[flag])) == VALUES[flag]


def test_the_dashboard_takes_its_options_without_a_command() -> None:
    args = _parse(_options(COMMANDS[""][1]))
    assert (str(args.db), args.policy, args.officer) == tuple(VALUES[f] for f in ("--db", "--policy", "--as"))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_defaults_are_filled_when_no_option_is_given(name: str) -> None:
    needed, takes = COMMANDS[name]
    args = _parse([*name.split(), *needed])
    defaults = {o.flag: o.default for o in GLOBAL_OPTIONS}
    for flag in takes:
        assert getattr(args, DESTS[flag]) == defaults[flag]
    assert not any(key.startswith("before.") for key in vars(args))


@pytest.mark.parametrize(("name", "flag"), [
    (name, flag) for name, (_, takes) in COMMANDS.items() for flag in VALUES if flag not in takes])
@pytest.mark.parametrize("where", ["before", "after"])
def test_an_option_a_command_does_not_take_is_refused_in_either_place(
        name: str, flag: str, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    needed = COMMANDS[name][0]
    option = [flag, VALUES[flag]]
    argv = [*option, *name.split(), *needed] if where == "before" else [*name.split(), *needed, *option]
    with pytest.raises(SystemExit) as exited:
        _parse(argv)
    assert exited.value.code == 2
    assert flag in capsys.readouterr().err


def test_two_different_values_are_refused_and_the_same_twice_is_fine(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _parse(["--db", "a.sqlite3", "serve", "--db", "b.sqlite3"])
    assert "--db given twice with different values" in capsys.readouterr().err
    assert str(_parse(["--db", "a.sqlite3", "serve", "--db", "a.sqlite3"]).db) == "a.sqlite3"


# -- what the rule fixes, end to end -----------------------------------------------------------

@pytest.fixture
def default_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default store at a temp file, so a test sees if anything wrote to it."""
    path = tmp_path / "default" / "dutydesk.sqlite3"
    monkeypatch.setattr("dutydesk.options.default_db_path", lambda: path)
    return path


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(inbound_dict(n)) + "\n" for n in range(3)))
    return path


@pytest.fixture
def broken_pack(tmp_path: Path) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text("this is not = = toml\n")
    return path


@pytest.mark.parametrize("where", ["before", "after"])
def test_import_writes_to_the_db_given_before_or_after(
        where: str, tmp_path: Path, feed: Path, default_store: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "chosen.sqlite3"
    argv = (["--db", str(db), "import", str(feed)] if where == "before"
            else ["import", str(feed), "--db", str(db)])
    assert main(argv) == 0
    assert "stored 3" in capsys.readouterr().out
    assert db.exists() and not default_store.exists()


@pytest.mark.parametrize("command", [["import", "{feed}"], ["serve"], [], ["demo"]])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_broken_pack_is_refused_before_or_after(
        command: list[str], where: str, tmp_path: Path, feed: Path, broken_pack: Path,
        default_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = [w.format(feed=feed) for w in command]
    options = ["--policy", str(broken_pack), "--db", str(tmp_path / "d.sqlite3")]
    argv = [*options, *words] if where == "before" else [*words, *options]
    assert main(argv) == 2
    assert "the policy pack has problems" in capsys.readouterr().err
    assert not default_store.exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_demo_refuses_an_existing_db_given_before_or_after(
        where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "full.sqlite3"
    db.write_bytes(b"something")
    argv = ["--db", str(db), "demo"] if where == "before" else ["demo", "--db", str(db)]
    assert main(argv) == 2
    assert "already exists" in capsys.readouterr().err
