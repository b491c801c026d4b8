"""A worker of a big import (`service.imports`): `serve` runs on a thread of the import's own
process, or in a worker process started as `python -m service.import_worker FD PID`, which
talks to the import (process PID) over the socket FD and dies with it.

The import sends (pack, store recipe, whether it wants each row's result), then batches
(`Work`). For each, the worker converts the lines and has its `RowWriter` lay them out for
the store (`RowWriter.prepare`), says it is ready, waits to be told it is its turn, commits,
and reports the counts and the rejects-file records. `None` (or the socket closing) stops it.
Kept apart from `service.imports` so a worker starts without the event loop machinery it
never uses.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection

from service.intake import Converted, Preparer, convert_lines
from service.lines import block_lines
from storage.base import RowWriter, StoreError
from storage.rows import InsertResult


@dataclass(frozen=True)
class Work:
    """One batch for a worker: its number (commit order), the number of its first line, its
    lines as one block (`service.lines.line_blocks`: a buffer, cheap to send), and the
    ingest time."""

    number: int
    first: int
    block: bytes
    now: datetime


#: The young generation's threshold while an import runs (Python's default is 700): more than
#: a batch keeps alive at once, so collections come only if something else piles up.
YOUNG_OBJECTS = 100_000


@contextmanager
def fewer_gc_pauses() -> Iterator[None]:
    """While an import runs: freeze what already exists and collect young objects less often.

    An import makes millions of short-lived, acyclic objects; the cyclic collector would keep
    re-scanning the long-lived ones (the pack, pydantic's schemas) for nothing, which costs
    a third of the import's time. What a batch keeps until it is committed (a row
    or two of objects a line, 20,000 lines) stays under the young generation's threshold, so
    the collector does not scan those either (it did every 10,000 lines at a threshold of
    20,000: 0.7 µs a message). Both settings are restored afterwards.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], YOUNG_OBJECTS), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def counts(results: Sequence[InsertResult]) -> tuple[int, int]:
    """(stored, duplicates) of a committed batch's results."""
    stored = sum(1 for r in results if r.inserted)
    return stored, len(results) - stored


def _worker(fd: int, parent: int) -> None:
    """A worker process: `serve` the import on the socket `fd`, dying with process `parent`.

    Ctrl-C goes to the whole process group; the import's own process decides what stops, so
    workers ignore it and stop when told, or when the pipe closes.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    with fewer_gc_pauses():
        serve(Connection(fd))
    os._exit(0)  # nothing left to flush: skip tearing down the interpreter's objects


def serve(pipe: Connection) -> None:
    """Take the set-up, then convert each batch handed over and commit it when told it is
    its turn, until told to stop. Runs in a worker process, or on a thread of the import's own
    process (then with its own connection, like any other worker)."""
    try:
        pack, recipe, want_results = pipe.recv()
        writer = recipe()
    except (EOFError, OSError):
        return
    except Exception as exc:
        _report(pipe, exc)
        return
    try:
        _work(pipe, Preparer(pack), writer, want_results)
    except (EOFError, OSError):
        pass  # the import's process has gone, or stopped us: what was committed stays
    except Exception as exc:
        _report(pipe, exc)
    finally:
        writer.close()


def _report(pipe: Connection, exc: Exception) -> None:
    try:
        pipe.send(("error", str(exc) if isinstance(exc, StoreError)
                   else f"an import worker failed: {type(exc).__name__}: {exc}"))
    except OSError:
        pass


def _work(pipe: Connection, prepare: Preparer, writer: RowWriter, want_results: bool) -> None:
    while (work := pipe.recv()) is not None:
        lines = block_lines(work.first, work.block)
        converted = convert_lines(lines, prepare, work.now)
        prepared = writer.prepare(converted.rows)
        pipe.send(("ready", work.number))
        if pipe.recv() != work.number:
            return  # told to stop instead
        results: list[InsertResult] | None = None
        if want_results:
            results = writer.add_rows(prepared)
            stored, duplicates = counts(results)
        else:
            stored, duplicates = writer.add_rows_counted(prepared)
        pipe.send(("done", work.number, len(lines), Converted([], converted.rejects), stored,
                   duplicates, results))


def _die_with(parent: int) -> None:
    """Be killed when the import's process ends (Linux; elsewhere the closed socket stops us
    at the next batch)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before we asked
        os._exit(0)


_PR_SET_PDEATHSIG = 1


if __name__ == "__main__":
    _worker(int(sys.argv[1]), int(sys.argv[2]))
