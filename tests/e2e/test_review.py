"""The real review window on Xvfb: `tidewell review` opens it in the running app, a
reflection is typed into it with xdotool, and it is kept in the data folder."""

from __future__ import annotations

import json

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
    assert "review opened" in app.log()
    wx, wy, ww, wh = x.geometry(window)
    shot(x, "11-review", (wx, wy, ww, wh))
    x.run("xdotool", "windowfocus", "--sync", window)
    x.run("xdotool", "key", "--window", window, "ctrl+r")  # "Reflect now…"
    dialog = str(wait_for(lambda: x.visible_window("A moment to reflect"), 15, "the questions"))
    x.run("xdotool", "windowfocus", "--sync", dialog)
    x.run("xdotool", "type", "--delay", "15", "Sunday walks with Mia.")
    dx, dy, dw, dh = x.geometry(dialog)
    shot(x, "12-reflection", (dx, dy, dw, dh))
    x.run("xdotool", "key", "Tab", "Tab", "Tab", "Tab", "Return")  # to "Keep it", pressed

    def kept() -> list[object]:
        path = app.data / "reflections.json"
        table = json.loads(path.read_text()).get("reflections", {}) if path.exists() else {}
        return [doc["answers"][0] for doc in table.values()]

    assert wait_for(kept, 15, "the reflection in reflections.json") == ["Sunday walks with Mia."]
    app.run("quit")
