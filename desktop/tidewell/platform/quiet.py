"""Whether the desktop asks for quiet now: Do Not Disturb, or a full-screen window.

Each desktop says Do Not Disturb its own way:
- KDE Plasma (and any server that follows it): the ``Inhibited`` property of
  ``org.freedesktop.Notifications``;
- dunst: its ``paused`` property (``dunstctl set-paused true``);
- GNOME: ``show-banners`` false in ``org.gnome.desktop.notifications`` (gsettings);
- XFCE: ``/do-not-disturb`` in xfce4-notifyd's xfconf channel;
- Windows: ``SHQueryUserNotificationState`` (Focus assist, presentation, full screen).
A full-screen window with focus (a presentation, a film) is read on X11 from the active
window's ``_NET_WM_STATE``. macOS Focus cannot be read by other apps: nothing there.

Asked when the scheduler looks (at most every few minutes, every 20 s while nudges wait),
never on a timer of its own; each question is bounded (half a second on D-Bus, one second
for gsettings) and a desktop that does not answer is simply not quiet.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

from tidewell.core.schedule import Quiet
from tidewell.platform.fullscreen import FullscreenProbe
from tidewell.platform.qtdbus import slot

log = logging.getLogger(__name__)
_TIMEOUT_MS = 500
_NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
_GNOME_DESKTOPS = ("GNOME", "UNITY", "BUDGIE", "PANTHEON", "UBUNTU")
_WIN_QUIET = {2: "fullscreen", 3: "fullscreen", 4: "fullscreen", 6: "dnd", 7: "dnd"}


class QuietProbe(QObject):
    """Callable: the reason nudges should wait now, or None. ``changed`` when a server says
    its Do Not Disturb changed (KDE and dunst do), so nudges come at once when it ends."""

    changed = Signal()

    def __init__(
        self, platform: str, parent: QObject | None = None, bus: QDBusConnection | None = None
    ) -> None:
        super().__init__(parent)
        self.checks: list[tuple[str, Callable[[], Quiet | None]]] = []
        if sys.platform == "win32":
            self.checks.append(("windows", _windows))
            return
        bus = bus or QDBusConnection.sessionBus()
        if bus.isConnected():
            bus.connect(
                "",
                _NOTIFICATIONS[1],
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                self,
                slot("on_properties(QString,QVariantMap,QStringList)"),
            )
            self.checks.append(("notifications", lambda: _server_dnd(bus)))
            self.checks.append(("xfce", lambda: _xfce_dnd(bus)))
        if _on_gnome() and shutil.which("gsettings"):
            self.checks.append(("gnome", _gnome_dnd))
        if platform == "xcb":
            try:
                full = FullscreenProbe()
            except OSError as err:
                log.info("full-screen windows cannot be seen here: %s", err)
            else:
                self.checks.append(("fullscreen", lambda: "fullscreen" if full() else None))

    @Slot(str, "QVariantMap", "QStringList")
    def on_properties(self, _: str, changed: dict[str, object], __: list[str]) -> None:
        if {"Inhibited", "paused"} & set(changed):
            self.changed.emit()

    def __call__(self) -> Quiet | None:
        for name, check in self.checks:
            try:
                found = check()
            except Exception:  # one desktop's odd answer must never stop the scheduler
                log.exception("asking %s for Do Not Disturb failed", name)
                continue
            if found is not None:
                return found
        return None


def _running(bus: QDBusConnection, name: str) -> bool:
    """Someone owns ``name`` now (asking never starts a service that is not running)."""
    registered = bus.interface().isServiceRegistered(name)
    return bool(registered.isValid() and registered.value())


def _ask(
    bus: QDBusConnection, name: str, path: str, interface: str, method: str, *args: str
) -> object:
    """One method's answer, unwrapped from its variant; None when there is none in time."""
    remote = QDBusInterface(name, path, interface, bus)
    remote.setTimeout(_TIMEOUT_MS)
    reply = remote.callWithArgumentList(QDBus.CallMode.Block, method, list(args))
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    value = reply.arguments()[0]
    return value.variant() if hasattr(value, "variant") else value


def _server_dnd(bus: QDBusConnection) -> Quiet | None:
    """KDE's ``Inhibited``, or dunst's ``paused``, on the notification server."""
    name, path = _NOTIFICATIONS
    if not _running(bus, name):
        return None
    properties = "org.freedesktop.DBus.Properties"
    if _ask(bus, name, path, properties, "Get", name, "Inhibited") is True:
        return "dnd"
    if _ask(bus, name, path, properties, "Get", "org.dunstproject.cmd0", "paused") is True:
        return "dnd"
    return None


def _xfce_dnd(bus: QDBusConnection) -> Quiet | None:
    name = "org.xfce.Xfconf"
    if not _running(bus, name):
        return None
    value = _ask(bus, name, "/org/xfce/Xfconf", name, "GetProperty", "xfce4-notifyd",
                 "/do-not-disturb")  # fmt: skip
    return "dnd" if value is True else None


def _on_gnome() -> bool:
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "").upper()
    return any(name in desktop for name in _GNOME_DESKTOPS)


def _gnome_dnd() -> Quiet | None:
    import subprocess  # on GNOME only

    try:
        done = subprocess.run(
            ["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"],
            capture_output=True,
            text=True,
            timeout=1.0,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return "dnd" if done.returncode == 0 and done.stdout.strip() == "false" else None


def _windows() -> Quiet | None:
    state = ctypes.c_int(0)
    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    if shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:
        return None
    return _WIN_QUIET.get(state.value)  # type: ignore[return-value]
