"""Rules in words, for lists and summaries: "Weekdays at 09:00", "Waiting time of 20+ min"."""

from __future__ import annotations

from tidewell.core.fields import WEEKDAYS
from tidewell.core.repeats import rrule_in_words
from tidewell.core.rules import (
    ActiveTrigger,
    AtTrigger,
    LateTrigger,
    ProtectedTrigger,
    ReflectTrigger,
    Rule,
    WaitingTrigger,
)
from tidewell.i18n import _, day_name, n_


def days_in_words(days: list[str]) -> str:
    chosen = set(days)
    if not chosen or chosen == set(WEEKDAYS):
        return _("Every day")
    if chosen == {"mon", "tue", "wed", "thu", "fri"}:
        return _("Weekdays")
    if chosen == {"sat", "sun"}:
        return _("Weekends")
    return ", ".join(day_name(i, short=True) for i, d in enumerate(WEEKDAYS) if d in chosen)


def when_in_words(rule: Rule) -> str:
    words = _when_in_words(rule)
    t = rule.when
    if isinstance(t, AtTrigger) and t.zone:
        place = t.zone.rsplit("/", 1)[-1].replace("_", " ")
        return _("{when} ({place} time)").format(when=words, place=place)
    return words


def _when_in_words(rule: Rule) -> str:
    t = rule.when
    if isinstance(t, AtTrigger):
        if t.rrule:
            return rrule_in_words(t.rrule)
        times = ", ".join(sorted(t.times))
        if len(set(t.days)) == 1:
            day = day_name(WEEKDAYS.index(t.days[0]))
            return _("Every {weekday} at {times}").format(weekday=day, times=times)
        return _("{days} at {times}").format(days=days_in_words(list(t.days)), times=times)
    if isinstance(t, ProtectedTrigger):
        if t.at_start and t.active_minutes is not None:
            return _(
                "When protected time starts and after {minutes} min at the computer inside it"
            ).format(minutes=t.active_minutes)
        if t.active_minutes is not None:
            return _("After {minutes} min at the computer inside protected time").format(
                minutes=t.active_minutes
            )
        return _("When protected time starts") if t.at_start else ""
    if isinstance(t, WaitingTrigger):
        if t.contexts:
            return _("Waiting time of {minutes}+ min ({places})").format(
                minutes=t.min_minutes, places=", ".join(t.contexts)
            )
        return _("Waiting time of {minutes}+ min").format(minutes=t.min_minutes)
    if isinstance(t, LateTrigger):
        return _("At the computer after {after} (until {until})").format(
            after=t.after, until=t.until
        )
    if isinstance(t, ActiveTrigger):
        return _("After {minutes} min at the computer without a break").format(minutes=t.minutes)
    assert isinstance(t, ReflectTrigger)
    day = day_name(WEEKDAYS.index(t.day), short=True)
    return n_(
        "Every week, {weekday} {time}: a moment to reflect",
        "Every {count} weeks, {weekday} {time}: a moment to reflect",
        t.every_weeks,
    ).format(count=t.every_weeks, weekday=day, time=t.time)
