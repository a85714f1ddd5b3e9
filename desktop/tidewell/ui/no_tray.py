"""When the desktop has no tray: a small ordinary window with the quick panel's content
and a line saying why, instead of running where nobody can see it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from tidewell.i18n import _
from tidewell.ui.panel import PanelContent
from tidewell.ui.style import card_layout, plain_label

WHY = _(
    "Your desktop has no system tray right now, so Tidewell lives in this window. "
    "When a tray appears, Tidewell moves there. Closing this window quits Tidewell."
)


class NoTrayWindow(QWidget):
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tidewell"))
        box, layout = card_layout(self)
        self.why = plain_label(WHY, "muted")
        layout.addWidget(self.why)
        self.content = PanelContent(box)
        self.content.quit_button.show()
        layout.addWidget(self.content)
        self.setMinimumWidth(440)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # the app decides: quit, or hide when it has moved into a tray
        self.close_requested.emit()
