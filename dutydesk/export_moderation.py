"""`dutydesk export moderation-log --from DATE --to DATE [--format csv|md] [--output FILE]`:
the moderation log the policies ask for (Lewes & Eastbourne 8.2: "a log of the inappropriate
content and how it has been dealt with") for whole days, as the council's clock reads them.

Exit 0: written (an empty period writes the header alone); 2: a bad date, an unreadable store
or a broken pack, said on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date
from pathlib import Path

from core.pack_files import PackError
from core.policy import PolicyPack
from dutydesk.commands import STORE, command
from dutydesk.options import complain, db_path, load_policy, report_pack_error
from service.moderation_export import period, to_csv, to_markdown
from storage.base import StoreError
from storage.sqlite import SqliteStore


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def register(kinds: argparse._SubParsersAction) -> None:
    log = command(kinds, "moderation-log", handler=run_export, options=STORE,
                  help="the moderation log for whole days (CSV or Markdown)")
    log.add_argument("--from", dest="first", type=_day, required=True, metavar="DATE",
                     help="the first day (YYYY-MM-DD, the council's time zone)")
    log.add_argument("--to", dest="last", type=_day, required=True, metavar="DATE",
                     help="the last day, included (YYYY-MM-DD)")
    log.add_argument("--format", choices=("csv", "md"), default="csv",
                     help="csv (default) or md, a Markdown table")
    log.add_argument("--output", "-o", type=Path, default=None, metavar="FILE",
                     help="write to FILE instead of standard output")


def run_export(args: argparse.Namespace) -> int:
    try:
        pack = load_policy(args)
    except PackError as exc:
        return report_pack_error(exc)
    try:
        start, end = period(pack, args.first, args.last)
        text = asyncio.run(_render(args, pack, start, end))
    except (ValueError, StoreError) as exc:
        complain(f"dutydesk export moderation-log: {exc}")
        return 2
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8", newline="")
    return 0


async def _render(args: argparse.Namespace, pack: PolicyPack, start, end) -> str:  # noqa: ANN001
    path = db_path(args)
    if not path.exists():  # never leave a new, empty store behind
        raise StoreError(f"no store at {path}")
    store = SqliteStore(path)
    await store.open()
    try:
        entries = await store.moderation_log(since=start, until=end)
    finally:
        await store.close()
    if args.format == "md":
        return to_markdown(entries, pack, args.first, args.last)
    return to_csv(entries, pack)
