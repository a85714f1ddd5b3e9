"""Timing a window from making it until it is painted: the one measure the window
benchmarks share, so ours and the bare floor are timed exactly alike."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget


def seconds_to_paint(make: Callable[[], QWidget], app: QApplication) -> float:
    started = time.perf_counter()
    window = make()
    window.show()
    app.processEvents()
    window.grab()  # painted, every child included
    elapsed = time.perf_counter() - started
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed
