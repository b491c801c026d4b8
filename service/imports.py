"""Whole imports: a JSON Lines stream into the store, a batch to a transaction.

Every line is converted by `service.intake.convert_lines` (a row, or a rejects-file record
with its line number and reason), and the summary counts what happened. Batches commit in the
order of the file, so the first of two lines with the same (platform, platform_id) is the
one kept, and re-running an import adds nothing.

Two ways to run, same result:

* here, in this process: while one batch commits on the store's thread, the next is parsed.
  Used when the input fits in one batch, when it comes as lines already split, when the store
  lives only in this process (the in-memory fake), or with one worker;
* spread over workers (`workers`, one per core by default, at most three) for a bigger stream
  into a store file: one worker is a thread of this process, the others are worker processes
  (`service.import_worker`). This process reads the stream in blocks of a batch's lines and
  hands a block to each idle worker; the worker parses it and has its `RowWriter` lay it out
  for the store (`RowWriter.prepare`: checked, in the queue index's order, as INSERT
  parameters), then commits it through its own connection when its turn comes (batch n after
  batch n-1), so the others parse while one commits, and a commit is little but SQLite's
  work. Parsing is Python, and one process gets one core's worth of it: on the 2-core
  machine of the issues this is 1.2 to 1.5 times as fast as one process.

Either way a batch is committed whole or not at all; an import that stops (an error, a kill)
keeps every batch committed before, and running it again stores the rest.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.connection import Connection, wait
from typing import IO, BinaryIO, TextIO

from core.clock import Clock
from core.policy import PolicyPack
from service.import_worker import Work, counts, fewer_gc_pauses, serve
from service.intake import Converted, OnStored, Preparer, call_hooks, convert_lines
from service.lines import Block, block_lines, cut_block, line_blocks, numbered_lines
from storage.base import RowWriter, Store, StoreError
from storage.rows import InsertResult

#: Lines to a transaction. Bigger batches write each index page fewer times (the queue index
#: takes rows all over), so imports go faster up to about this size; a batch holds the write
#: lock for about a quarter of a second, which dashboards and the engine wait out unnoticed.
BATCH = 20_000
#: At most this many workers: past three, committing (one batch at a time) is the limit.
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
    """One worker per core, at most MAX_WORKERS."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


Batch = list[tuple[int, bytes]]
"""A batch's numbered non-blank lines."""


async def import_stream(source: BinaryIO | Iterable[bytes], store: Store, pack: PolicyPack,
                        clock: Clock, rejects: TextIO | IO[str], batch: int = BATCH,
                        on_stored: Sequence[OnStored] = (),
                        workers: int | None = None) -> ImportSummary:
    """Validate, prepare and store JSON Lines messages, up to `batch` lines a transaction.

    `source` is a binary stream, or the lines themselves (without line ends). Each refused
    line is written to `rejects` (see `service.intake.reject_record`) and the import goes on.
    Blank lines are skipped. `on_stored` hooks are called with each committed batch's
    results, in order. With `workers` (default: `default_workers()`) above 1, a stream of more
    than one batch into a store that allows it is spread over workers.
    """
    if batch < 1:
        raise ValueError(f"batch must be at least 1, got {batch}")
    workers = default_workers() if workers is None else workers
    tally = _Tally(rejects)
    with fewer_gc_pauses():
        if hasattr(source, "read"):
            blocks = line_blocks(source, batch)  # type: ignore[arg-type]
            ahead = list(islice(blocks, 2))
            recipe = store.row_writer() if workers > 1 and len(ahead) == 2 else None
            if recipe is not None:
                await _Parallel(recipe, pack, clock, tally, on_stored, workers).run(chain(ahead, blocks))
                return tally.summary()
            batches: Iterator[Batch] = (block_lines(*block) for block in chain(ahead, blocks))
        else:
            numbered = numbered_lines(source)  # type: ignore[arg-type]
            batches = iter(lambda: list(islice(numbered, batch)), [])
        await _InProcess(store, pack, clock, tally, on_stored).run(batches)
    return tally.summary()


# -- in this process ------------------------------------------------------------------------------

