"""Nudges that know when to be quiet. Reminders wear off and crowd out what is not reminded,
so Tidewell steps back where the person says so, and notices without judging:

- "Less often" makes a rule fire about half as often, saying how; "Not this one again"
  turns it off (it stays in Settings). Both can be undone.
- After a rule is let pass several times in a row (``Settings.ask_after``), Tidewell asks
  once, kindly, whether to keep it, move it, make it rarer or turn it off; "keep it" is a
  full answer and is not asked again soon.
- A daily ceiling on nudges the person did not ask for (``Settings.daily_ceiling``): the
  rest of the day's are kept back quietly, journaled, never counted against anyone.
- A digest: the nudges of chosen rules (``Rule.digest``) are collected and come once, at
  the time the person picked (``Settings.digest_at``).

Qt-free and clock-free: every function takes ``now``.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, tzinfo

from msgspec.structs import replace

from tidewell.core.commands import CommandError, put_rule, shown
from tidewell.core.fields import WEEKDAYS, parse_hhmm
from tidewell.core.journal import AskedEntry, QuietEntry
from tidewell.core.localtime import to_moment
from tidewell.core.rules import (
    ActiveTrigger,
    AtTrigger,
    LateTrigger,
    ProtectedTrigger,
    ReflectTrigger,
    Rule,
    Trigger,
    WaitingTrigger,
)
from tidewell.core.schedule import Due
from tidewell.core.state import CEILING_PROGRESS, DIGEST_PROGRESS, Progress, State
from tidewell.core.validation import Invalid, validated
from tidewell.i18n import _

ASK_AGAIN_AFTER = timedelta(days=30)  # "keep it" is a full answer: not asked again soon
MAX_MINUTES = 10080  # a week: the longest stretch a rule counts in minutes
_INTERVAL = re.compile(r"INTERVAL=(\d+)", re.IGNORECASE)


# --- "Less often" and "Not this one again" ------------------------------------------------


def less_often(rule: Rule) -> Rule | None:
    """The rule firing about half as often, or None when it cannot be rarer:

    two times a day become one; Mon–Fri become Mon, Wed, Fri; one day a week becomes every
    other week; "after 90 minutes at the computer" becomes 180; every 4 weeks becomes 8."""
    when = _rarer(rule.when)
    if when is None:
        return None
    try:
        return validated(replace(rule, when=when), Rule)
    except Invalid:
        return None


def _rarer(t: Trigger) -> Trigger | None:
    if isinstance(t, AtTrigger):
        return _rarer_times(t)
    if isinstance(t, ProtectedTrigger):
        if t.active_minutes is None or t.active_minutes * 2 > MAX_MINUTES:
            return None
        return replace(t, active_minutes=t.active_minutes * 2)
    if isinstance(t, LateTrigger):
        return replace(t, active_minutes=t.active_minutes * 2)
    if isinstance(t, ActiveTrigger):
        return replace(t, minutes=t.minutes * 2) if t.minutes * 2 <= MAX_MINUTES else None
    if isinstance(t, ReflectTrigger):
        return replace(t, every_weeks=t.every_weeks * 2) if t.every_weeks * 2 <= 52 else None
    assert isinstance(t, WaitingTrigger)
    return replace(t, min_minutes=t.min_minutes * 2) if t.min_minutes * 2 <= 600 else None


def _rarer_times(t: AtTrigger) -> AtTrigger | None:
    if t.rrule:
        found = _INTERVAL.search(t.rrule)
        interval = int(found[1]) if found else 1
        if interval * 2 > 52:
            return None
        rrule = (
            _INTERVAL.sub(f"INTERVAL={interval * 2}", t.rrule)
            if found
            else f"{t.rrule.rstrip(';')};INTERVAL=2"
        )
        return replace(t, rrule=rrule)
    times = sorted(t.times)
    if len(times) > 1:
        return replace(t, times=times[::2])
    days = [d for d in WEEKDAYS if d in (t.days or WEEKDAYS)]
    if len(days) > 1:
        return replace(t, days=days[::2])
    at = parse_hhmm(times[0])
    return AtTrigger(
        rrule=f"FREQ=WEEKLY;INTERVAL=2;BYDAY={days[0][:2].upper()};"
        f"BYHOUR={at.hour};BYMINUTE={at.minute}",
        zone=t.zone,
    )


def make_rarer(state: State, rule_id: str, now: datetime) -> tuple[State, Rule]:
    """The state with the rule about half as often, and the rule as it was (for undo)."""
    rule = state.rule(rule_id)
    if rule is None:
        raise CommandError(_("that rule is gone now"))
    rarer = less_often(rule)
    if rarer is None:
        raise CommandError(_("this rule is as rare as it can be; you can turn it off instead"))
    return _fresh_start(put_rule(state, rarer, now), rule_id), rule


def turn_off(state: State, rule_id: str, now: datetime) -> tuple[State, Rule]:
    """The state with the rule turned off (kept in Settings), and the rule as it was."""
    rule = state.rule(rule_id)
    if rule is None:
        raise CommandError(_("that rule is gone now"))
    return _fresh_start(put_rule(state, replace(rule, enabled=False), now), rule_id), rule


def put_back(state: State, before: Rule, now: datetime) -> State:
    """Undo: the rule as it was before "Less often" or "Not this one again"."""
    return put_rule(state, before, now)


def _fresh_start(state: State, rule_id: str) -> State:
    """A rule the person just changed starts its count of passes again."""
    progress = state.progress_of(rule_id)
    if not progress.passed:
        return state
    return replace(state, progress={**state.progress, rule_id: replace(progress, passed=0)})


# --- the kind question ----------------------------------------------------------------------


def wants_a_word(state: State, rule_id: str, now: datetime) -> bool:
    """Whether to ask about this rule now: let pass ``ask_after`` times in a row, on, and not
    asked in the last ``ASK_AGAIN_AFTER``."""
    wanted = state.settings.ask_after
    rule = state.rule(rule_id)
    if not wanted or rule is None or not rule.enabled:
        return False
    progress = state.progress_of(rule_id)
    if progress.passed < wanted:
        return False
    return progress.asked is None or now - progress.asked >= ASK_AGAIN_AFTER


def asked(state: State, rule_id: str, now: datetime, said: str | None = None) -> tuple[
    State, AskedEntry
]:  # fmt: skip
    """The question is on screen (``said`` None), or answered. Either way it is not asked
    again soon, and the count of passes starts again."""
    progress = replace(state.progress_of(rule_id), asked=now, passed=0)
    entry = AskedEntry(at=now, rule=rule_id, said=said)  # type: ignore[arg-type]
    return replace(state, progress={**state.progress, rule_id: progress}), entry


# --- the ceiling and the digest -----------------------------------------------------------


def asked_for(rule: Rule, item: Due) -> bool:
    """A nudge the person asked for: waiting time they declared, a snooze coming back, a
    digest at the time they chose. The ceiling never keeps these back."""
    return item.slot == "snooze" or item.digest or isinstance(rule.when, WaitingTrigger)


def sort_out(
    state: State, items: list[Due], now: datetime, home: tzinfo
) -> tuple[State, list[Due], list[QuietEntry]]:
    """What of ``items`` to show now. A digest rule's nudge is collected for the digest
    time; a nudge not asked for beyond the day's ceiling is kept back. Both are journaled
    and will not come up again for that occurrence."""
    settings = state.settings
    day = _day_start(now, home)
    ceiling = state.progress_of(CEILING_PROGRESS)
    count = ceiling.count if ceiling.handled == day else 0
    show: list[Due] = []
    kept: list[QuietEntry] = []
    for item in items:
        rule = state.rule(item.rule_id)
        if rule is None:  # a trip's waiting time: an offer, not a rule
            show.append(item)
            continue
        if rule.digest and settings.digest_at and not asked_for(rule, item):
            state, _entry = shown(state, item, now)
            progress = state.progress_of(rule.id)
            progress = replace(progress, held=[*progress.held, item.at][-20:])
            state = replace(state, progress={**state.progress, rule.id: progress})
            kept.append(QuietEntry(at=now, rule=rule.id, due=item.at, why="digest"))
            continue
        if settings.daily_ceiling and not asked_for(rule, item):
            if count >= settings.daily_ceiling:
                state, _entry = shown(state, item, now)
                kept.append(QuietEntry(at=now, rule=rule.id, due=item.at, why="ceiling"))
                continue
            count += 1
        show.append(item)
    if count or ceiling.handled is not None:
        progress = Progress(handled=day, count=count)
        if progress != ceiling:
            state = replace(state, progress={**state.progress, CEILING_PROGRESS: progress})
    return state, show, kept


def digest_moment(state: State, now: datetime, home: tzinfo) -> datetime | None:
    """Today's digest time, as a moment; None when there is no digest."""
    if not state.settings.digest_at:
        return None
    at = parse_hhmm(state.settings.digest_at)
    return to_moment(now.astimezone(home).date(), at, home)


