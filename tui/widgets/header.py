"""The desk's header: the council, the acting officer and role, the time, and whether the
accounts in view are open ("OPEN until 17:00 (2h 14m left)", "CLOSED, opens Mon 08:30").

It is recomputed from the app's one-second `now`, so a change of opening status shows within a
second of the boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label

from core.handling import local_when
from service.desk import DeskSession


@lru_cache(maxsize=32)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def desk_zone(session: DeskSession, account: str | None = None) -> ZoneInfo:
    """The zone the desk shows times in: the chosen account's calendar, else the first one's."""
    accounts = (account,) if account else session.visible_accounts
    if not accounts:
        return _zone(next(iter(session.pack.hours.values())).timezone)
    return _zone(session.pack.hours_for(accounts[0]).timezone)


def opening_summary(session: DeskSession, now: datetime,
                    account: str | None = None) -> tuple[str, bool | None]:
    """The opening status of the accounts in view, and True/False if all open/closed (None: mixed).

    One calendar: its status. Several (accounts with different hours): one short status per
    calendar, named by its key in the pack.
    """
    accounts: Sequence[str] = (account,) if account else session.visible_accounts
    if not accounts:
        return "no accounts", None
    by_calendar: dict[str, str] = {}
    for a in accounts:
        by_calendar.setdefault(session.pack.account(a).hours, a)
    states = {key: session.opening(a, now) for key, a in by_calendar.items()}
    texts = {key: s.describe(now, _zone(session.pack.hours[key].timezone)) for key, s in states.items()}
    open_flags = {s.is_open for s in states.values()}
    overall = open_flags.pop() if len(open_flags) == 1 else None
    if len(texts) == 1:
        return next(iter(texts.values())), overall
    return " · ".join(f"{key.replace('_', ' ')}: {text}" for key, text in texts.items()), overall


def extended_hours_note(session: DeskSession, now: datetime) -> str:
    """`EXTENDED HOURS until Sat 02:20` while a declared emergency's extended hours last."""
    incident = session.incident
    if incident is None or incident.extended_until is None or now >= incident.extended_until:
        return ""
    return f"EXTENDED HOURS until {local_when(incident.extended_until, now, desk_zone(session))}"


class DeskHeader(Widget):
    """Two lines: who and where (council, officer, role) with the time, then the opening status
    of the accounts in view. On a narrow screen the council's short name is used."""

    DEFAULT_CSS = """
    DeskHeader { height: 2; }
    DeskHeader Horizontal { height: 1; }
    DeskHeader Label { text-wrap: nowrap; text-overflow: ellipsis; }
    DeskHeader #officer { width: 1fr; }
    DeskHeader #council-short { display: none; }
    """

    now: reactive[datetime | None] = reactive(None)
    """The app's current instant (bound to the app's one-second tick)."""
    account: reactive[str | None] = reactive(None)
    """The account chosen in the sidebar (None: all), whose status is shown."""

    def __init__(self, session: DeskSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._session = session

    def compose(self) -> ComposeResult:
        session = self._session
        council = session.pack.council
        with Horizontal():
            yield Label(council.name, id="council", markup=False)
            yield Label(council.short_name, id="council-short", markup=False)
            yield Label(f" · {session.officer.name}, {session.role.title}", id="officer",
                        markup=False)
            yield Label("", id="clock", markup=False)
        yield Label("", id="opening", markup=False)

    def on_mount(self) -> None:
        self._show_time()

    def watch_now(self) -> None:
        self._show_time()

    def watch_account(self) -> None:
        self._show_time()

    def _show_time(self) -> None:
        if self.now is None or not self.is_mounted:
            return
        local = self.now.astimezone(desk_zone(self._session, self.account))
        self.query_one("#clock", Label).update(f"{local:%a %d %b %H:%M:%S}")
        text, is_open = opening_summary(self._session, self.now, self.account)
        extended = extended_hours_note(self._session, self.now)
        if extended:
            text, is_open = f"{extended} · {text}", True
        opening = self.query_one("#opening", Label)
        opening.update(text)
        opening.set_class(is_open is True, "-open")
        opening.set_class(is_open is False, "-closed")
        opening.set_class(is_open is None, "-mixed")