class _InProcess:
    """Parse the next batch here while the last one commits on the store's thread."""

    def __init__(self, store: Store, pack: PolicyPack, clock: Clock, tally: _Tally,
                 on_stored: Sequence[OnStored]) -> None:
        self.store, self.clock, self.tally, self.on_stored = store, clock, tally, on_stored
        self.prepare = Preparer(pack)
        self.pending: asyncio.Task[list[InsertResult]] | None = None

    async def run(self, batches: Iterator[Batch]) -> None:
        try:
            for lines in batches:
                self.tally.read += len(lines)
                converted = convert_lines(lines, self.prepare, self.clock.now())
                await self._settle()
                self.tally.converted(converted)
                if converted.rows:
                    self.pending = asyncio.ensure_future(self.store.add_rows(converted.rows))
                    # One turn of the loop hands the batch to the store's thread, so it
                    # commits while the next batch is parsed.
                    await asyncio.sleep(0)
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
    """Hand batches to workers and let them commit one at a time, in order.

    The workers: one thread of this process (it starts at once, with its own connection) and
    `workers - 1` worker processes (each takes about a quarter of a second of Python imports
    to start). The coordination (reading the input, blocking waits on the workers' pipes) runs
    on another thread, so the event loop stays free; hooks are called back on the loop.
    """

    def __init__(self, recipe: Callable[[], RowWriter], pack: PolicyPack, clock: Clock,
                 tally: _Tally, on_stored: Sequence[OnStored], workers: int) -> None:
        self.recipe, self.pack, self.clock, self.tally = recipe, pack, clock, tally
        self.on_stored, self.count = on_stored, workers
        self.loop: asyncio.AbstractEventLoop | None = None
        self.cancelled = False

    async def run(self, blocks: Iterator[Block]) -> None:
        self.loop = asyncio.get_running_loop()
        here, there = multiprocessing.Pipe()
        thread = threading.Thread(target=_serve_here, args=(there,), name="dutydesk-import",
                                  daemon=True)
        pipes, stoppers = [here], [_Stopper(thread=thread)]
        coordinator: asyncio.Future[None] | None = None
        try:
            thread.start()
            # Started from this (the main) thread: see _start_worker on the workers' lifetime.
            for _ in range(self.count - 1):
                pipe, process = _start_worker()
                pipes.append(pipe)
                stoppers.append(_Stopper(process=process))
            coordinator = asyncio.ensure_future(
                asyncio.to_thread(self._coordinate, pipes, stoppers, _Blocks(blocks, len(pipes))))
            await coordinator
        except BaseException:
            self.cancelled = True  # the thread sees it within POLL_SECONDS and stops
            if coordinator is not None:
                if not coordinator.done():
                    await asyncio.wait([coordinator])
                if not coordinator.cancelled():
                    coordinator.exception()  # read, so it is not reported as never retrieved
            raise
        finally:
            _stop(pipes, stoppers)
            there.close()

    def _coordinate(self, pipes: list[Connection], stoppers: list[_Stopper], blocks: _Blocks) -> None:
        setup = (self.pack, self.recipe, bool(self.on_stored))
        for pipe, stopper in zip(pipes, stoppers, strict=True):
            _send(pipe, stopper, setup)
        # Popped from the end: the thread here (pipe 0) first, as the processes are still
        # starting up (sending them a batch waits until they read it).
        idle = list(reversed(range(len(pipes))))
        working: dict[int, int] = {}  # worker -> the batch it holds
        ready: dict[int, int] = {}  # batch -> the worker waiting for its turn to commit
        sent = turn = 0  # the next batch to hand out; the batch whose turn it is to commit
        committing = False
        while True:
            while idle and (block := blocks.take()) is not None:
                worker = idle.pop()
                _send(pipes[worker], stoppers[worker], Work(sent, *block, self.clock.now()))
                working[worker] = sent
                sent += 1
            if not working:
                return
            if not committing and turn in ready:
                worker = ready.pop(turn)
                _send(pipes[worker], stoppers[worker], turn)
                committing = True
            if self.cancelled:
                raise asyncio.CancelledError
            blocks.read_ahead()  # while the workers work
            for pipe in wait([pipes[w] for w in working], POLL_SECONDS):
                worker = pipes.index(pipe)  # type: ignore[arg-type]
                message = _receive(pipe, stoppers[worker])
                if message[0] == "ready":
                    ready[message[1]] = worker
                elif message[0] == "done":
                    _, number, read, converted, stored, duplicates, results = message
                    self.tally.read += read
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


