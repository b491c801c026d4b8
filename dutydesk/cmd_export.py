"""`dutydesk export KIND`: records out of the store as files. Each kind lives in its own module
with `register(kinds)` (add yours to KINDS): `moderation-log` (export_moderation), `incident`
(cmd_posts)."""

from __future__ import annotations

import argparse

from dutydesk import cmd_posts, export_moderation
from dutydesk.commands import group

KINDS = (export_moderation.register, cmd_posts.register_export)


def register(sub: argparse._SubParsersAction) -> None:
    kinds = group(sub, "export", help="export records as files (moderation-log, incident)")
    for register_kind in KINDS:
        register_kind(kinds)
