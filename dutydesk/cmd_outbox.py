"""`dutydesk outbox list` (where each reply and notice stands) and `dutydesk outbox retry ID...`;
and reading the connectors file that `--connectors PATH` names (`dutydesk.commands.CONNECTORS`,
taken by the dashboard, the demo and `serve`; see `service.connectors`).

Exit status: 0 done; 1 some item was not retried (each reason on stderr); 2 a broken pack or
connectors file, or a store that cannot be opened; 3 not allowed.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
from collections.abc import Mapping

from core.delivery import delivery_state
from core.models import OutboxItem
from core.pack_files import PackError
from core.permissions import NotAuthorisedError
from core.policy import PolicyPack
from core.safe_text import one_line
from dutydesk.commands import DESK, STORE, command, group
from dutydesk.options import (
    FAILED,
    NOT_AUTHORISED,
    OK,
    SOME_REFUSED,
    complain,
    load_policy,
    make_store,
    report_pack_error,
)
from service.clock import SystemClock
from service.connectors import Connector, ConnectorsError, load_connectors
from service.outbox_admin import RetryRefusedError, retry_item
from service.webhook import webhook_connectors
from storage.base import NotFoundError, StoreError


def connectors_or_none(args: argparse.Namespace, pack: PolicyPack, command: str) -> Mapping[str, Connector] | None:
    """The configured connectors; None after printing the file's problems to stderr."""
    try:
        return webhook_connectors(load_connectors(args.connectors, pack))
    except ConnectorsError as exc:
        complain(f"{command}: the connectors file has problems:")
        for problem in exc.problems:
            complain(f"  {problem}")
        return None


def register(sub: argparse._SubParsersAction) -> None:
    actions = group(sub, "outbox", help="list the outbox's delivery states; retry failed items")
    listing = command(actions, "list", handler=run_list, options=STORE,
                      help="unsent replies and notices with their delivery state and last error")
    listing.add_argument("--all", action="store_true", help="include items already sent")
    retry = command(actions, "retry", handler=run_retry, options=DESK,
                    help="send failed items again now (backoff starts afresh); --as must be "
                         "allowed to reply on the item's account")
    retry.add_argument("ids", type=int, nargs="+", metavar="ID")


def item_line(item: OutboxItem) -> str:
    """One item on one line, text and error made safe for a terminal."""
    state = delivery_state(item).value
    extra = f" ({one_line(item.hold_reason, 40)})" if item.held and item.hold_reason else ""
    next_try = f" next {item.next_attempt_at:%Y-%m-%d %H:%M:%SZ}" if state == "retrying" and item.next_attempt_at else ""
    said = "earlier error" if item.sent_at is not None else "last error"
    error = f"  {said}: {one_line(item.last_error, 120)}" if item.last_error else ""
    return (f"{item.id:>6}  {item.account:<24} {item.kind:<14} {state + extra:<14} "
            f"attempts {item.attempts}{next_try}  {one_line(item.text, 50)!r}{error}")


def run_list(args: argparse.Namespace) -> int:
    async def listing() -> int:
        store = make_store(args)
        await store.open()
        try:
            items = await store.outbox(unsent_only=not args.all, limit=10_000)
        finally:
            await store.close()
        for item in items:
            print(item_line(item))
        if not items:
            print("The outbox is empty." if args.all else "Nothing waiting: every item was sent.")
        return OK
    return _guarded(listing, "dutydesk outbox")


def run_retry(args: argparse.Namespace) -> int:
    try:
        pack = load_policy(args)
    except PackError as exc:
        return report_pack_error(exc)
    officer = args.officer or getpass.getuser()

    async def retrying() -> int:
        store = make_store(args)
        await store.open()
        status = OK
        try:
            for item_id in args.ids:
                try:
                    item = await retry_item(store, pack, officer, item_id, SystemClock().now())
                except (RetryRefusedError, NotFoundError) as exc:
                    complain(f"dutydesk outbox retry: {exc}")
                    status = SOME_REFUSED
                else:
                    print(f"retrying: {item_line(item)}")
        finally:
            await store.close()
        return status
    return _guarded(retrying, "dutydesk outbox retry")


def _guarded(work, command: str) -> int:  # type: ignore[no-untyped-def]
    try:
        return asyncio.run(work())
    except NotAuthorisedError as exc:
        complain(f"{command}: {exc}")
        return NOT_AUTHORISED
    except StoreError as exc:
        complain(f"{command}: {exc}")
        return FAILED
