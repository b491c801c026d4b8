"""Whole imports: a JSON Lines stream into the store, a batch to a transaction.

Every line is converted by `service.intake.convert_lines` (a row, or a rejects-file record
with its line number and reason), and the summary counts what happened. Batches commit in the
order of the file, so the first of two lines with the same (platform, platform_id) is the
one kept, and re-running an import adds nothing.

Two ways to run, same result:

* here, in this process: while one batch commits on the store's thread, the next is parsed.
  Used when the input fits in one batch, when the store lives only in this process (the
  in-memory fake), or with one worker;
* spread over worker processes (`workers`, one per core by default, at most three), for a
  bigger input into a store file: this process reads the lines and hands a batch to each idle
  worker; a worker parses and prepares it, then commits it through its own connection when
  its turn comes (batch n after batch n-1), so the other workers parse while one commits. On
  a 2-core machine this is about twice as fast: parsing is Python, and one process can only
  use one core for it.

Either way a batch is committed whole or not at all; an import that stops (an error, a kill)
keeps every batch committed before, and running it again stores the rest.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.connection import Connection, wait
from typing import IO, TextIO

from core.clock import Clock
from core.policy import PolicyPack
from service.import_worker import Work, counts, fewer_gc_pauses
from service.intake import Converted, OnStored, Preparer, call_hooks, convert_lines, numbered_lines
from storage.base import InsertResult, RowWriter, Store, StoreError

#: Rows to a transaction. Bigger batches write each index page fewer times (the queue index
#: takes rows all over), so imports go faster up to about this size; a batch holds the write
#: lock for ~0.1-0.2 s, which dashboards and the engine wait out without noticing.
BATCH = 20_000
#: At most this many worker processes: past three, the one writer is the limit, not parsing.
MAX_WORKERS = 3
#: How often the coordinating thread looks up from the workers to see if it was cancelled.
POLL_SECONDS = 0.2
#: How long a stopping import waits for its workers before ending them.
STOP_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class ImportSummary:
    """What an import did. `read` counts non-blank lines; read = stored + duplicates + rejected."""

    read: int
    stored: int
    """New messages committed."""
    duplicates: int
    """Messages already in the store (or earlier in the same file), so not stored again."""
    rejected: int
    """Lines refused; each is in the rejects file with its reason."""


class _Tally:
    def __init__(self, rejects: TextIO | IO[str]) -> None:
        self.rejects = rejects
        self.read = self.stored = self.duplicates = self.rejected = 0

    def converted(self, batch: Converted) -> None:
        """Count a batch's rejected lines and write their records."""
        self.rejected += len(batch.rejects)
        for record in batch.rejects:
            self.rejects.write(record)

    def committed(self, stored: int, duplicates: int) -> None:
        self.stored += stored
        self.duplicates += duplicates

    def summary(self) -> ImportSummary:
        return ImportSummary(self.read, self.stored, self.duplicates, self.rejected)


def default_workers() -> int:
    """One worker process per core, at most MAX_WORKERS."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


async def import_stream(lines: Iterable[bytes], store: Store, pack: PolicyPack, clock: Clock,
                        rejects: TextIO | IO[str], batch: int = BATCH,
                        on_stored: Sequence[OnStored] = (),
                        workers: int | None = None) -> ImportSummary:
    """Validate, prepare and store JSON Lines messages, `batch` to a transaction.

    Each refused line is written to `rejects` (see `service.intake.reject_record`) and the
    import goes on. Blank lines are skipped. `on_stored` hooks are called with each committed
    batch's results, in order. `workers` (default: `default_workers()`) above 1 lets an input
    of more than one batch spread over worker processes when the store allows it.
    """
    if batch < 1:
        raise ValueError(f"batch must be at least 1, got {batch}")
    workers = default_workers() if workers is None else workers
    numbered = numbered_lines(lines)
    tally = _Tally(rejects)
    first = list(islice(numbered, batch))
    tally.read += len(first)
    more = next(numbered, None)  # a line past the first batch: worth starting workers for
    rest = numbered if more is None else chain([more], numbered)
    recipe = store.row_writer() if workers > 1 and more is not None else None
    with fewer_gc_pauses():
        if recipe is None:
            await _InProcess(store, pack, clock, tally, batch, on_stored).run(first, rest)
        else:
            await _Parallel(recipe, pack, clock, tally, batch, on_stored, workers).run(first, rest)
    return tally.summary()


# -- in this process ------------------------------------------------------------------------------

class _InProcess:
    """Parse the next batch here while the last one commits on the store's thread."""

    def __init__(self, store: Store, pack: PolicyPack, clock: Clock, tally: _Tally, batch: int,
                 on_stored: Sequence[OnStored]) -> None:
        self.store, self.clock, self.tally, self.batch = store, clock, tally, batch
        self.on_stored = on_stored
        self.prepare = Preparer(pack)
        self.pending: asyncio.Task[list[InsertResult]] | None = None

    async def run(self, first: list[tuple[int, bytes]], rest: Iterator[tuple[int, bytes]]) -> None:
        try:
            lines = first
            while lines:
                converted = convert_lines(lines, self.prepare, self.clock.now())
                await self._settle()
                self.tally.converted(converted)
                if converted.rows:
                    self.pending = asyncio.ensure_future(self.store.add_rows(converted.rows))
                    # One turn of the loop hands the batch to the store's thread, so it
                    # commits while the next batch is parsed.
                    await asyncio.sleep(0)
                lines = list(islice(rest, self.batch))
                self.tally.read += len(lines)
            await self._settle()
        except BaseException:
            if self.pending is not None:  # let it finish on its own, its outcome unread
                self.pending.add_done_callback(lambda t: t.cancelled() or t.exception())
            raise

    async def _settle(self) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            results = await pending
            self.tally.committed(*counts(results))
            await call_hooks(self.on_stored, results)


