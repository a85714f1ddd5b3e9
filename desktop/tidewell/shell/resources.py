"""Qt icons from the shipped resources (see tidewell.assets for where they are)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from tidewell.assets import icon_pngs


def icon(name: str) -> QIcon:
    """An icon from resources/icons by name, e.g. 'tray-normal', from its PNGs (each size
    drawn from the SVG at build: no SVG is read while Tidewell runs). Each size is given
    with its file, so only the sizes a tray or a window asks for are ever read."""
    made = QIcon()
    for path, size in icon_pngs(name):
        made.addFile(str(path), QSize(size, size) if size else QSize())
    return made
