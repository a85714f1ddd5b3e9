"""Every trigger kind, every condition kind, sleep, snooze and skip, through the FakeClock."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from tidewell.core import schedule
from tidewell.core.clock import FakeClock
from tidewell.core.commands import answer, put_rule, shown
from tidewell.core.life import Block, Person, Season
from tidewell.core.rules import AtTrigger, ReflectTrigger
from tidewell.core.schedule import Due, NextTimes, due, needs_activity, next_wakeup, upcoming
from tidewell.core.state import Context, WaitingSession

from ...helpers import local, rule, state, utc

LONDON = "Europe/London"


def clock_at(*args: int) -> FakeClock:
    return FakeClock(utc(*args), LONDON)


def now_of(clock: FakeClock):  # type: ignore[no-untyped-def]
    return clock.now().astimezone(clock.zone())


def block(doc: dict) -> Block:  # type: ignore[type-arg]
    return msgspec.convert(doc, Block)  # type: ignore[arg-type]


WEEKEND = {
    "kind": "weekly",
    "id": "weekend",
    "reason": "time with the kids",
    "days": ["sat", "sun"],
    "start": "00:00",
    "end": "00:00",
}


# --- triggers ---------------------------------------------------------------------


def test_at_on_weekdays_skips_the_weekend() -> None:
    clock = clock_at(2026, 11, 20, 12)  # a Friday, noon GMT
    s = state(
        rule("w", {"kind": "at", "days": ["mon", "fri"], "times": ["09:00"]}), handled=clock.now()
    )
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 23, 9)  # Monday


def test_at_rrule_with_its_own_zone() -> None:
    clock = clock_at(2026, 11, 23)
    r = rule(
        "m",
        {
            "kind": "at",
            "rrule": "FREQ=MONTHLY;BYDAY=1SA;BYHOUR=10;BYMINUTE=0",
            "zone": "America/New_York",
        },
    )
    s = state(r, handled=clock.now())
    assert [u.at for u in upcoming(s, now_of(clock), 2)] == [
        utc(2026, 12, 5, 15),
        utc(2027, 1, 2, 15),
    ]


def test_protected_fires_at_start_quoting_the_reason_then_when_active_inside() -> None:
    clock = clock_at(2026, 11, 20, 23)  # Friday 23:00
    r = rule("p", {"kind": "protected", "at_start": True, "active_minutes": 10})
    s = state(r, handled=clock.now(), blocks=[block(WEEKEND)])
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 21)
    clock.set(utc(2026, 11, 21, 0, 0, 5))
    [item] = due(s, now_of(clock))
    assert (item.at, item.reason, item.slot) == (utc(2026, 11, 21), "time with the kids", "time")
    s, _ = shown(s, item, clock.now())
    assert due(s, now_of(clock)) == []
    # Saturday 10:00: the laptop opens and stays in use for 10 minutes.
    clock.set(utc(2026, 11, 21, 10))
    assert needs_activity(s, now_of(clock))
    ctx = Context(idle_seconds=3, active_since=clock.now())
    assert due(s, now_of(clock), ctx) == []
    clock.advance(minutes=10)
    [item] = due(s, now_of(clock), ctx)
    assert (item.slot, item.reason) == ("active", "time with the kids")
    s, _ = shown(s, item, clock.now())
    clock.advance(minutes=30)
    assert due(s, now_of(clock), ctx) == []  # once per block, not a nag
    assert not needs_activity(s, utc(2026, 11, 23, 12).astimezone(ZoneInfo(LONDON)))


def test_waiting_fires_once_per_session_for_matching_contexts() -> None:
    clock = clock_at(2026, 11, 23, 15)
    r = rule("a", {"kind": "waiting", "min_minutes": 20, "contexts": ["airport"]})
    s = state(r, handled=clock.now())
    clock.advance(hours=2)
    short = Context(waiting=WaitingSession(clock.now(), 10, "airport"))
    elsewhere = Context(waiting=WaitingSession(clock.now(), 40, "office"))
    good = Context(waiting=WaitingSession(clock.now(), 40, "Airport"))
    assert due(s, now_of(clock), short) == []
    assert due(s, now_of(clock), elsewhere) == []
    [item] = due(s, now_of(clock), good)
    s, _ = shown(s, item, clock.now())
    assert due(s, now_of(clock), good) == []


def test_late_needs_activity_inside_the_window() -> None:
    clock = clock_at(2026, 11, 23, 21)
    r = rule("l", {"kind": "late", "after": "22:30", "until": "05:00", "active_minutes": 5})
    s = state(r, handled=clock.now())
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 23, 22, 30)
    assert not needs_activity(s, now_of(clock))
    clock.set(utc(2026, 11, 23, 23, 50))
    idle = Context(idle_seconds=3600, active_since=utc(2026, 11, 23, 20))
    assert due(s, now_of(clock), idle) == []
    busy = Context(idle_seconds=2, active_since=utc(2026, 11, 23, 20))
    [item] = due(s, now_of(clock), busy)
    assert item.at == utc(2026, 11, 23, 22, 30)
    s, _ = shown(s, item, clock.now())
    assert due(s, now_of(clock) + timedelta(hours=1), busy) == []  # once a night


def test_active_fires_after_a_stretch_and_again_after_a_break() -> None:
    clock = clock_at(2026, 11, 23, 9)
    s = state(rule("b", {"kind": "active", "minutes": 90}), handled=clock.now())
    ctx = Context(idle_seconds=1, active_since=clock.now())
    clock.advance(minutes=89)
    assert due(s, now_of(clock), ctx) == []
    clock.advance(minutes=1)
    [item] = due(s, now_of(clock), ctx)
    s, _ = shown(s, item, clock.now())
    assert due(s, now_of(clock) + timedelta(minutes=30), ctx) == []
    after_break = Context(idle_seconds=1, active_since=clock.advance(minutes=20))
    clock.advance(minutes=90)
    assert len(due(s, now_of(clock), after_break)) == 1


def test_reflect_every_four_weeks() -> None:
    clock = clock_at(2026, 11, 23)
    r = rule(
        "x",
        {"kind": "reflect", "every_weeks": 4, "day": "sun", "time": "18:00", "start": "2026-11-02"},
    )
    moments = [u.at for u in upcoming(state(r), now_of(clock), 3)]
    # Weeks count from the start's week: Sun 8 Nov, then every fourth Sunday.
    assert moments == [utc(2026, 12, 6, 18), utc(2027, 1, 3, 18), utc(2027, 1, 31, 18)]


# --- conditions -------------------------------------------------------------------


def hourly(**only_if: object):  # type: ignore[no-untyped-def]
    return rule("h", {"kind": "at", "rrule": "FREQ=HOURLY;BYMINUTE=0"}, only_if=only_if)


def fire_hours(s, start, count=6):  # type: ignore[no-untyped-def]
    return [u.at.astimezone(ZoneInfo(LONDON)) for u in upcoming(s, start, count)]


def test_condition_days_and_time_window_crossing_midnight() -> None:
    s = state(hourly(days=["sat"], between={"start": "22:00", "end": "02:00"}))
    hours = fire_hours(s, utc(2026, 11, 20).astimezone(ZoneInfo(LONDON)), 5)
    assert [(h.day, h.hour) for h in hours] == [(21, 0), (21, 1), (21, 22), (21, 23), (28, 0)]


def test_condition_in_and_out_of_season() -> None:
    busy = Season(
        id="q4",
        name="Year-end",
        kind="busy",
        start=utc(2026, 12, 1).date(),
        end=utc(2026, 12, 2).date(),
    )
    start = utc(2026, 11, 30, 22).astimezone(ZoneInfo(LONDON))
    inside = state(hourly(in_season=["busy"]), seasons=[busy])
    assert fire_hours(inside, start, 1)[0].day == 1
    outside = state(hourly(not_in_season=["Year-end"]), seasons=[busy])
    assert [h.day for h in fire_hours(outside, start, 3)] == [30, 3, 3]


def test_condition_reachable_uses_the_persons_own_zone() -> None:
    dad = msgspec.convert(
        {
            "id": "dad",
            "name": "Dad",
            "zone": "America/Toronto",
            "reachable": [{"start": "09:00", "end": "11:00"}],
        },
        Person,
    )
    s = state(hourly(reachable="dad"), people=[dad])
    hours = fire_hours(s, utc(2026, 11, 23).astimezone(ZoneInfo(LONDON)), 2)
    assert [h.hour for h in hours] == [14, 15]  # 09:00 and 10:00 in Toronto


def test_condition_not_done_within_days() -> None:
    clock = clock_at(2026, 11, 23, 8)
    r = rule("c", only_if={"not_done_within_days": 3})
    s = state(r, handled=clock.now())
    clock.set(utc(2026, 11, 23, 9, 1))
    [item] = due(s, now_of(clock))
    s, _ = shown(s, item, clock.now())
    s, entry = answer(s, item, "done", clock.now())
    assert entry.answer == "done"
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 27, 9)  # not on the 24th-26th


# --- sleep, snooze, skip ----------------------------------------------------------


def test_three_day_sleep_fires_each_missed_nudge_once_inside_grace() -> None:
    clock = clock_at(2026, 11, 20, 6)
    rules = [
        rule("daily", {"kind": "at", "times": ["09:00"]}, grace_minutes=120),
        rule("noon", {"kind": "at", "times": ["12:00"]}, grace_minutes=60),
        rule("eve", {"kind": "at", "times": ["08:30"]}, grace_minutes=120),
    ]
    s = state(*rules, handled=clock.now())
    clock.set(utc(2026, 11, 23, 10, 30))  # asleep from Friday 06:00 to Monday 10:30
    items = due(s, now_of(clock))
    assert sorted(i.rule_id for i in items) == ["daily", "eve"]  # noon: not yet today
    assert [i.at for i in items] == [utc(2026, 11, 23, 8, 30), utc(2026, 11, 23, 9)]
    for item in items:
        s, _ = shown(s, item, clock.now())
    assert due(s, now_of(clock)) == []  # no burst of the 3 days before
    clock.set(utc(2026, 11, 23, 15))  # 12:00 was missed by 3 h, past its 60 min grace
    assert due(s, now_of(clock)) == []


def test_snooze_returns_once_then_the_rule_goes_on() -> None:
    clock = clock_at(2026, 11, 23, 9)
    s = state(rule("s"), handled=utc(2026, 11, 23, 8))
    [item] = due(s, now_of(clock))
    s, _ = shown(s, item, clock.now())
    s, entry = answer(s, item, "snoozed", clock.now(), snooze_minutes=30)
    assert entry.snooze_minutes == 30
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 23, 9, 30)
    clock.advance(minutes=30)
    [again] = due(s, now_of(clock))
    assert (again.slot, again.at) == ("snooze", utc(2026, 11, 23, 9))
    s, _ = shown(s, again, clock.now())
    assert due(s, now_of(clock)) == []
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 24, 9)


def test_skip_consumes_only_this_occurrence() -> None:
    clock = clock_at(2026, 11, 23, 9)
    s = state(rule("k"), handled=utc(2026, 11, 23, 8))
    [item] = due(s, now_of(clock))
    s, _ = shown(s, item, clock.now())
    s, entry = answer(s, item, "skipped", clock.now())
    assert entry.answer == "skipped"
    assert due(s, now_of(clock)) == []
    clock.set(utc(2026, 11, 24, 9))
    assert len(due(s, now_of(clock))) == 1


def test_a_rule_added_after_its_time_waits_for_the_next_day() -> None:
    clock = clock_at(2026, 11, 23, 9, 30)
    s = put_rule(state(), rule("new"), clock.now())
    assert due(s, now_of(clock)) == []
    assert next_wakeup(s, now_of(clock)) == utc(2026, 11, 24, 9)


def test_disabled_rules_never_fire() -> None:
    clock = clock_at(2026, 11, 23, 9)
    s = state(rule("off", enabled=False), handled=utc(2026, 11, 23, 8))
    assert due(s, now_of(clock)) == []
    assert next_wakeup(s, now_of(clock)) is None


def test_next_times_gives_each_timed_rule_its_next_moment() -> None:
    from tidewell.core.schedule import next_times

    now = local("Europe/London", 2026, 11, 23, 8, 0)
    s = state(
        rule("a", {"kind": "at", "times": ["09:00"]}),
        rule("b", {"kind": "at", "times": ["07:00"]}),
        rule("w", {"kind": "waiting"}),
        handled=now,
    )
    found = next_times(s, now)
    assert set(found) == {"a", "b"}
    assert found["a"] == local("Europe/London", 2026, 11, 23, 9, 0)
    assert found["b"] == local("Europe/London", 2026, 11, 24, 7, 0)


def test_kept_next_times_answer_as_a_fresh_look_does_through_edits_and_time() -> None:
    """A running app keeps each rule's next occurrence between ticks. Through time passing,
    late answers (which move a rule's last 'done'), a season starting while a kept moment
    lies inside it, and edited and deleted rules, it must never differ from looking afresh.
    (Leaving the seasons or the progress out of what is compared fails this.)"""
    busy = Season(
        id="q4", name="Push", kind="busy", start=utc(2026, 11, 25).date(),
        end=utc(2026, 11, 25).date(),
    )  # fmt: skip
    rules = [
        rule("weekdays", {"kind": "at", "times": ["09:00", "17:30"], "days": ["mon", "fri"]}),
        # (RRULEs counted from November: dateutil walks every occurrence since the start)
        rule("h", {"kind": "at", "rrule": "FREQ=HOURLY;BYMINUTE=0", "start": "2026-11-01"},
             only_if={"not_in_season": ["busy"]}),
        rule("r3", {"kind": "at", "rrule": "FREQ=DAILY;BYHOUR=7;BYMINUTE=15"},
             only_if={"not_done_within_days": 2}),
        rule("reflect", {"kind": "reflect", "every_weeks": 2, "day": "sun", "time": "18:00"}),
        rule("call", {"kind": "at", "rrule": "FREQ=HOURLY;BYMINUTE=30", "start": "2026-11-01"},
             only_if={"reachable": "dad"}),
    ]  # fmt: skip
    dad = {"id": "dad", "name": "Dad", "zone": "America/Toronto"}
    morning = msgspec.convert({**dad, "reachable": [{"start": "09:00", "end": "11:00"}]}, Person)
    s = state(*rules, handled=utc(2026, 11, 23, 6), people=[morning])
    kept = NextTimes()
    clock = clock_at(2026, 11, 23, 6)
    pending: list[Due] = []
    for step in range(700):  # 7 minutes a step: 23 Nov 06:00 to 26 Nov 11:40
        now = now_of(clock)
        assert next_wakeup(s, now, kept) == next_wakeup(s, now), (step, now)
        home = ZoneInfo(LONDON)
        for r in s.rules:  # and rule by rule, where the earliest could hide a difference
            if isinstance(r.when, AtTrigger | ReflectTrigger):
                fresh = schedule._next_occurrence(r, r.when, s, now, home)
                assert kept.next_occurrence(r, r.when, s, now, home) == fresh, (step, r.id)
        for item in pending:  # answered a step late, as people do
            s, _ = answer(s, item, "done", clock.now())
        pending = []
        for item in due(s, now):
            s, _ = shown(s, item, clock.now())
            pending.append(item)
        if step == 400:  # 25 Nov 04:40, the hourly rule's kept 05:00 is inside the season
            s = msgspec.structs.replace(s, seasons=[busy])
        if step == 250:  # 24 Nov 11:10: Dad can now be reached in his afternoon instead
            later = {**dad, "reachable": [{"start": "13:00", "end": "15:00"}]}
            s = msgspec.structs.replace(s, people=[msgspec.convert(later, Person)])
        if step == 500:
            s = put_rule(s, rule("weekdays", {"kind": "at", "times": ["08:00"]}), clock.now())
        if step == 600:
            s = msgspec.structs.replace(s, rules=[r for r in s.rules if r.id != "r3"])
        clock.advance(timedelta(minutes=7))


def test_kept_next_times_look_again_only_for_what_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looks: list[str] = []
    original = schedule._next_occurrence

    def counted(rule, *args):  # type: ignore[no-untyped-def]
        looks.append(rule.id)
        return original(rule, *args)

    monkeypatch.setattr(schedule, "_next_occurrence", counted)
    s = state(rule("a"), rule("b", {"kind": "at", "times": ["10:00"]}))
    kept = NextTimes()
    now = utc(2026, 11, 23, 6)
    next_wakeup(s, now, kept)
    assert sorted(looks) == ["a", "b"]
    next_wakeup(s, now + timedelta(hours=1), kept)  # nothing passed, nothing changed
    assert sorted(looks) == ["a", "b"]
    s = put_rule(s, rule("b", {"kind": "at", "times": ["11:00"]}), now)
    next_wakeup(s, now + timedelta(hours=2), kept)
    assert sorted(looks) == ["a", "b", "b"]  # only the edited rule
    next_wakeup(s, utc(2026, 11, 23, 9, 30), kept)  # a's 09:00 has passed
    assert sorted(looks) == ["a", "a", "b", "b"]
