"""Local wall-clock time to real moments, with Tidewell's written DST policy.

- A local time inside the spring-forward gap happens once, shifted forward by the gap
  (02:30 on a day that jumps from 02:00 to 03:00 fires at 03:30).
- A local time inside the repeated autumn hour happens once, at its first occurrence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from tidewell.core.fields import zone_named

_NO_TIME = timedelta(0)


@lru_cache(maxsize=8192)  # pure, and the same few local times recur across rules and ticks
def to_moment(day: date, at: time, zone: tzinfo) -> datetime:
    """The UTC moment of local ``day`` ``at`` in ``zone``, by the DST policy above."""
    # fold=0 means: in a gap, read the time with the offset from before the jump (so it
    # lands after the jump, shifted forward); in a repeat, take the first of the two.
    return datetime.combine(day, at, tzinfo=zone).replace(fold=0).astimezone(UTC)


@lru_cache(maxsize=8192)
def naive_to_moment(local: datetime, zone: tzinfo) -> datetime:
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC)


def zone_or(name: str | None, home: tzinfo) -> tzinfo:
    return zone_named(name) if name else home


def in_window(at: time, start: time, end: time) -> bool:
    """Whether ``at`` is inside [start, end); an end before the start crosses midnight."""
    if start < end:
        return start <= at < end
    return at >= start or at < end


def next_local(
    now: datetime, at: time, zone: tzinfo, *, at_least: timedelta = _NO_TIME
) -> datetime:
    """The first moment after ``now + at_least`` when it is ``at`` local time in ``zone``."""
    earliest = now + at_least
    day = earliest.astimezone(zone).date()
    while True:
        moment = to_moment(day, at, zone)
        if moment > earliest:
            return moment
        day += timedelta(days=1)
