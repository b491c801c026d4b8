"""Reply drafts in the store: what an officer typed to a message and has not sent, kept so a
refused send, an escape or a restart never loses it. One draft per message and officer.

`Store` inherits these; `storage.sqlite_drafts` and `storage.memory_drafts` implement them, and
`tests/storage/test_drafts_contract.py` runs both on the same cases.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class Draft(BaseModel):
    """An unsent reply."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")

    message_id: int
    """The message it answers."""
    officer: str
    """The officer who wrote it (their id on the pack's register); only they see it."""
    text: str
    """The reply body as typed, unsigned."""
    saved_at: datetime
    """When it was last saved (timezone-aware)."""


class DraftStore(ABC):
    """Saving, reading and dropping reply drafts; each call is one transaction."""

    @abstractmethod
    async def save_draft(self, draft: Draft) -> None:
        """Keep `draft`, replacing the officer's earlier draft to the same message.
        NotFoundError if there is no such message."""

    @abstractmethod
    async def draft(self, message_id: int, officer: str) -> Draft | None:
        """The officer's draft to the message, or None."""

    @abstractmethod
    async def drop_draft(self, message_id: int, officer: str) -> None:
        """Forget the officer's draft to the message (nothing happens if there is none)."""
