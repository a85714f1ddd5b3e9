"""The floor: a bare PySide6 tray icon and nothing else, to measure Tidewell against."""

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon


def main() -> int:
    app = QApplication(["bare-tray"])
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#2f7f7a"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
