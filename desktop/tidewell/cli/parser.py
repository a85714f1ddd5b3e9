"""The command line's parser: every command and its arguments."""

from __future__ import annotations

import argparse

from tidewell import __version__
from tidewell.cli.app_commands import add_app_commands
from tidewell.i18n import _


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tidewell",
        description=_("Tidewell keeps your own version of balance and nudges you gently."),
    )
    parser.add_argument("--version", action="version", version=f"tidewell {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check this install without a screen (a temporary data folder) and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "where Tidewell keeps its files "
            "(default: the platform's data folder, or $TIDEWELL_DATA_DIR)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help=_("start the tray app (the default)"))

    rules = commands.add_parser("rules", help=_("list, import or export your rules"))
    rules_do = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    listing = rules_do.add_parser("list", help=_("show your rules"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    importing = rules_do.add_parser(
        "import", help=_("add or update rules from a JSON file (all or nothing)")
    )
    importing.add_argument("file", help=_("a rule file, or - for standard input"))
    exporting = rules_do.add_parser("export", help=_("write everything you defined to a JSON file"))
    exporting.add_argument("file", help=_("where to write, or - for standard output"))

    upcoming = commands.add_parser("next", help=_("show the upcoming nudges"))
    upcoming.add_argument("--count", type=int, default=10, metavar="N", help=_("how many (10)"))
    upcoming.add_argument(
        "--from",
        dest="start",
        metavar="ISO-TIME",
        help=_("from this moment instead of now, e.g. 2026-12-24T08:00"),
    )
    upcoming.add_argument("--json", action="store_true", help=_("print JSON"))

    status = commands.add_parser(
        "status", help=_("where you stand now: protected, paused, waiting; what comes next")
    )
    status.add_argument("--json", action="store_true", help=_("print JSON (for panels, scripts)"))
    commands.add_parser("check", help=_("verify the data folder"))
    demo = commands.add_parser(
        "demo", help=_("write a few months of an example life into an empty data folder")
    )
    demo.add_argument("--force", action="store_true", help=_("even if the folder has data"))
    from tidewell.cli.calendars import add_calendar_commands

    add_calendar_commands(commands)
    from tidewell.cli.desktop import add_desktop_commands

    add_desktop_commands(commands)
    from tidewell.cli.packs import add_pack_commands

    add_pack_commands(commands)
    from tidewell.cli.sync import add_sync_commands

    add_sync_commands(commands)
    add_app_commands(commands)
    return parser