def next_digest(state: State, now: datetime, home: tzinfo) -> datetime | None:
    """When the next digest is due (for the scheduler's sleep); None when nothing waits."""
    if not any(p.held for p in state.progress.values()):
        return None
    today = digest_moment(state, now, home)
    if today is None:
        return now  # the digest was turned off: what it held comes now
    last = state.progress_of(DIGEST_PROGRESS).handled
    if now >= today and (last is None or last < today):
        return now
    return today if now < today else today + timedelta(days=1)


def digest_due(state: State, now: datetime, home: tzinfo) -> tuple[State, list[Due]]:
    """The digest, if its time has come: one nudge per rule that collected any (its latest
    occurrence), marked as the digest's so the ceiling lets it through."""
    wake = next_digest(state, now, home)
    if wake is None or wake > now:
        return state, []
    items: list[Due] = []
    progress = dict(state.progress)
    for rule_id, p in state.progress.items():
        if p.held:
            if state.rule(rule_id) is not None:
                items.append(Due(rule_id, p.held[-1], digest=True))
            progress[rule_id] = replace(p, held=[])
    moment = digest_moment(state, now, home) or now
    progress[DIGEST_PROGRESS] = Progress(handled=min(moment, now))
    return replace(state, progress=progress), sorted(items, key=lambda d: d.at)


def _day_start(now: datetime, home: tzinfo) -> datetime:
    return to_moment(now.astimezone(home).date(), time(0, 0), home)


__all__ = [
    "asked",
    "asked_for",
    "digest_due",
    "less_often",
    "make_rarer",
    "next_digest",
    "put_back",
    "sort_out",
    "turn_off",
    "wants_a_word",
]
