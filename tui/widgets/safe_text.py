"""Untrusted text made safe for the screen: `core.safe_text`, the one helper every terminal and
log line uses (kept importable from here for the widgets)."""

from core.safe_text import one_line, visible

__all__ = ["one_line", "visible"]
