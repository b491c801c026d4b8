"""`dutydesk export KIND`: records out of the store as files. Each kind lives in its own module
with `register(kinds)` (add yours to KINDS): `moderation-log` (export_moderation)."""

from __future__ import annotations

import argparse

from dutydesk import export_moderation

KINDS = (export_moderation,)


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="export records as files (moderation-log)")
    kinds = export.add_subparsers(title="what to export", metavar="KIND", required=True)
    for kind in KINDS:
        kind.register(kinds)
