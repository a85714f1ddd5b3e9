"""Rules in words, for lists and summaries: "Weekdays at 09:00", "Waiting time of 20+ min"."""

from __future__ import annotations

from tidewell.core.fields import WEEKDAYS
from tidewell.core.repeats import DAY_NAMES, rrule_in_words
from tidewell.core.rules import (
    ActiveTrigger,
    AtTrigger,
    LateTrigger,
    ProtectedTrigger,
    ReflectTrigger,
    Rule,
    WaitingTrigger,
)

_DAY_NAMES = dict(zip(WEEKDAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))


def days_in_words(days: list[str]) -> str:
    chosen = set(days)
    if not chosen or chosen == set(WEEKDAYS):
        return "Every day"
    if chosen == {"mon", "tue", "wed", "thu", "fri"}:
        return "Weekdays"
    if chosen == {"sat", "sun"}:
        return "Weekends"
    return ", ".join(_DAY_NAMES[d] for d in WEEKDAYS if d in chosen)


def when_in_words(rule: Rule) -> str:
    t = rule.when
    if isinstance(t, AtTrigger):
        zone = f" ({t.zone.rsplit('/', 1)[-1].replace('_', ' ')} time)" if t.zone else ""
        if t.rrule:
            return f"{rrule_in_words(t.rrule)}{zone}"
        times = ", ".join(sorted(t.times))
        if len(set(t.days)) == 1:
            return f"Every {DAY_NAMES[WEEKDAYS.index(t.days[0])]} at {times}{zone}"
        return f"{days_in_words(list(t.days))} at {times}{zone}"
    if isinstance(t, ProtectedTrigger):
        parts = []
        if t.at_start:
            parts.append("when protected time starts")
        if t.active_minutes is not None:
            parts.append(f"after {t.active_minutes} min at the computer inside it")
        return " and ".join(parts).capitalize()
    if isinstance(t, WaitingTrigger):
        where = f" ({', '.join(t.contexts)})" if t.contexts else ""
        return f"Waiting time of {t.min_minutes}+ min{where}"
    if isinstance(t, LateTrigger):
        return f"At the computer after {t.after} (until {t.until})"
    if isinstance(t, ActiveTrigger):
        return f"After {t.minutes} min at the computer without a break"
    assert isinstance(t, ReflectTrigger)
    every = "week" if t.every_weeks == 1 else f"{t.every_weeks} weeks"
    return f"Every {every}, {_DAY_NAMES[t.day]} {t.time}: a moment to reflect"
