"""Setting up an SQLite connection to a store file, and a plain, synchronous writer of new
message rows for the workers of a big import (`Store.row_writer`).

`SqliteStore` runs every operation on aiosqlite's thread; an import worker has nothing else to
do and no event loop, so it gets its own plain connection, set up the same way
(`prepare_connection`), that only adds rows, with the same busy handling as the store: wait,
back off, retry, then a plain StoreError.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from storage.base import StoreError, check_row_values
from storage.migrations import check_not_newer, migrate
from storage.rows import InsertResult, MessageRow, PreparedRows, unstorable_text
from storage.sqlite_health import damage_behind, plain_error
from storage.sqlite_rows import _insert_batch, _insert_only, _is_busy, _search, lay_out, rows_per_insert

T = TypeVar("T")

#: How big the write-ahead log may grow before a commit folds it back into the file.
#: SQLite's default is 1,000 pages (4 MB of 4 KB pages); a writer of big batches dirties more
#: than that in one commit, and folding back that often costs a third of an import. 40 MB
#: bound the log all the same.
BULK_WAL_BYTES = 40 << 20
#: How much of the file a bulk writer maps into memory (address space, not memory used).
BULK_MMAP_BYTES = 1 << 30
#: The page size of a new store file (SQLite's default is 4,096). A big import spends most of
#: SQLite's time in the indexes; with pages four times the size, their trees are a level
#: shallower and split a quarter as often, and an import writes a fifth faster. A file made
#: with other pages keeps them (it would take a VACUUM, out of WAL mode, to change).
PAGE_SIZE = 16_384


def prepare_connection(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a newer schema untouched, set WAL and the store's pragmas, upgrade an older schema."""
    # Checked before anything else: switching to WAL would already write to the file.
    check_not_newer(conn, path)
    conn.execute(f"PRAGMA page_size = {int(PAGE_SIZE)}")  # takes only on a new, empty file
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -32768")  # 32 MB: keeps the indexes warm on big files
    conn.execute("PRAGMA temp_store = MEMORY")
    migrate(conn, path)
    conn.create_function("dd_search", 5, _search, deterministic=True)


def tune_for_bulk(conn: sqlite3.Connection) -> None:
    """Settings for a connection that writes big batches and little else.

    A longer write-ahead log (BULK_WAL_BYTES) before folding it back; and the file mapped
    into memory: when another worker commits, this connection's page cache is dropped, and
    pages read back through the mapping cost next to nothing.
    """
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_BYTES // page_size}")
    conn.execute(f"PRAGMA mmap_size = {int(BULK_MMAP_BYTES)}")


