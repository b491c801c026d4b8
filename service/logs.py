"""Log lines safe for a terminal: whatever a message logs (an author's handle in a breach's
title, say), the line shows it through `core.safe_text.for_log`, so a newline cannot forge a
line and an escape sequence cannot clear or recolour the terminal."""

from __future__ import annotations

import logging
from typing import TextIO

from core.safe_text import for_log

FORMAT = "%(asctime)s %(levelname)s %(message)s"


class SafeFormatter(logging.Formatter):
    """A Formatter whose message part is escaped (a traceback, ours, is left as it is)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        safe = logging.makeLogRecord(record.__dict__)
        safe.message = for_log(record.message)
        return super().formatMessage(safe)


def log_to(stream: TextIO, level: int = logging.WARNING) -> None:
    """Send log records at `level` and up to `stream`, escaped; the engine's own from INFO. A
    no-op where logging is already set up."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(SafeFormatter(FORMAT))
    logging.basicConfig(level=level, handlers=[handler])
    logging.getLogger("dutydesk.engine").setLevel(logging.INFO)
