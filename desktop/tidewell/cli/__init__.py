"""The command line: ``tidewell.cli:main`` is the ``tidewell`` command. A bare ``tidewell``
(the menu entry, start at login) goes straight to the tray: no parser, none of the commands'
modules; everything else is ``cli/main.py``."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from tidewell.calendars import READER_FLAG
from tidewell.shell import WINDOW_FLAG


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [READER_FLAG]:  # a bundle starting itself as the calendar reader
        from tidewell.calendars.bounded import child

        return child(argv[1:])
    if argv[:1] == [WINDOW_FLAG]:  # Settings, Review or the welcome, started by the tray
        from tidewell.shell.window_process import run_window

        return run_window(argv[1:])
    if argv in ([], ["run"]):
        from tidewell.shell.launch import launch  # nor msgspec: the plain start is a Run

        return launch(SimpleNamespace(command=None, data_dir=None), None)
    from tidewell.cli.main import with_arguments

    try:
        return with_arguments(argv)
    except BrokenPipeError:  # `tidewell rules list | head`: the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second complaint
        return 0


def main_gui() -> int:
    """The entry point with no console window (Windows): always the tray app."""
    return main(sys.argv[1:] or ["run"])


__all__ = ["main", "main_gui"]
