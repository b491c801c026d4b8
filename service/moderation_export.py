"""The moderation log as a file: CSV or a Markdown table, safe to open whatever the public wrote.

Every cell is text from the log; those from the public (content, handle) and from officers
(reasons) are untrusted:
- CSV: a cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) is prefixed with
  `'`, so a spreadsheet shows it instead of running it as a formula (CSV injection).
- Markdown: pipes, backslashes and Markdown's own marks are escaped, `<` and `>` become
  entities (no raw HTML), and line breaks become `<br>`, so a cell stays one cell of text.
- Both: other control characters (escape sequences) are written as visible `\\xNN`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.moderation_models import ModerationEntry
from core.policy import PolicyPack

COLUMNS = ("when", "officer", "action", "platform", "author_id", "author_handle", "account",
           "message_id", "category", "content", "outcome", "reason")

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Marks that mean something inside a table cell (a cell never starts a line, so `#`, `-`, `+`
#: and list numbers cannot); `[` also stops links and images.
_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]|~])")


def period(pack: PolicyPack, first: date, last: date) -> tuple[datetime, datetime]:
    """[start of `first`, end of `last`) as the council's clock reads them; ValueError if
    `last` is before `first`."""
    if last < first:
        raise ValueError(f"--to ({last}) is before --from ({first})")
    zone = pack.zone
    return (datetime.combine(first, time(0), zone),
            datetime.combine(last + timedelta(days=1), time(0), zone))


def _visible(text: str) -> str:
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", text)


def _row(entry: ModerationEntry, pack: PolicyPack, zone: ZoneInfo) -> list[str]:
    officer = pack.officer(entry.actor)
    who = f"{officer.name} ({entry.actor})" if officer else entry.actor
    return [entry.at.astimezone(zone).isoformat(timespec="seconds"), who, entry.action,
            entry.platform.value, entry.author_platform_id, entry.author_handle,
            entry.account or "", "" if entry.message_id is None else str(entry.message_id),
            entry.category, entry.content, entry.outcome, entry.reason]


def csv_cell(text: str) -> str:
    """`text` safe in a spreadsheet: visible controls, and never read as a formula."""
    safe = _visible(text)
    return "'" + safe if safe.startswith(_FORMULA_STARTS) else safe


def markdown_cell(text: str) -> str:
    """`text` as one literal cell of a Markdown table."""
    safe = _MARKDOWN_MARKS.sub(r"\\\1", _visible(text).replace("&", "&amp;"))
    safe = safe.replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\r\n|\r|\n", "<br>", safe)


def to_csv(entries: Sequence[ModerationEntry], pack: PolicyPack) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow([csv_cell(cell) for cell in _row(entry, pack, pack.zone)])
    return out.getvalue()


def to_markdown(entries: Sequence[ModerationEntry], pack: PolicyPack, first: date, last: date) -> str:
    lines = [f"# Moderation log: {markdown_cell(pack.council.name)}, {first:%d %B %Y} to {last:%d %B %Y}",
             "", f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}; times in "
             f"{pack.zone.key}.", "",
             "| " + " | ".join(markdown_cell(c) for c in COLUMNS) + " |",
             "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(markdown_cell(cell) for cell in _row(e, pack, pack.zone)) + " |"
              for e in entries]
    return "\n".join(lines) + "\n"
