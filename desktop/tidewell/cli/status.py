"""`tidewell status`: where you stand, for a terminal or a panel (waybar, polybar); and
`tidewell demo`: an example life in a data folder, for trying Tidewell and for screenshots."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tidewell.cli.common import EXIT_OK, EXIT_PROBLEM, open_store, print_json, running_pid
from tidewell.i18n import _

if TYPE_CHECKING:
    import argparse


def run_status(args: argparse.Namespace) -> int:
    from tidewell.core.state import home_zone
    from tidewell.core.status import moment_in_words, status_of
    from tidewell.i18n import _, n_
    from tidewell.store.live import Live, read_live

    store, opened = open_store(args)
    now = store.clock.now().astimezone(store.clock.zone())
    running = running_pid(args) is not None
    live = read_live(store.folder) if running else Live()
    status = status_of(opened.state, now, count=3, waiting=live.waiting, quiet=live.quiet)
    home = home_zone(opened.state, now)
    if args.json:
        out: dict[str, Any] = {
            "state": status.mode,
            "line": status.line,
            "reason": status.reason,
            "until": status.until.astimezone(home).isoformat() if status.until else None,
            "offline": status.offline,
            "paused_until": (
                opened.state.pause.until.astimezone(home).isoformat()
                if status.mode == "paused" and opened.state.pause
                else None
            ),
            "waiting_minutes": live.waiting.minutes if live.waiting else None,
            "nudges_waiting": live.nudges_waiting,
            "quiet": live.quiet,
            "nudges_held": live.nudges_held,
            "idle_source": live.idle_source or None,
            "nudges_as": live.nudges_as or None,
            "next": [
                {"at": n.at.astimezone(home).isoformat(), "rule": n.rule_id, "title": n.title}
                for n in status.next
            ],
            "running": running,
        }
        print_json(out)
        return EXIT_OK
    print(status.line)
    if live.nudges_waiting:
        count = live.nudges_waiting
        print(
            n_("{count} nudge waiting for you on screen",
               "{count} nudges waiting for you on screen", count).format(count=count)
        )  # fmt: skip
    if live.nudges_held:
        count = live.nudges_held
        print(
            n_("{count} nudge will come when it's over",
               "{count} nudges will come when it's over", count).format(count=count)
        )  # fmt: skip
    for nudge in status.next:
        print(f"  {moment_in_words(nudge.at, now, home)}  {nudge.title}")
    if not running:
        print(_("(Tidewell is not running: nothing will pop up until it starts.)"))
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    from tidewell.demo import write_demo

    store, opened = open_store(args)
    if not args.force and (opened.state.rules or opened.state.blocks):
        said = _(
            "{folder} already holds your own rules; the demo writes only into an empty folder "
            "(or use --force)."
        ).format(folder=store.folder)
        print(f"tidewell: {said}", file=sys.stderr)
        return EXIT_PROBLEM
    if running_pid(args) is not None:
        print("tidewell: " + _("quit the running Tidewell first."), file=sys.stderr)
        return EXIT_PROBLEM
    summary = write_demo(store, opened.state)
    print(
        _("An example life is in {folder}: {summary}.").format(folder=store.folder, summary=summary)
    )
    print(_("Try it: {command}").format(command=f"tidewell --data-dir {store.folder}"))
    return EXIT_OK
