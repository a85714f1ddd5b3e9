"""Each desktop's way of saying lock, sleep and Do Not Disturb, and both ways of showing a
notification with buttons, against services on private buses started here: python-dbusmock's
templates for what no real service here provides (logind, GNOME's screen saver, a
notification server with or without buttons, the portal, xfconf), and real gsettings."""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from tidewell.core.schedule import Due
from tidewell.platform import notifications
from tidewell.platform.notifications import FreedesktopNotifier, PortalNotifier, notifier
from tidewell.platform.quiet import QuietProbe
from tidewell.platform.sleep import SleepWatcher
from tidewell.shell.notices import NoticeChannel
from tidewell.ui.nudge_item import PopupItem

SYSTEM_PYTHON = "/usr/bin/python3"
_CONNECTIONS = itertools.count(1)  # Debian's python3-dbusmock lives there


class Buses:
    """A session bus and a stand-in system bus, each a real dbus-daemon of the test's own."""

    def __init__(self, tmp: Path) -> None:
        self.processes: list[subprocess.Popen[str]] = []
        self.session = self._daemon()
        self.system = self._daemon()
        self.env = {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": self.session,
            "DBUS_SYSTEM_BUS_ADDRESS": self.system,
        }
        self.names: list[str] = []

    def _daemon(self) -> str:
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        self.processes.append(bus)
        assert bus.stdout is not None
        return bus.stdout.readline().strip()

    def connect(self, which: str) -> QDBusConnection:
        address = self.session if which == "session" else self.system
        name = f"tidewell-test-{next(_CONNECTIONS)}"  # Qt keeps each name for the process
        bus = QDBusConnection.connectToBus(address, name)
        self.names.append(name)
        assert bus.isConnected(), bus.lastError().message()
        return bus

    def mock(self, name: str, *args: str, system: bool = False) -> None:
        """python3 -m dbusmock with ``args``; returns once ``name`` is on the bus."""
        where = ["--system"] if system else []
        command = [SYSTEM_PYTHON, "-m", "dbusmock", *where, *args]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.processes.append(subprocess.Popen(command, env=self.env, text=True, **quiet))  # type: ignore[call-overload]
        self.gdbus("wait", "--timeout", "15", name, system=system)

    def gdbus(self, *args: str, system: bool = False) -> str:
        bus = "--system" if system else "--session"
        done = subprocess.run(
            ["gdbus", args[0], bus, *args[1:]], env=self.env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def call(self, name: str, path: str, method: str, *args: str, system: bool = False) -> str:
        return self.gdbus(
            "call", "--dest", name, "--object-path", path, "--method", method, *args,
            system=system,
        )  # fmt: skip

    def stop(self) -> None:
        for name in self.names:
            QDBusConnection.disconnectFromBus(name)
        for process in reversed(self.processes):
            process.terminate()
            process.wait(5)
            if process.stdout is not None:
                process.stdout.close()


@pytest.fixture
def buses(tmp_path: Path) -> Iterator[Buses]:
    if (
        not Path(SYSTEM_PYTHON).exists()
        or subprocess.run([SYSTEM_PYTHON, "-c", "import dbusmock"], capture_output=True).returncode
    ):
        pytest.fail("python3-dbusmock is missing; 'bash tools/test' installs it")
    found = Buses(tmp_path)
    yield found
    found.stop()


LOGIN = ("org.freedesktop.login1", "/org/freedesktop/login1")
MOCK = "org.freedesktop.DBus.Mock"


def test_gnome_screen_saver_locks_and_unlocks(qtbot, buses: Buses) -> None:  # type: ignore[no-untyped-def]
    buses.mock("org.gnome.ScreenSaver", "--template", "gnome_screensaver")
    watcher = SleepWatcher(session=buses.connect("session"), system=buses.connect("system"))
    assert "org.gnome.ScreenSaver" in watcher.sources
    saver = ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")
    with qtbot.waitSignal(watcher.away) as away:
        buses.call(*saver, "org.gnome.ScreenSaver.SetActive", "true")
    assert away.args == [True]
    with qtbot.waitSignal(watcher.away) as away:
        buses.call(*saver, "org.gnome.ScreenSaver.SetActive", "false")
    assert away.args == [False]


def test_logind_lock_and_sleep(qtbot, buses: Buses, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    buses.mock(LOGIN[0], "--template", "logind", system=True)
    buses.call(*LOGIN, f"{MOCK}.AddSeat", "seat0", system=True)
    buses.call(*LOGIN, f"{MOCK}.AddSession", "auto", "seat0", "1000", "me", "true", system=True)
    watcher = SleepWatcher(session=buses.connect("session"), system=buses.connect("system"))
    assert {"logind sleep", "logind lock"} <= set(watcher.sources)
    session = "/org/freedesktop/login1/session/auto"
    with qtbot.waitSignal(watcher.away) as away:
        buses.call(LOGIN[0], session, "org.freedesktop.login1.Session.SetLockedHint", "true",
                   system=True)  # fmt: skip
    assert away.args == [True]
    with qtbot.waitSignal(watcher.away) as away:
        buses.call(LOGIN[0], session, "org.freedesktop.login1.Session.SetLockedHint", "false",
                   system=True)  # fmt: skip
    assert away.args == [False]
    emit = (f"{MOCK}.EmitSignal", "org.freedesktop.login1.Manager", "PrepareForSleep", "b")
    with qtbot.waitSignal(watcher.away) as away:
        buses.call(*LOGIN, *emit, "[<true>]", system=True)
    assert away.args == [True]
    with qtbot.waitSignals([watcher.away, watcher.resumed]):
        buses.call(*LOGIN, *emit, "[<false>]", system=True)


def test_do_not_disturb_as_a_notification_server_says_it(qtbot, buses: Buses) -> None:  # type: ignore[no-untyped-def]
    name, path = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
    buses.mock(name, "--template", "notification_daemon")
    probe = QuietProbe("offscreen", bus=buses.connect("session"))
    assert probe() is None
    buses.call(name, path, f"{MOCK}.AddProperty", name, "Inhibited", "<true>")  # KDE's way
    assert probe() == "dnd"
    with qtbot.waitSignal(probe.changed):
        buses.call(name, path, "org.freedesktop.DBus.Properties.Set", name, "Inhibited",
                   "<false>")  # fmt: skip
    assert probe() is None


def test_do_not_disturb_on_xfce(buses: Buses) -> None:
    name, path = "org.xfce.Xfconf", "/org/xfce/Xfconf"
    buses.mock(name, name, path, name)
    probe = QuietProbe("offscreen", bus=buses.connect("session"))
    assert probe() is None  # xfconf answers nothing yet
    buses.call(name, path, f"{MOCK}.AddMethod", name, "GetProperty", "ss", "v",
               "ret = dbus.Boolean(args[1] == '/do-not-disturb', variant_level=1)")  # fmt: skip
    assert probe() == "dnd"


def test_do_not_disturb_on_gnome(
    buses: Buses, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    probe = QuietProbe("offscreen", bus=buses.connect("session"))
    assert "gnome" in [name for name, _ in probe.checks]
    assert probe() is None
    gsettings = ["gsettings", "set", "org.gnome.desktop.notifications", "show-banners"]
    subprocess.run([*gsettings, "false"], check=True)
    assert probe() == "dnd"
    subprocess.run([*gsettings, "true"], check=True)
    assert probe() is None


def item(rule: str = "stretch") -> PopupItem:
    return PopupItem(Due(rule, datetime(2026, 11, 23, 11, tzinfo=UTC)), "A stretch?", "Up!")


def test_a_server_without_buttons_leaves_nudges_to_the_popup(
    qtbot, buses: Buses, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", buses.session)
    assert notifier() is None  # no server at all
    buses.mock("org.freedesktop.Notifications", "--template", "notification_daemon")
    assert notifier() is None  # a server, but its notifications have no buttons


SERVER = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")


def server_with_buttons(buses: Buses, monkeypatch: pytest.MonkeyPatch) -> FreedesktopNotifier:
    """A notification server whose notifications have buttons, and Tidewell's client of it."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", buses.session)
    buses.mock(SERVER[0], "--template", "notification_daemon", "--parameters",
               '{"capabilities": "actions body"}')  # fmt: skip
    found = notifier()
    assert isinstance(found, FreedesktopNotifier)
    return found


def test_a_notification_with_buttons_answers_like_the_popup(
    qtbot, buses: Buses, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    found = server_with_buttons(buses, monkeypatch)
    assert found.server == "mock-notify"
    name, path = SERVER
    channel = NoticeChannel(found, 60_000)
    channel.add([item("stretch"), item("water")])
    qtbot.waitUntil(lambda: found._keys.get("nudge-1") is not None)
    calls = buses.call(name, path, f"{MOCK}.GetCalls")
    assert "'done', 'Done', 'snooze-10', 'Snooze 10 min', 'skip', 'Skip'" in calls
    assert "1 more waiting" in calls
    server_id = str(found._keys["nudge-1"])
    with qtbot.waitSignal(channel.answered) as answered:
        buses.call(name, path, f"{MOCK}.EmitSignal", name, "ActionInvoked", "us",
                   f"[<uint32 {server_id}>, <'snooze-10'>]")  # fmt: skip
    assert answered.args[1:] == ["snoozed", 10] and answered.args[0].rule_id == "stretch"
    assert channel.current is not None and channel.current.due.rule_id == "water"
    qtbot.waitUntil(lambda: found._keys.get("nudge-2") is not None)
    closed = f"[<uint32 {found._keys['nudge-2']}>, <uint32 2>]"  # dismissed by the person
    with qtbot.waitSignal(channel.answered) as answered:
        buses.call(name, path, f"{MOCK}.EmitSignal", name, "NotificationClosed", "uu", closed)
    assert answered.args[1] == "skipped" and channel.queue == []


def test_inside_a_flatpak_the_portal_shows_it(
    qtbot, buses: Buses, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", buses.session)
    info = tmp_path / "flatpak-info"
    info.write_text("[Application]\nname=org.tidewell.Tidewell\n")
    monkeypatch.setattr(notifications, "FLATPAK_INFO", info)
    name, path = "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop"
    portal = "org.freedesktop.portal.Notification"
    buses.mock(name, name, path, portal)
    buses.call(name, path, f"{MOCK}.AddMethod", portal, "AddNotification", "sa{sv}", "", "")
    buses.call(name, path, f"{MOCK}.AddMethod", portal, "RemoveNotification", "s", "", "")
    found = notifier()
    assert isinstance(found, PortalNotifier)
    channel = NoticeChannel(found, 60_000)
    channel.add([item()])
    qtbot.waitUntil(
        lambda: "AddNotification" in buses.call(name, path, f"{MOCK}.GetCalls"), timeout=10_000
    )
    calls = buses.call(name, path, f"{MOCK}.GetCalls")
    assert "'label': <'Done'>" in calls and "'action': <'done'>" in calls
    with qtbot.waitSignal(channel.answered) as answered:
        buses.call(name, path, f"{MOCK}.EmitSignal", portal, "ActionInvoked", "ssav",
                   "[<'nudge-1'>, <'done'>, <@av []>]")  # fmt: skip
    assert answered.args[1] == "done"


def test_signals_that_do_not_fit_are_dropped_and_the_link_goes_on(
    qtbot, buses: Buses, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The notification server is another program: what it sends is checked at the door."""
    found = server_with_buttons(buses, monkeypatch)
    name, path = SERVER
    channel = NoticeChannel(found, 60_000)
    answers: list[tuple[str, object]] = []
    channel.answered.connect(lambda due, choice, snooze: answers.append((choice, snooze)))
    channel.add([item()])
    qtbot.waitUntil(lambda: found._keys.get("nudge-1") is not None)
    server_id = found._keys["nudge-1"]
    emit = (name, path, f"{MOCK}.EmitSignal", name)
    odd = [
        ("ActionInvoked", "s", "[<'done'>]"),  # too few values
        ("ActionInvoked", "ss", "[<'1'>, <'done'>]"),  # the id as text
        ("ActionInvoked", "us", f"[<uint32 {server_id + 7}>, <'done'>]"),  # someone else's
        ("ActionInvoked", "us", f"[<uint32 {server_id}>, <'snooze-abc'>]"),  # not offered
        ("ActionInvoked", "us", f"[<uint32 {server_id}>, <'snooze-99999'>]"),  # not offered
        ("ActionInvoked", "us", f"[<uint32 {server_id}>, <'{'x' * 5000}'>]"),  # long
        ("NotificationClosed", "us", f"[<uint32 {server_id}>, <'two'>]"),  # a text reason
    ]
    for signal, signature, values in odd[:-1]:
        buses.call(*emit, signal, signature, values)
    buses.call(*emit, "ActionInvoked", "us", f"[<uint32 {server_id}>, <'snooze-30'>]")
    qtbot.waitUntil(lambda: answers != [])
    assert answers == [("snoozed", 30)]  # only the one that fits, and only once
    channel.add([item("water")])
    qtbot.waitUntil(lambda: found._keys.get("nudge-2") is not None)
    buses.call(*emit, *odd[-1][:2], odd[-1][2].replace(str(server_id), str(found._keys["nudge-2"])))
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers[-1] == ("skipped", None)  # an odd reason still closes it, quietly
