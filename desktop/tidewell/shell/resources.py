"""Where the shipped resources are: inside the installed package, or the checkout's top."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def resources_dir() -> Path:
    for candidate in (_PACKAGE / "resources", _PACKAGE.parents[1] / "resources"):
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError("Tidewell's resources folder is missing from this install")


def icon(name: str) -> QIcon:
    """An icon from resources/icons by name, e.g. 'tray-normal'."""
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))
