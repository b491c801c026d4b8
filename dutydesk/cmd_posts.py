"""`dutydesk post schedule|list|cancel` (the council's own posts, for scripts) and
`dutydesk export incident ID` (an incident's timeline as Markdown and CSV).

Each command acts as the officer given by `--as` (default: your login name), checked against the
pack's register and rights in `core`, exactly as at the desk.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from core.emergency import EmergencyError
from core.pack_files import PackError
from core.permissions import NotAuthorisedError
from core.posts import PostError, PostState
from dutydesk.commands import DESK, command, group
from dutydesk.options import load_policy, make_store, report_pack_error
from service.clock import SystemClock
from service.desk import DeskSession
from service.emergency import VIEWS, CrisisDesk, when_from_text
from service.incident_record import incident_csv, incident_markdown
from storage.base import StoreError

T = TypeVar("T")


def register(sub: argparse._SubParsersAction) -> None:
    posts = group(sub, "post", help="schedule, list or cancel the council's own posts")
    schedule = command(posts, "schedule", handler=_schedule, options=DESK,
                       help="schedule a post on an account")
    schedule.add_argument("--account", required=True, help="the pack's id of the account")
    schedule.add_argument("--at", required=True, metavar="WHEN",
                          help="now, +30m, +2h, HH:MM or 'YYYY-MM-DD HH:MM' (the council's time)")
    schedule.add_argument("--text", required=True, help="the post's text ('-' reads it from stdin)")
    listing = command(posts, "list", handler=_list, options=DESK,
                      help="list posts (default: those still to go out)")
    listing.add_argument("--view", choices=sorted(VIEWS), default="scheduled")
    cancel = command(posts, "cancel", handler=_cancel, options=DESK, help="cancel a post")
    cancel.add_argument("post_id", type=int, metavar="ID")
    cancel.add_argument("--reason", default="", help="why (kept in the log)")


def register_export(kinds: argparse._SubParsersAction) -> None:
    """`dutydesk export incident ID` (a kind of `dutydesk export`)."""
    incident = command(kinds, "incident", handler=_export_incident, options=DESK,
                       help="an incident's timeline as Markdown and CSV")
    incident.add_argument("incident_id", type=int, metavar="ID")
    incident.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                          help="where to write incident-ID.md and incident-ID.csv (default: here)")


def _run(args: argparse.Namespace, work: Callable[[CrisisDesk], Awaitable[T]]) -> int:
    try:
        pack = load_policy(args)
    except PackError as exc:
        return report_pack_error(exc)

    async def main() -> T:
        store = make_store(args)
        await store.open()
        try:
            session = DeskSession(store, pack, SystemClock(), args.officer or getpass.getuser())
            return await work(CrisisDesk(session))
        finally:
            await store.close()
    try:
        asyncio.run(main())
    except NotAuthorisedError as exc:
        print(f"dutydesk: {exc}", file=sys.stderr)
        return 3
    except (PostError, EmergencyError, StoreError) as exc:
        print(f"dutydesk: {exc}", file=sys.stderr)
        return 2
    return 0


def _schedule(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text

    async def work(crisis: CrisisDesk) -> None:
        when = when_from_text(args.at, crisis.session.clock.now(), crisis.pack.zone.key)
        post = await crisis.schedule(args.account, text, when)
        frozen = " (FROZEN: an emergency is declared)" if post.state is PostState.FROZEN else ""
        print(f"post {post.id} scheduled on {post.account} for {post.publish_at.isoformat()}{frozen}")
    return _run(args, work)


def _list(args: argparse.Namespace) -> int:
    async def work(crisis: CrisisDesk) -> None:
        for p in await crisis.posts(args.view):
            text = " ".join(p.text.split())
            print(f"{p.id}\t{p.state.value}\t{p.account}\t{p.publish_at.isoformat()}\t{p.created_by}\t"
                  f"{text!r}")
    return _run(args, work)


def _cancel(args: argparse.Namespace) -> int:
    async def work(crisis: CrisisDesk) -> None:
        post = await crisis.cancel(args.post_id, args.reason)
        print(f"post {post.id} cancelled")
    return _run(args, work)


def _export_incident(args: argparse.Namespace) -> int:
    async def work(crisis: CrisisDesk) -> None:
        incident, actions = await crisis.timeline(args.incident_id)
        name = crisis.session.officer_name
        args.out.mkdir(parents=True, exist_ok=True)
        md = args.out / f"incident-{incident.id}.md"
        table = args.out / f"incident-{incident.id}.csv"
        md.write_text(incident_markdown(incident, actions, name), encoding="utf-8")
        table.write_text(incident_csv(incident, actions, name), encoding="utf-8")
        print(f"wrote {md} and {table} ({len(actions)} events)")
    return _run(args, work)
