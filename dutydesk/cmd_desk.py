"""`dutydesk` (the dashboard on the configured store) and `dutydesk demo` (a fresh store with a
seeded backlog and a simulated feed)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
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


def register(sub: argparse._SubParsersAction) -> None:
    demo = command(sub, "demo", handler=run_demo, options=DASHBOARD,
                   help="open the dashboard on a fresh store with a simulated feed")
    demo.add_argument("--seed", type=int, default=None, help="seed the simulated feed (repeatable demo)")


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
    """`dutydesk demo`: a fresh SQLite file, a seeded backlog and a live simulated feed."""
    pack = _pack_or_none(args)
    if pack is None:
        return 2
    path = args.db or Path(tempfile.mkdtemp(prefix="dutydesk-demo-")) / "demo.sqlite3"
    if path.exists() and path.stat().st_size:
        complain(f"dutydesk demo: {path} already exists; the demo wants a fresh file")
        return 2
    officer = args.officer or _demo_officer(pack)
    connectors = connectors_or_none(args, pack, "dutydesk demo")
    if connectors is None:
        return 2
    runtime = DeskRuntime(path, pack, SystemClock(), officer, demo=True, demo_seed=args.seed,
                          connectors=connectors)
    status = _run(runtime)
    print(f"dutydesk demo: the demo store was {path}", file=sys.stderr)
    return status


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


async def _dashboard(runtime: DeskRuntime) -> int:
    from tui.app import DeskApp

    async with runtime:
        app = DeskApp(runtime.session, runtime.feed, runtime.clock, services=runtime.services)
        await app.run_async()
        return app.return_code or 0


def _run(runtime: DeskRuntime) -> int:
    try:
        return asyncio.run(_dashboard(runtime))
    except NotAuthorisedError as exc:
        complain(f"dutydesk: {exc}")
        return 3
    except StoreError as exc:
        complain(f"dutydesk: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130

