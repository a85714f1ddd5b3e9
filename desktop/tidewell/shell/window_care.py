"""A window of Tidewell's, in the tray's process or in its own: its icon, gone (and its memory
given back) once closed, brought forward when asked for again. Loaded with the first window,
never by an idle tray."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt  # its enums cost ~1 MiB: this module loads with a window
from PySide6.QtWidgets import QWidget

from tidewell.shell.memory import trim_memory
from tidewell.shell.resources import icon

log = logging.getLogger(__name__)
W = TypeVar("W", bound=QWidget)


def owned(window: W, closed: Callable[[], None], what: str) -> W:
    window.setWindowIcon(icon("tidewell"))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.destroyed.connect(closed)
    log.info("%s opened", what)
    trim_memory()
    return window


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
