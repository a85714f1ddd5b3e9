"""The floor: a bare PySide6 tray icon and nothing else, to measure Tidewell against."""

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon


def bare_tray(name: str) -> tuple[QApplication, QSystemTrayIcon]:
    """The application, named ``name`` (its window class), with a plain icon in the tray."""
    app = QApplication([name])
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#2f7f7a"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    return app, tray


def main() -> int:
    app, _tray = bare_tray("bare-tray")
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
