"""The one parser rule every `dutydesk` command follows.

Global options (`--db`, `--policy`, `--as`) mean the same wherever they are written: before the
command (`dutydesk --db X import f.jsonl`) or after it (`dutydesk import f.jsonl --db X`). A
command declares which of them it takes; giving one it does not take, in either place, is an
error naming the option and the command (never silently dropped), and so is giving one twice
with two different values.

How: the top-level parser holds every global option under a `before.` dest, each command's own
parser holds the ones it takes under their plain dest, both with no argparse default (so neither
overwrites the other: the classic argparse sub-parser trap). `settle` then merges the two and
fills in the defaults. Add a command with `command(sub, NAME, handler=..., options=STORE)`, or a
group of them (`dutydesk export moderation-log`) with `group(sub, NAME)` then `command(...)` on
the group.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_PACK = "lewes-eastbourne"
_BEFORE = "before."
_TAKES = "global_options"
_COMMAND = "command_name"


@dataclass(frozen=True)
class GlobalOption:
    """An option with the same meaning before and after any command that takes it."""

    flag: str
    dest: str
    default: Any
    help: str
    metavar: str
    type: Callable[[str], Any] = str

    def add(self, parser: argparse.ArgumentParser, dest: str, show_default: bool) -> None:
        parser.add_argument(self.flag, dest=dest, type=self.type, metavar=self.metavar,
                            default=argparse.SUPPRESS,
                            help=argparse.SUPPRESS if not show_default else self.help)


DB = GlobalOption("--db", "db", None, "the SQLite store (default: dutydesk.sqlite3 in your user "
                  "data folder)", "PATH", Path)
POLICY = GlobalOption("--policy", "policy", DEFAULT_PACK, "a shipped policy pack or a pack file "
                      f"(default: {DEFAULT_PACK})", "NAME|PATH")
AS = GlobalOption("--as", "officer", None, "the acting officer's id on the pack's register "
                  "(default: your login name)", "NAME")

CONNECTORS = GlobalOption("--connectors", "connectors", None, "the connectors file: where each "
                          "account's outbox is delivered (default: connectors.toml in your "
                          "dutydesk config folder, if there is one)", "PATH", Path)

GLOBAL_OPTIONS: tuple[GlobalOption, ...] = (DB, POLICY, AS, CONNECTORS)
STORE: tuple[GlobalOption, ...] = (DB, POLICY)
"""What a command that opens a store under a pack takes."""
DESK: tuple[GlobalOption, ...] = (DB, POLICY, AS)
"""What a command that acts as an officer takes."""
ENGINE: tuple[GlobalOption, ...] = (DB, POLICY, CONNECTORS)
"""What a command that runs the engine (which delivers the outbox) takes."""
DASHBOARD: tuple[GlobalOption, ...] = (DB, POLICY, AS, CONNECTORS)
"""What a dashboard (an officer's desk, with the engine in-process) takes."""


def add_before_options(parser: argparse.ArgumentParser) -> None:
    """Every global option on the top-level parser (before any command)."""
    for option in GLOBAL_OPTIONS:
        option.add(parser, _BEFORE + option.dest, show_default=True)


def takes(parser: argparse.ArgumentParser, name: str, options: Sequence[GlobalOption],
          handler: Callable[[argparse.Namespace], int] | None = None) -> None:
    """Mark `parser` as the command `name` taking `options` (added here) and run by `handler`."""
    for option in options:
        option.add(parser, option.dest, show_default=True)
    parser.set_defaults(**{_TAKES: tuple(options), _COMMAND: name})
    if handler is not None:
        parser.set_defaults(handler=handler)


def command(sub: argparse._SubParsersAction, name: str, *,
            handler: Callable[[argparse.Namespace], int],
            options: Sequence[GlobalOption] = (), **kwargs: Any) -> argparse.ArgumentParser:
    """A command's parser, following the rule: it takes `options` before or after its name.
    `kwargs` go to `add_parser` (help, description)."""
    parser = sub.add_parser(name, **kwargs)
    takes(parser, f"{sub._prog_prefix} {name}".removeprefix("dutydesk "), options, handler)
    return parser


def group(sub: argparse._SubParsersAction, name: str, **kwargs: Any) -> argparse._SubParsersAction:
    """A group of commands (`dutydesk policy check`): add each with `command(returned, ...)`."""
    parser = sub.add_parser(name, **kwargs)
    return parser.add_subparsers(title="actions", metavar="ACTION", required=True)


def settle(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    """Merge the global options given before the command with those given after it; refuse
    one the command does not take or two different values; fill in the defaults."""
    taken = {option.dest for option in getattr(args, _TAKES, ())}
    name = getattr(args, _COMMAND, "")
    for option in GLOBAL_OPTIONS:
        before = vars(args).pop(_BEFORE + option.dest, argparse.SUPPRESS)
        after = getattr(args, option.dest, argparse.SUPPRESS)
        given = before is not argparse.SUPPRESS
        if given and option.dest not in taken:
            parser.error(f"{option.flag} does not apply to `dutydesk {name}`")
        if given and after is not argparse.SUPPRESS and after != before:
            parser.error(f"{option.flag} given twice with different values "
                         f"({before} before `{name or 'dutydesk'}`, {after} after it)")
        if option.dest in taken:
            value = before if given else after
            setattr(args, option.dest, option.default if value is argparse.SUPPRESS else value)
    return args