class _Blocks:
    """The input's blocks, handed out one at a time. The last block is cut into one part per
    worker, so no worker is left alone with a whole batch at the end. Blocks are read ahead
    (`read_ahead`, while the workers work), so a worker that asks for one has it at once."""

    def __init__(self, blocks: Iterator[Block], workers: int) -> None:
        self.blocks, self.workers = blocks, workers
        self.ahead: deque[Block] = deque()
        self.ended = False
        self.tail: list[Block] = []

    def read_ahead(self) -> None:
        """Read until two blocks wait, or the input has ended (two: to know the last one)."""
        while len(self.ahead) < 2 and not self.ended:
            block = next(self.blocks, None)
            if block is None:
                self.ended = True
            else:
                self.ahead.append(block)

    def take(self) -> Block | None:
        if self.tail:
            return self.tail.pop(0)
        self.read_ahead()
        if not self.ahead:
            return None
        block = self.ahead.popleft()
        if self.ended and not self.ahead:  # the last one
            self.tail = cut_block(block, self.workers)
            return self.tail.pop(0)
        return block


def _serve_here(pipe: Connection) -> None:
    """The worker thread: `serve`, then close its end, so that however it ends the
    coordinator hears of it (a closed pipe) rather than waiting for ever."""
    try:
        serve(pipe)
    finally:
        pipe.close()


def _start_worker() -> tuple[Connection, subprocess.Popen[bytes]]:
    """A worker process (`python -m service.import_worker FD PID`) and our end of a socket pair.

    A plain subprocess rather than multiprocessing's spawn, which would import the caller's
    main module again in every worker (a hazard for any script without a main guard). On
    Linux the worker asks to be killed when the thread that started it ends, so a killed
    import takes its workers with it (a batch being committed is rolled back whole); start
    workers from a thread that outlives the import.
    """
    ours, theirs = socket.socketpair()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.import_worker", str(theirs.fileno()), str(os.getpid())],
            pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL)
    except BaseException:
        ours.close()
        raise
    finally:
        theirs.close()
    return Connection(ours.detach()), process


@dataclass
class _Stopper:
    """How to wait for one worker: a thread of this process, or a worker process."""

    thread: threading.Thread | None = None
    process: subprocess.Popen[bytes] | None = None

    def status(self) -> str:
        if self.process is not None:
            return f"exit status {self.process.poll()}"
        return "a thread of this process"

    def wait(self, seconds: float) -> None:
        if self.thread is not None:
            self.thread.join(seconds)  # a daemon thread: it cannot hold the process up at exit
        elif self.process is not None:
            try:
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _receive(pipe: Connection, worker: _Stopper) -> tuple:
    try:
        return pipe.recv()  # type: ignore[no-any-return]
    except (EOFError, OSError):
        raise _stopped(worker) from None


def _send(pipe: Connection, worker: _Stopper, message: object) -> None:
    """Send to a worker; one killed meanwhile (a broken pipe) is told plainly, as on receiving."""
    try:
        pipe.send(message)
    except OSError:
        raise _stopped(worker) from None


def _stopped(worker: _Stopper) -> ImportWorkerError:
    worker.wait(1.0)
    return ImportWorkerError(
        f"an import worker stopped unexpectedly ({worker.status()}); the batches "
        "committed before it stay stored")


def _stop(pipes: list[Connection], workers: list[_Stopper]) -> None:
    """Tell every worker to stop, wait for them, end any process that does not stop."""
    for pipe in pipes:
        try:
            pipe.send(None)
        except OSError:
            pass  # that worker is gone already
    for worker in workers:
        worker.wait(STOP_WAIT_SECONDS)
    for pipe in pipes:
        pipe.close()
