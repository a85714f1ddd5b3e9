"""The welcome on a first run: offered until the person finishes it or says "Not now"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from tidewell.shell.resources import icon
from tidewell.shell.runtime import Runtime

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ASKED = "welcome/asked"


def offer_welcome(runtime: Runtime, prefs_name: str, closed: Callable[[], None]) -> QWidget | None:
    """On a first run (the app checks that before importing this module): show the welcome
    unless it was answered; the dialog, or None. Closed any other way than finishing or
    "Not now", it comes back next time."""
    prefs = QSettings(str(runtime.store.folder / prefs_name), QSettings.Format.IniFormat)
    if prefs.contains(ASKED):
        return None
    from PySide6.QtCore import Qt  # its enums cost ~1 MiB: only on a first run

    from tidewell.ui.settings.welcome import WelcomeDialog

    dialog = WelcomeDialog(runtime)
    dialog.setWindowIcon(icon("tidewell"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.answered.connect(lambda: _answered(prefs))
    dialog.destroyed.connect(closed)
    dialog.show()
    return dialog


def _answered(prefs: QSettings) -> None:
    prefs.setValue(ASKED, "yes")
    prefs.sync()
