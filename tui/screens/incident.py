"""The incident screen: the declared (or latest) emergency, the statement the desk drafts for
it, and its timeline (every event, with who and when). `d` declares one, `s` resolves it;
`core` refuses both for roles the pack does not name."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from core.emergency import Incident
from core.handling import local_when
from core.models import Action
from core.policy import Permission
from service.emergency import CrisisDesk, when_from_text
from service.incident_record import describe_action
from tui.screens.form import FormScreen
from tui.widgets.banner import EmergencyBanner
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line, visible


#: How many per-post freeze lines the screen shows; the rest are folded into one line (a
#: declaration may freeze thousands: `dutydesk export incident ID` lists every one).
FREEZE_LINES_SHOWN = 50
#: The most timeline lines the screen reads (it reloads at each change; the export has them all).
LINES_SHOWN = 5000


def fold_line(incident: Incident, shown: int) -> str:
    """The line standing for the freeze lines the screen leaves out."""
    return (f"... {shown} freeze lines shown of the {incident.frozen_count} posts the declaration froze: "
            f"dutydesk export incident {incident.id} lists every one")


class IncidentScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the desk"),
        Binding("d", "declare", "Declare", tooltip="Declare an emergency (freezes every scheduled post)"),
        Binding("s", "resolve", "Resolve", tooltip="Resolve the emergency, with a reason"),
    ]

    def __init__(self, crisis: CrisisDesk) -> None:
        super().__init__()
        self.crisis = crisis
        self.incident: Incident | None = None

    def compose(self) -> ComposeResult:
        yield EmergencyBanner()
        yield Static("", id="incident-title", markup=False)
        yield Static("", id="incident-statement", markup=False)
        yield DataTable(id="incident-timeline", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("when", "who", "what")
        self.app.window_published.subscribe(self, lambda _w: self.reload())
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        self.app.run_worker(self._load(), name="incident", group="incident", exclusive=True,
                            exit_on_error=False)

    async def _load(self) -> None:
        latest = await self.crisis.store.incidents(limit=1)
        if not latest:
            self._show(None, [], self.app.now)
            return
        incident, actions = await self.crisis.timeline(latest[0].id or 0, freeze_lines=FREEZE_LINES_SHOWN,
                                                      limit=LINES_SHOWN)
        self._show(incident, actions, self.app.now)

    def _show(self, incident: Incident | None, actions: list[Action], now: datetime) -> None:
        self.incident = incident
        title = self.query_one("#incident-title", Static)
        statement = self.query_one("#incident-statement", Static)
        table = self.query_one(DataTable)
        table.clear()
        if incident is None:
            title.update("No emergency has been declared. d declares one (only the roles the policy names).")
            title.add_class("-none")
            statement.update("")
            self.refresh_bindings()
            return
        title.remove_class("-none")
        zone = self.crisis.pack.zone
        who = self.crisis.session.officer_name
        state = "ACTIVE" if incident.active else f"resolved {local_when(incident.resolved_at, now, zone)} by {who(incident.resolved_by or '')}"
        title.update(one_line(f"Incident #{incident.id}: {incident.title} · declared "
                              f"{local_when(incident.declared_at, now, zone)} by {who(incident.declared_by)}"
                              f" · {incident.frozen_count} posts frozen · {state}"))
        statement.update("Draft statement: " + visible(self.crisis.statement(incident, now)))
        freezes = [i for i, a in enumerate(actions) if a.verb == "post_frozen"]
        folded = freezes[-1] if len(freezes) >= FREEZE_LINES_SHOWN else None
        for i, action in enumerate(actions):
            table.add_row(Text(local_when(action.at, now, zone)), Text(one_line(who(action.actor), 20)),
                          Text(one_line(describe_action(action), 120)))
            if i == folded:
                table.add_row(Text(""), Text(""), Text(fold_line(incident, len(freezes))))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("declare", "resolve"):
            if not self.crisis.may(Permission.DECLARE_EMERGENCY):
                return False
            active = self.crisis.incident is not None
            return active if action == "resolve" else not active
        return True

    def action_declare(self) -> None:
        hours = self.crisis.pack.emergency.extended_hours
        default = f"the pack's: {hours} hours" if hours else "none"
        fields = [("title", "Incident (shown on every screen)", ""), ("reason", "Reason", ""),
                  ("until", f"Extended hours until (HH:MM, YYYY-MM-DD HH:MM; blank: {default})", "")]
        self.app.push_screen(FormScreen("Declare an emergency: every scheduled post is frozen", fields,
                                        cursor_blink=self.app.CURSOR_BLINK, act=self._declare))

    async def _declare(self, answer: dict[str, str]) -> None:
        until = answer["until"].strip()
        when = None if not until else when_from_text(until, self.crisis.session.clock.now(),
                                                      self.crisis.pack.zone.key)
        try:
            incident = await self.crisis.declare(answer["title"], answer["reason"], when)
        finally:
            self.app.request_refresh()
        self.notify(f"Emergency declared: {incident.frozen_count} scheduled posts frozen", markup=False)

    def action_resolve(self) -> None:
        self.app.push_screen(FormScreen("Resolve the emergency: frozen posts go to the review queue",
                                        [("reason", "Reason", "")], cursor_blink=self.app.CURSOR_BLINK,
                                        act=self._resolve))

    async def _resolve(self, answer: dict[str, str]) -> None:
        try:
            await self.crisis.resolve(answer["reason"])
        finally:
            self.app.request_refresh()
        self.notify("Emergency resolved: frozen posts wait in the review queue (p, 3)", markup=False)
