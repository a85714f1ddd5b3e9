"""Settings and Review in processes of their own (shell/windows.py, shell/window_process.py),
on Xvfb with trayer and openbox: each window is a process that is not the tray's, ends when
the window closes, and a window that crashes leaves the tray running and says so."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from .conftest import App
from .xsession import XSession, wait_for

STARTER = Path(__file__).resolve().parents[2] / "resources" / "examples" / "starter-rules.json"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def _window_pid(x: XSession, window: str) -> int:
    return int(x.run("xdotool", "getwindowpid", window).strip())


def _close(x: XSession, window: str, pid: int) -> None:
    """Alt+F4 to openbox, as a person closes a window; pressed again if the focus had not
    reached the window yet (the key then went elsewhere)."""
    for _attempt in range(3):
        x.run("xdotool", "windowactivate", "--sync", window, check=False)
        x.run("xdotool", "key", "alt+F4")
        try:
            wait_for(lambda: not _alive(pid), 5, "the window's process to end")
            return
        except TimeoutError:
            continue


def _started(app: App, x: XSession) -> int:
    x.start_window_manager()
    x.start_tray_host()
    app.data.mkdir(parents=True)
    assert app.run("rules", "import", str(STARTER)).returncode == 0
    tray = app.launch()
    app.wait_in_tray()
    app.wait_started()
    return tray.pid


def test_each_window_is_a_process_that_ends_when_it_closes(x: XSession, app: App) -> None:
    tray = _started(app, x)
    for command, title in (("settings", "Tidewell settings"), ("review", "Tidewell review")):
        assert app.run(command).returncode == 0
        window = str(wait_for(lambda t=title: x.visible_window(t), 20, title))
        pid = _window_pid(x, window)
        assert pid != tray
        assert app.run(command).returncode == 0  # asked again: the same window, brought forward
        assert x.visible_window(title) == window
        _close(x, window, pid)
        wait_for(lambda p=pid: not _alive(p), 15, f"the {command} process to end")
        assert _alive(tray)
    log = app.log()
    assert "settings window closed" in log and "review window closed" in log
    assert "unexpectedly" not in log


def test_a_window_that_crashes_leaves_the_tray_running(x: XSession, app: App) -> None:
    tray = _started(app, x)
    assert app.run("settings").returncode == 0
    window = str(wait_for(lambda: x.visible_window("Tidewell settings"), 20, "the settings window"))
    pid = _window_pid(x, window)
    os.kill(pid, signal.SIGSEGV)  # as a crash in Qt or a library would end it
    wait_for(lambda: "settings window ended unexpectedly" in app.log(), 15, "the crash in the log")
    assert _alive(tray) and x.embedded_icon() is not None
    assert app.run("status").returncode == 0  # the scheduler still answers
    assert app.run("settings").returncode == 0  # and Settings opens again, in a new process
    again = str(wait_for(lambda: x.visible_window("Tidewell settings"), 20, "Settings again"))
    assert _window_pid(x, again) not in (pid, tray)
    app.run("quit")
