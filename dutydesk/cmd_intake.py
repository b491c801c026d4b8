"""`dutydesk schema inbound` and `dutydesk import FILE.jsonl|-`.

`schema inbound` prints the JSON Schema of one import line (`core.models.InboundMessage`).
`import` stores a JSON Lines file (or standard input) through the same intake as live
messages. Exit status: 0 all stored (or already there), 1 some lines were rejected (each is in
the rejects file with its line number and reason), 2 nothing could be done or the import
stopped (an unreadable file, a broken pack, a store that cannot be opened or is damaged),
130 interrupted (ctrl-c).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TextIO

from core.models import InboundMessage
from core.pack_files import PackError
from core.policy import PolicyPack
from dutydesk.commands import STORE, command
from dutydesk.options import FAILED, INTERRUPTED, complain, load_policy, make_store, report_pack_error
from service.clock import SystemClock
from service.imports import BATCH, MAX_WORKERS, ImportSummary, import_stream
from storage.base import StoreDamagedError, StoreError

STDIN = "-"
SCHEMAS = {"inbound": InboundMessage}
"""The formats `dutydesk schema` can describe."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add `schema` and `import`; each sets `handler`."""
    schema = command(sub, "schema", handler=run_schema, help="print the JSON Schema of an input format",
                     description="Print the JSON Schema of an input format.")
    schema.add_argument("format", choices=sorted(SCHEMAS),
                        help="inbound: one line of an import file, one message from a connector")

    imp = command(
        sub, "import", handler=run_import, options=STORE, help="store messages from a JSON Lines file (one message a line)",
        description="Store messages from a JSON Lines file, one message a line "
                    "(see `dutydesk schema inbound`). Safe to run again: messages already "
                    "stored are skipped. Exit 0: all stored; 1: some lines rejected; 2: failed.")
    imp.add_argument("file", metavar="FILE.jsonl|-", help="the file to import, or - for standard input")
    imp.add_argument("--rejects", type=Path, default=None, metavar="PATH",
                     help="where rejected lines go (default: FILE.rejects.jsonl, or "
                          "rejects.jsonl for standard input)")
    imp.add_argument("--batch", type=int, default=BATCH, metavar="N",
                     help=f"messages per transaction (default: {BATCH:,})")
    imp.add_argument("--workers", type=int, default=None, metavar="N",
                     help=f"spread a big import over N workers (default: one per core, at most "
                          f"{MAX_WORKERS}; 1: all in this process)")


def run_schema(args: argparse.Namespace) -> int:
    """Print the chosen format's JSON Schema, indented."""
    print(json.dumps(SCHEMAS[args.format].model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def rejects_path(file: str, chosen: Path | None) -> Path:
    """Where rejected lines go: the chosen path, else beside the input (or ./rejects.jsonl)."""
    if chosen is not None:
        return chosen
    if file == STDIN:
        return Path("rejects.jsonl")
    path = Path(file)
    return path.with_name(f"{path.stem if path.suffix else path.name}.rejects.jsonl")


class LazyRejects:
    """The rejects file, created only when a first line is rejected (a clean run leaves none)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: TextIO | None = None

    def write(self, text: str) -> int:
        if self._file is None:
            self._file = self.path.open("w", encoding="utf-8")
        return self._file.write(text)

    def __enter__(self) -> LazyRejects:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._file is not None:
            self._file.close()


def _fail(message: str) -> int:
    complain(f"dutydesk: {message}")
    return FAILED


def run_import(args: argparse.Namespace) -> int:
    """Import `args.file` into the store; print a one-line summary; 0, 1 or 2 (see module)."""
    if args.batch < 1:
        return _fail(f"--batch must be at least 1, got {args.batch}")
    if args.workers is not None and args.workers < 1:
        return _fail(f"--workers must be at least 1, got {args.workers}")
    try:
        pack = load_policy(args)
    except PackError as exc:
        return report_pack_error(exc)
    try:
        source = sys.stdin.buffer if args.file == STDIN else open(args.file, "rb")  # noqa: SIM115
    except OSError as exc:
        return _fail(f"cannot read {args.file}: {exc.strerror or exc}")
    rejects = LazyRejects(rejects_path(args.file, args.rejects))
    try:
        with rejects:
            summary = asyncio.run(_import(source, args, pack, rejects))
    except _NotOpened as exc:
        return _fail(str(exc.__cause__))
    except StoreDamagedError as exc:
        return _fail(f"the import stopped: {exc}")
    except (StoreError, OSError) as exc:
        return _fail(f"the import stopped: {exc}\n{_RUN_AGAIN}")
    except KeyboardInterrupt:
        complain(f"dutydesk: the import was interrupted. {_RUN_AGAIN}")
        return INTERRUPTED
    finally:
        if source is not sys.stdin.buffer:
            source.close()
    print(describe(summary, rejects.path))
    return 1 if summary.rejected else 0


_RUN_AGAIN = ("Messages committed before this stay stored; run the same import again to finish "
              "(nothing is stored twice).")


class _NotOpened(Exception):
    """The store could not be opened: nothing was imported (the cause says why)."""


async def _import(source: BinaryIO, args: argparse.Namespace, pack: PolicyPack,
                  rejects: LazyRejects) -> ImportSummary:
    store = make_store(args, check=True)
    try:
        await store.open()
    except StoreError as exc:
        raise _NotOpened from exc
    try:
        return await import_stream(source, store, pack, SystemClock(), rejects,
                                   batch=args.batch, workers=args.workers)
    finally:
        await store.close()


def describe(summary: ImportSummary, rejects: Path) -> str:
    """The summary line: read N, stored N, already there N, rejected N (see PATH)."""
    line = (f"read {summary.read}, stored {summary.stored}, already there {summary.duplicates}, "
            f"rejected {summary.rejected}")
    return f"{line} (see {rejects})" if summary.rejected else line
