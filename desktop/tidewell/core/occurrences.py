"""When timed triggers fire and when protected blocks run, as UTC moments.

Every function takes the moment to search from and never reads a clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

from tidewell.core.fields import WEEKDAYS, Weekday, parse_hhmm, weekday_index
from tidewell.core.life import Block, DatedBlock, WeeklyBlock
from tidewell.core.localtime import naive_to_moment, to_moment, zone_or
from tidewell.core.rules import AtTrigger, ReflectTrigger

if TYPE_CHECKING:  # dateutil loads with the first repeat or reflection (not for every tray)
    from dateutil.rrule import rrule

DEFAULT_START = date(2024, 1, 1)  # a Monday: where RRULEs and reflection weeks count from
# How far a local time can move when mapped to UTC in a DST gap (Lord Howe: 30 min; 3 h
# covers every zone in the tz database, including the odd historical ones).
_GAP_MARGIN = timedelta(hours=3)

Interval = tuple[datetime, datetime]


# --- timed triggers ---------------------------------------------------------------


def occurrences_after(
    trigger: AtTrigger | ReflectTrigger, home: tzinfo, after: datetime
) -> Iterator[datetime]:
    """Moments strictly after ``after``, ascending (an iterator, never exhausted by itself)."""
    zone = zone_or(trigger.zone, home) if isinstance(trigger, AtTrigger) else home
    if isinstance(trigger, AtTrigger) and trigger.rrule is None:
        return _weekly_after(_weekly_key(trigger), zone, after)
    local_from = after.astimezone(zone).replace(tzinfo=None) - _GAP_MARGIN
    return _rrule_after(_rrule_of(trigger, local_from.date()), zone, local_from, after)


def occurrence_at_or_before(
    trigger: AtTrigger | ReflectTrigger, home: tzinfo, moment: datetime
) -> datetime | None:
    """The latest moment not after ``moment``, or None if there is none."""
    zone = zone_or(trigger.zone, home) if isinstance(trigger, AtTrigger) else home
    if isinstance(trigger, AtTrigger) and trigger.rrule is None:
        return _weekly_before(_weekly_key(trigger), zone, moment)
    local_limit = moment.astimezone(zone).replace(tzinfo=None) + _GAP_MARGIN
    # A recent anchor first; when nothing falls between it and the moment, the whole rule.
    for near in (local_limit.date() - _LOOK_BACK, None):
        rule = _rrule_of(trigger, near)
        naive = rule.before(local_limit, inc=True)
        while naive is not None:
            at = naive_to_moment(naive, zone)
            if at <= moment:
                return at
            naive = rule.before(naive, inc=False)
    return None


_WeeklyKey = tuple[tuple[time, ...], frozenset[int]]


def _weekly_key(trigger: AtTrigger) -> _WeeklyKey:
    return _weekly_key_of(tuple(trigger.times), tuple(trigger.days))


@lru_cache(maxsize=4096)  # parsing the same few times for every rule, on every tick, adds up
def _weekly_key_of(times: tuple[str, ...], days: tuple[Weekday, ...]) -> _WeeklyKey:
    indexes = frozenset(weekday_index(d) for d in days) or frozenset(range(7))
    return tuple(sorted({parse_hhmm(t) for t in times})), indexes


def _day_moments(key: _WeeklyKey, zone: tzinfo, day: date) -> list[datetime]:
    times, days = key
    if day.weekday() not in days:
        return []
    return sorted({to_moment(day, t, zone) for t in times})


def _weekly_after(key: _WeeklyKey, zone: tzinfo, after: datetime) -> Iterator[datetime]:
    day = (after.astimezone(zone) - _GAP_MARGIN).date()
    last = after
    while True:
        for at in _day_moments(key, zone, day):
            if at > last:
                last = at
                yield at
        day += timedelta(days=1)


def _weekly_before(key: _WeeklyKey, zone: tzinfo, moment: datetime) -> datetime | None:
    day = (moment.astimezone(zone) + _GAP_MARGIN).date()
    for _ in range(9):
        earlier = [at for at in _day_moments(key, zone, day) if at <= moment]
        if earlier:
            return earlier[-1]
        day -= timedelta(days=1)
    return None


# An RRULE counts from its start (DTSTART): dateutil walks every occurrence since then, on
# every call, which for an hourly rule begun in 2024 is tens of thousands of steps. So the
# rule is used from an anchor instead: the latest start a whole number of periods after the
# real one and not after the moment asked about (rounded down to a month, so calls share
# it). From the anchor on, both give the same moments: the periods line up, and the parts
# the start supplies (its time of day, its day of the month) stay the same. Not with COUNT
# (it counts from the real start), nor a monthly or yearly start after the 28th.
_LOOK_BACK = timedelta(days=1)
_STEPS = {
    "SECONDLY": timedelta(seconds=1),
    "MINUTELY": timedelta(minutes=1),
    "HOURLY": timedelta(hours=1),
    "DAILY": timedelta(days=1),
    "WEEKLY": timedelta(weeks=1),
}


def _rrule_of(trigger: AtTrigger | ReflectTrigger, near: date | None) -> rrule:
    """The trigger's rule, anchored at or before ``near`` (None: from its real start)."""
    month = (near.year, near.month) if near is not None else None  # calls in a month share it
    if isinstance(trigger, ReflectTrigger):
        return _reflect_rrule(trigger.every_weeks, trigger.day, trigger.time, trigger.start, month)
    assert trigger.rrule is not None
    return _parsed_rrule(trigger.rrule, trigger.start, month)


