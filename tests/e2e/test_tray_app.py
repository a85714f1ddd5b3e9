"""The real Tidewell on Xvfb with trayer: the tray, commands from a second process, popups
answered with xdotool, activity in protected time, one instance, recovery after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta

from tidewell.platform.idle import X11Idle

from .conftest import App, record_timing, shot
from .xsession import XSession, wait_for

ACTIVE_MINUTES = 1


def scenario_rules(now: datetime, popup_in: timedelta) -> dict[str, object]:
    """A person reachable all day, two ideas, a rule due in a few seconds, and protected
    time running now whose rule asks after one active minute."""
    soon = now + popup_in
    day = now.strftime("%Y-%m-%d")
    return {
        "people": [
            {
                "id": "dad",
                "name": "Dad",
                "zone": "America/Toronto",
                "place": "Toronto",
                "reachable": [{"start": "00:00", "end": "23:59"}],
                "reach": "tel:+14165550100",
            },
        ],
        "ideas": [
            {
                "id": "call-dad",
                "what": "Call Dad",
                "minutes": 20,
                "person": "dad",
                "link": "tel:+14165550100",
            },
            {
                "id": "stretch",
                "what": "A slow stretch by the gate",
                "minutes": 10,
                "area": "health",
            },
        ],
        "protected": [
            {
                "kind": "dated",
                "id": "focus",
                "reason": "a quiet afternoon for me",
                "start": (now - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:00"),
                "end": (now + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:00"),
            },
        ],
        "rules": [
            {
                "id": "soon",
                "name": "Soon",
                "when": {
                    "kind": "at",
                    "start": day,
                    "rrule": f"FREQ=DAILY;BYHOUR={soon.hour};BYMINUTE={soon.minute};"
                    f"BYSECOND={soon.second}",
                },
                "nudge": {"title": "Water the plants?", "message": "They are thirsty too."},
            },
            {
                "id": "guard",
                "name": "Offline means offline",
                "when": {"kind": "protected", "at_start": False, "active_minutes": ACTIVE_MINUTES},
                "nudge": {
                    "title": "You planned to be offline",
                    "message": "Expected by someone, or habit?",
                },
            },
        ],
    }


def prepare(app: App, popup_in: timedelta) -> datetime:
    app.data.mkdir(parents=True)
    rules = app.data.parent / "rules.json"
    now = datetime.now(UTC)
    rules.write_text(json.dumps(scenario_rules(now, popup_in)))
    result = app.run("rules", "import", str(rules))
    assert result.returncode == 0, result.stderr
    return now


class KeepTyping:
    """Simulated input (a Shift press every few seconds) from another thread, like a person
    at the keyboard; it never moves the pointer, so clicks stay where they are aimed."""

    def __init__(self, x: XSession) -> None:
        self.x = x
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stop.wait(3):
            self.x.run("xdotool", "key", "shift", check=False)

    def __enter__(self) -> KeepTyping:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join()


def answers(app: App, rule: str) -> list[str]:
    return [
        str(e["answer"])
        for e in app.journal()
        if e.get("type") == "answer" and e.get("rule") == rule
    ]


def test_a_day_with_tidewell(x: XSession, app: App) -> None:
    x.start_tray_host()
    prepare(app, popup_in=timedelta(seconds=25))
    started = time.monotonic()
    process = app.launch()
    icon = app.wait_in_tray()
    record_timing("tidewell: start to tray icon embedded", time.monotonic() - started)
    app.wait_started()
    with KeepTyping(x):
        # The icon in the tray, and the quick panel a click away.
        ix, iy, iw, ih = x.geometry(icon)
        shot(x, "01-tray", (1280 - 360, 0, 360, 60))
        x.click(ix + iw // 2, iy + ih // 2)
        panel = str(wait_for(lambda: x.visible_window("Tidewell panel"), 10, "the quick panel"))
        px, py, pw, ph = x.geometry(panel)
        assert px + pw <= 1280 and py >= iy + ih  # opened under the icon, on the screen
        shot(x, "02-quick-panel", (1280 - 520, 0, 520, py + ph + 20))
        x.run("xdotool", "key", "Escape")
        wait_for(lambda: x.visible_window("Tidewell panel") is None, 10, "the panel to close")

        # A second process says: I have 30 minutes of waiting time at the airport.
        waiting = app.run("wait", "30", "--context", "airport")
        assert waiting.returncode == 0, waiting.stderr
        wait_for(
            lambda: "waiting ideas for 30 min: call-dad, stretch" in app.log(),
            10,
            "the running app to list waiting ideas",
        )
        panel = str(wait_for(lambda: x.visible_window("Tidewell panel"), 10, "the ideas"))
        px, py, pw, ph = x.geometry(panel)
        shot(x, "03-waiting-ideas", (1280 - 520, 0, 520, py + ph + 20))
        assert {"type": "waiting", "minutes": 30, "context": "airport"}.items() <= app.journal()[
            -1
        ].items()
        x.run("xdotool", "key", "Escape")

        # The rule due a few seconds from now raises its popup; Done is clicked.
        popup = str(wait_for(lambda: x.visible_window("Tidewell nudge"), 60, "the popup"))
        assert "nudges due: soon" in app.log()
        qx, qy, _qw, qh = x.geometry(popup)
        shot(x, "04-popup", (qx - 20, 0, 1280 - qx + 20, qy + qh + 20))
        x.click(qx + 40, qy + qh - 26)  # Done: first in the button row
        wait_for(lambda: answers(app, "soon") == ["done"], 10, "Done in the journal")

        # Protected time is running and the person keeps typing: after the active minute
        # (plus at most one 15-second sample), the gentle question.
        asked = wait_for(
            lambda: "nudges due: guard" in app.log(),
            ACTIVE_MINUTES * 60 + 45,
            "the offline question",
        )
        assert asked
        popup = str(wait_for(lambda: x.visible_window("Tidewell nudge"), 10, "its popup"))
        qx, qy, _qw, qh = x.geometry(popup)
        shot(x, "05-offline-question", (qx - 20, 0, 1280 - qx + 20, qy + qh + 20))
    elapsed = time.monotonic() - started
    assert elapsed < ACTIVE_MINUTES * 60 + 60

    # A second launch does not start a second app: it hands over and exits.
    second = app.run()
    assert second.returncode == 0
    assert process.poll() is None
    wait_for(lambda: "command: run" in app.log(), 10, "the hand-over")
    assert len(x.embedded_icons()) == 1
    assert app.log().count("in the tray") == 1

    # After SIGKILL the next launch starts (stale lock and socket) and is in the tray fast.
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    wait_for(lambda: x.embedded_icon() is None, 10, "the old icon to go")
    started = time.monotonic()
    app.launch()
    app.wait_in_tray(timeout=10)
    after_crash = time.monotonic() - started
    record_timing("tidewell: start to tray after SIGKILL", after_crash)
    assert after_crash < 2.0
    quit_result = app.run("quit")
    assert quit_result.returncode == 0
    wait_for(lambda: x.embedded_icon() is None, 10, "Tidewell to quit")


def test_without_a_tray_a_window_shows_and_moves_into_a_tray_later(x: XSession, app: App) -> None:
    prepare(app, popup_in=timedelta(hours=2))
    app.launch()
    window = wait_for(lambda: x.visible_window("Tidewell"), 15, "the no-tray window")
    wx, wy, ww, wh = x.geometry(str(window))
    shot(x, "06-no-tray-window", (max(wx - 10, 0), max(wy - 30, 0), ww + 20, wh + 40))
    assert "no system tray: showing a window instead" in app.log()
    x.start_tray_host()
    app.wait_in_tray(timeout=10)
    wait_for(lambda: x.visible_window("Tidewell") is None, 10, "the window to go")
    assert "a tray appeared: moved into it" in app.log()
    app.run("quit")


def test_x11_idle_time_follows_real_input(x: XSession) -> None:
    source = X11Idle(x.display)
    x.run("xdotool", "key", "shift")
    first = source.idle_seconds()
    assert first is not None and first < 1.0
    wait_for(lambda: (source.idle_seconds() or 0) > 1.2, 5, "idle time to grow")
    x.run("xdotool", "mousemove", "200", "200")
    after = source.idle_seconds()
    assert after is not None and after < 0.5
