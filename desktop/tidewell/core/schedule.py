"""The scheduler: which nudges are due now, and when to look again.

Pure functions over a State. ``now`` is an aware datetime whose zone is the system's
(the home zone, unless the settings name one). The shell recomputes from the wall clock
every time, so a late timer can neither skip nor double a nudge.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from msgspec import Struct

from tidewell.core.calendar import meetings_end, next_notice
from tidewell.core.conditions import conditions_hold
from tidewell.core.fields import parse_hhmm
from tidewell.core.life import Block
from tidewell.core.localtime import to_moment
from tidewell.core.occurrences import (
    block_at,
    block_starts_between,
    next_block_change,
    occurrence_at_or_before,
    occurrences_after,
)
from tidewell.core.rules import (
    ActiveTrigger,
    AtTrigger,
    LateTrigger,
    ProtectedTrigger,
    ReflectTrigger,
    Rule,
    WaitingTrigger,
)
from tidewell.core.state import Context, Progress, State, home_zone

Slot = Literal["time", "active", "snooze"]
Quiet = Literal["dnd", "fullscreen", "locked"]  # why the desktop wants no nudges now
_SCAN_LIMIT = 500  # occurrences looked at to find one whose conditions hold


class Due(Struct, frozen=True):
    """A nudge to show now."""

    rule_id: str
    at: datetime  # the occurrence this nudge belongs to (UTC)
    slot: Slot = "time"  # which part of the rule's progress it advances
    reason: str | None = None  # the person's own reason, when protected time is involved
    waited: bool = False  # it came up during a meeting and waited for it to end
    held: Quiet | None = None  # it waited while the desktop asked for quiet (see core/quiet)
    digest: bool = False  # collected during the day, shown at the digest time (core/quieter)


class Upcoming(Struct, frozen=True):
    at: datetime
    rule_id: str


def due(state: State, now: datetime, context: Context | None = None) -> list[Due]:
    """Every nudge due at ``now``, oldest first; at most one per rule."""
    home = home_zone(state, now)
    if state.paused_at(now) or meetings_end(state.calendar, now) is not None:
        return []  # paused, or in a meeting: what comes up waits for its end
    ctx = context or Context()
    found: list[Due] = []
    for rule in state.rules:
        if rule.enabled:
            item = _due_for(rule, state, now, ctx, home)
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda d: d.at)


def _due_for(rule: Rule, state: State, now: datetime, ctx: Context, home: tzinfo) -> Due | None:
    progress = state.progress_of(rule.id)
    grace = timedelta(minutes=rule.grace_minutes)
    snoozed = progress.snoozed_until
    if snoozed is not None and snoozed <= now and not state.paused_at(snoozed):
        waited = meetings_end(state.calendar, snoozed)
        if now - (waited or snoozed) <= grace:
            return Due(
                rule.id,
                progress.snoozed_due or snoozed,
                "snooze",
                _reason_for(rule, state, now, home),
                waited is not None,
            )
    trigger = rule.when
    if isinstance(trigger, AtTrigger | ReflectTrigger):
        latest = occurrence_at_or_before(trigger, home, now)
        if (
            latest is None
            or not _fresh(latest, progress.handled, now, grace, state)
            or state.paused_at(latest)
        ):
            return None
        if not conditions_hold(rule, state, latest, home):
            return None
        return Due(rule.id, latest, waited=_waited(state, latest, now))
    if isinstance(trigger, WaitingTrigger):
        return _due_waiting(rule, trigger, state, progress, now, ctx, home)
    if isinstance(trigger, ProtectedTrigger):
        return _due_protected(rule, trigger, state, progress, now, ctx, home)
    if not conditions_hold(rule, state, now, home):
        return None
    if isinstance(trigger, LateTrigger):
        window = _late_window(trigger, now, home)
        if window is not None and _active_long_enough(
            ctx, state, now, window[0], trigger.active_minutes, progress
        ):
            return Due(rule.id, window[0], "active")
        return None
    assert isinstance(trigger, ActiveTrigger)
    if _active_long_enough(ctx, state, now, None, trigger.minutes, progress):
        assert ctx.active_since is not None
        return Due(rule.id, ctx.active_since, "active")
    return None


def _fresh(
    moment: datetime, handled: datetime | None, now: datetime, grace: timedelta, state: State
) -> bool:
    """Not handled yet, and still inside the grace window: missed while asleep fires once.
    What came up during a meeting counts its grace from the meeting's end."""
    if handled is not None and moment <= handled:
        return False
    if now - moment <= grace:
        return True
    released = meetings_end(state.calendar, moment)
    return released is not None and now - released <= grace


def _waited(state: State, moment: datetime, now: datetime) -> bool:
    return moment < now and meetings_end(state.calendar, moment) is not None


def _due_waiting(
    rule: Rule,
    trigger: WaitingTrigger,
    state: State,
    progress: Progress,
    now: datetime,
    ctx: Context,
    home: tzinfo,
) -> Due | None:
    session = ctx.waiting
    if session is None or session.minutes < trigger.min_minutes:
        return None
    if trigger.contexts and (session.context or "").casefold() not in {
        c.casefold() for c in trigger.contexts
    }:
        return None
    if progress.handled is not None and progress.handled >= session.started:
        return None
    if not conditions_hold(rule, state, now, home):
        return None
    return Due(rule.id, session.started)


