"""The live intake path: many producers `await submit(...)`; one writer task commits whatever
arrived together in one transaction, then acknowledges each producer. Nothing is acknowledged
that was not committed: if the commit fails, every producer in that group gets the error.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from core.clock import Clock
from core.models import InboundMessage
from core.policy import PolicyPack
from service.intake import OnStored, call_hooks, prepare
from storage.base import Store
from storage.rows import InsertResult, NewMessage


class IntakeWriterClosedError(RuntimeError):
    """`submit` after `aclose()` (or before `start()`)."""


@dataclass
class _Pending:
    row: NewMessage
    ack: asyncio.Future[InsertResult]


class IntakeWriter:
    """Group commit for live intake: `await submit(inbound)` returns once the row is committed.

    One writer task takes everything submitted while the previous group committed, plus what
    arrives while producers keep coming (at most `window` seconds after the first, at most
    `max_rows` rows), and stores it with ONE `store.add_messages` call (one transaction). Each
    producer then gets its own InsertResult. If the commit fails, every producer in that group
    gets the exception: nothing is acknowledged that was not committed.
    After each commit the callables in `on_stored` are called with the group's results (to
    nudge the engine); a failing hook is logged and ignored.
    """

    def __init__(self, store: Store, pack: PolicyPack, clock: Clock, *, window: float = 0.02,
                 max_rows: int = 1000) -> None:
        self.store = store
        self.pack = pack
        self.clock = clock
        self.window = window
        self.max_rows = max_rows
        self.on_stored: list[OnStored] = []
        self._queue: asyncio.Queue[_Pending | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.commits = 0
        """How many groups were committed (for tests and benches)."""

    async def start(self) -> None:
        """Start the writer task (once)."""
        if self._task is None:
            self._closing = False
            self._task = asyncio.create_task(self._run(), name="intake-writer")

    async def submit(self, inbound: InboundMessage) -> InsertResult:
        """Store `inbound`; returns after its transaction committed. UnknownAccountError for an
        account the pack lacks (nothing stored); the store's error if the commit failed."""
        if self._task is None or self._closing:
            raise IntakeWriterClosedError("the intake writer is not running")
        pending = _Pending(prepare(inbound, self.pack, self.clock.now()),
                           asyncio.get_running_loop().create_future())
        self._queue.put_nowait(pending)
        return await pending.ack

    async def aclose(self) -> None:
        """Refuse new submits, commit everything already submitted, stop the task."""
        if self._task is None:
            return
        self._closing = True
        self._queue.put_nowait(None)
        task, self._task = self._task, None
        await task

    async def _run(self) -> None:
        stop = False
        try:
            while not stop:
                first = await self._queue.get()
                if first is None:
                    break
                group, stop = await self._gather(first)
                await self._commit(group)
        finally:
            # Never leave an ack hanging, even if the task is cancelled.
            while not self._queue.empty():
                item = self._queue.get_nowait()
                if item is not None:
                    _fail(item.ack, IntakeWriterClosedError("the intake writer stopped first"))

    async def _gather(self, first: _Pending) -> tuple[list[_Pending], bool]:
        """`first` and what follows it: keep yielding while producers keep submitting."""
        group = [first]
        deadline = asyncio.get_running_loop().time() + self.window
        while len(group) < self.max_rows:
            before = len(group)
            while len(group) < self.max_rows and not self._queue.empty():
                item = self._queue.get_nowait()
                if item is None:
                    return group, True
                group.append(item)
            if len(group) == before or asyncio.get_running_loop().time() >= deadline:
                break
            await asyncio.sleep(0)  # let producers that are ready submit too
        return group, False

    async def _commit(self, group: list[_Pending]) -> None:
        try:
            results = await self.store.add_messages([p.row for p in group])
        except Exception as exc:
            for p in group:
                _fail(p.ack, exc)
            return
        except BaseException:
            # Cancelled mid-commit: it may or may not have committed, so nobody is told it did
            # (a producer that retries is safe: a repeat is stored once).
            for p in group:
                _fail(p.ack, IntakeWriterClosedError("stopped before the commit was confirmed"))
            raise
        self.commits += 1
        for p, result in zip(group, results, strict=True):
            if not p.ack.done():
                p.ack.set_result(result)
        await call_hooks(self.on_stored, results)


def _fail(ack: asyncio.Future[InsertResult], exc: BaseException) -> None:
    if not ack.done():
        ack.set_exception(exc)
