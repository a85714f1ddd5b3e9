"""Nudges as the desktop's own notifications, on X11 with a real notification server
(dunst on its own session bus): the buttons answer into the journal, and Do Not Disturb
holds a nudge that then comes once, saying it waited."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .conftest import App, record_timing, shot
from .xsession import XSession, wait_for

DUE_IN = timedelta(seconds=12)


def at_rule(rule_id: str, title: str, when: datetime) -> dict[str, object]:
    return {
        "id": rule_id,
        "name": title,
        "when": {
            "kind": "at",
            "start": when.strftime("%Y-%m-%d"),
            "rrule": f"FREQ=DAILY;BYHOUR={when.hour};BYMINUTE={when.minute};BYSECOND={when.second}",
        },
        "nudge": {"title": title, "message": "A minute for yourself."},
    }


def prepare(app: App, rules: list[dict[str, object]], **settings: object) -> None:
    app.data.mkdir(parents=True)
    path = app.data.parent / "rules.json"
    path.write_text(json.dumps({"rules": rules}))
    done = app.run("rules", "import", str(path))
    assert done.returncode == 0, done.stderr
    stored = app.data / "tidewell.json"
    data = json.loads(stored.read_text())
    data["settings"] = {"1": {**data["settings"].get("1", {}), **settings}}
    stored.write_text(json.dumps(data))


def answers(app: App, rule: str) -> list[str]:
    return [
        str(e["answer"])
        for e in app.journal()
        if e.get("type") == "answer" and e.get("rule") == rule
    ]


def history_bodies(x: XSession) -> list[str]:
    found = json.loads(x.run("dunstctl", "history"))
    return [item["body"]["data"] for group in found["data"] for item in group]


def test_a_nudge_comes_as_a_notification_and_its_button_answers(
    x: XSession, app: App, tmp_path: Path
) -> None:
    x.start_window_manager()
    x.start_tray_host()
    x.start_session_bus(tmp_path)
    x.start_dunst(tmp_path / "config", pick="Done")
    due = (datetime.now(UTC) + DUE_IN).replace(microsecond=0)
    prepare(app, [at_rule("stretch", "Stand up and stretch", due)], nudges_as="notifications")
    app.launch()
    app.wait_in_tray()
    wait_for(lambda: x.notifications_shown() == 1, DUE_IN.total_seconds() + 20, "the notification")
    record_timing("notification: from due time to shown", (datetime.now(UTC) - due).total_seconds())
    assert x.visible_window("Tidewell nudge") is None  # not the popup as well
    shot(x, "notification-with-buttons", (1280 - 420, 0, 420, 220))
    x.run("dunstctl", "context")  # the menu of its buttons; the person picks "Done"
    wait_for(lambda: answers(app, "stretch") == ["done"], 10, "Done in the journal")
    wait_for(lambda: x.notifications_shown() == 0, 10, "the notification to go")
    assert "nudges come as notifications from dunst" in app.log()


def test_do_not_disturb_holds_a_nudge_until_it_ends(x: XSession, app: App, tmp_path: Path) -> None:
    x.start_window_manager()
    x.start_tray_host()
    x.start_session_bus(tmp_path)
    x.start_dunst(tmp_path / "config", pick="Skip")
    x.run("dunstctl", "set-paused", "true")  # Do Not Disturb, as dunst says it
    due = (datetime.now(UTC) + DUE_IN).replace(microsecond=0)
    prepare(app, [at_rule("water", "Water the plants", due)], nudges_as="notifications")
    app.launch()
    app.wait_in_tray()
    wait_for(lambda: "nudges wait: dnd" in app.log(), 20, "the app to see Do Not Disturb")
    status = app.run("status")
    assert status.stdout.splitlines()[0] == "Do Not Disturb: nudges wait", status.stdout
    wait_for(
        lambda: json.loads(app.run("status", "--json").stdout)["nudges_held"] == 1,
        DUE_IN.total_seconds() + 20,
        "the nudge to be held",
    )
    assert int(x.run("dunstctl", "count", "waiting").strip()) == 0  # never sent while quiet
    assert answers(app, "water") == []
    x.run("dunstctl", "set-paused", "false")
    ended = time.monotonic()
    wait_for(lambda: x.notifications_shown() == 1, 40, "the nudge after Do Not Disturb")
    record_timing("notification: Do Not Disturb ended to nudge shown", time.monotonic() - ended)
    shot(x, "notification-after-do-not-disturb", (1280 - 420, 0, 420, 220))
    x.run("dunstctl", "context")
    wait_for(lambda: answers(app, "water") == ["skipped"], 10, "Skip in the journal")
    shown = [e for e in app.journal() if e.get("type") == "shown" and e.get("rule") == "water"]
    assert len(shown) == 1  # it came once
    assert any("(It waited while Do Not Disturb was on.)" in b for b in history_bodies(x))
