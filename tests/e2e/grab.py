"""Save a screenshot of the whole X screen: ``python grab.py OUT.png [x y w h]``.

Run as its own process on the test's display, so the app under test is not touched.
"""

import sys

from PySide6.QtGui import QGuiApplication


def main() -> int:
    app = QGuiApplication(["grab", "-platform", "xcb"])
    screen = app.primaryScreen()
    x, y, w, h = (int(v) for v in sys.argv[2:6]) if len(sys.argv) >= 6 else (0, 0, -1, -1)
    picture = screen.grabWindow(0, x, y, w, h)
    return 0 if picture.save(sys.argv[1]) else 1


if __name__ == "__main__":
    sys.exit(main())
