"""Daily rules across DST in four zones, and the written gap / repeated-hour policy."""

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tidewell.core.clock import FakeClock
from tidewell.core.commands import shown
from tidewell.core.localtime import to_moment
from tidewell.core.occurrences import occurrences_after
from tidewell.core.rules import AtTrigger
from tidewell.core.schedule import due, next_wakeup

from ...helpers import rule, state, utc

ZONES = ["Europe/London", "America/New_York", "America/Santiago", "Australia/Lord_Howe"]


@pytest.mark.parametrize("zone", ZONES)
def test_daily_0900_fires_once_a_day_at_0900_local_for_two_years(zone: str) -> None:
    tz = ZoneInfo(zone)
    clock = FakeClock(utc(2025, 12, 30), zone)
    current = state(rule("daily"), handled=clock.now())
    fired = []
    # Drive the scheduler the way the shell does: sleep until the next wakeup, ask what is due.
    start, end = datetime(2026, 1, 1, tzinfo=tz), datetime(2028, 1, 1, tzinfo=tz)
    clock.set(start)
    while True:
        wake = next_wakeup(current, clock.now().astimezone(tz))
        assert wake is not None and wake > clock.now()
        if wake >= end:
            break
        clock.set(wake)
        for item in due(current, clock.now().astimezone(tz)):
            fired.append(item.at)
            current, _ = shown(current, item, clock.now())
    local_times = [f.astimezone(tz) for f in fired]
    days = [t.date() for t in local_times]
    assert len(days) == len(set(days)) == (date(2028, 1, 1) - date(2026, 1, 1)).days
    assert {t.time() for t in local_times} == {time(9, 0)}


def test_lord_howe_half_hour_gap_shifts_forward() -> None:
    # Lord Howe springs forward 02:00 -> 02:30 on 2026-10-04.
    tz = ZoneInfo("Australia/Lord_Howe")
    at = to_moment(date(2026, 10, 4), time(2, 15), tz)
    assert at.astimezone(tz).time() == time(2, 45)
    assert at.astimezone(tz).date() == date(2026, 10, 4)


def test_gap_fires_once_shifted_forward_by_the_gap() -> None:
    # London jumps 01:00 -> 02:00 on 2026-03-29: a 01:30 rule fires at 02:30 that day, once.
    trigger = AtTrigger(times=["01:30"], zone="Europe/London")
    moments = list(_take(occurrences_after(trigger, ZoneInfo("UTC"), utc(2026, 3, 28)), 3))
    local_times = [m.astimezone(ZoneInfo("Europe/London")) for m in moments]
    assert [(t.day, t.hour, t.minute) for t in local_times] == [
        (28, 1, 30),
        (29, 2, 30),
        (30, 1, 30),
    ]


def test_santiago_midnight_gap_fires_at_one() -> None:
    # Chile springs forward at 00:00 -> 01:00 (2026-09-06): a midnight rule fires at 01:00.
    tz = ZoneInfo("America/Santiago")
    trigger = AtTrigger(times=["00:00"], zone="America/Santiago")
    moments = list(_take(occurrences_after(trigger, tz, utc(2026, 9, 5, 12)), 2))
    assert [m.astimezone(tz).timetuple()[2:5] for m in moments] == [(6, 1, 0), (7, 0, 0)]


def test_repeated_hour_fires_once_at_the_first_occurrence() -> None:
    # London repeats 01:00-02:00 on 2026-10-25: a 01:30 rule fires once, at 00:30 UTC.
    trigger = AtTrigger(times=["01:30"], zone="Europe/London")
    moments = list(_take(occurrences_after(trigger, ZoneInfo("UTC"), utc(2026, 10, 24, 12)), 2))
    assert moments == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]


def test_hourly_rrule_through_the_repeated_hour_does_not_double() -> None:
    trigger = AtTrigger(rrule="FREQ=HOURLY;BYMINUTE=0", zone="Europe/London")
    moments = list(_take(occurrences_after(trigger, ZoneInfo("UTC"), utc(2026, 10, 24, 22)), 6))
    gaps = {b - a for a, b in itertools.pairwise(moments)}
    assert len(moments) == len(set(moments))
    assert gaps <= {timedelta(hours=1), timedelta(hours=2)}  # never twice in one local hour


def test_a_late_timer_neither_skips_nor_doubles() -> None:
    clock = FakeClock(utc(2026, 6, 1, 7), "Europe/London")
    tz = clock.zone()
    current = state(rule("daily"), handled=clock.now())
    clock.advance(hours=2)  # the timer fired an hour late (09:00 BST = 08:00 UTC)
    items = due(current, clock.now().astimezone(tz))
    assert [i.at for i in items] == [utc(2026, 6, 1, 8)]
    current, _ = shown(current, items[0], clock.now())
    assert due(current, clock.now().astimezone(tz)) == []


def _take(iterator, count):  # type: ignore[no-untyped-def]
    for _, item in zip(range(count), iterator, strict=False):
        yield item
