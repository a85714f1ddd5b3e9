"""Message boxes: a failure that stops Tidewell, and a word to the person."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

log = logging.getLogger(__name__)
FAILURE_BOX_MS = 120_000  # never hang an unattended start


def fail(message: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    log.error("%s", message)
    print(f"tidewell: {message}", file=sys.stderr)
    box = message_box(QMessageBox.Icon.Critical, "Tidewell", message)
    QTimer.singleShot(FAILURE_BOX_MS, box.close)
    box.exec()
    return 1


def message_box(kind: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    from PySide6.QtCore import Qt  # its enums cost 20 ms: not on the way to the tray
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(kind, title, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.setModal(False)
    return box


def tell(tray: QSystemTrayIcon | None, message: str) -> None:
    """A word to the person: a tray message where the tray shows them, else a small box."""
    from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

    if tray is not None and QSystemTrayIcon.supportsMessages():
        tray.showMessage("Tidewell", message, QSystemTrayIcon.MessageIcon.Warning)
    else:
        message_box(QMessageBox.Icon.Warning, "Tidewell", message).show()
