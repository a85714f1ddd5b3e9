"""The real settings window on Xvfb: opened with `tidewell settings`, a rule added with the
keyboard through xdotool, found again by `tidewell rules list --json`."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import App, shot
from .xsession import XSession, wait_for

STARTER = Path(__file__).resolve().parents[2] / "resources" / "examples" / "starter-rules.json"


def test_add_a_rule_in_the_settings_window(x: XSession, app: App) -> None:
    x.start_tray_host()
    app.data.mkdir(parents=True)
    assert app.run("rules", "import", str(STARTER)).returncode == 0
    app.launch()
    app.wait_in_tray()
    assert app.run("settings").returncode == 0
    window = str(wait_for(lambda: x.visible_window("Tidewell settings"), 15, "the settings window"))
    x.run("xdotool", "windowfocus", "--sync", window)
    x.run("xdotool", "key", "--window", window, "ctrl+n")
    x.run("xdotool", "type", "--delay", "20", "Call Dad on Sundays")
    wx, wy, ww, wh = x.geometry(window)
    shot(x, "07-settings-new-rule", (wx, wy, ww, wh))
    assert "call-dad-on-sundays" not in app.run("rules", "list").stdout  # not before Save
    x.run("xdotool", "key", "--window", window, "ctrl+s")

    def saved() -> dict[str, object] | None:
        listing = json.loads(app.run("rules", "list", "--json").stdout)
        return next((r for r in listing if r["id"] == "call-dad-on-sundays"), None)  # its name

    rule = wait_for(saved, 15, "the new rule in `tidewell rules list --json`")
    assert rule["name"] == "Call Dad on Sundays"  # type: ignore[index]
    app.run("quit")
