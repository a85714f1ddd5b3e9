"""Put a small window by the tray icon, or in the screen's corner when its place is unknown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 8


def position_for(size: QSize, anchor: QRect, available: QRect) -> QPoint:
    """Top-left for a window of ``size``: under (or over) the icon at ``anchor``, kept on the
    screen; the bottom-right corner of ``available`` when there is no anchor."""
    if anchor.isValid() and not anchor.isEmpty() and available.intersects(anchor):
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


def place_near(widget: QWidget, anchor: QRect) -> None:
    screen = None
    if anchor.isValid():
        screen = QGuiApplication.screenAt(anchor.center())
    screen = screen or QGuiApplication.primaryScreen()
    widget.move(position_for(widget.size(), anchor, screen.availableGeometry()))
