"""Every window drawn from the demo life by packaging/make_screenshots.py, light and dark, at
100 % and 200 %, saved under build/e2e/windows/ for a person to look at; on Xvfb, as a
desktop would show them."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from ..shots import SCREENSHOTS

pytestmark = pytest.mark.slow  # four app processes on Xvfb: left out of `tools/test --quick`

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "make_screenshots.py"
WINDOWS = 29  # popup (3 views), settings (11), a pack, a card, review (4), panel (4), welcome (5)


def size(png: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    return width, height


@pytest.mark.parametrize("scale", ["1", "2"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_window_is_drawn_from_the_demo(scheme: str, scale: str) -> None:
    out = SCREENSHOTS / "windows" / f"{scheme}-{scale}x"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": scale}
    args = [sys.executable, str(SCRIPT), str(out), *(["--dark"] if scheme == "dark" else [])]
    xvfb = ["xvfb-run", "-a", "-s", "-screen 0 2600x1800x24"]
    done = subprocess.run([*xvfb, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    written = [Path(line) for line in done.stdout.splitlines() if line.endswith(".png")]
    assert len(written) == WINDOWS
    for picture in written:
        width, height = size(picture)
        assert width >= 200 * int(scale) and height >= 100 * int(scale), picture
        assert picture.stat().st_size > 3_000, picture
