"""`dutydesk` (the dashboard on the configured store) and `dutydesk demo` (a fresh store with a
seeded backlog and a simulated feed)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import shutil
import sys
import tempfile
from pathlib import Path

from core.permissions import NotAuthorisedError
from core.pack_files import PackError
from core.policy import Officer, Permission, PolicyPack
from dutydesk.cmd_outbox import connectors_or_none
from dutydesk.commands import DASHBOARD, command
from dutydesk.options import complain, db_path, load_policy, report_pack_error
from service.clock import SystemClock
from service.runtime import DeskRuntime
from storage.base import StoreError
from tui.demo_note import DemoNote


def register(sub: argparse._SubParsersAction) -> None:
    demo = command(sub, "demo", handler=run_demo, options=DASHBOARD,
                   help="open the dashboard on a fresh store with a simulated feed")
    demo.add_argument("--seed", type=int, default=None, help="seed the simulated feed (repeatable demo)")
    demo.add_argument("--keep", type=Path, default=None, metavar="PATH",
                      help="keep the demo's store at PATH (a new file); without it (or --db) the "
                           "store is made in a temporary folder and removed at exit")


def run_dashboard(args: argparse.Namespace) -> int:
    """Plain `dutydesk`: the configured store, the engine in-process if none holds the store."""
    pack = _pack_or_none(args)
    if pack is None:
        return 2
    officer = args.officer or getpass.getuser()
    connectors = connectors_or_none(args, pack, "dutydesk")
    if connectors is None:
        return 2
    return _run(DeskRuntime(db_path(args), pack, SystemClock(), officer, connectors=connectors))


def run_demo(args: argparse.Namespace) -> int:
    """`dutydesk demo`: a fresh SQLite file, a seeded backlog and a live simulated feed. The
    file is removed at exit unless `--keep PATH` (or `--db PATH`) names where to keep it."""
    pack = _pack_or_none(args)
    if pack is None:
        return 2
    kept = args.keep or args.db
    folder = None if kept else Path(tempfile.mkdtemp(prefix="dutydesk-demo-"))
    path = kept or folder / "demo.sqlite3"
    try:
        if path.exists() and path.stat().st_size:
            complain(f"dutydesk demo: {path} already exists; the demo wants a fresh file")
            return 2
        officer = args.officer or _demo_officer(pack)
        connectors = connectors_or_none(args, pack, "dutydesk demo")
        if connectors is None:
            return 2
        runtime = DeskRuntime(path, pack, SystemClock(), officer, demo=True, demo_seed=args.seed,
                              connectors=connectors)
        chosen = None if args.officer else DEMO_OFFICER_REASON
        status = _run(runtime, DemoNote(chosen_because=chosen, kept_at=kept))
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    if kept:
        print(f"dutydesk demo: the demo store is kept at {path}", file=sys.stderr)
    else:
        print("dutydesk demo: the demo store was removed (--keep PATH keeps it)", file=sys.stderr)
    return status


#: Why the demo opens as the officer `_demo_officer` picks (said on the desk without --as).
DEMO_OFFICER_REASON = ("a duty officer who may reply but not block, on the accounts with the "
                       "most calendars, so open and closed accounts show side by side")


def _demo_officer(pack: PolicyPack) -> str:
    """A duty officer (may reply, may not block) whose accounts span the most calendars, so the
    demo shows open and closed accounts side by side."""
    def reach(officer: Officer) -> tuple[int, int]:
        accounts = officer.accounts or tuple(a.id for a in pack.accounts)
        return len({pack.account(a).hours for a in accounts}), len(accounts)

    duty = [o for o in pack.officers if o.trained and Permission.REPLY in pack.role(o.role).permissions
            and Permission.BLOCK not in pack.role(o.role).permissions]
    return max(duty, key=reach).id if duty else pack.officers[0].id


def _pack_or_none(args: argparse.Namespace) -> PolicyPack | None:
    try:
        return load_policy(args)
    except PackError as exc:
        report_pack_error(exc)
        return None


async def _dashboard(runtime: DeskRuntime, demo: DemoNote | None = None) -> int:
    from tui.app import DeskApp

    async with runtime:
        app = DeskApp(runtime.session, runtime.feed, runtime.clock, services=runtime.services,
                      demo=demo)
        await app.run_async()
        return app.return_code or 0


def _run(runtime: DeskRuntime, demo: DemoNote | None = None) -> int:
    try:
        return asyncio.run(_dashboard(runtime, demo))
    except NotAuthorisedError as exc:
        complain(f"dutydesk: {exc}")
        return 3
    except StoreError as exc:
        complain(f"dutydesk: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130

