"""The `?` help screen: every key the desk answers to, and what it does."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Resize
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.keys import KeyBar

#: How keys are spelt on screen (Textual's names are for code).
_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "enter": "enter",
              "pageup": "pgup", "pagedown": "pgdn", "up": "↑", "down": "↓"}


#: Rows of the screen that are not the keys: the box's two borders, its title and hint, and
#: the key bar below it.
_AROUND_KEYS = 5


def key_text(key: str) -> str:
    """`j,down` -> `j / ↓`; `ctrl+s` -> `ctrl+s`."""
    return " / ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in key.split(","))


def help_rows(*binding_lists: Iterable[BindingType],
              seen: set[str] | None = None) -> list[tuple[str, str]]:
    """(keys, what it does) for every described binding, in order. Keys already in `seen`
    (shared between sections) are left out, so each key is explained once."""
    rows: list[tuple[str, str]] = []
    seen = set() if seen is None else seen
    for bindings in binding_lists:
        for b in bindings:
            if not isinstance(b, Binding):
                b = Binding(*b)
            # The tooltip says what a key does; the description is the footer's short label.
            what = b.tooltip or b.description
            keys = b.key_display or key_text(b.key)
            if what and keys not in seen:
                seen.add(keys)
                rows.append((keys, what))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists every key. `escape`, `?` or `q` closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help"),
        Binding("down,j", "scroll('down')", "Scroll", show=False, tooltip="Scroll down a line"),
        Binding("up,k", "scroll('up')", "Scroll", show=False, tooltip="Scroll up a line"),
        Binding("pagedown,space", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> None:
        """`sections`: (title, rows of (keys, what they do))."""
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(self._table(), markup=False)
            yield Static("", id="help-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-keys", VerticalScroll).focus()

    def on_resize(self, event: Resize) -> None:
        # The box is as tall as its keys up to the screen's height less the box's border,
        # title and hint and the key bar; past that the keys scroll.
        keys = self.query_one("#help-keys", VerticalScroll)
        keys.styles.max_height = max(3, event.size.height - _AROUND_KEYS)
        self.call_after_refresh(self._show_hint)

    def _show_hint(self) -> None:
        keys = self.query_one("#help-keys", VerticalScroll)
        more = keys.max_scroll_y > 0
        self.query_one("#help-hint", Static).update(
            "↑↓ pgup pgdn scroll · esc or ? to close" if more else "esc or ? to close")

    def action_scroll(self, how: str) -> None:
        """Scroll the keys: 'up', 'down', 'page_up' or 'page_down'."""
        keys = self.query_one("#help-keys", VerticalScroll)
        getattr(keys, f"scroll_{how}")(animate=False)

    def _table(self) -> Content:
        width = max((len(k) for _, rows in self._sections for k, _ in rows), default=4) + 3
        lines: list[Content] = []
        for title, rows in self._sections:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $accent"))
            lines += [Content.assemble((keys.ljust(width), "bold"), what) for keys, what in rows]
        return Content("\n").join(lines)