def _due_protected(
    rule: Rule,
    trigger: ProtectedTrigger,
    state: State,
    progress: Progress,
    now: datetime,
    ctx: Context,
    home: tzinfo,
) -> Due | None:
    grace = timedelta(minutes=rule.grace_minutes)
    for block, run in _running(_blocks_of(trigger, state), now, home):
        if not conditions_hold(rule, state, now, home):
            return None
        fresh = _fresh(run[0], progress.handled, now, grace, state) and not state.paused_at(run[0])
        if trigger.at_start and fresh and _begins_protected_time(run[0], state, home):
            return Due(rule.id, run[0], "time", block.reason, _waited(state, run[0], now))
        if trigger.active_minutes is not None and _active_long_enough(
            ctx, state, now, run[0], trigger.active_minutes, progress
        ):
            return Due(rule.id, run[0], "active", block.reason)
    return None


def _begins_protected_time(start: datetime, state: State, home: tzinfo) -> bool:
    """A block starting inside other protected time (the weekend after a Friday evening)
    continues it: only the start of the whole stretch is announced."""
    just_before = start - timedelta(microseconds=1)
    return not any(block_at(b, home, just_before) is not None for b in state.protected_blocks())


def _blocks_of(trigger: ProtectedTrigger, state: State) -> list[Block]:
    """The blocks a rule speaks for. A rule naming blocks speaks for those; a rule for all
    protected time covers every block that no enabled rule names (so a block with its own
    firmness never gets two reminders)."""
    if trigger.blocks:
        wanted = set(trigger.blocks)
        return [b for b in state.blocks if b.id in wanted]
    named = {
        block_id
        for rule in state.rules
        if rule.enabled and isinstance(rule.when, ProtectedTrigger)
        for block_id in rule.when.blocks
    }
    return [b for b in state.protected_blocks() if b.id not in named]


def _active_long_enough(
    ctx: Context,
    state: State,
    now: datetime,
    since: datetime | None,
    minutes: int,
    progress: Progress,
) -> bool:
    """Active without a break for ``minutes`` (counted from ``since`` if later), once a stretch."""
    if ctx.active_since is None or ctx.idle_seconds is None:
        return False
    if ctx.idle_seconds >= state.settings.break_seconds:
        return False
    start = max(ctx.active_since, since) if since is not None else ctx.active_since
    if now - start < timedelta(minutes=minutes):
        return False
    shown = progress.active_handled
    return shown is None or shown < start


def _late_window(
    trigger: LateTrigger, now: datetime, home: tzinfo
) -> tuple[datetime, datetime] | None:
    after, until = parse_hhmm(trigger.after), parse_hhmm(trigger.until)
    today = now.astimezone(home).date()
    for start_day in (today - timedelta(days=1), today):
        end_day = start_day + timedelta(days=1) if until <= after else start_day
        window = (to_moment(start_day, after, home), to_moment(end_day, until, home))
        if window[0] <= now < window[1]:
            return window
    return None


def _reason_for(rule: Rule, state: State, now: datetime, home: tzinfo) -> str | None:
    if isinstance(rule.when, ProtectedTrigger):
        for block, _ in _running(_blocks_of(rule.when, state), now, home):
            return block.reason
    return None


def _running(
    blocks: list[Block], now: datetime, home: tzinfo
) -> list[tuple[Block, tuple[datetime, datetime]]]:
    """The blocks running at ``now`` with their runs, the one begun most recently first: its
    reason is the one the person has in mind."""
    runs = [(b, run) for b in blocks if (run := block_at(b, home, now)) is not None]
    return sorted(runs, key=lambda found: found[1][0], reverse=True)


# --- looking ahead ------------------------------------------------------------------


class NextTimes:
    """Each rule's next occurrence, kept from one ``next_wakeup`` to the next.

    Found after ``after`` and not yet passed, it is still the next one after any later
    ``now``, as long as nothing it was found from has changed: the rule, its progress, the
    seasons and people its conditions read, the home zone. Those are compared by value on
    every call, so an edit anywhere simply makes that rule look again."""

    def __init__(self) -> None:
        self._found: dict[str, tuple[tuple[object, ...], datetime, datetime]] = {}

    def next_occurrence(
        self,
        rule: Rule,
        trigger: AtTrigger | ReflectTrigger,
        state: State,
        now: datetime,
        home: tzinfo,
    ) -> datetime | None:
        inputs = (rule, state.progress.get(rule.id), state.seasons, state.people, home)
        kept = self._found.get(rule.id)
        if kept is not None and kept[1] <= now < kept[2] and kept[0] == inputs:
            return kept[2]
        found = _next_occurrence(rule, trigger, state, now, home)
        if found is None:
            self._found.pop(rule.id, None)
        else:
            self._found[rule.id] = (inputs, now, found)
        return found

    def forget_others(self, rules: list[Rule]) -> None:
        """Drop what is kept for rules that are gone."""
        if len(self._found) > len(rules):
            ids = {rule.id for rule in rules}
            for rule_id in [k for k in self._found if k not in ids]:
                del self._found[rule_id]


