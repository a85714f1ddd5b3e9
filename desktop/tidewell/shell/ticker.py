"""One single-shot QTimer, re-armed after every tick to the next moment worth looking at.

Capped at five minutes, so a wall-clock jump, a missed resume signal or a time-zone change
is noticed within that time even when nothing tells us; core recomputes from the wall
clock each time, so a late or early tick can neither skip nor double a nudge.
"""

from __future__ import annotations

import logging
import math
import time
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from tidewell.shell.runtime import MAX_SLEEP, Runtime

log = logging.getLogger(__name__)
JUMP_TOLERANCE = timedelta(seconds=5)
_MAX_MS = int(MAX_SLEEP.total_seconds() * 1000)


class Ticker(QObject):
    clock_changed = Signal()  # the wall clock jumped or the zone changed

    def __init__(self, runtime: Runtime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Qt's default timer type is already the coarse one (5% slack, fewer wakeups)
        self.timer.timeout.connect(self.fire)
        self.ticks = 0
        self._armed_at: tuple[datetime, float] | None = None
        self._zone = _zone_key(runtime)

    def start(self) -> None:
        """The first look happens once the event loop runs: the icon shows first."""
        self.poke()

    def poke(self) -> None:
        """Look again as soon as the event loop is free (a change, a resume); pokes coalesce."""
        self.timer.start(0)

    def fire(self) -> None:
        self.ticks += 1
        self._notice_clock_changes()
        try:
            sleep = self.runtime.tick()
        except Exception:  # one bad tick must not stop every later nudge
            log.exception("the scheduler failed; trying again shortly")
            sleep = timedelta(minutes=1)
        self.arm(sleep)

    def arm(self, sleep: timedelta) -> None:
        # A few milliseconds late rather than early: core then sees the moment as reached.
        ms = min(math.ceil(sleep.total_seconds() * 1000) + 5, _MAX_MS)
        self._armed_at = (self.runtime.clock.now(), time.monotonic())
        self.timer.start(ms)

    def _notice_clock_changes(self) -> None:
        zone = _zone_key(self.runtime)
        changed = zone != self._zone
        if changed:
            log.info("the time zone changed from %s to %s", self._zone, zone)
            self._zone = zone
        if self._armed_at is not None:
            wall, mono = self._armed_at
            expected = wall + timedelta(seconds=time.monotonic() - mono)
            drift = self.runtime.clock.now() - expected
            if abs(drift) > JUMP_TOLERANCE:
                log.info("the wall clock moved by %s (a sleep, or the clock was set)", drift)
                changed = True
        if changed:
            self.clock_changed.emit()


def _zone_key(runtime: Runtime) -> str:
    zone = runtime.clock.zone()
    return str(getattr(zone, "key", zone))
