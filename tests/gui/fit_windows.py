"""Every top-level window on a small screen, in its own process (the screen and the scale
are fixed at start): ``python fit_windows.py`` on a display of that size (Xvfb), with
QT_SCALE_FACTOR set. Prints one line per window that does not fit, then 'checked N'."""

import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
app = QApplication(["tidewell"])

from starter_runtime import starter_runtime, walk_windows  # noqa: E402  (beside this script)

runtime = starter_runtime()
available = app.primaryScreen().availableGeometry()
problems: list[str] = []
checked = 0


def check(name: str, window: QWidget) -> None:
    """The whole window on the screen, and every visible button inside it."""
    global checked
    app.processEvents()
    checked += 1
    frame = window.frameGeometry()
    if not available.contains(frame):
        problems.append(f"{name}: {frame.getRect()} is larger than {available.getRect()}")
    for button in window.findChildren(QPushButton):
        if button.isVisibleTo(window) and button.window() is window:
            top_left = button.mapTo(window, button.rect().topLeft())
            inside = QRect(top_left, button.size())
            if not window.rect().contains(inside) and not _scrolled(button):
                problems.append(f"{name}: the button '{button.text()}' is out of reach")


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area, a button below the fold is reached by scrolling."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


walk_windows(runtime, check, kinds=False)
for line in problems:
    print(line)
print(f"checked {checked}")
