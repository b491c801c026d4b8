"""The moderation ladder at the desk: one officer's marking, block requests, blocks and unblocks,
each checked by `core.moderation` (the refusal is there, whatever calls) and written by the
store in one transaction with what it reads.

`DeskSession.moderation` is one of these. It also keeps the standing of the authors of the
rows last fetched, so a row's badge is drawn without asking the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from core import moderation as ladder
from core.models import Message
from core.moderation_models import (
    AuthorChange,
    AuthorKey,
    AuthorRecord,
    ModerationEntry,
    Standing,
    StrikeResult,
)
from core.permissions import require
from core.policy import Permission

if TYPE_CHECKING:
    from service.desk import DeskSession


def author_key(message: Message) -> AuthorKey:
    """The poster of `message`, across all the council's accounts."""
    return AuthorKey(message.platform, message.author.platform_id)


class ModerationDesk:
    """The ladder as one officer's session uses it."""

    def __init__(self, session: DeskSession) -> None:
        self.session = session
        self._standings: dict[AuthorKey, Standing] = {}

    # -- acting ------------------------------------------------------------------------------------
    async def mark_inappropriate(self, message_id: int, category: str) -> StrikeResult:
        """A strike against the message's author, its warning or block request, and what the
        pack says to do with the content. A message already marked (by anyone) is not marked
        again: the result says so (`made=False`) and nothing is sent twice."""
        s = self.session
        await s._message_for(message_id, Permission.WARN)  # refused before the store is touched
        now = s.clock.now()

        def decide(message: Message, record: AuthorRecord):  # noqa: ANN202 - see DecideStrike
            return ladder.mark_inappropriate(s.pack, s.officer, message, category, record, now)
        result = await s.store.strike(message_id, decide)
        await self.refresh_standings([author_key(await s.store.get_message(message_id))])
        return result

    async def request_block(self, key: AuthorKey, reason: str) -> AuthorChange:
        """Ask the blocking role to block an author who has had every warning."""
        s = self.session
        require(s.pack, s.officer, Permission.WARN)
        now = s.clock.now()
        return await self._change(key, lambda r: ladder.request_block(s.pack, s.officer, r, now, reason))

    async def block(self, key: AuthorKey, reason: str) -> AuthorChange:
        """Block the author on every account: the blocking role only (refused in core)."""
        s = self.session
        ladder.require_blocking_role(s.pack, s.officer, "block")
        now = s.clock.now()
        return await self._change(key, lambda r: ladder.block(s.pack, s.officer, r, now, reason))

    async def unblock(self, key: AuthorKey, reason: str) -> AuthorChange:
        """Lift a block or decline a request: the blocking role only (refused in core)."""
        s = self.session
        ladder.require_blocking_role(s.pack, s.officer, "unblock")
        now = s.clock.now()
        return await self._change(key, lambda r: ladder.unblock(s.pack, s.officer, r, now, reason))

    async def _change(self, key: AuthorKey, decide) -> AuthorChange:  # noqa: ANN001
        change = await self.session.store.change_author(key, decide)
        await self.refresh_standings([key])
        return change

    # -- reading -----------------------------------------------------------------------------------
    @property
    def may_block(self) -> bool:
        """Whether this officer's role is one the policy lets block (for showing keys)."""
        return self.session.may(Permission.BLOCK)

    @property
    def categories(self) -> tuple[str, ...]:
        return self.session.pack.moderation.categories

    async def refresh_standings(self, keys: Iterable[AuthorKey]) -> None:
        """Look up the standing of these authors (those with none are forgotten)."""
        wanted = list(dict.fromkeys(keys))
        records = await self.session.store.author_records(wanted)
        now = self.session.clock.now()
        for key in wanted:
            record = records.get(key)
            if record is None:
                self._standings.pop(key, None)
            else:
                self._standings[key] = ladder.standing(self.session.pack, record, now)

    async def refresh_for(self, messages: Sequence[Message]) -> None:
        """Refresh the standing of the authors of `messages` (the rows about to be shown)."""
        await self.refresh_standings(author_key(m) for m in messages)

    def standing_of(self, message: Message) -> Standing | None:
        """The author's standing as last fetched (None: never marked), without the store."""
        return self._standings.get(author_key(message))

    async def record(self, key: AuthorKey) -> AuthorRecord:
        return await self.session.store.author_record(key)

    async def authors(self, limit: int = 500) -> list[tuple[AuthorRecord, Standing]]:
        """Every author with a strike or a status, with their standing now, most recently
        active first."""
        now = self.session.clock.now()
        return [(r, ladder.standing(self.session.pack, r, now))
                for r in await self.session.store.moderated_authors(limit)]

    async def history(self, key: AuthorKey) -> list[ModerationEntry]:
        """The author's moderation log across every account, oldest first; the content of
        messages the officer may not read is withheld (`core.moderation.readable`)."""
        s = self.session
        entries = await s.store.moderation_log(key=key)
        kinds = {m: (await s.store.get_message(m)).kind
                 for m in {e.message_id for e in entries if e.message_id is not None}}
        return [ladder.readable(s.pack, s.officer, e, kinds.get(e.message_id)) for e in entries]