# -- over worker processes -----------------------------------------------------------------------

class ImportWorkerError(StoreError):
    """A worker process of an import failed or stopped; what it committed stays committed."""


class _Parallel:
    """Hand batches to worker processes and let them commit one at a time, in order.

    The coordination (blocking waits on the workers' pipes, reading the input) runs on a
    thread, so the event loop stays free; hooks are called back on the loop.
    """

    def __init__(self, recipe: Callable[[], RowWriter], pack: PolicyPack, clock: Clock,
                 tally: _Tally, batch: int, on_stored: Sequence[OnStored], workers: int) -> None:
        self.recipe, self.pack, self.clock, self.tally = recipe, pack, clock, tally
        self.batch, self.on_stored, self.count = batch, on_stored, workers
        self.loop: asyncio.AbstractEventLoop | None = None
        self.cancelled = False

    async def run(self, first: list[tuple[int, bytes]], rest: Iterator[tuple[int, bytes]]) -> None:
        self.loop = asyncio.get_running_loop()
        try:
            await asyncio.to_thread(self._coordinate, first, rest)
        except asyncio.CancelledError:
            self.cancelled = True  # the thread sees it within POLL_SECONDS and stops the workers
            raise

    def _coordinate(self, first: list[tuple[int, bytes]], rest: Iterator[tuple[int, bytes]]) -> None:
        want_results = bool(self.on_stored)
        pipes: list[Connection] = []
        processes: list[subprocess.Popen[bytes]] = []
        try:
            for _ in range(self.count):
                pipe, process = _start_worker()
                pipes.append(pipe)
                processes.append(process)
                pipe.send((self.pack, self.recipe, want_results))
            self._drive(pipes, processes, first, rest)
        finally:
            _stop(pipes, processes)

    def _drive(self, pipes: list[Connection], processes: list[subprocess.Popen[bytes]],
               first: list[tuple[int, bytes]], rest: Iterator[tuple[int, bytes]]) -> None:
        idle = list(range(len(pipes)))
        working: dict[int, int] = {}  # worker -> batch number it holds
        ready: dict[int, int] = {}  # batch number -> worker waiting for its turn
        sent = turn = 0  # batches handed out; the batch whose turn it is to commit
        committing = False
        lines: list[tuple[int, bytes]] | None = first
        while True:
            while idle and lines:
                worker = idle.pop()
                pipes[worker].send(Work.of(sent, lines, self.clock.now()))
                working[worker] = sent
                sent += 1
                lines = list(islice(rest, self.batch))
                self.tally.read += len(lines)
            if not working:
                return
            if not committing and turn in ready:
                pipes[ready.pop(turn)].send(turn)
                committing = True
            if self.cancelled:
                raise asyncio.CancelledError
            for pipe in wait([pipes[w] for w in working], POLL_SECONDS):
                worker = pipes.index(pipe)  # type: ignore[arg-type]
                message = _receive(pipe, processes[worker])
                if message[0] == "ready":
                    ready[message[1]] = worker
                elif message[0] == "done":
                    _, number, converted, stored, duplicates, results = message
                    self.tally.converted(converted)
                    self.tally.committed(stored, duplicates)
                    if results is not None:
                        self._hooks(results)
                    del working[worker]
                    idle.append(worker)
                    turn, committing = number + 1, False
                else:
                    raise ImportWorkerError(message[1])

    def _hooks(self, results: list[InsertResult]) -> None:
        assert self.loop is not None
        asyncio.run_coroutine_threadsafe(call_hooks(self.on_stored, results), self.loop).result()


def _start_worker() -> tuple[Connection, subprocess.Popen[bytes]]:
    """A worker process (`python -m service.import_worker FD`) and our end of a socket pair.

    A plain subprocess rather than multiprocessing's spawn, which would import the caller's
    main module again in every worker (a hazard for any script without a main guard).
    """
    ours, theirs = socket.socketpair()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.import_worker", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL)
    except BaseException:
        ours.close()
        raise
    finally:
        theirs.close()
    return Connection(ours.detach()), process


def _receive(pipe: Connection, process: subprocess.Popen[bytes]) -> tuple:
    try:
        return pipe.recv()  # type: ignore[no-any-return]
    except (EOFError, OSError):
        try:
            status = process.wait(1.0)
        except subprocess.TimeoutExpired:
            status = None
        raise ImportWorkerError(
            f"an import worker process stopped unexpectedly (exit status {status}); "
            "the batches committed before it stay stored") from None


def _stop(pipes: list[Connection], processes: list[subprocess.Popen[bytes]]) -> None:
    """Tell every worker to stop, wait for them, end any that do not."""
    for pipe in pipes:
        try:
            pipe.send(None)
        except OSError:
            pass  # that worker is gone already
    for process in processes:
        try:
            process.wait(STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for pipe in pipes:
        pipe.close()


