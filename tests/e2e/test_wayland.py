"""Tidewell on Wayland, as on sway: its icon in waybar's tray (a StatusNotifierItem), its
nudge as a notification with buttons (dunst), and idle time from the compositor, both by
``org_kde_kwin_idle`` (sway 1.7) and ``ext-idle-notify-v1`` (KWin)."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ..shots import SCREENSHOTS
from .conftest import App, record_timing
from .test_desktop_notifications import answers, at_rule, prepare
from .wayland import WaylandSession, missing_tools, start_kwin
from .xsession import wait_for

DUE_IN = timedelta(seconds=15)
IDLE_PROBE = Path(__file__).with_name("idle_probe.py")


@pytest.fixture
def wayland() -> Iterator[WaylandSession]:
    missing = missing_tools()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"needs {', '.join(missing)} (see tools/test)")
        pytest.skip(f"needs {', '.join(missing)}; 'bash tools/test' installs them")
    session = WaylandSession.start()
    yield session
    session.stop()


class WaylandApp(App):
    def __init__(self, session: WaylandSession, data: Path) -> None:
        self.session = session
        self.data = data
        self.program = [sys.executable, "-m", "tidewell"]
        self.output = (data.parent / "app-output.txt").open("ab")
        self.processes: list[subprocess.Popen[bytes]] = []

    def launch(self, *args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            self.command(*args), env=self.session.env, stdout=self.output,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.processes.append(process)
        return process

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*args), env=self.session.env, capture_output=True, text=True,
            timeout=timeout,
        )  # fmt: skip

    def stop(self) -> list[int]:
        codes = []
        for process in self.processes:
            process.terminate()
            codes.append(process.wait(10))
        self.output.close()
        return codes


def test_tidewell_at_home_on_sway(wayland: WaylandSession, tmp_path: Path) -> None:
    app = WaylandApp(wayland, tmp_path / "data")
    try:
        due = (datetime.now(UTC) + DUE_IN).replace(microsecond=0)
        prepare(app, [at_rule("stretch", "Stand up and stretch", due)])  # automatic
        started = time.monotonic()
        app.launch()
        wait_for(lambda: "/StatusNotifierItem" in wayland.tray_items(), 20, "the tray item")
        record_timing("wayland: start to tray item registered", time.monotonic() - started)
        wait_for(lambda: "in the tray" in app.log(), 15, "the app in its tray")
        bar = SCREENSHOTS / "wayland-tray-in-waybar.png"
        wait_for(lambda: colours(wayland.screenshot(bar, (1280 - 300, 0, 300, 34))) > 3, 10,
                 "the icon drawn in the bar")  # fmt: skip
        live = json.loads(app.run("status", "--json").stdout)
        assert live["idle_source"] == "wayland-kde-idle"
        wait_for(lambda: wayland.notifications_shown() == 1, DUE_IN.total_seconds() + 20,
                 "the nudge as a notification")  # fmt: skip
        record_timing(
            "wayland: from due time to notification shown",
            (datetime.now(UTC) - due).total_seconds(),
        )
        wayland.screenshot(SCREENSHOTS / "wayland-notification.png", (1280 - 420, 0, 420, 200))
        wayland.choose_in_notification("Done")
        wait_for(lambda: answers(app, "stretch") == ["done"], 10, "Done in the journal")
        assert json.loads(app.run("status", "--json").stdout)["nudges_as"] == "notifications"
        # Settings opens in a process of its own, and ends when sway closes its window.
        assert app.run("settings").returncode == 0
        pid = wait_for(lambda: window_pid(wayland, "Tidewell settings"), 20, "Settings on sway")
        assert pid != app.processes[0].pid
        swaymsg(wayland, '[title="Tidewell settings"] kill')
        wait_for(lambda: not Path(f"/proc/{pid}").exists(), 15, "the settings process to end")
        assert app.run("quit").returncode == 0
        assert app.processes[0].wait(15) == 0  # a clean exit, the compositor let go of
    finally:
        app.stop()


def swaymsg(wayland: WaylandSession, *args: str) -> str:
    """sway's IPC, as the compositor's user (its socket is found in the runtime folder)."""
    quoted = " ".join(shlex.quote(a) for a in args)
    found = 'SWAYSOCK=$(ls "$XDG_RUNTIME_DIR"/sway-ipc.*.sock | head -n 1)'
    return wayland.run_as_user("sh", "-c", f"{found} swaymsg {quoted}")


def window_pid(wayland: WaylandSession, title: str) -> int | None:
    """The process of the window sway shows with this title (None: no such window)."""
    tree = swaymsg(wayland, "-t", "get_tree", "--raw")
    nodes = [json.loads(tree)] if tree.strip() else []
    while nodes:
        node = nodes.pop()
        if node.get("name") == title and node.get("pid"):
            return int(node["pid"])
        nodes += node.get("nodes", []) + node.get("floating_nodes", [])
    return None


def colours(picture: Path) -> int:
    image = QImage(str(picture))
    return len({image.pixel(x, y) for x in range(image.width()) for y in range(image.height())})


def idle_probe(env: dict[str, str], *args: str) -> dict[str, float | str]:
    done = subprocess.run(
        [sys.executable, str(IDLE_PROBE), *args], env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_idle_time_from_sway(wayland: WaylandSession) -> None:
    typing = wayland.user_command("wtype", "a")
    found = idle_probe({**wayland.env, "QT_QPA_PLATFORM": "offscreen"}, json.dumps(typing))
    assert found["source"] == "wayland-kde-idle"
    assert float(found["idle_after_wait"]) >= 6.0  # it saw the person away
    assert float(found["input_to_active"]) < 2.0  # and back at the keyboard
    record_timing("wayland (sway, kde idle): input to active seen", float(found["input_to_active"]))


def test_idle_time_from_kwin(tmp_path: Path) -> None:
    if not Path("/usr/bin/kwin_wayland").exists():
        if os.environ.get("CI"):
            pytest.fail("needs kwin-wayland (see tools/test)")
        pytest.skip("needs kwin-wayland; 'bash tools/test' installs it")
    kwin, socket = start_kwin(tmp_path / "kwin")
    try:
        env = {**os.environ, "WAYLAND_DISPLAY": str(socket), "QT_QPA_PLATFORM": "offscreen"}
        found = idle_probe(env)
        assert found["source"] == "wayland-ext-idle"
        assert float(found["idle_after_wait"]) >= 6.0
    finally:
        kwin.terminate()
        kwin.wait(10)
