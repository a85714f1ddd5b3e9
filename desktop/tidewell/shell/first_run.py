"""The welcome on a first run: offered until the person finishes it or says "Not now"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from tidewell.shell.runtime import Runtime

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ASKED = "welcome/asked"


def welcome_dialog(runtime: Runtime, prefs_name: str) -> QWidget | None:
    """On a first run (the tray checks that before starting the welcome's process): the
    welcome, not shown yet, unless it was answered. Closed any other way than finishing or
    "Not now", it comes back next time."""
    prefs = QSettings(str(runtime.store.folder / prefs_name), QSettings.Format.IniFormat)
    if prefs.contains(ASKED):
        return None
    from tidewell.ui.settings.welcome import WelcomeDialog

    dialog = WelcomeDialog(runtime)
    dialog.answered.connect(lambda: _answered(prefs))
    return dialog


def _answered(prefs: QSettings) -> None:
    prefs.setValue(ASKED, "yes")
    prefs.sync()
