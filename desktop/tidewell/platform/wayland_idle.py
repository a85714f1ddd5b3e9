"""Time since the last input on Wayland desktops other than GNOME, from the compositor.

A Wayland connection of Tidewell's own (PySide6 does not expose Qt's), through pywayland
(the optional extra ``tidewell[wayland]``): it asks to be told when the seat has had no
input for ``NOTICE_SECONDS``, and when input comes back. The compositor's events are read
from the Qt event loop through a ``QSocketNotifier`` on the connection, so nothing polls:
while the person is away there are no wakeups at all.

- ``ext_idle_notifier_v1``: KWin 5.27+, sway 1.8+, Hyprland, COSMIC, niri, labwc.
- ``org_kde_kwin_idle``: older KWin, sway 1.7 (Debian 12).

Idle time is exact from ``NOTICE_SECONDS`` on; before that, it reads 0 (at the computer),
which is all an activity rule needs (breaks are minutes long).
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)
NOTICE_SECONDS = 5
_ROUNDTRIPS = 2  # the globals, then the seat's answers


class WaylandIdle(QObject):
    """An IdleSource (see platform/idle.py); ``OSError`` when none can be had here."""

    name = "wayland"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        try:
            from pywayland.client.display import Display
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1
            from pywayland.protocol.wayland import WlSeat

            from tidewell.platform.kde_idle_protocol import OrgKdeKwinIdle
        except ImportError as err:  # the optional extra is not installed
            raise OSError(f"pywayland is not installed ({err.name})") from err
        if not os.environ.get("WAYLAND_DISPLAY"):
            raise OSError("there is no Wayland display")
        self._display = Display()
        try:
            self._display.connect()
        except Exception as err:  # pywayland raises ValueError with the reason
            raise OSError(f"cannot connect to the Wayland display: {err}") from err
        found: dict[str, tuple[int, int]] = {}

        def announced(registry: Any, name: int, interface: str, version: int) -> None:
            found[interface] = (name, version)

        registry = self._display.get_registry()
        registry.dispatcher["global"] = announced
        self._display.roundtrip()
        if "wl_seat" not in found:
            self._display.disconnect()
            raise OSError("the compositor offers no seat")
        seat = registry.bind(found["wl_seat"][0], WlSeat, 1)
        timeout = NOTICE_SECONDS * 1000
        if "ext_idle_notifier_v1" in found:
            notifier = registry.bind(found["ext_idle_notifier_v1"][0], ExtIdleNotifierV1, 1)
            self._watch = notifier.get_idle_notification(timeout, seat)
            self._watch.dispatcher["idled"] = self._idled
            self.name = "wayland-ext-idle"
        elif "org_kde_kwin_idle" in found:
            notifier = registry.bind(found["org_kde_kwin_idle"][0], OrgKdeKwinIdle, 1)
            self._watch = notifier.get_idle_timeout(seat, timeout)
            self._watch.dispatcher["idle"] = self._idled
            self.name = "wayland-kde-idle"
        else:
            self._display.disconnect()
            raise OSError("the compositor tells no idle time")
        self._watch.dispatcher["resumed"] = self._resumed
        self._keep: tuple[object, ...] = (registry, seat, notifier)  # alive with the source
        self._idle_since: float | None = None
        self._display.roundtrip()
        self._notifier = QSocketNotifier(self._display.get_fd(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        log.info("idle time from the compositor (%s)", self.name)

    def idle_seconds(self) -> float | None:
        if self._notifier is None:
            return None
        self._display.flush()
        if self._idle_since is None:
            return 0.0
        return NOTICE_SECONDS + time.monotonic() - self._idle_since

    def close(self) -> None:
        """Let go of the compositor before Python does (pywayland's own clean-up at exit
        runs after Qt's and crashes)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None  # type: ignore[assignment]
        self._keep = ()
        self._watch = None
        self._display.disconnect()

    def _idled(self, _: Any) -> None:
        self._idle_since = time.monotonic()

    def _resumed(self, _: Any) -> None:
        self._idle_since = None

    def _read(self) -> None:
        try:
            self._display.dispatch(block=True)  # the socket is readable: it does not wait
        except Exception:  # the compositor went away: idle time can no longer be read
            log.warning("the Wayland connection for idle time closed", exc_info=True)
            self._notifier.setEnabled(False)
            self._notifier = None  # type: ignore[assignment]
