"""Idle time on GNOME (Wayland included) from Mutter's IdleMonitor, over the session bus."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

_SERVICE = "org.gnome.Mutter.IdleMonitor"
_PATH = "/org/gnome/Mutter/IdleMonitor/Core"


class MutterIdle:
    name = "mutter"

    def __init__(self) -> None:
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise OSError("there is no D-Bus session bus")
        self._monitor = QDBusInterface(_SERVICE, _PATH, _SERVICE, bus)
        if not self._monitor.isValid():
            raise OSError("Mutter's IdleMonitor is not running (not GNOME?)")

    def idle_seconds(self) -> float | None:
        reply = self._monitor.call("GetIdletime")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        return float(reply.arguments()[0]) / 1000.0
