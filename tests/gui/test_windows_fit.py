"""Every top-level window fits a small screen: 1366×768 at 100 %, and 1600×1000 at 200 %
(800×500 to lay out in), every button reachable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(("screen", "scale"), [("1366x768", "1"), ("1600x1000", "2")])
def test_every_window_fits_the_screen(screen: str, scale: str) -> None:
    """On Xvfb with a screen of that size (Qt's offscreen screen is always 800×800)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": scale}
    script = Path(__file__).with_name("fit_windows.py")
    xvfb = ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24"]
    done = subprocess.run(
        [*xvfb, sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "checked 15"  # every settings page (8), the rules with more options, …
    assert lines[:-1] == []
