"""``tidewell desktop install|remove``: the application menu entry, icons and `tidewell` on the
PATH for this user (Linux). Works the same from a wheel (pipx) and from the bundle."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tidewell.i18n import _

if TYPE_CHECKING:
    from tidewell.platform.desktop_install import Report


def add_desktop_commands(commands: Any) -> None:  # argparse's subparsers action
    desktop = commands.add_parser(
        "desktop", help=_("add Tidewell to your application menu, or take it away (Linux)")
    )
    do = desktop.add_subparsers(dest="desktop_command", metavar="ACTION", required=True)
    do.add_parser("install", help=_("menu entry, icons, and `tidewell` in ~/.local/bin"))
    do.add_parser("remove", help=_("take away what install added, and start-at-login"))


def run_desktop(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        said = _(
            "the installer or the .app adds Tidewell to the menu on this system; "
            "`tidewell desktop` is for Linux."
        )
        print(f"tidewell: {said}", file=sys.stderr)
        return 1
    from tidewell.platform.autostart import launch_command  # here: `tidewell` alone starts lighter
    from tidewell.platform.desktop_install import Places, install, uninstall

    command, places = launch_command(), Places.for_this_user()
    if args.desktop_command == "install":
        report = install(command, places)
        _print(report)
        print(_("Tidewell is in your application menu."))
    else:
        report = uninstall(command, places)
        _print(report)
        print(
            _(
                "Tidewell is out of your application menu. Your rules and journal stay in the "
                "data folder (`tidewell check` shows where)."
            )
            if report.removed
            else _("Nothing to remove: Tidewell was not in the application menu.")
        )
    return 0


def _print(report: Report) -> None:
    for verb, paths in (("wrote  ", report.written), ("removed", report.removed)):
        icons = [p for p in paths if "hicolor" in p.parts]
        for path in paths:
            if path not in icons:
                print(f"  {verb} {path}")
        if icons:
            theme = icons[0].parents[2]
            print(f"  {verb} {len(icons)} icons in {theme}")
    for note in report.notes:
        print(f"  note: {note}")
