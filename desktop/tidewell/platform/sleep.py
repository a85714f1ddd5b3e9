"""Suspend and resume from systemd-logind's ``PrepareForSleep`` signal on the system bus.

Where there is no logind (other systems, containers, CI) nothing is connected; the ticker's
wall-clock check still notices a long sleep after the fact.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


class SleepWatcher(QObject):
    resumed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected = False
        if not _system_bus_present():
            log.debug("no system bus: resume is noticed by the ticker's wall-clock check")
            return
        bus = QDBusConnection.systemBus()
        if bus.isConnected():
            self.connected = bus.connect(  # type: ignore[call-overload]
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                "on_prepare_for_sleep(bool)",
            )
        log.debug("logind sleep signal %s", "connected" if self.connected else "not available")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            self.resumed.emit()


def _system_bus_present() -> bool:
    return (
        bool(os.environ.get("DBUS_SYSTEM_BUS_ADDRESS"))
        or Path("/run/dbus/system_bus_socket").exists()
    )
