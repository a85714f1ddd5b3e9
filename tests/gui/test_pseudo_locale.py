"""Every window in a pseudo-language (every string accented and 40 % longer): no visible
word is left untranslated and no text is clipped, at scale 1 and 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from i18n import pseudo, pseudo_catalog  # noqa: E402


def test_the_pseudo_language_keeps_placeholders() -> None:
    assert pseudo("Next: {title}, {moment}").startswith("[Néxt: {title}, {moment}")
    assert len(pseudo("Offline until {moment}")) >= len("Offline until {moment}") * 1.4


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_window_speaks_the_pseudo_language_without_clipping(
    scale: str, tmp_path: Path
) -> None:
    pseudo_catalog(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    script = Path(__file__).with_name("pseudo_windows.py")
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("checked ")
    assert lines[:-1] == []
