"""`dutydesk serve`: the engine without a screen. It fires first-response warnings and breaches,
records openings and closings and delivers the outbox (`--connectors`) for one store, for as
long as it holds the store's engine lease; a second `serve` (or a dashboard) on the same store
waits as a follower and takes over within seconds if this one dies. SIGTERM or SIGINT stops it cleanly (the lease is given up),
even part-way through the catch-up at start; what was not fired then fires at the next start.

Logs one line per fired event and per lease change to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Mapping

from core.pack_files import PackError
from core.policy import PolicyPack
from dutydesk.cmd_outbox import connectors_or_none
from dutydesk.commands import ENGINE, command
from dutydesk.options import FAILED, OK, complain, load_policy, make_store, report_pack_error
from service.clock import SystemClock
from service.connectors import Connector
from service.delivery import DeliveryWorker
from service.engine import Engine
from service.logs import log_to
from storage.base import StoreError


def register(sub: argparse._SubParsersAction) -> None:
    serve = command(sub, "serve", handler=run_serve, options=ENGINE,
                    help="run the engine headless (warnings, breaches, opening hours, "
                         "outbox delivery)")
    # Hidden: tests shorten the lease to see a takeover within seconds.
    serve.add_argument("--lease-ttl", type=float, default=5.0, help=argparse.SUPPRESS)
    serve.add_argument("--heartbeat", type=float, default=None, help=argparse.SUPPRESS)
    serve.add_argument("--holder", default=None, help=argparse.SUPPRESS)


def run_serve(args: argparse.Namespace) -> int:
    """Run the engine until SIGTERM or SIGINT; the exit status."""
    try:
        pack = load_policy(args)
    except PackError as exc:
        return report_pack_error(exc)
    heartbeat = args.heartbeat if args.heartbeat is not None else min(1.0, args.lease_ttl / 4)
    if not 0 < heartbeat < args.lease_ttl:
        print(f"dutydesk serve: the heartbeat ({heartbeat:g}s) must be positive and shorter than "
              f"the lease ttl ({args.lease_ttl:g}s)", file=sys.stderr)
        return FAILED
    holder = args.holder or f"{socket.gethostname()}:{os.getpid()}"
    connectors = connectors_or_none(args, pack, "dutydesk serve")
    if connectors is None:
        return FAILED
    _log_to_stderr()
    try:
        return asyncio.run(_serve(args, pack, holder, args.lease_ttl, heartbeat, connectors))
    except StoreError as exc:
        complain(f"dutydesk serve: {exc}")
        return FAILED


async def _serve(args: argparse.Namespace, pack: PolicyPack, holder: str, ttl: float,
                 heartbeat: float, connectors: Mapping[str, Connector]) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    store = make_store(args, check=True)
    await store.open()
    try:
        clock = SystemClock()
        engine = Engine(store, pack, clock, holder, lease_ttl=ttl, heartbeat=heartbeat,
                        delivery=DeliveryWorker(store, clock, connectors))
        ended = asyncio.ensure_future(_either(stop, engine.failed))
        # A signal during the start-up catch-up (a long outage leaves thousands of warnings to
        # fire) stops it there: each one fired is committed on its own, the rest fire once
        # at the next start.
        starting = asyncio.ensure_future(engine.start())
        stopping = ended
        try:
            await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not starting.done():
                starting.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await starting
                logging.getLogger("dutydesk.engine").info("stopped while catching up")
                return 0
            starting.result()
            logging.getLogger("dutydesk.engine").info(
                "serving %s for %s as %s", store.path, pack.council.short_name, holder)
            await stopping
        finally:
            stopping.cancel()
            await engine.stop()
        if engine.failure is not None:
            raise engine.failure  # the damaged store, said once by run_serve
    finally:
        await store.close()
    return OK


async def _either(*events: asyncio.Event) -> None:
    """Until one of `events` is set."""
    waits = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()


def _log_to_stderr() -> None:
    """The engine's lines at INFO; everyone else's (APScheduler says "Running job ..." every
    heartbeat) only from WARNING up; every message escaped (`service.logs`)."""
    log_to(sys.stderr)
