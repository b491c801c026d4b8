"""`dutydesk export KIND`: records out of the store as files. Each kind lives in its own module
with `register(kinds)` (add yours to KINDS): `moderation-log` (export_moderation)."""

from __future__ import annotations

import argparse

from dutydesk import export_moderation
from dutydesk.commands import group

KINDS = (export_moderation,)


def register(sub: argparse._SubParsersAction) -> None:
    kinds = group(sub, "export", help="export records as files (moderation-log)")
    for kind in KINDS:
        kind.register(kinds)
