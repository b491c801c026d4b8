"""Reply drafts in the in-memory store: the same rules as `storage.sqlite_drafts`, in a dict."""

from __future__ import annotations

from typing import Any

from storage.base import NotFoundError, utc
from storage.drafts_base import Draft, DraftStore


class MemoryDrafts(DraftStore):
    """Mixed into `MemoryStore`, whose messages and open check it uses."""

    _check_open: Any
    _messages: Any

    def _init_drafts(self) -> None:
        self._drafts: dict[tuple[int, str], Draft] = {}

    async def save_draft(self, draft: Draft) -> None:
        self._check_open()
        if draft.message_id not in self._messages:
            raise NotFoundError(f"no message {draft.message_id}")
        saved = draft.model_copy(update={"saved_at": utc(draft.saved_at, "saved_at")})
        self._drafts[(draft.message_id, draft.officer)] = saved

    async def draft(self, message_id: int, officer: str) -> Draft | None:
        self._check_open()
        return self._drafts.get((message_id, officer))

    async def drop_draft(self, message_id: int, officer: str) -> None:
        self._check_open()
        self._drafts.pop((message_id, officer), None)
