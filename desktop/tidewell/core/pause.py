"""Pausing nudges for a while: an hour, until tomorrow, or until the person resumes."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from msgspec.structs import replace

from tidewell.core.journal import PauseEntry
from tidewell.core.localtime import next_local
from tidewell.core.state import Pause, State
from tidewell.i18n import _

MORNING = time(7, 0)  # "until tomorrow" and "tomorrow morning" end at this local time


def an_hour_from(now: datetime) -> datetime:
    return now + timedelta(hours=1)


def tomorrow_morning(now: datetime, home: tzinfo, morning: time = MORNING) -> datetime:
    """The next morning (07:00 unless the person set another hour) at least three hours
    away: at 23:00 or at 01:00 alike, 'until tomorrow' means after tonight's sleep; at
    06:00 it means the next day."""
    return next_local(now, morning, home, at_least=timedelta(hours=3))


def pause(state: State, until: datetime, now: datetime) -> tuple[State, PauseEntry]:
    if until <= now:
        raise ValueError(_("a pause has to end in the future"))
    paused = Pause(start=now, until=until)
    return replace(state, pause=paused), PauseEntry(at=now, until=until)


def resume(state: State, now: datetime) -> tuple[State, PauseEntry]:
    """End the pause now. What fell inside it stays quiet; what comes next fires as usual."""
    if state.pause is None:
        return state, PauseEntry(at=now)
    ended = Pause(start=state.pause.start, until=min(now, state.pause.until))
    return replace(state, pause=ended if ended.until > ended.start else None), PauseEntry(at=now)


def paused_until(state: State, now: datetime) -> datetime | None:
    return state.pause.until if state.paused_at(now) and state.pause else None
