"""Whether a rule's conditions hold at a given moment."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from tidewell.core.fields import WEEKDAYS, parse_hhmm, weekday_index, zone_named
from tidewell.core.life import Person, Season
from tidewell.core.localtime import in_window
from tidewell.core.rules import AtTrigger, Rule
from tidewell.core.state import State


def rule_zone(rule: Rule, home: tzinfo) -> tzinfo:
    if isinstance(rule.when, AtTrigger) and rule.when.zone:
        return zone_named(rule.when.zone)
    return home


def conditions_hold(rule: Rule, state: State, moment: datetime, home: tzinfo) -> bool:
    cond = rule.only_if
    here = moment.astimezone(rule_zone(rule, home))
    if cond.days and WEEKDAYS[here.weekday()] not in cond.days:
        return False
    if cond.between is not None:
        start, end = parse_hhmm(cond.between.start), parse_hhmm(cond.between.end)
        if not in_window(here.time(), start, end):
            return False
    if cond.in_season and not any(
        season_matches(s, cond.in_season) for s in seasons_on(state, here.date())
    ):
        return False
    if cond.not_in_season and any(
        season_matches(s, cond.not_in_season) for s in seasons_on(state, here.date())
    ):
        return False
    if cond.reachable is not None:
        person = state.person(cond.reachable)
        if person is None or not is_reachable(person, moment):
            return False
    if cond.not_done_within_days is not None:
        last = state.progress_of(rule.id).last_done
        if last is not None and moment - last < timedelta(days=cond.not_done_within_days):
            return False
    return True


def seasons_on(state: State, day: date) -> list[Season]:
    return [s for s in state.seasons if s.start <= day <= s.end]


def season_matches(season: Season, names: list[str]) -> bool:
    wanted = {n.casefold() for n in names}
    return bool({season.id.casefold(), season.name.casefold(), season.kind} & wanted)


def is_reachable(person: Person, moment: datetime) -> bool:
    """Whether ``moment`` falls inside the person's reachable hours, in their own zone."""
    there = moment.astimezone(zone_named(person.zone))
    for hours in person.reachable:
        start, end = parse_hhmm(hours.start), parse_hhmm(hours.end)
        if not in_window(there.time(), start, end):
            continue
        # A window crossing midnight belongs to the day it started on.
        day = there.date()
        if start >= end and there.time() < end:
            day -= timedelta(days=1)
        if not hours.days or day.weekday() in {weekday_index(d) for d in hours.days}:
            return True
    return False
