"""Rules in words, for lists and summaries: "Weekdays at 09:00", "Waiting time of 20+ min"."""

from __future__ import annotations

from datetime import datetime

from tidewell.core.fields import WEEKDAYS, zone_city
from tidewell.core.life import Block, DatedBlock
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
from tidewell.i18n import _, clock, day_name, month_name, n_


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
        place = zone_city(t.zone)
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


def hhmm_words(text: str) -> str:
    """'18:30' as the locale's clock writes it ('6:30 PM' where it is 12-hour)."""
    hour, minute = text.split(":")
    return clock(int(hour), int(minute))


def moment_words(at: datetime) -> str:
    """'Thu 24 Dec, 18:00': a local date and time, in the person's language."""
    return _("{weekday} {day} {month}, {time}").format(
        weekday=day_name(at.weekday(), short=True), day=at.day, month=month_name(at.month),
        time=clock(at.hour, at.minute),
    )  # fmt: skip


def block_in_words(block: Block) -> str:
    """When protected time is, without its reason: 'Weekdays, 18:30 to 21:00'."""
    if isinstance(block, DatedBlock):
        return _("{start} to {end}").format(
            start=moment_words(block.start), end=moment_words(block.end)
        )
    if block.start == block.end == "00:00":
        return _("{days}, all day").format(days=days_in_words(list(block.days)))
    return _("{days}, {start} to {end}").format(
        days=days_in_words(list(block.days)), start=hhmm_words(block.start),
        end=hhmm_words(block.end),
    )  # fmt: skip
