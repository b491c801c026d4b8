"""The duty officer's dashboard: a Textual app over one `DeskSession`.

One clock tick a second advances the app's `now` (every countdown, the header and the sidebar
follow it); a poll timer asks the `ChangeFeed` what changed; a change refetches the queue
window and counts in one worker at a time. Every worker's error lands in one handler that shows
it and keeps the desk running.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import ClassVar, Protocol

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.notifications import Notification
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from core.clock import Clock
from core.lane import arrivals_to_ring
from core.models import Message, Notification
from service.changes import ChangeFeed
from service.desk import DeskSession
from service.emergency import CrisisDesk
from service.firing import MISSED_KIND
from tui.demo_note import DemoNote
from tui.screens.choice import Choice, ChoiceScreen
from tui.screens.desk import DeskScreen
from tui.screens.reply_setup import REFUSALS
from tui.state import QUEUE_WINDOW, QueueFilter, QueueWindow, concerns, rings, toast_severity
from tui.widgets.safe_text import one_line, visible


#: Worker groups that run again and again on timers (their repeated faults are shown once).
_REPEATING = frozenset({"poll", "refresh"})


class Service(Protocol):
    """Something that runs beside the desk (the engine, a demo feed)."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


#: Seconds between a dashboard's polls of the store's changes: what another process commits
#: (an emergency declared, a message claimed) is on screen within one poll.
DEFAULT_POLL_SECONDS = 0.25


