"""One worker process of a big import (`service.imports`): run as
`python -m service.import_worker FD`, it talks to the import over the socket FD.

The import sends (pack, store recipe, whether it wants each row's result), then batches
(`Work`). For each, the worker converts the lines, says it is ready, waits to be told it is
its turn, commits through its own `RowWriter`, and reports the counts and the rejects-file
records. `None` (or the socket closing) stops it. Kept apart from `service.imports` so a
worker starts without the event loop machinery it never uses.
"""

from __future__ import annotations

import gc
import signal
import sys
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection

from service.intake import Converted, Preparer, convert_lines
from storage.base import InsertResult, RowWriter, StoreError


@dataclass(frozen=True)
class Work:
    """One batch for a worker: its number (commit order), its lines, its ingest time.

    The lines travel as one blob with two arrays (line numbers, lengths), not as a list of
    pairs: three buffers cost next to nothing to send, 20,000 small objects do not.
    """

    number: int
    numbers: bytes
    """The line numbers, an array('q') as bytes."""
    lengths: bytes
    """Each line's length in bytes, an array('q') as bytes."""
    blob: bytes
    """The lines, one after the other."""
    now: datetime

    @classmethod
    def of(cls, number: int, lines: list[tuple[int, bytes]], now: datetime) -> Work:
        return cls(number, array("q", (n for n, _ in lines)).tobytes(),
                   array("q", (len(raw) for _, raw in lines)).tobytes(),
                   b"".join(raw for _, raw in lines), now)

    def lines(self) -> list[tuple[int, bytes]]:
        numbers, lengths = array("q"), array("q")
        numbers.frombytes(self.numbers)
        lengths.frombytes(self.lengths)
        blob, out, at = self.blob, [], 0
        for n, length in zip(numbers, lengths, strict=True):
            out.append((n, blob[at:at + length]))
            at += length
        return out


@contextmanager
def fewer_gc_pauses() -> Iterator[None]:
    """While an import runs: freeze what already exists and collect young objects less often.

    An import makes millions of short-lived, acyclic objects; the cyclic collector would keep
    re-scanning the long-lived ones (the pack, pydantic's schemas, holiday tables) for nothing,
    which costs a third of the import's time. Both settings are restored afterwards.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], 20_000), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def counts(results: Sequence[InsertResult]) -> tuple[int, int]:
    """(stored, duplicates) of a committed batch's results."""
    stored = sum(1 for r in results if r.inserted)
    return stored, len(results) - stored


def _worker(fd: int) -> None:
    """A worker process: convert each batch handed over, commit it when told it is its turn.

    Ctrl-C goes to the whole process group; the import's own process decides what stops, so
    workers ignore it and stop when told, or when the pipe closes.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipe = Connection(fd)
    try:
        pack, recipe, want_results = pipe.recv()
        writer = recipe()
    except (EOFError, OSError):
        return
    except Exception as exc:
        pipe.send(("error", str(exc)))
        return
    try:
        with fewer_gc_pauses():
            _work(pipe, Preparer(pack), writer, want_results)
    except (EOFError, OSError):
        pass  # the import's process has gone: what was committed stays
    except Exception as exc:
        try:
            pipe.send(("error", str(exc) if isinstance(exc, StoreError)
                       else f"an import worker failed: {type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        writer.close()


def _work(pipe: Connection, prepare: Preparer, writer: RowWriter, want_results: bool) -> None:
    while (work := pipe.recv()) is not None:
        converted = convert_lines(work.lines(), prepare, work.now)
        pipe.send(("ready", work.number))
        if pipe.recv() != work.number:
            return  # told to stop instead
        results: list[InsertResult] | None = None
        if want_results:
            results = writer.add_rows(converted.rows)
            stored, duplicates = counts(results)
        else:
            stored, duplicates = writer.add_rows_counted(converted.rows)
        pipe.send(("done", work.number, Converted([], converted.rejects), stored, duplicates, results))


if __name__ == "__main__":
    _worker(int(sys.argv[1]))
