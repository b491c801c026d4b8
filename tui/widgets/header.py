"""The desk's header: the council, the acting officer and role, the time, and whether the
accounts in view are open ("OPEN until 17:00 (2h 14m left)", "CLOSED, opens Mon 08:30").

It is recomputed from the app's one-second `now`, so a change of opening status shows within a
second of the boundary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
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


def opening_summary(session: DeskSession, now: datetime, account: str | None = None,
                    room: int | None = None) -> tuple[str, bool | None]:
    """The opening status of the accounts in view, and True/False if all open/closed (None: mixed).

    One calendar: its status. Several (accounts with different hours): one short status per
    calendar, named by its key in the pack. With `room` (cells), the first wording that fits:
    in full (`OPEN until 17:00 (2h 14m left)`), then shorter (`OPEN till 17:00`), so every
    calendar's next opening or closing time stays in view.
    """
    accounts: Sequence[str] = (account,) if account else session.visible_accounts
    if not accounts:
        return "no accounts", None
    by_calendar: dict[str, str] = {}
    for a in accounts:
        by_calendar.setdefault(session.pack.account(a).hours, a)
    states = {key: session.opening(a, now) for key, a in by_calendar.items()}
    open_flags = {s.is_open for s in states.values()}
    overall = open_flags.pop() if len(open_flags) == 1 else None
    text = ""
    for short in (False, True):
        texts = {key: s.describe(now, _zone(session.pack.hours[key].timezone), short=short)
                 for key, s in states.items()}
        if len(texts) == 1:
            text = next(iter(texts.values()))
        else:
            text = " · ".join(f"{key.replace('_', ' ')}: {t}" for key, t in texts.items())
        if room is None or cell_len(text) <= room:
            break
    return text, overall


def _without_aside(title: str) -> str:
    """A role title without a closing parenthesis (`Authorised officer (written permission
    from a Director)` -> `Authorised officer`): what the title is, without how it is given."""
    return re.sub(r"\s*\([^()]*\)$", "", title) or title


def who_text(session: DeskSession, room: int) -> Content:
    """Council, officer and role in `room` cells: the first that fits of the council's name,
    its short name, then the officer and role alone (the role matters more on a desk shared
    by several roles), then the role without its aside; cut with "…" only past that."""
    council, name, role = session.pack.council, session.officer.name, session.role.title
    candidates = [(council.name, f"{name}, {role}"), (council.short_name, f"{name}, {role}"),
                  ("", f"{name}, {role}"), ("", f"{name}, {_without_aside(role)}")]
    for where, person in candidates:
        plain = f"{where} · {person}" if where else person
        if cell_len(plain) <= room:
            break
    if not where:
        return Content(person)
    return Content.assemble((where, "bold"), " · ", person)


def clock_text(now: datetime, zone: ZoneInfo, wide: bool) -> str:
    """`Tue 17 Nov 14:00:00`, or `Tue 14:00:00` on a narrow screen."""
    local = now.astimezone(zone)
    return f"{local:%a %d %b %H:%M:%S}" if wide else f"{local:%a %H:%M:%S}"


#: Below this width the header's clock leaves out the date.
_WIDE = 100


def extended_hours_note(session: DeskSession, now: datetime) -> str:
    """`EXTENDED HOURS until Sat 02:20` while a declared emergency's extended hours last."""
    incident = session.incident
    if incident is None or incident.extended_until is None or now >= incident.extended_until:
        return ""
    return f"EXTENDED HOURS until {local_when(incident.extended_until, now, desk_zone(session))}"


class DeskHeader(Widget):
    """Two lines: who and where (council, officer, role) with the time, then the opening status
    of the accounts in view. Each line picks the fullest wording that fits its width, so the
    role and every calendar's next opening or closing stay in view at 80 columns."""

    DEFAULT_CSS = """
    DeskHeader { height: 2; }
    DeskHeader Horizontal { height: 1; }
    DeskHeader Label { text-wrap: nowrap; text-overflow: ellipsis; }
    DeskHeader #who { width: 1fr; }
    """

    now: reactive[datetime | None] = reactive(None)
    """The app's current instant (bound to the app's one-second tick)."""
    account: reactive[str | None] = reactive(None)
    """The account chosen in the sidebar (None: all), whose status is shown."""

    def __init__(self, session: DeskSession, *, mark: str = "", id: str | None = None) -> None:
        """`mark` goes before the clock (`DEMO`: the demo's simulated time)."""
        super().__init__(id=id)
        self._session = session
        self._mark = mark

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label("", id="who", markup=False)
            yield Label(self._mark, id="mark", markup=False, classes="-shown" if self._mark else "")
            yield Label("", id="clock", markup=False)
        yield Label("", id="opening", markup=False)

    def on_mount(self) -> None:
        self._show_time()

    def on_resize(self) -> None:
        self._who_width = -1
        self._show_time()

    def watch_now(self) -> None:
        self._show_time()

    def watch_account(self) -> None:
        self._show_time()

    _who_width = -1
    """The room `who` was last worked out for (it changes only with the width)."""

    def _show_time(self) -> None:
        if self.now is None or not self.is_mounted:
            return
        width = self.content_region.width or 80
        clock = clock_text(self.now, desk_zone(self._session, self.account), width >= _WIDE)
        self.query_one("#clock", Label).update(clock)
        mark = cell_len(self._mark) + 1 if self._mark else 0
        room = width - cell_len(clock) - mark - 1
        if room != self._who_width:
            self._who_width = room
            self.query_one("#who", Label).update(who_text(self._session, room))
        text, is_open = opening_summary(self._session, self.now, self.account, room=width)
        extended = extended_hours_note(self._session, self.now)
        if extended:
            text, is_open = f"{extended} · {text}", True
        opening = self.query_one("#opening", Label)
        opening.update(text)
        opening.set_class(is_open is True, "-open")
        opening.set_class(is_open is False, "-closed")
        opening.set_class(is_open is None, "-mixed")
