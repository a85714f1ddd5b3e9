"""The command line with arguments (a bare ``tidewell`` never comes here: see
``cli/__init__.py``). ``rules``, ``next`` and ``check`` need no display and never import Qt."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tidewell.cli.app_commands import APP_COMMANDS, BadCommand, command_of, what_it_does
from tidewell.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_PROBLEM,
    Failure,
    open_store,
    print_json,
    running_pid,
)
from tidewell.i18n import _, n_

if TYPE_CHECKING:
    import argparse

    from tidewell.core.requests import Request


def with_arguments(argv: list[str]) -> int:
    from tidewell.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    if args.self_test:
        from tidewell.self_test import run_self_test

        return run_self_test()
    command = args.command or "run"
    if command in APP_COMMANDS:
        return _run_tray(args)
    try:
        if command == "rules":
            from tidewell.cli.rules import run_rules

            return run_rules(args)
        if command == "calendars":
            from tidewell.cli.calendars import run_calendars

            if args.calendars_command == "sync" and running_pid(args) is not None:
                from tidewell.core.requests import Sync

                return _run_tray(args, Sync())  # the running app reads them
            return run_calendars(args)
        if command == "desktop":
            from tidewell.cli.desktop import run_desktop

            return run_desktop(args)
        if command == "packs":
            from tidewell.cli.packs import run_packs

            return run_packs(args)
        if command == "sync":
            from tidewell.cli.sync import run_sync

            return run_sync(args)
        if command == "next":
            return _next(args)
        if command == "status":
            from tidewell.cli.status import run_status

            return run_status(args)
        if command == "demo":
            from tidewell.cli.status import run_demo

            return run_demo(args)
        return _check(args)
    except Failure as failure:
        print(f"tidewell: {failure}", file=sys.stderr)
        return failure.code


def _next(args: argparse.Namespace) -> int:
    from tidewell.core.describe import when_in_words
    from tidewell.core.schedule import upcoming
    from tidewell.i18n import _, clock, day_name, month_name

    store, opened = open_store(args)
    zone = store.clock.zone()
    start = _moment(args.start, zone) if args.start else store.clock.now().astimezone(zone)
    if args.count < 1:
        raise Failure("--count: " + _("give a number of 1 or more"), EXIT_INVALID)
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
        print(
            _("Nothing timed is coming up. (Waiting-time and activity nudges come when they fit.)")
        )
        return EXIT_OK
    for item in items:
        rule = rules[item.rule_id]
        local = item.at.astimezone(zone)
        day = _("{weekday} {day} {month} {time}").format(
            weekday=day_name(local.weekday(), short=True),
            day=local.day,
            month=month_name(local.month),
            time=clock(local.hour, local.minute),
        )
        print(f"{day}  {rule.nudge.title}  ({rule.area}; {when_in_words(rule)})")
    return EXIT_OK


def _moment(text: str, zone):  # type: ignore[no-untyped-def]
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        said = _("'{text}' is not a date and time like 2026-12-24T08:00").format(text=text)
        raise Failure(f"--from: {said}", EXIT_INVALID) from None
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
        found = n_("{count} problem found in {folder}.", "{count} problems found in {folder}.",
                   len(problems))  # fmt: skip
        print(found.format(count=len(problems), folder=folder))
        return EXIT_PROBLEM
    print(_("All good: {folder}").format(folder=folder))
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
