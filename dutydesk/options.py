"""What the global options choose: which store file, which policy pack (the options themselves,
and the rule for where they may be written, are in `dutydesk.commands`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.pack_files import PackError, load_pack
from core.policy import PolicyPack
from storage.sqlite import SqliteStore, default_db_path

def db_path(args: argparse.Namespace) -> Path:
    """The store file the user chose, or the default one (its folder made if need be)."""
    path = args.db if args.db is not None else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def make_store(args: argparse.Namespace) -> SqliteStore:
    """An unopened store on the chosen file."""
    return SqliteStore(db_path(args))


def load_policy(args: argparse.Namespace) -> PolicyPack:
    """The chosen pack; a broken one raises PackError listing every problem."""
    return load_pack(args.policy)


def report_pack_error(exc: PackError) -> int:
    """Print a pack's problems to stderr and return the exit status for them."""
    import sys

    print("dutydesk: the policy pack has problems:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return 2
