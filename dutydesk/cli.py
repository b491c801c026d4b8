"""The `dutydesk` command. Each group of subcommands lives in its own module with
`register(subparsers)`; with no subcommand, dutydesk opens the dashboard on the configured store.
Every command follows one parser rule (`dutydesk.commands`): a global option means the same
before or after the command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from dutydesk import cmd_desk, cmd_engine, cmd_export, cmd_intake, cmd_outbox, cmd_policy, cmd_posts
from dutydesk.commands import DASHBOARD, add_before_options, settle
from dutydesk.options import INTERRUPTED

GROUPS = (cmd_policy, cmd_intake, cmd_engine, cmd_desk, cmd_export, cmd_outbox, cmd_posts)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dutydesk",
        description="The duty officer's desk for council social-media accounts.")
    add_before_options(parser)
    # Plain `dutydesk` (no command) is the dashboard; a command's own defaults replace these.
    parser.set_defaults(handler=cmd_desk.run_dashboard, global_options=DASHBOARD, command_name="")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = settle(parser, parser.parse_args(argv))
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        # A command that has nothing better to say about ctrl-c: one line, no traceback.
        print(f"dutydesk: interrupted ({args.command_name or 'dashboard'})", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`dutydesk schema inbound | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
