"""The posts screen: the council's own outgoing posts, in four views.

1 scheduled (everything still to go out), 2 the approval queue (crisis updates awaiting a
second person), 3 the review queue (posts held past their time, or frozen by an emergency and
waiting for a person after it), 4 everything. Keys write, edit, cancel, release, approve and
refuse; the service checks each in `core` and the app shows any refusal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from core.handling import local_when
from core.policy import Permission
from core.posts import Post, PostState
from service.emergency import CrisisDesk, when_from_text
from tui.screens.form import FormScreen
from tui.widgets.banner import EmergencyBanner
from tui.widgets.keys import KeyBar
from tui.widgets.safe_text import one_line, visible

VIEW_KEYS = {"1": "scheduled", "2": "approval", "3": "review", "4": "all"}
VIEW_TITLES = {"scheduled": "Scheduled posts", "approval": "Crisis updates awaiting approval",
               "review": "Review queue: held or frozen posts wait for a person",
               "all": "All posts"}
STATE_WORDS = {PostState.SCHEDULED: "scheduled", PostState.HELD: "HELD", PostState.FROZEN: "FROZEN",
               PostState.REVIEW: "REVIEW", PostState.AWAITING_APPROVAL: "APPROVE?",
               PostState.PUBLISHED: "published", PostState.REFUSED: "refused",
               PostState.CANCELLED: "cancelled"}
_ACTION_PERMISSION = {"new_post": Permission.REPLY, "edit": Permission.REPLY, "cancel": Permission.REPLY,
                      "release": Permission.REPLY, "approve": Permission.APPROVE_CRISIS_POST,
                      "refuse": Permission.APPROVE_CRISIS_POST, "crisis": Permission.POST_CRISIS_UPDATE}


class PostsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the desk"),
        Binding("1", "view('scheduled')", "Scheduled", show=False, tooltip="Posts still to go out"),
        Binding("2", "view('approval')", "Approval", show=False, tooltip="Crisis updates awaiting approval"),
        Binding("3", "view('review')", "Review", show=False, tooltip="Held or frozen posts"),
        Binding("4", "view('all')", "All", show=False, tooltip="Every post"),
        Binding("n", "new_post", "New", tooltip="Write and schedule a post"),
        Binding("e", "edit", "Edit", tooltip="Edit the post's text or time"),
        Binding("x", "cancel", "Cancel post", tooltip="Cancel the post, with a reason"),
        Binding("r", "release", "Release", tooltip="Release a held or reviewed post, now or at a time"),
        Binding("a", "approve", "Approve", tooltip="Approve a crisis update (not your own)"),
        Binding("d", "refuse", "Refuse", tooltip="Refuse a crisis update, with a reason"),
        Binding("u", "crisis", "Update", tooltip="Write a crisis update (designated responders)"),
    ]

    def __init__(self, crisis: CrisisDesk, view: str | None = None) -> None:
        super().__init__()
        self.crisis = crisis
        self.view = view or self._first_view()
        self._posts: list[Post] = []

    def _first_view(self) -> str:
        return "approval" if self.crisis.may(Permission.APPROVE_CRISIS_POST) else "scheduled"

    def compose(self) -> ComposeResult:
        yield EmergencyBanner()
        yield Static("", id="posts-title", markup=False)
        yield Static("", id="posts-quiet", markup=False)
        yield DataTable(id="posts-table", cursor_type="row", zebra_stripes=False)
        yield Static("", id="posts-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "state", "account", "when", "by", "text")
        self.app.window_published.subscribe(self, lambda _w: self.reload())
        self.reload()
        table.focus()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.app.run_worker(self._load(), name="posts", group="posts", exclusive=True,
                            exit_on_error=False)

    async def _load(self) -> None:
        now = self.app.now
        posts = await self.crisis.posts(self.view)
        quiet = await self.crisis.quiet_accounts(now)
        self._show(posts, quiet, now)

    def _show(self, posts: list[Post], quiet: list[str], now: datetime) -> None:
        self._posts = posts
        title = f"{VIEW_TITLES[self.view]} · {len(posts)}  (1 scheduled · 2 approval · 3 review · 4 all)"
        self.query_one("#posts-title", Static).update(title)
        self.query_one("#posts-quiet", Static).update(
            "Nothing posted or scheduled today: " + ", ".join(quiet) if quiet else "")
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        zone = self.crisis.pack.zone
        for p in posts:
            table.add_row(Text(str(p.id)), Text(STATE_WORDS[p.state]), Text(p.account),
                          Text(local_when(p.publish_at, now, zone)),
                          Text(one_line(self.crisis.session.officer_name(p.created_by), 18)),
                          Text(one_line(p.text, 60)), key=str(p.id))
        if posts:
            table.move_cursor(row=min(row, len(posts) - 1))
        self._show_detail()
        self.refresh_bindings()

    def _selected(self) -> Post | None:
        table = self.query_one(DataTable)
        if not self._posts or table.cursor_row < 0 or table.cursor_row >= len(self._posts):
            return None
        return self._posts[table.cursor_row]

    def _show_detail(self) -> None:
        post = self._selected()
        text = "" if post is None else visible(post.text) + (f"\n({visible(post.note)})" if post.note else "")
        self.query_one("#posts-detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()
        self.refresh_bindings()

    # -- keys ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        permission = _ACTION_PERMISSION.get(action)
        if permission is None:
            return True
        return self.crisis.may(permission)

    def action_view(self, view: str) -> None:
        self.view = view
        self.reload()

    def _form(self, title: str, fields: list[tuple[str, str, str]],
              then: Callable[[dict[str, str]], Awaitable[object] | None], done: str) -> None:
        async def act(answer: dict[str, str]) -> None:
            try:
                await then(answer)  # type: ignore[misc]
            finally:
                self.app.request_refresh()
            self.notify(done, markup=False)
        self.app.push_screen(FormScreen(title, fields, cursor_blink=self.app.CURSOR_BLINK, act=act))

    def _act(self, act: Callable[[], Awaitable[object] | None], done: str) -> None:
        async def run() -> None:
            try:
                await act()  # type: ignore[misc]
            finally:
                self.app.request_refresh()
            self.notify(done, markup=False)
        self.app.run_worker(run(), name=done, group="action", exit_on_error=False)

    def _when(self, text: str) -> datetime:
        return when_from_text(text, self.crisis.session.clock.now(), self.crisis.pack.zone.key)

    def _accounts_hint(self) -> str:
        return ", ".join(self.crisis.session.visible_accounts)

    def action_new_post(self) -> None:
        first = (self.crisis.session.visible_accounts or ("",))[0]
        self._form("Schedule a post", [("account", f"Account ({self._accounts_hint()})", first),
                                       ("when", "When (now, +30m, HH:MM, YYYY-MM-DD HH:MM)", "+1h"),
                                       ("text", "Text", "")],
                   lambda a: self.crisis.schedule(a["account"].strip(), a["text"], self._when(a["when"])),
                   "Post scheduled")

    def action_edit(self) -> None:
        if (p := self._needs_post()) is None:
            return
        zone = self.crisis.pack.zone
        self._form(f"Edit post #{p.id}", [("when", "When", f"{p.publish_at.astimezone(zone):%Y-%m-%d %H:%M}"),
                                          ("text", "Text", p.text)],
                   lambda a: self.crisis.edit(p.id or 0, a["text"], self._when(a["when"])), "Post edited")

    def action_cancel(self) -> None:
        if (p := self._needs_post()) is not None:
            self._form(f"Cancel post #{p.id}", [("reason", "Why", "")],
                       lambda a: self.crisis.cancel(p.id or 0, a["reason"]), "Post cancelled")

    def action_release(self) -> None:
        if (p := self._needs_post()) is not None:
            self._form(f"Release post #{p.id}", [("when", "Publish when (now, +30m, HH:MM)", "now")],
                       lambda a: self.crisis.release(p.id or 0, self._when(a["when"])), "Post released")

    def action_approve(self) -> None:
        if (p := self._needs_post()) is not None:
            self._act(lambda: self.crisis.approve(p.id or 0), f"Approved and published #{p.id}")

    def action_refuse(self) -> None:
        if (p := self._needs_post()) is not None:
            self._form(f"Refuse crisis update #{p.id}", [("reason", "Why (the author sees this)", "")],
                       lambda a: self.crisis.refuse(p.id or 0, a["reason"]), "Update refused")

    def action_crisis(self) -> None:
        first = (self.crisis.session.visible_accounts or ("",))[0]
        self._form("Crisis update", [("account", f"Account ({self._accounts_hint()})", first),
                                     ("text", "Factual update", "")],
                   lambda a: self.crisis.draft_crisis(a["account"].strip(), a["text"]), "Crisis update written")

    def _needs_post(self) -> Post | None:
        post = self._selected()
        if post is None:
            self.notify("No post selected.", severity="warning")
        return post
