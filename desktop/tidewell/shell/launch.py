"""The way to the tray: the fewest imports before the icon shows, then everything else.

``launch`` makes sure this is the only Tidewell on its data folder (a launch that hands its
command to the running one never loads the window system), makes the QApplication and puts
the icon in the tray. The store, the rules and the windows load once the event loop
runs (``tidewell.shell.app.start``), while the icon is already there; the same icon is then
handed to the full tray. Start-up figures: bench/RESULTS.md.
"""

from __future__ import annotations

import tidewell.shell.pyside_import  # noqa: F401  (before PySide6: its hook, tamed)

# isort: split

import logging
import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from tidewell.assets import APP_ID
from tidewell.i18n import _
from tidewell.shell.claim import RUN_LINE, CommandRefused, claim, forward_to
from tidewell.store.paths import data_dir, ensure_private_dir

if TYPE_CHECKING:
    import argparse

    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from tidewell.core.requests import Request

log = logging.getLogger(__name__)
SETTLE_MS = 3000  # start-up has painted the icon and loaded everything by then
# The rest loads this long after the icon is handed over, so the tray can take and draw it
# first (a panel asking for it over D-Bus needs this process free to answer; on two cores the
# loading also slows the panel down): 1.5 ms sooner to the icon, 5 ms later to ready.
ICON_FIRST_MS = 5


def launch(args: argparse.Namespace | SimpleNamespace, request: Request | None) -> int:
    """Start Tidewell, or hand ``request`` to the one running (None: a plain start, encoded
    without msgspec so the way to the tray stays short)."""
    if os.name == "posix":
        os.umask(0o077)  # every file the app writes is this person's alone: lock, log, window.ini
    folder = data_dir(args.data_dir)
    if request is None:
        line = RUN_LINE
    else:
        from tidewell.core.requests import encode_request  # msgspec: already loaded by then

        line = encode_request(request)
    try:  # before any window system: a launch that only hands over its command needs none
        ensure_private_dir(folder)
        if request is not None and request.only_if_running:  # quit, sync
            if not forward_to(folder, line):
                print(_("Tidewell is not running."))
            return 0
        lock = claim(folder, line)
        if lock is None:
            return 0  # the running Tidewell took the command
    except CommandRefused as err:
        said = _("the running Tidewell did not take it: {reason}").format(reason=err)
        print(f"tidewell: {said}", file=sys.stderr)
        return 2
    except OSError as err:
        gui_app(with_icon=True)
        from tidewell.shell.dialogs import fail  # only when it goes wrong

        return fail(_("Tidewell could not start: {reason}").format(reason=err))
    app = gui_app()
    early = early_icon()
    kept: list[Any] = []  # the running app, alive as long as the event loop

    def finish() -> None:
        give_icon(app)  # for the dialogs the tray may show; after its own icon is shown
        from tidewell.shell.instance import SingleInstance  # takes the lock over

        instance = SingleInstance(folder, held=lock)
        try:
            instance.listen()
            from tidewell.shell.startup import start

            outcome = start(folder, instance, request, early)
        except Exception as err:  # a bug on the way up: say so, never sit there half-started
            log.exception("start-up failed")
            from tidewell.shell.dialogs import fail

            reason = f"{type(err).__name__}: {err}"
            outcome = fail(_("Tidewell could not start: {reason}").format(reason=reason))
        if isinstance(outcome, int):
            if early is not None:
                early.hide()
            instance.release()
            app.exit(outcome)
        else:
            kept.append(outcome)
            from tidewell.shell.memory import trim_memory  # once the icon shows

            QTimer.singleShot(SETTLE_MS, lambda: trim_memory(pixmaps=True))

    QTimer.singleShot(ICON_FIRST_MS, finish)
    return app.exec()


def gui_app(with_icon: bool = False) -> QApplication:
    """The QApplication, named for the window system; with its windows' icon if
    ``with_icon`` (the tray gives it once its own icon shows: ``give_icon``)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(["tidewell"])  # the name X11 and Wayland show (WM_CLASS, app id)
    app.setApplicationName("Tidewell")
    app.setDesktopFileName(APP_ID)  # the desktop entry, for the icon and notifications
    app.setQuitOnLastWindowClosed(False)
    if with_icon:
        give_icon(app)
    return app


def give_icon(app: QApplication) -> None:
    from tidewell.shell.resources import icon  # QtGui: after the hand-over check

    app.setWindowIcon(icon("tidewell"))


def early_icon() -> QSystemTrayIcon | None:
    """The tray icon, shown before the rest loads; None when there is no tray to show it in."""
    from PySide6.QtWidgets import QSystemTrayIcon

    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    from tidewell.shell.resources import icon

    tray = QSystemTrayIcon(icon("tray-normal"))
    tray.setToolTip(_("Tidewell is starting…"))
    tray.show()
    return tray
