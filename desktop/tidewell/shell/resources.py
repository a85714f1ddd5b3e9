"""Qt icons from the shipped resources (see tidewell.assets for where they are)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from tidewell.assets import icon_file


def icon(name: str) -> QIcon:
    """An icon from resources/icons by name, e.g. 'tray-normal'."""
    return QIcon(str(icon_file(name)))
