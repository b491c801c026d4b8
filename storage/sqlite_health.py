"""Is the store file fit to use? Corruption and read-only files, found early and said plainly.

- `check_integrity`: SQLite's `PRAGMA quick_check` (every page's structure, not the indexes'
  contents), run when a store is opened and again whenever an operation fails for a reason
  other than a busy lock. It reads the whole file: about 0.1 s for a 95 MB store of 300,000
  messages on the 2-core machine of the issues (measured warm), so `SqliteStore.open` runs it
  on files up to `CHECK_ON_OPEN_BYTES` always, and on bigger ones when asked (`check=True`:
  the import and `serve`, which are not waiting on a first paint).
- `writable_or_refuse` and `Leftovers`: a file the user may not write is refused before SQLite
  touches it, and an open that fails removes the `-wal` / `-shm` files it created. (SQLite
  makes them with the main file's permissions: a 0444 `-shm` left behind would break the
  store even after the main file is made writable again.)
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from storage.base import StoreDamagedError, StoreError

#: Stores up to this size are checked at every open (well under a tenth of a second).
CHECK_ON_OPEN_BYTES = 64 << 20

#: SQLite's primary result codes for a damaged file, and for a file that is no database at all.
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def damaged(path: Path, detail: str) -> StoreDamagedError:
    """The one line a damaged store is reported with."""
    return StoreDamagedError(
        f"the store {path} is damaged ({detail}); dutydesk will not write to it. Restore it "
        "from a backup, or save what is readable with `sqlite3 FILE .recover`.")


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """StoreDamagedError if `PRAGMA quick_check` finds the file damaged (or cannot run)."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        if _code(exc) == SQLITE_NOTADB:
            raise plain_error(path, exc) from exc
        raise damaged(path, str(exc)) from exc
    verdict = rows[0][0] if rows else "no answer from the integrity check"
    if verdict != "ok":
        # The first line may only say where ("*** in database main ***"); the next says what.
        lines = [line for line in verdict.splitlines() if not line.startswith("***")]
        raise damaged(path, (lines or [verdict])[0])


def damage_behind(conn: sqlite3.Connection, path: Path, exc: sqlite3.Error) -> StoreDamagedError | None:
    """After an operation failed with `exc`: the damage behind it, or None if the file is sound
    (a constraint, a full disk, a read-only file say so themselves)."""
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return None
    if _code(exc) == SQLITE_CORRUPT:
        return damaged(path, str(exc))
    try:
        check_integrity(conn, path)
    except StoreDamagedError as found:
        return found
    except sqlite3.Error:
        return None
    return None


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def plain_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """`exc` as a StoreError that names the file and says what went wrong in plain words."""
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
        return StoreError(f"{path} is not a dutydesk store (not an SQLite database file)")
    return StoreError(f"the store {path} failed: {exc}")


def should_check_on_open(path: Path, check: bool | None) -> bool:
    """Whether opening `path` runs the integrity check (`check` None: by the file's size)."""
    if check is not None:
        return check
    try:
        return path.stat().st_size <= CHECK_ON_OPEN_BYTES
    except OSError:
        return True


def writable_or_refuse(path: Path) -> None:
    """StoreError, before SQLite creates anything, if the store or its folder is read-only."""
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"cannot open the store {path}: the file is read-only for you "
                         "(dutydesk writes to it); make it writable, or choose another --db")
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    if not all(s.exists() for s in sidecars) and not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot open the store {path}: its folder {path.parent} is read-only "
                         "for you (SQLite keeps two files beside the store)")


class Leftovers:
    """Notes which of the store's `-wal` / `-shm` files exist before an open; `remove()` (after
    a failed open) deletes those it created: an empty log and its index, nothing written."""

    def __init__(self, path: Path) -> None:
        self.sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        self.before = {s for s in self.sidecars if s.exists()}

    def remove(self) -> None:
        wal, shm = self.sidecars
        if wal in self.before or shm in self.before:
            return  # another process may be using them
        if wal.exists() and wal.stat().st_size > 0:
            return  # something was written: not ours to throw away
        for sidecar in self.sidecars:
            try:
                sidecar.unlink(missing_ok=True)
            except OSError:
                pass