def anchor(text: str, start: date, near: date | None) -> datetime:
    """The start to use for RRULE ``text`` begun on ``start``, asked about from ``near``."""
    first = datetime.combine(start, time())
    if near is None or near <= start:
        return first
    parts = dict(p.split("=", 1) for p in text.upper().split(";") if "=" in p)
    if "COUNT" in parts:
        return first
    freq, every = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1"))
    if freq in _STEPS:
        step = _STEPS[freq] * every
        return first + (datetime.combine(near, time()) - first) // step * step
    if freq in ("MONTHLY", "YEARLY") and start.day <= 28:
        months = every if freq == "MONTHLY" else 12 * every
        elapsed = (near.year - start.year) * 12 + near.month - start.month
        if near.day < start.day:
            elapsed -= 1
        years, month = divmod(start.month - 1 + elapsed // months * months, 12)
        return first.replace(year=start.year + years, month=month + 1)
    return first


@lru_cache(maxsize=4096)
def _parsed_rrule(text: str, start: date | None, month: tuple[int, int] | None) -> rrule:
    from dateutil.rrule import rrule, rrulestr

    text = text.removeprefix("RRULE:")
    dtstart = anchor(text, start or DEFAULT_START, date(*month, 1) if month else None)
    parsed = rrulestr(text, dtstart=dtstart, ignoretz=True, cache=True)
    assert isinstance(parsed, rrule)
    return parsed


@lru_cache(maxsize=1024)
def _reflect_rrule(
    every: int, day: str, at: str, start: date | None, month: tuple[int, int] | None
) -> rrule:
    from dateutil.rrule import WEEKLY, rrule

    near = date(*month, 1) if month else None
    dtstart = anchor(f"FREQ=WEEKLY;INTERVAL={every}", start or DEFAULT_START, near)
    clock = parse_hhmm(at)
    return rrule(
        WEEKLY,
        interval=every,
        byweekday=WEEKDAYS.index(day),
        byhour=clock.hour,
        byminute=clock.minute,
        bysecond=0,
        dtstart=dtstart,
        cache=True,
    )


def _rrule_after(
    rule: rrule, zone: tzinfo, local_from: datetime, after: datetime
) -> Iterator[datetime]:
    last = after
    for naive in rule.xafter(local_from, inc=False):
        at = naive_to_moment(naive, zone)
        if at > last:
            last = at
            yield at


# --- protected blocks -------------------------------------------------------------


def block_intervals(block: Block, home: tzinfo, start: datetime, end: datetime) -> list[Interval]:
    """The block's runs that overlap [start, end), joined where they touch, in UTC."""
    zone = zone_or(block.zone, home)
    if isinstance(block, DatedBlock):
        span = (naive_to_moment(block.start, zone), naive_to_moment(block.end, zone))
        return [span] if span[0] < end and span[1] > start else []
    return [iv for iv in _weekly_runs(block, zone, start, end) if iv[0] < end and iv[1] > start]


def _weekly_runs(
    block: WeeklyBlock, zone: tzinfo, start: datetime, end: datetime
) -> list[Interval]:
    begin, finish = parse_hhmm(block.start), parse_hhmm(block.end)
    days = {weekday_index(d) for d in block.days}
    # Look a week back so a run that began long ago (a whole weekend) is found whole.
    first = (start.astimezone(zone) - timedelta(days=8)).date()
    last = (end.astimezone(zone) + timedelta(days=1)).date()
    runs: list[Interval] = []
    day = first
    while day <= last:
        if day.weekday() in days:
            end_day = day if finish > begin else day + timedelta(days=1)
            run = (to_moment(day, begin, zone), to_moment(end_day, finish, zone))
            if runs and run[0] <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(runs[-1][1], run[1]))
            else:
                runs.append(run)
        day += timedelta(days=1)
    return runs


def block_at(block: Block, home: tzinfo, moment: datetime) -> Interval | None:
    """The run of ``block`` that contains ``moment``, if any."""
    for run in block_intervals(block, home, moment, moment + timedelta(microseconds=1)):
        if run[0] <= moment < run[1]:
            return run
    return None


def next_block_change(block: Block, home: tzinfo, after: datetime) -> datetime | None:
    """The next start or end of the block strictly after ``after``."""
    horizon = after + timedelta(days=15)
    edges = [edge for run in block_intervals(block, home, after, horizon) for edge in run]
    later = [edge for edge in edges if edge > after]
    return min(later) if later else None


def block_starts_between(
    block: Block, home: tzinfo, start: datetime, end: datetime
) -> list[datetime]:
    """Starts of runs with ``start < run start <= end``."""
    runs = block_intervals(block, home, start, end + timedelta(microseconds=1))
    return [run[0] for run in runs if start < run[0] <= end]