def in_transaction(conn: sqlite3.Connection, fn: Callable[[sqlite3.Connection], T]) -> T:
    """`fn(conn)` in one IMMEDIATE transaction: committed whole, or rolled back and raised."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = fn(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # some errors (a full disk) have already rolled it back
            conn.execute("ROLLBACK")
        raise
    return result


Transaction = Callable[[sqlite3.Connection, Callable[[sqlite3.Connection], T]], T]


def prepare_rows(conn: sqlite3.Connection, rows: Sequence[MessageRow]) -> PreparedRows:
    """`rows` checked (StoreError naming one the store cannot take) and laid out for bulk
    INSERTs on `conn`: all the work of adding them that needs no lock."""
    check_row_values(rows)
    return PreparedRows(rows, lay_out(rows, rows_per_insert(conn)))


def insert_rows(conn: sqlite3.Connection, prepared: PreparedRows,
                transaction: Transaction) -> list[InsertResult]:
    """Add prepared rows in one `transaction`; a repeat of (platform, platform_id) is skipped."""
    return _guarded(prepared, lambda: transaction(
        conn, lambda c: _insert_batch(c, prepared.rows, prepared.layout)))


def insert_rows_counted(conn: sqlite3.Connection, prepared: PreparedRows,
                        transaction: Transaction) -> tuple[int, int]:
    """`insert_rows`, saying only (stored, duplicates)."""
    stored: int = _guarded(prepared, lambda: transaction(conn, lambda c: _insert_only(c, prepared.layout)))
    return stored, len(prepared.rows) - stored


def _guarded(prepared: PreparedRows, insert: Callable[[], T]) -> T:
    """`insert()`, a lone surrogate in the rows reported as a StoreError naming the message."""
    try:
        return insert()
    except UnicodeEncodeError as exc:
        where = next(filter(None, map(unstorable_text, prepared.rows)), "a row")
        raise StoreError(f"cannot store {where}: it holds characters that are not valid "
                         "Unicode text (a lone surrogate); nothing in this batch was stored") from exc


#: The pause before trying again while another process holds the write lock; it doubles.
FIRST_BUSY_PAUSE = 0.05


def busy_pauses(retries: int) -> list[float | None]:
    """The pause after each failed attempt while the store is busy: FIRST_BUSY_PAUSE, doubling,
    `retries` times; then None, for the last attempt, after which there is no more waiting."""
    return [FIRST_BUSY_PAUSE * 2 ** n for n in range(retries)] + [None]


def retry_pause(path: Path, exc: sqlite3.Error, pause: float | None, busy_timeout: float,
                attempts: int) -> float:
    """After an attempt failed with `exc`: `pause` (from `busy_pauses`) if the store was busy
    and another attempt is due; else the plain StoreError to give up with, raised."""
    if not _is_busy(exc):
        raise plain_error(path, exc) from exc
    if pause is None:
        raise busy_error(path, busy_timeout, attempts) from exc
    return pause


def busy_error(path: Path, busy_timeout: float, attempts: int) -> StoreError:
    return StoreError(
        f"the store {path} stayed busy: another dutydesk process held it for over "
        f"{busy_timeout:g} s, {attempts} times running. Nothing was written; try again.")


class SqliteRowWriter:
    """Adds message rows to the store file at `path`, synchronously, one transaction a call.

    Made in an import worker process from the recipe `SqliteStore.row_writer()` returns.
    """

    def __init__(self, path: str | Path, busy_timeout: float = 10.0, busy_retries: int = 4) -> None:
        self.path = Path(path)
        self._busy_timeout = busy_timeout
        self._busy_retries = busy_retries
        try:
            self._conn = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        try:
            self._retrying(lambda: prepare_connection(self._conn, self.path))
            tune_for_bulk(self._conn)
        except BaseException:
            self._conn.close()
            raise

    def prepare(self, rows: Sequence[MessageRow]) -> PreparedRows:
        """`RowWriter.prepare`: check and lay out, no lock taken."""
        return prepare_rows(self._conn, rows)

    def add_rows(self, prepared: PreparedRows) -> list[InsertResult]:
        """`Store.add_rows` of prepared rows, in this process."""
        if not prepared.rows:
            return []
        return self._retrying(lambda: insert_rows(self._conn, prepared, in_transaction))

    def add_rows_counted(self, prepared: PreparedRows) -> tuple[int, int]:
        """`add_rows` that only says (stored, duplicates)."""
        if not prepared.rows:
            return 0, 0
        return self._retrying(lambda: insert_rows_counted(self._conn, prepared, in_transaction))

    def close(self) -> None:
        """Close the connection. The write-ahead log is folded back into the file by the next
        commit past `wal_autocheckpoint` anywhere, or by the last connection to close."""
        self._conn.close()

    def _retrying(self, fn: Callable[[], T]) -> T:
        """`fn()`, tried again after a pause while another process holds the store (as
        `SqliteStore` does)."""
        for pause in busy_pauses(self._busy_retries):
            try:
                return fn()
            except sqlite3.Error as exc:
                try:
                    wait = retry_pause(self.path, exc, pause, self._busy_timeout, self._busy_retries + 1)
                except StoreError as plain:
                    raise (damage_behind(self._conn, self.path, exc) or plain) from exc
            time.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")