def next_wakeup(state: State, now: datetime, kept: NextTimes | None = None) -> datetime | None:
    """The next moment at which something may become due or change; None if never.

    Activity (idle time) is not predicted here: while ``needs_activity`` is true the shell
    samples it; otherwise it can sleep until this moment. ``kept`` carries each rule's next
    occurrence from the previous call (a running app passes one; the answer is the same).
    """
    home = home_zone(state, now)
    best: datetime | None = None
    if state.pause is not None and state.pause.until > now:
        best = state.pause.until
    if kept is not None:
        kept.forget_others(state.rules)
    for rule in state.rules:
        if not rule.enabled:
            continue
        for candidate in _next_moments(rule, state, now, home, kept):
            if best is None or candidate < best:
                best = candidate
    for block in state.protected_blocks():
        change = next_block_change(block, home, now)
        if change is not None and (best is None or change < best):
            best = change
    notice = next_notice(state.calendar, now)
    if notice is not None and (best is None or notice < best):
        best = notice
    return best


def _next_moments(
    rule: Rule, state: State, now: datetime, home: tzinfo, kept: NextTimes | None
) -> Iterator[datetime]:
    progress = state.progress_of(rule.id)
    if progress.snoozed_until is not None and progress.snoozed_until > now:
        yield progress.snoozed_until
    trigger = rule.when
    if isinstance(trigger, AtTrigger | ReflectTrigger):
        if kept is not None:
            nxt = kept.next_occurrence(rule, trigger, state, now, home)
        else:
            nxt = _next_occurrence(rule, trigger, state, now, home)
        if nxt is not None:
            yield nxt
    elif isinstance(trigger, LateTrigger):
        after = parse_hhmm(trigger.after)
        today = now.astimezone(home).date()
        for day in (today, today + timedelta(days=1)):
            start = to_moment(day, after, home)
            if start > now:
                yield start
                break


def _next_occurrence(
    rule: Rule, trigger: AtTrigger | ReflectTrigger, state: State, now: datetime, home: tzinfo
) -> datetime | None:
    for at in itertools.islice(occurrences_after(trigger, home, now), _SCAN_LIMIT):
        if conditions_hold(rule, state, at, home):
            return at
    return None


def needs_activity(state: State, now: datetime) -> bool:
    """Whether an activity-based rule could fire now, so idle time is worth sampling."""
    home = home_zone(state, now)
    if state.paused_at(now):
        return False
    for rule in state.rules:
        if not rule.enabled:
            continue
        trigger = rule.when
        if isinstance(trigger, ActiveTrigger):
            return True
        if isinstance(trigger, LateTrigger) and _late_window(trigger, now, home) is not None:
            return True
        if (
            isinstance(trigger, ProtectedTrigger)
            and trigger.active_minutes is not None
            and any(block_at(b, home, now) is not None for b in _blocks_of(trigger, state))
        ):
            return True
    return False


def upcoming(state: State, start: datetime, count: int = 10) -> list[Upcoming]:
    """The next ``count`` timed nudges after ``start`` (timed rules and protected starts)."""
    home = home_zone(state, start)
    streams = [_timed_stream(rule, state, start, home) for rule in state.rules if rule.enabled]
    merged = heapq.merge(*streams, key=lambda u: (u.at, u.rule_id))
    unpaused = (u for u in merged if not state.paused_at(u.at))
    return list(itertools.islice(unpaused, count))


def next_times(state: State, start: datetime) -> dict[str, datetime]:
    """Each enabled rule's next timed nudge after ``start`` (rules that fire when they fit,
    like waiting time, have none). One pass per rule, so a list of 1,000 rules stays quick."""
    home = home_zone(state, start)
    found: dict[str, datetime] = {}
    for rule in state.rules:
        if not rule.enabled:
            continue
        for item in _timed_stream(rule, state, start, home):
            if not state.paused_at(item.at):
                found[rule.id] = item.at
                break
    return found


def _timed_stream(rule: Rule, state: State, start: datetime, home: tzinfo) -> Iterator[Upcoming]:
    trigger = rule.when
    if isinstance(trigger, AtTrigger | ReflectTrigger):
        misses = 0
        for at in occurrences_after(trigger, home, start):
            if conditions_hold(rule, state, at, home):
                misses = 0
                yield Upcoming(at, rule.id)
            else:
                misses += 1
                if misses > _SCAN_LIMIT:
                    return
    elif isinstance(trigger, ProtectedTrigger) and trigger.at_start:
        window = timedelta(days=14)
        lo = start
        for _ in range(60):  # about two years of protected time, in two-week steps
            starts = sorted(
                {
                    s
                    for b in _blocks_of(trigger, state)
                    for s in block_starts_between(b, home, lo, lo + window)
                }
            )
            for at in starts:
                if _begins_protected_time(at, state, home) and conditions_hold(
                    rule, state, at, home
                ):
                    yield Upcoming(at, rule.id)
            lo += window
