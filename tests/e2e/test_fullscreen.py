"""A full-screen window with focus (a presentation, a film) is seen on X11, through the
window state the window manager sets (openbox here), and nudges wait for it."""

from __future__ import annotations

import subprocess
import sys
import time

from tidewell.platform.fullscreen import FullscreenProbe

from .conftest import record_timing
from .xsession import XSession, wait_for

SLIDES = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
slide = QLabel("Quarterly review")
slide.setWindowTitle("Slides")
slide.show() if sys.argv[1] == "window" else slide.showFullScreen()
app.exec()
"""


def test_a_full_screen_window_is_seen(x: XSession) -> None:
    x.start_window_manager()
    probe = FullscreenProbe(x.display)
    assert probe() is False  # nothing open
    window = x.spawn(sys.executable, "-c", SLIDES, "window", stdout=subprocess.DEVNULL)
    wait_for(lambda: x.visible_window("Slides"), 10, "a plain window")
    assert probe() is False
    window.terminate()
    window.wait(10)
    shown = time.monotonic()
    slides = x.spawn(sys.executable, "-c", SLIDES, "full", stdout=subprocess.DEVNULL)
    wait_for(probe, 10, "the full-screen window to be seen")
    record_timing("full-screen window: shown to seen", time.monotonic() - shown)
    slides.terminate()
    slides.wait(10)
    wait_for(lambda: not probe(), 10, "the full-screen window to be gone")
