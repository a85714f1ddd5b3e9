"""A newcomer's first minutes, as a person does them: a fresh data folder, Xvfb with a window
manager (openbox) and a tray (trayer), the keyboard driven with xdotool. Screenshots of
every step go to build/e2e/newcomer/."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from .conftest import App, shot
from .xsession import XSession, wait_for


def settled_shot(x: XSession, name: str) -> Path:
    """A screenshot once the screen stops changing (two grabs in a row the same): typed keys
    reach the app after xdotool returns."""
    seen: list[bytes] = []

    def same_twice() -> bool:
        seen.append(shot(x, name).read_bytes())
        return len(seen) > 1 and seen[-1] == seen[-2]

    wait_for(same_twice, 10, f"the screen to settle for {name}", step=0.1)
    return shot(x, name)


def key(x: XSession, *keys: str) -> None:
    x.run("xdotool", "key", "--clearmodifiers", "--delay", "40", *keys)


def typed(x: XSession, text: str) -> None:
    x.run("xdotool", "type", "--delay", "20", text)


def definitions(app: App) -> dict[str, object]:
    return json.loads((app.data / "tidewell.json").read_text())  # type: ignore[no-any-return]


def people(app: App) -> list[dict[str, object]]:
    table = definitions(app).get("people", {})
    return list(table.values()) if isinstance(table, dict) else []


def status(app: App) -> dict[str, object]:
    done = app.run("status", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_a_newcomers_first_minutes(x: XSession, app: App) -> None:
    x.start_window_manager()
    x.start_tray_host()
    app.launch()
    welcome = wait_for(lambda: x.visible_window("Welcome to Tidewell"), 30, "the welcome")
    assert isinstance(welcome, str)
    x.run("xdotool", "windowactivate", "--sync", welcome)

    # Step 1: the person writes their own words (the cursor starts there).
    typed(x, "Weekends are ours; Sunday calls home.")
    settled_shot(x, "newcomer/01-welcome-words")
    # Escape asks before anything typed is dropped; Escape again goes back to it.
    key(x, "Escape")
    question = wait_for(lambda: x.visible_window("Leave the welcome?"), 10, "the question")
    settled_shot(x, "newcomer/02-leave-the-welcome")
    key(x, "Escape")
    wait_for(lambda: x.visible_window("Leave the welcome?") is None, 10, "the question to go")
    assert x.visible_window("Welcome to Tidewell") == welcome and question

    # Step 3: Mum, in Leeds (a city, not a zone name); Enter takes the first suggestion.
    key(x, "ctrl+Return", "ctrl+Return")
    typed(x, "Mum")
    key(x, "Tab")
    typed(x, "Leeds")
    key(x, "Return")
    settled_shot(x, "newcomer/03-welcome-leeds")
    key(x, "ctrl+Return")  # Start
    wait_for(lambda: x.visible_window("Welcome to Tidewell") is None, 15, "the welcome to close")
    wait_for(lambda: people(app), 10, "Mum to be saved")
    [mum] = people(app)
    assert (mum["name"], mum["zone"], mum["place"]) == ("Mum", "Europe/London", "Leeds")
    assert definitions(app)["balance"]  # step 1 was kept too
    assert "ValidationError" not in app.log() and "Traceback" not in app.log()

    # Offline twice: the second reason is the one quoted; "I'm back" ends it, as a choice.
    soon = (datetime.now() + timedelta(hours=2)).strftime("%H:%M")
    first = app.run("offline", "--until", soon, "--reason", "school run")
    assert first.returncode == 0 and "school run" in first.stdout
    wait_for(lambda: status(app)["offline"], 10, "offline time")
    assert app.run("online").returncode == 0
    wait_for(lambda: not status(app)["offline"], 10, "back online")
    app.run("offline", "--until", soon, "--reason", "dinner")
    wait_for(lambda: status(app)["reason"] == "dinner", 10, "the second reason")
    assert "'dinner'" in str(status(app)["line"])
    icon = x.embedded_icon()
    assert icon is not None
    left, top, width, height = x.geometry(icon)
    x.click(left + width // 2, top + height // 2)
    wait_for(lambda: x.visible_window("Tidewell panel"), 10, "the quick panel")
    settled_shot(x, "newcomer/04-panel-offline-dinner")
    key(x, "Escape")
    app.run("online")
    wait_for(lambda: not status(app)["offline"], 10, "back online again")
    events = [e for e in app.journal() if e.get("type") == "protected"]
    assert [(e["event"], e["reason"]) for e in events] == [
        ("started", "school run"),
        ("back", "school run"),
        ("started", "dinner"),
        ("back", "dinner"),
    ]

    # "Call Mum and Dad, Sundays 6:30pm", made in the simple editor by keyboard alone.
    app.run("settings")
    settings = wait_for(lambda: x.visible_window("Tidewell settings"), 20, "settings")
    assert isinstance(settings, str)
    x.run("xdotool", "windowactivate", "--sync", settings)
    key(x, "ctrl+n")
    typed(x, "Call Mum and Dad")
    key(x, "Tab", "Tab", "ctrl+a")  # past "When" to the time box
    typed(x, "6:30pm")
    # Past "Repeats" to the days: the blank rule has Monday to Friday; Sunday instead.
    key(x, "Tab", "Tab", "space", "Tab", "space", "Tab", "space", "Tab", "space")
    key(x, "Tab", "space", "Tab", "Tab", "space")
    settled_shot(x, "newcomer/05-call-mum-and-dad")
    key(x, "ctrl+s")
    wait_for(lambda: "call-mum-and-dad" in definitions(app).get("rules", {}).__str__(), 10, "save")
    sunday = app.run("next", "--from", "2026-12-05T12:00", "--count", "1", "--json")
    [first_call] = json.loads(sunday.stdout)
    assert first_call["rule"] == "call-mum-and-dad"
    assert first_call["at"].startswith("2026-12-06T18:30")
    assert settled_shot(x, "newcomer/06-settings-saved").stat().st_size > 10_000
    # Every file Tidewell wrote is this person's alone, the lock and window.ini included.
    loose = [
        f"{path.relative_to(app.data)} {path.stat().st_mode & 0o777:o}"
        for path in app.data.rglob("*")
        if path.stat().st_mode & 0o077
    ]
    assert loose == []
    assert {"tidewell.lock", "window.ini"} <= {p.name for p in app.data.iterdir()}
