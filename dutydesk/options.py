"""What the global options choose: which store file, which policy pack (the options themselves,
and the rule for where they may be written, are in `dutydesk.commands`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.pack_files import PackError, load_pack
from core.policy import PolicyPack
from core.safe_text import visible
from storage.sqlite import SqliteStore, default_db_path

def db_path(args: argparse.Namespace) -> Path:
    """The store file the user chose, or the default one (its folder made if need be)."""
    path = args.db if args.db is not None else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


#: The exit status of every command, as the README's table says.
OK, SOME_REFUSED, FAILED, NOT_AUTHORISED, INTERRUPTED = 0, 1, 2, 3, 130


def make_store(args: argparse.Namespace, check: bool | None = None) -> SqliteStore:
    """An unopened store on the chosen file; `check`: see `SqliteStore` (None: by size)."""
    return SqliteStore(db_path(args), check=check)


def load_policy(args: argparse.Namespace) -> PolicyPack:
    """The chosen pack; a broken one raises PackError listing every problem."""
    return load_pack(args.policy)


def complain(text: str) -> None:
    """One message to stderr, its control characters made visible (`core.safe_text`): file
    names, pack values and errors may hold text from outside."""
    print(visible(text), file=sys.stderr)


def report_pack_error(exc: PackError) -> int:
    """Print a pack's problems to stderr and return the exit status for them."""
    complain("dutydesk: the policy pack has problems:")
    for problem in exc.problems:
        complain(f"  {problem}")
    return FAILED
