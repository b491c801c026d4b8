"""The outbox line above the keys: shown only while some reply or notice of the officer's
accounts is not going out as it should (failed, retrying, no connector, held), with counts,
so a delivery problem stays visible after its toast has gone. Hidden when all is well."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Label

from storage.outbox import OutboxCounts

#: (field, words, style) in the order shown: what needs a person first.
_PARTS = (
    ("failed", "failed", "bold $text-error"),
    ("no_connector", "no connector", "$text-error"),
    ("retrying", "retrying", "$text-warning"),
    ("held", "held", "$text-warning"),
)


def outbox_line(counts: Mapping[str, OutboxCounts]) -> Content | None:
    """`Outbox: 2 failed · 3 no connector · 1 retrying  (dutydesk outbox list)`, or None when no
    item of these accounts is failed, retrying, held or without a connector."""
    parts: list[Content] = []
    for name, words, style in _PARTS:
        total = sum(getattr(c, name) for c in counts.values())
        if total:
            parts.append(Content.styled(f"{total} {words}", style))
    if not parts:
        return None
    return Content.assemble(Content.styled("Outbox: ", "bold"), Content(" · ").join(parts),
                            Content.styled("  (dutydesk outbox list)", "$text-muted"))


class OutboxStatus(Label):
    """One line, displayed only while `outbox_line` has something to say."""

    DEFAULT_CSS = """
    OutboxStatus {
        height: 1;
        width: 1fr;
        padding: 0 1;
        display: none;
    }
    OutboxStatus.-problems {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, counts: Mapping[str, OutboxCounts]) -> None:
        line = outbox_line(counts)
        self.set_class(line is not None, "-problems")
        self.update(line or "")
