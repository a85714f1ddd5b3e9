"""The real app reading a real feed (its address in a real gnome-keyring): a flight in 90
minutes offers waiting-time ideas at the lead time set for it; a vacation is protected
time, so typing during it brings the gentle question. The address is found nowhere."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from tests.feeds import TOKEN, FeedServer, ics

from .conftest import App, shot
from .test_tray_app import ACTIVE_MINUTES, KeepTyping
from .xsession import XSession, wait_for

LEAD = 90


def rules_for_a_trip() -> dict[str, object]:
    return {
        "people": [
            {
                "id": "dad",
                "name": "Dad",
                "zone": "America/Toronto",
                "place": "Toronto",
                "reachable": [{"start": "00:00", "end": "23:59"}],
            }
        ],
        "ideas": [
            {"id": "call-dad", "what": "Call Dad", "minutes": 20, "person": "dad"},
            {"id": "postcard", "what": "Write a postcard home", "minutes": 15},
        ],
        "rules": [
            {
                "id": "guard",
                "name": "Offline means offline",
                "when": {"kind": "protected", "at_start": False, "active_minutes": ACTIVE_MINUTES},
                "nudge": {
                    "title": "You planned to be offline",
                    "message": "Expected by someone, or habit?",
                },
            }
        ],
    }


def test_a_trip_and_a_vacation_from_a_feed(x: XSession, app: App, secret_service: None) -> None:
    x.start_tray_host()
    server = FeedServer()
    now = datetime.now(UTC).replace(microsecond=0)
    flight = now + timedelta(minutes=LEAD, seconds=20)  # its lead time begins in 20 s
    today = date.today()
    server.feeds["me.ics"] = ics(
        ("Flight to Lisbon", flight, flight + timedelta(hours=3)),
        ("Vacation at home", today - timedelta(days=1), today + timedelta(days=2)),
    )
    app.data.mkdir(parents=True)
    rules = app.data.parent / "rules.json"
    rules.write_text(json.dumps(rules_for_a_trip()))
    outputs: list[str] = []
    for args in (
        ("rules", "import", str(rules)),
        ("calendars", "add", "Me", server.url("me.ics"), "--lead", str(LEAD)),
        ("calendars", "list"),
    ):
        done = app.run(*args)
        outputs += [done.stdout, done.stderr]
        assert done.returncode == 0, done.stderr
    added = "Added 'Me' (from 127.0.0.1; its address is in your system's password store)"
    assert added in outputs[2]
    assert "Me: 2 events." in outputs[2]

    app.launch()
    app.wait_in_tray()
    wait_for(
        lambda: "waiting time offered before a trip" in app.log(), 90, "the trip's waiting time"
    )
    [offered] = [
        e for e in app.journal() if e.get("type") == "shown" and e.get("rule") == "calendar-travel"
    ]
    assert datetime.fromisoformat(str(offered["at"])) >= flight - timedelta(minutes=LEAD)
    popup = str(wait_for(lambda: x.visible_window("Tidewell nudge"), 10, "the offer"))
    qx, qy, _qw, qh = x.geometry(popup)
    shot(x, "08-trip-offer", (qx - 20, 0, 1280 - qx + 20, qy + qh + 20))
    x.click(qx + 50, qy + qh - 26)  # "Show my ideas": first in the button row
    wait_for(
        lambda: "call-dad, postcard" in app.log() and "waiting ideas for" in app.log(),
        10,
        "the ideas for the wait",
    )
    panel = str(wait_for(lambda: x.visible_window("Tidewell panel"), 10, "the ideas"))
    _, py, _, ph = x.geometry(panel)
    shot(x, "09-trip-ideas", (1280 - 520, 0, 520, py + ph + 20))
    x.run("xdotool", "key", "Escape")
    wait_for(lambda: x.visible_window("Tidewell panel") is None, 10, "the panel to close")

    with KeepTyping(x):  # on vacation, yet at the keyboard
        wait_for(
            lambda: "nudges due: guard" in app.log(),
            ACTIVE_MINUTES * 60 + 45,
            "the offline question",
        )
        popup = str(wait_for(lambda: x.visible_window("Tidewell nudge"), 10, "its popup"))
        qx, qy, _qw, qh = x.geometry(popup)
        shot(x, "10-vacation-question", (qx - 20, 0, 1280 - qx + 20, qy + qh + 20))

    assert app.run("quit").returncode == 0
    wait_for(lambda: x.embedded_icon() is None, 10, "Tidewell to quit")
    server.close()
    app.output.flush()
    found = [
        str(p)
        for p in [*app.data.rglob("*"), app.data.parent / "app-output.txt"]
        if p.is_file() and TOKEN.encode() in p.read_bytes()
    ]
    assert found == []
    assert not any(TOKEN in text for text in outputs)
