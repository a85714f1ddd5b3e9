"""The quick panel: a small frameless window by the tray icon. Escape or a click elsewhere
closes it (Qt's Popup window type does both)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QWidget

from tidewell.i18n import _
from tidewell.ui.pages import HOME
from tidewell.ui.panel import PanelContent
from tidewell.ui.placement import place_near
from tidewell.ui.style import card_layout, plain_label


class QuickPanel(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setWindowTitle(_("Tidewell panel"))
        box, layout = card_layout(self)
        self.box = box
        layout.addWidget(plain_label(_("Tidewell"), "caption", wrap=False))
        self.content = PanelContent(box)
        layout.addWidget(self.content)
        self.setFixedWidth(420)
        self.anchor = QRect()
        self.content.page_changed.connect(self._fit)

    def open_at(self, anchor: QRect, page: int = HOME) -> None:
        self.anchor = anchor
        self.content.show_page(page)
        self.show()
        self._fit()
        self.raise_()
        self.activateWindow()

    def _fit(self, _page: int = 0) -> None:
        if self.isVisible():
            for widget in (self.content, self.box, self):
                layout = widget.layout()
                if layout is not None:
                    layout.invalidate()
                    layout.activate()
            self.resize(self.width(), self.heightForWidth(self.width()))
            place_near(self, self.anchor)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.closed.emit()
