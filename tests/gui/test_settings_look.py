"""Every settings page in a light and a dark palette, saved as pictures to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tidewell.shell.app import TidewellApp
from tidewell.ui.appearance import dark_palette
from tidewell.ui.style import restyle_all

from ..shots import SCREENSHOTS

SHOTS = SCREENSHOTS / "settings"


@contextmanager
def palette_of(scheme: str) -> Iterator[None]:
    """The app in a light or a dark palette for a while, then as it was."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    if scheme == "dark":
        app.setPalette(dark_palette())
        restyle_all()
    try:
        yield
    finally:
        app.setPalette(original)
        restyle_all()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_drawn(qtbot, shell: TidewellApp, scheme: str) -> None:  # type: ignore[no-untyped-def]
    with palette_of(scheme):
        shell.open_settings()
        window = shell.settings
        assert window is not None
        window.resize(1180, 760)
        SHOTS.mkdir(parents=True, exist_ok=True)
        for row, (title, _page) in enumerate(window.pages):
            window.sidebar.setCurrentRow(row)
            picture = window.grab()
            name = title.lower().replace(" ", "-")
            path = SHOTS / f"{row + 1}-{name}-{scheme}.png"
            assert picture.save(str(path))
            assert path.stat().st_size > 10_000  # a drawn page, not an empty frame
            assert not window.undo_stack, (title, window.draft)
        window.close()


def test_the_welcome_steps_are_drawn(qtbot, runtime) -> None:  # type: ignore[no-untyped-def]
    from tidewell.ui.settings.welcome import WelcomeDialog

    dialog = WelcomeDialog(runtime)
    qtbot.addWidget(dialog)
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for step in range(3):
        path = SHOTS / f"welcome-{step + 1}.png"
        assert dialog.grab().save(str(path))
        assert path.stat().st_size > 5_000
        dialog.next.click()


def test_the_window_at_200_percent() -> None:
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    SHOTS.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen:size=2560x1600", "QT_SCALE_FACTOR": "2"}
    script = Path(__file__).with_name("scaled_window.py")
    done = subprocess.run(
        [sys.executable, str(script), str(SHOTS)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    width, height, ratio = done.stdout.split()
    assert float(ratio) == 2.0
    picture = QImage(str(SHOTS / "2-rules-200.png"))
    assert (picture.width(), picture.height()) == (2 * int(width), 2 * int(height))
