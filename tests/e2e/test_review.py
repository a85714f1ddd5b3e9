"""The real review window on Xvfb: `tidewell review` has the running app open it in a
process of its own; Ctrl+R brings the reflection questions, and "Not now" keeps nothing.
Writing, reading back, editing and deleting reflections are tested with pytest-qt in
tests/gui/test_review.py."""

from __future__ import annotations

from .conftest import App, shot
from .test_settings_window import STARTER
from .xsession import XSession, wait_for


def test_tidewell_review_opens_and_keeps_a_reflection(x: XSession, app: App) -> None:
    x.start_tray_host()
    app.data.mkdir(parents=True)
    assert app.run("rules", "import", str(STARTER)).returncode == 0
    app.launch()
    app.wait_in_tray()
    assert app.run("review").returncode == 0
    window = str(wait_for(lambda: x.visible_window("Tidewell review"), 15, "the review window"))
    assert "review window started" in app.log()  # in a process of its own
    wx, wy, ww, wh = x.geometry(window)
    shot(x, "11-review", (wx, wy, ww, wh))
    x.run("xdotool", "windowfocus", "--sync", window)
    x.run("xdotool", "key", "--window", window, "ctrl+r")  # "Reflect now…"
    dialog = str(wait_for(lambda: x.visible_window("A moment to reflect"), 15, "the questions"))
    dx, dy, dw, dh = x.geometry(dialog)
    shot(x, "12-reflection", (dx, dy, dw, dh))

    x.click(dx + dw - 138, dy + dh - 23)  # "Not now", beside "Keep it" at the bottom right
    wait_for(lambda: x.visible_window("A moment to reflect") is None, 15, "the questions to close")
    assert x.visible_window("Tidewell review") == window  # the review stays open
    assert (
        not (app.data / "reflections.json").exists()
        or '"answers"' not in (app.data / "reflections.json").read_text()
    )  # "Not now" keeps nothing
    app.run("quit")
    wait_for(lambda: x.embedded_icon() is None, 10, "Tidewell to quit")
