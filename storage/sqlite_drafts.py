"""Reply drafts in the SQLite store (`storage.drafts_base.DraftStore`): the `reply_drafts`
table (storage.migrations), one row per message and officer."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from storage.base import NotFoundError
from storage.drafts_base import Draft, DraftStore
from storage.rows import from_micros, to_micros

class SqliteDrafts(DraftStore):
    """Mixed into `SqliteStore`, whose `_write` and `_call` run work on its connection."""

    _write: Callable[..., Any]
    _call: Callable[..., Any]

    async def save_draft(self, draft: Draft) -> None:
        params = (draft.message_id, draft.officer, draft.text, to_micros(draft.saved_at, "saved_at"))

        def run(conn: sqlite3.Connection) -> None:
            if conn.execute("SELECT 1 FROM messages WHERE id = ?", (draft.message_id,)).fetchone() is None:
                raise NotFoundError(f"no message {draft.message_id}")
            conn.execute("INSERT INTO reply_drafts (message_id, officer, text, saved_at) "
                         "VALUES (?, ?, ?, ?) ON CONFLICT (message_id, officer) DO UPDATE SET "
                         "text = excluded.text, saved_at = excluded.saved_at", params)
        await self._write(run)

    async def draft(self, message_id: int, officer: str) -> Draft | None:
        row = await self._call(lambda conn: conn.execute(
            "SELECT text, saved_at FROM reply_drafts WHERE message_id = ? AND officer = ?",
            (message_id, officer)).fetchone())
        if row is None:
            return None
        return Draft(message_id=message_id, officer=officer, text=row[0], saved_at=from_micros(row[1]))

    async def drop_draft(self, message_id: int, officer: str) -> None:
        await self._write(lambda conn: conn.execute(
            "DELETE FROM reply_drafts WHERE message_id = ? AND officer = ?", (message_id, officer)))
