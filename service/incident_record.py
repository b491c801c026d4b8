"""An incident's record for the after-action review: each event in words, and the whole
timeline as Markdown and as CSV (`dutydesk export incident ID`).

Titles, reasons, post texts and names are typed by people (and may quote the public): in
Markdown every character Markdown reads as syntax is escaped and line breaks are folded, so a
post cannot add headings, links or table cells; in CSV a field that a spreadsheet would run as
a formula (starting = + - @, tab or CR) is prefixed with a quote mark.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence

from core.emergency import Incident
from core.models import Action

_WORDS = {
    "emergency_declared": "declared the emergency", "emergency_resolved": "resolved the emergency",
    "post_scheduled": "scheduled a post", "post_edited": "edited a post",
    "post_cancelled": "cancelled a post", "post_released": "released a post",
    "post_published": "published a scheduled post", "post_held": "held a post past its time",
    "post_frozen": "froze a post", "crisis_drafted": "wrote a crisis update",
    "crisis_approved": "approved a crisis update", "crisis_refused": "refused a crisis update",
    "crisis_published": "published a crisis update", "reply": "replied to a message",
    "close": "closed a message", "refer": "referred a message", "claim": "claimed a message",
    "warning_1": "first warning on a message", "warning_2": "second warning on a message",
    "breach": "response target breached on a message", "opened": "account opened",
    "closed": "account closed",
}


def describe_action(action: Action) -> str:
    """One event in words: what was done, to what, and what it said."""
    what = _WORDS.get(action.verb, action.verb.replace("_", " "))
    d = action.detail
    parts = [what]
    if action.verb == "emergency_declared":
        parts.append(f"{d.get('title', '')}: {d.get('reason', '')} ({d.get('frozen', 0)} posts frozen)")
    elif action.verb == "emergency_resolved":
        parts.append(str(d.get("reason", "")))
    elif action.verb == "post_frozen" and d.get("note"):
        parts.append(f"#{d.get('post')} on {action.account} scheduled for {d.get('publish_at', '')} "
                     f"({d['note']}): {d.get('text', '')}")
    elif "post" in d:
        parts.append(f"#{d.get('post')} on {action.account}: {d.get('text', '')}")
        if d.get("note"):
            parts.append(f"({d['note']})")
        if d.get("publish_at"):
            parts.append(f"for {d['publish_at']}")
    elif action.message_id is not None:
        parts.append(f"#{action.message_id} on {action.account}")
        if d.get("text"):
            parts.append(f": {d['text']}")
    return " ".join(str(p) for p in parts if p)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=])")


def markdown_text(text: str) -> str:
    """`text` on one line with every Markdown metacharacter escaped (and HTML's < > too)."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def csv_cell(value: object) -> str:
    """A CSV field a spreadsheet will show, not run: formula starts get a leading quote mark."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


Name = Callable[[str], str]


def incident_markdown(incident: Incident, actions: Sequence[Action], name: Name) -> str:
    """The incident and its timeline as a Markdown document."""
    lines = [f"# Incident {incident.id}: {markdown_text(incident.title)}", "",
             f"- Declared: {incident.declared_at.isoformat()} by {markdown_text(name(incident.declared_by))}",
             f"- Reason: {markdown_text(incident.reason)}",
             f"- Scheduled posts frozen: {incident.frozen_count}"]
    if incident.first_update_due is not None:
        lines.append(f"- First factual update due: {incident.first_update_due.isoformat()}")
    first = incident.first_update_at.isoformat() if incident.first_update_at else "none published"
    lines.append(f"- First update published: {first}")
    if incident.extended_until is not None:
        lines.append(f"- Extended hours until: {incident.extended_until.isoformat()}")
    if incident.resolved_at is not None:
        lines += [f"- Resolved: {incident.resolved_at.isoformat()} by "
                  f"{markdown_text(name(incident.resolved_by or ''))}",
                  f"- Resolution: {markdown_text(incident.resolve_reason or '')}"]
    else:
        lines.append("- Still active")
    lines += ["", "## Timeline", "", "| when (UTC) | who | what |", "|---|---|---|"]
    for a in actions:
        lines.append(f"| {a.at.isoformat()} | {markdown_text(name(a.actor))} | "
                     f"{markdown_text(describe_action(a))} |")
    return "\n".join(lines) + "\n"


def incident_csv(incident: Incident, actions: Sequence[Action], name: Name) -> str:
    """The timeline as CSV: when, who (id and name), verb, account, message, post, what."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["incident", "when_utc", "actor", "actor_name", "verb", "account", "message_id",
                     "post_id", "what"])
    for a in actions:
        writer.writerow([incident.id, a.at.isoformat(), csv_cell(a.actor), csv_cell(name(a.actor)),
                         a.verb, csv_cell(a.account or ""), a.message_id or "",
                         a.detail.get("post") or "", csv_cell(describe_action(a))])
    return out.getvalue()
