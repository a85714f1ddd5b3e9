"""Screen lock and sleep, as the desktop tells them: time away from the computer.

- Lock: ``ActiveChanged`` of ``org.freedesktop.ScreenSaver`` (KDE, XFCE, LXQt, Cinnamon)
  and of ``org.gnome.ScreenSaver`` (GNOME) on the session bus, and systemd-logind's
  ``LockedHint`` on the person's session (every desktop that locks through logind).
- Sleep: logind's ``PrepareForSleep`` on the system bus.

Where none of these exists (other systems, containers) nothing is connected; the ticker's
wall-clock check still notices a long sleep after the fact.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from tidewell.platform.qtdbus import slot

log = logging.getLogger(__name__)
_LOGIND = "org.freedesktop.login1"
_SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


class SleepWatcher(QObject):
    """Says when the person is away (locked or asleep) and when they are back."""

    away = Signal(bool)  # True: locked or asleep; False: back
    resumed = Signal()  # back from sleep: look at the time again

    def __init__(
        self,
        parent: QObject | None = None,
        session: QDBusConnection | None = None,
        system: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._locked = self._asleep = False
        session = session or QDBusConnection.sessionBus()
        if session.isConnected():
            for interface, path in _SCREENSAVERS:
                if session.connect(
                    "", path, interface, "ActiveChanged", self, slot("on_active(bool)")
                ):
                    self.sources.append(interface)
        if system is not None or _system_bus_present():
            self._watch_logind(system or QDBusConnection.systemBus())
        log.debug("time away is told by: %s", ", ".join(self.sources) or "nothing")

    def _watch_logind(self, bus: QDBusConnection) -> None:
        if not bus.isConnected():
            return
        if bus.connect(
            _LOGIND,
            "/org/freedesktop/login1",
            f"{_LOGIND}.Manager",
            "PrepareForSleep",
            self,
            slot("on_prepare_for_sleep(bool)"),
        ):
            self.sources.append("logind sleep")
        path = _session_path(bus)
        if path and bus.connect(
            _LOGIND,
            path,
            "org.freedesktop.DBus.Properties",
            "PropertiesChanged",
            self,
            slot("on_session_changed(QString,QVariantMap,QStringList)"),
        ):
            self.sources.append("logind lock")

    @Slot(bool)
    def on_active(self, active: bool) -> None:
        self._set(locked=bool(active))

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        self._set(asleep=bool(going_to_sleep))
        if not going_to_sleep:
            self.resumed.emit()

    @Slot(str, "QVariantMap", "QStringList")
    def on_session_changed(self, interface: str, changed: dict[str, object], _: list[str]) -> None:
        if interface.endswith(".Session") and "LockedHint" in changed:
            self._set(locked=bool(changed["LockedHint"]))

    def _set(self, locked: bool | None = None, asleep: bool | None = None) -> None:
        before = self._locked or self._asleep
        if locked is not None:
            self._locked = locked
        if asleep is not None:
            self._asleep = asleep
        now = self._locked or self._asleep
        if now != before:
            log.info("%s", "away (locked or asleep)" if now else "back")
            self.away.emit(now)


def _session_path(bus: QDBusConnection) -> str | None:
    manager = QDBusInterface(_LOGIND, "/org/freedesktop/login1", f"{_LOGIND}.Manager", bus)
    manager.setTimeout(1000)
    if not manager.isValid():
        return None
    reply = manager.call("GetSession", os.environ.get("XDG_SESSION_ID") or "auto")
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    found = reply.arguments()[0]
    return str(found.path()) if hasattr(found, "path") else str(found)


def _system_bus_present() -> bool:
    return (
        bool(os.environ.get("DBUS_SYSTEM_BUS_ADDRESS"))
        or Path("/run/dbus/system_bus_socket").exists()
    )