class DeskApp(App[None]):
    """The desk. The caller opens the store first and closes it after `run()` returns."""

    CSS_PATH = "desk.tcss"
    TITLE = "dutydesk"
    ENABLE_COMMAND_PALETTE = False
    CURSOR_BLINK: ClassVar[bool] = True
    """Whether text cursors blink; tests and snapshots set it False to be deterministic."""

    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit dutydesk"),
    ]

    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    """Below 34 rows every screen is `-short`: dialogs drop their spacing (desk.tcss)."""

    now: reactive[datetime] = reactive(datetime.min, init=False)
    """The instant the desk shows; set from the injected clock once a tick, never read elsewhere."""

    def __init__(self, session: DeskSession, feed: ChangeFeed, clock: Clock,
                 services: Sequence[Service] = (), tick: float = 1.0, poll: float = DEFAULT_POLL_SECONDS,
                 demo: DemoNote | None = None) -> None:
        """`tick` and `poll` are seconds between clock ticks and change polls; 0 turns one off
        (tests then call `tick()` and `poll_changes()` themselves). `demo`: this is `dutydesk
        demo` (the header says DEMO; what it is is said at the start)."""
        super().__init__()
        self.session = session
        self.demo = demo
        """Set for `dutydesk demo`: what the desk says about the demo."""
        self.crisis = CrisisDesk(session)
        """Posts and emergencies; its `incident` is the declared emergency as last read."""
        self.feed = feed
        self.clock = clock
        self.services = tuple(services)
        self._tick_every = tick
        self._poll_every = poll
        self.set_reactive(DeskApp.now, clock.now())
        self.queue_filter = QueueFilter()
        """What the officer asked to see; change it with `set_queue_filter`."""
        self.window: QueueWindow | None = None
        self._disclosures_seen: set[int] = set()
        """Disclosures already rung for (core.lane.arrivals_to_ring)."""
        """The latest refresh's result (also published on `window_published`)."""
        self.window_published: Signal[QueueWindow] = Signal(self, "window-published")
        """Published after every refresh; the desk screen subscribes."""
        self.notices_changed: Signal[list[Notification]] = Signal(self, "notices-changed")
        """Published when a notice comes or goes: the desk shows them in its notice line."""
        self._started: list[Service] = []
        self._polling = False
        self._watching = False
        """True once the feed has its starting mark (polling before that would report everything)."""
        self._refreshing = False
        self._refresh_again = False
        self._last_error: dict[str | None, str] = {}

    def get_default_screen(self) -> Screen:
        return DeskScreen(self.session, self.now)

    # -- life cycle -----------------------------------------------------------------------------
    async def on_mount(self) -> None:
        if self.demo is not None:
            self.push_screen(ChoiceScreen("This is a demo", self.demo.lines(self.session, self.now),
                                          [Choice("s", "Start", "start")], id="demo",
                                          hint="esc or s to start"))
        if self._tick_every > 0:
            self.set_interval(self._tick_every, self.tick, name="clock tick")
        # Paint from the store at once; the services start behind it. An engine catching up
        # on a backlog of missed warnings takes seconds, and the officer should not wait for it.
        self.request_refresh()
        self.run_worker(self._start_behind(), name="starting services", group="start",
                        exit_on_error=False)

    async def _start_behind(self) -> None:
        # The feed is watched from after the services have started: of what the engine did
        # while catching up at start, only its one notice of missed events is told.
        try:
            if not self.feed.started:
                await self.feed.start()
        except Exception as exc:  # noqa: BLE001 - the first poll reports everything instead
            self.notify(f"watching for changes failed: {exc}", severity="error", markup=False)
        await self._start_services()
        try:
            self.announce(n for n in await self.feed.restart() if n.kind == MISSED_KIND)
        except Exception as exc:  # noqa: BLE001 - the first poll reports everything instead
            self.notify(f"watching for changes failed: {exc}", severity="error", markup=False)
        self._watching = True
        if self._poll_every > 0:
            self.set_interval(self._poll_every, self.poll_changes, name="change poll")
        self.request_refresh()  # what the services changed while starting

    async def on_unmount(self) -> None:
        for service in reversed(self._started):
            try:
                await service.stop()
            except Exception as exc:  # noqa: BLE001 - one failing service must not stop the rest
                self.log.error(f"stopping {service!r} failed: {exc}")
        self._started.clear()

    async def _start_services(self) -> None:
        for service in self.services:
            try:
                await service.start()
            except Exception as exc:  # noqa: BLE001 - the desk still works without it
                self.notify(f"{type(service).__name__} did not start: {exc}", severity="error",
                            markup=False, timeout=30)
            else:
                self._started.append(service)

    # -- the clock ------------------------------------------------------------------------------
    def tick(self) -> None:
        """Advance `now` to the clock's instant (the app's one timer for every countdown)."""
        self.now = self.clock.now()

    # -- changes and refreshes -------------------------------------------------------------------
    def poll_changes(self) -> Worker | None:
        """Ask the feed for changes, unless the last poll has not finished or the feed has not
        started yet (then None)."""
        # Never start a poll over a running one: a poll cancelled halfway would have moved
        # the feed's marks without delivering what it read.
        if self._polling or not self._watching:
            return None
        self._polling = True
        return self._poll()

    @work(exclusive=True, group="poll", name="change poll", exit_on_error=False)
    async def _poll(self) -> None:
        try:
            changes = await self.feed.poll()
        finally:
            self._polling = False
        if changes.notifications:
            self.announce(changes.notifications)
        if changes:
            self.request_refresh()

    def set_queue_filter(self, queue_filter: QueueFilter) -> None:
        """Show other messages (an account, a search) and refetch."""
        if queue_filter != self.queue_filter:
            self.queue_filter = queue_filter
            self.request_refresh()

    def request_refresh(self) -> Worker | None:
        """Refetch the queue window and counts. A request made while a fetch runs is folded
        into one more fetch after it, so fetches never overlap and a burst costs two at most."""
        if self._refreshing:
            self._refresh_again = True
            return None
        self._refreshing = True
        return self._refresh()

    @work(exclusive=True, group="refresh", name="queue refresh", exit_on_error=False)
    async def _refresh(self) -> None:
        try:
            again = True
            while again:
                self._refresh_again = False
                await self._fetch_window()
                again = self._refresh_again
        finally:
            self._refreshing = False

    async def _fetch_window(self) -> None:
        wanted = self.queue_filter
        # The emergency first: while one is declared, the queue lets emergency_related rise.
        await self.crisis.refresh()
        messages = await self.session.queue(search=wanted.search or None, accounts=wanted.accounts,
                                            limit=QUEUE_WINDOW)
        counts = await self.session.counts()
        outbox = await self.session.outbox_counts()
        self._ring_for_disclosures(messages)
        # Only an empty window asks whether the store has anything at all.
        store_empty = not messages and await self.session.store_is_empty()
        quiet = frozenset(await self.crisis.quiet_accounts(self.session.clock.now()))
        self.window = QueueWindow(wanted, messages, counts, QUEUE_WINDOW, outbox, store_empty, quiet)
        self.window_published.publish(self.window)

    def _ring_for_disclosures(self, messages: list[Message]) -> None:
        """Ring the bell once for each fetch that brings a disclosure not yet on this desk
        (core.lane: safeguarding and urgent danger ring when they arrive)."""
        arrived = arrivals_to_ring(self._disclosures_seen, messages)
        if arrived:
            self._disclosures_seen.update(m.id for m in arrived)
            self.bell()

    # -- notifications ----------------------------------------------------------------------------
    def _refresh_notifications(self) -> None:
        # Textual's toasts would cover the detail pane; the desk screen hides them and shows
        # the same notices in its notice line (tui.widgets.notices).
        super()._refresh_notifications()
        if hasattr(self, "notices_changed"):
            self.notices_changed.publish(list(self._notifications))

    def announce(self, notifications: Iterable[Notification]) -> None:
        """Toast each notice that concerns the officer; ring the bell once if any calls for it
        (see `tui.state.rings`: escalations to the officer's role, warnings on their accounts)."""
        role = self.session.officer.role
        accounts = frozenset(self.session.visible_accounts)
        ring = False
        for notice in notifications:
            if not concerns(notice, role, accounts):
                continue
            # Titles and bodies quote messages from the public: plain text, controls made visible.
            body = visible(notice.body or notice.title)
            title = one_line(notice.title, 120) if notice.body else ""
            self.notify(body, title=title, severity=toast_severity(notice), markup=False,
                        timeout=12 if notice.level != "info" else 6)
            ring = ring or rings(notice, role, accounts)
        if ring:
            self.bell()

    # -- worker errors ----------------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors are shown: a refusal as its own text, anything else as a
        fault naming the task. The desk keeps running either way."""
        worker = event.worker
        if event.state == WorkerState.SUCCESS:
            self._last_error.pop(worker.group, None)
        elif event.state == WorkerState.ERROR and worker.error is not None:
            self._report(worker, worker.error)

    def _report(self, worker: Worker, error: BaseException) -> None:
        if isinstance(error, REFUSALS):
            self.notify(str(error), title="Not done", severity="error", markup=False)
            return
        text = f"{worker.name or worker.group} failed: {type(error).__name__}: {error}"
        self.log.error(text)
        # Background tasks repeat several times a second: say their fault once, not every poll.
        if worker.group not in _REPEATING or self._last_error.get(worker.group) != text:
            self._last_error[worker.group] = text
            self.notify(text, title="Problem", severity="error", markup=False, timeout=15)
