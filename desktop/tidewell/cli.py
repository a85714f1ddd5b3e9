"""The command line. ``rules``, ``next`` and ``check`` need no display and never import Qt."""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from tidewell import __version__
from tidewell.calendars import READER_FLAG
from tidewell.cli_app import (
    APP_COMMANDS,
    BadCommand,
    add_app_commands,
    command_of,
    what_it_does,
)

if TYPE_CHECKING:
    import argparse

    from tidewell.core.requests import Request

EXIT_OK, EXIT_PROBLEM, EXIT_INVALID = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="tidewell",
        description="Tidewell keeps your own version of balance and nudges you gently.",
    )
    parser.add_argument("--version", action="version", version=f"tidewell {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this install without a screen (a temporary data folder) and exit",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where Tidewell keeps its files "
        "(default: the platform's data folder, or $TIDEWELL_DATA_DIR)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="start the tray app (the default)")

    rules = commands.add_parser("rules", help="list, import or export your rules")
    rules_do = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    listing = rules_do.add_parser("list", help="show your rules")
    listing.add_argument("--json", action="store_true", help="print JSON")
    importing = rules_do.add_parser(
        "import", help="add or update rules from a JSON file (all or nothing)"
    )
    importing.add_argument("file", help="a rule file, or - for standard input")
    exporting = rules_do.add_parser("export", help="write everything you defined to a JSON file")
    exporting.add_argument("file", help="where to write, or - for standard output")

    upcoming = commands.add_parser("next", help="show the upcoming nudges")
    upcoming.add_argument("--count", type=int, default=10, metavar="N", help="how many (10)")
    upcoming.add_argument(
        "--from",
        dest="start",
        metavar="ISO-TIME",
        help="from this moment instead of now, e.g. 2026-12-24T08:00",
    )
    upcoming.add_argument("--json", action="store_true", help="print JSON")

    status = commands.add_parser(
        "status", help="where you stand now: protected, paused, waiting; what comes next"
    )
    status.add_argument("--json", action="store_true", help="print JSON (for panels, scripts)")
    commands.add_parser("check", help="verify the data folder")
    demo = commands.add_parser(
        "demo", help="write a few months of an example life into an empty data folder"
    )
    demo.add_argument("--force", action="store_true", help="even if the folder has data")
    from tidewell.cli_calendars import add_calendar_commands  # it imports this module

    add_calendar_commands(commands)
    from tidewell.cli_desktop import add_desktop_commands

    add_desktop_commands(commands)
    add_app_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [READER_FLAG]:  # a bundle starting itself as the calendar reader
        from tidewell.calendars.bounded import child

        return child(argv[1:])
    if argv in ([], ["run"]):  # how the menu entry and start-at-login start it: no parser
        from tidewell.shell.launch import launch  # nor msgspec: the plain start is a Run

        return launch(SimpleNamespace(command=None, data_dir=None), None)
    args = build_parser().parse_args(argv)
    if args.self_test:
        from tidewell.self_test import run_self_test

        return run_self_test()
    command = args.command or "run"
    if command in APP_COMMANDS:
        return _run_tray(args)
    try:
        if command == "rules":
            from tidewell.cli_rules import run_rules

            return run_rules(args)
        if command == "calendars":
            from tidewell.cli_calendars import run_calendars

            if args.calendars_command == "sync" and running_pid(args) is not None:
                from tidewell.core.requests import Sync

                return _run_tray(args, Sync())  # the running app reads them
            return run_calendars(args)
        if command == "desktop":
            from tidewell.cli_desktop import run_desktop

            return run_desktop(args)
        if command == "next":
            return _next(args)
        if command == "status":
            from tidewell.cli_status import run_status

            return run_status(args)
        if command == "demo":
            from tidewell.cli_status import run_demo

            return run_demo(args)
        return _check(args)
    except _Failure as failure:
        print(f"tidewell: {failure}", file=sys.stderr)
        return failure.code


def main_gui() -> int:
    """The entry point with no console window (Windows): always the tray app."""
    return main(sys.argv[1:] or ["run"])


class _Failure(Exception):
    def __init__(self, message: str, code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.code = code


def open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open the data folder, telling the person about anything that was repaired."""
    from tidewell.platform.clock import SystemClock
    from tidewell.store.datastore import DataStore, StoreError
    from tidewell.store.paths import data_dir

    try:
        store, opened = DataStore.open(data_dir(args.data_dir), SystemClock())
    except StoreError as err:
        raise _Failure(str(err)) from None
    for event in opened.events:
        print(f"tidewell: {event}", file=sys.stderr)
    for problem in opened.problems:
        print(f"tidewell: kept but not used, {problem}", file=sys.stderr)
    return store, opened


def print_json(value: object) -> None:
    import msgspec

    sys.stdout.write(msgspec.json.format(msgspec.json.encode(value)).decode() + "\n")


def running_pid(args: argparse.Namespace) -> int | None:
    """The process of a Tidewell running on this data folder, if any."""
    from tidewell.store.paths import data_dir
    from tidewell.store.running import running_app

    return running_app(data_dir(args.data_dir))


def refuse_while_running(args: argparse.Namespace, what: str, instead: str) -> None:
    """The running app holds the state in memory and would write over ``what``."""
    pid = running_pid(args)
    if pid is not None:
        raise _Failure(
            f"Tidewell is running (process {pid}) and would write over {what}. {instead}"
        )


def _next(args: argparse.Namespace) -> int:
    from tidewell.core.describe import when_in_words
    from tidewell.core.schedule import upcoming

    store, opened = open_store(args)
    zone = store.clock.zone()
    start = _moment(args.start, zone) if args.start else store.clock.now().astimezone(zone)
    if args.count < 1:
        raise _Failure("--count: give a number of 1 or more", EXIT_INVALID)
    items = upcoming(opened.state, start, args.count)
    rules = {r.id: r for r in opened.state.rules}
    if args.json:
        out = [
            {
                "at": u.at.astimezone(zone).isoformat(),
                "rule": u.rule_id,
                "name": rules[u.rule_id].name,
                "title": rules[u.rule_id].nudge.title,
            }
            for u in items
        ]
        print_json(out)
        return EXIT_OK
    if not items:
        print("Nothing timed is coming up. (Waiting-time and activity nudges come when they fit.)")
        return EXIT_OK
    for item in items:
        rule = rules[item.rule_id]
        local = item.at.astimezone(zone)
        print(f"{local:%a %d %b %H:%M}  {rule.nudge.title}  ({rule.area}; {when_in_words(rule)})")
    return EXIT_OK


def _moment(text: str, zone):  # type: ignore[no-untyped-def]
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _Failure(
            f"--from: {text!r} is not a date and time like 2026-12-24T08:00", EXIT_INVALID
        ) from None
    # The same instant, in the home zone: core reads "home" from the moment's zone, and a
    # rule without a zone follows home whatever offset --from was written with.
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _check(args: argparse.Namespace) -> int:
    from tidewell.store.check import check_folder
    from tidewell.store.paths import data_dir

    folder = data_dir(args.data_dir)
    problems = check_folder(folder)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) found in {folder}.")
        return EXIT_PROBLEM
    print(f"All good: {folder}")
    return EXIT_OK


def _run_tray(args: argparse.Namespace, request: Request | None = None) -> int:
    if request is None:
        try:
            request = command_of(args)
        except BadCommand as err:
            print(f"tidewell: {err}", file=sys.stderr)
            return EXIT_INVALID
    said = what_it_does(request)
    if said is not None:
        print(said, flush=True)
    from tidewell.shell.launch import launch

    return launch(args, request)
