"""Put a small window by the tray icon, or in the screen's corner when its place is unknown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 8


def position_for(size: QSize, anchor: QRect, available: QRect, corner: str = "tray") -> QPoint:
    """Top-left for a window of ``size``: under (or over) the icon at ``anchor``, kept on the
    screen; a corner of ``available`` when asked for one or when there is no anchor
    (bottom-right then)."""
    if corner != "tray":
        top, left = corner.startswith("top"), corner.endswith("left")
        x = available.left() + MARGIN if left else available.right() - size.width() - MARGIN + 1
        y = available.top() + MARGIN if top else available.bottom() - size.height() - MARGIN + 1
    elif anchor.isValid() and not anchor.isEmpty() and available.intersects(anchor):
        x = anchor.right() - size.width() + 1
        if anchor.center().y() < available.center().y():
            y = anchor.bottom() + MARGIN  # a panel at the top: open downwards
        else:
            y = anchor.top() - size.height() - MARGIN
    else:
        x = available.right() - size.width() - MARGIN + 1
        y = available.bottom() - size.height() - MARGIN + 1
    x = max(available.left() + MARGIN, min(x, available.right() - size.width() - MARGIN + 1))
    y = max(available.top() + MARGIN, min(y, available.bottom() - size.height() - MARGIN + 1))
    return QPoint(x, y)


def place_near(widget: QWidget, anchor: QRect, corner: str = "tray") -> None:
    screen = None
    if anchor.isValid():
        screen = QGuiApplication.screenAt(anchor.center())
    screen = screen or QGuiApplication.primaryScreen()
    widget.move(position_for(widget.size(), anchor, screen.availableGeometry(), corner))


FRAME = QSize(16, 48)  # room for the window manager's title bar and borders


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Size ``window`` to ``wanted`` (a remembered size, or its natural one), but never
    larger than the screen it opens on, and keep all of it on that screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    room = available.size() - FRAME
    size = wanted.boundedTo(room).expandedTo(window.minimumSizeHint().boundedTo(room))
    window.resize(size)
    frame = window.frameGeometry()
    x = max(available.left(), min(frame.left(), available.right() - size.width() - FRAME.width()))
    y = max(available.top(), min(frame.top(), available.bottom() - size.height() - FRAME.height()))
    window.move(x, y)


def scrolling(content: QWidget) -> QWidget:
    """``content`` in a frameless scroll area, so a small screen can still reach all of it."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
