"""Where the core gets the time from: a Clock, never the wall clock directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    """A source of the current moment and the person's home zone."""

    def now(self) -> datetime:
        """The current moment, timezone-aware (UTC)."""
        ...

    def zone(self) -> tzinfo:
        """The zone the system is set to; rules without a zone follow it."""
        ...


class FakeClock:
    """A clock that only moves when told to. For tests, benchmarks and previews."""

    def __init__(self, start: datetime, zone: str | tzinfo = "UTC") -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._zone = ZoneInfo(zone) if isinstance(zone, str) else zone

    def now(self) -> datetime:
        return self._now

    def zone(self) -> tzinfo:
        return self._zone

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by ``delta`` (or ``timedelta(**kwargs)``) and return the new now."""
        step = delta if delta is not None else timedelta(**kwargs)
        if step < timedelta(0):
            raise ValueError("FakeClock.advance only moves forward; use set() to jump back")
        self._now += step
        return self._now

    def set(self, moment: datetime) -> None:
        """Jump to ``moment``, forward or back (a wall-clock change)."""
        self._now = moment.astimezone(UTC)

    def set_zone(self, zone: str | tzinfo) -> None:
        self._zone = ZoneInfo(zone) if isinstance(zone, str) else zone
