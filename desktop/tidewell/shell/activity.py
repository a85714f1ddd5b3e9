"""Stretches of activity from idle-time samples: when did the person sit down?"""

from __future__ import annotations

from datetime import datetime, timedelta

from tidewell.platform.idle import IdleSource, Unavailable


class ActivityTracker:
    """Turns 'seconds since last input' samples into the start of the current stretch.

    A stretch ends when the person is idle for ``break_seconds``. Samples far apart (the
    app slept because no rule needed activity) start a new stretch from the last input.
    """

    def __init__(self, source: IdleSource) -> None:
        self.source = source
        self.active_since: datetime | None = None
        self.idle_seconds: float | None = None
        self._last_sample: datetime | None = None
        self._before_away: datetime | None = None

    @property
    def available(self) -> bool:
        return not isinstance(self.source, Unavailable)

    def sample(self, now: datetime, break_seconds: int, gap: timedelta) -> None:
        idle = self.source.idle_seconds()
        stale = self._last_sample is None or now - self._last_sample > gap
        self._last_sample = now
        self.idle_seconds = idle
        if idle is None or idle >= break_seconds:
            self.active_since = None
        elif self.active_since is None or stale:
            self.active_since = now - timedelta(seconds=idle)

    def step_away(self) -> None:
        """The screen locked or the computer slept: no input is read until it is back."""
        self._before_away = self.active_since
        self.forget()

    def come_back(self, now: datetime, was_a_break: bool) -> None:
        """Back after time away: a break ends the stretch; a short lock does not."""
        if not was_a_break and self._before_away is not None:
            self.active_since = self._before_away
            self._last_sample = now
        self._before_away = None

    def forget(self) -> None:
        """Nothing needs activity now: the next sample starts afresh."""
        self.active_since = None
        self.idle_seconds = None
        self._last_sample = None
