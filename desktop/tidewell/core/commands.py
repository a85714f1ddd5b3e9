"""What the person does, as pure functions: each returns the new State (and journal entry)."""

from __future__ import annotations

from datetime import datetime, timedelta

from msgspec.structs import replace

from tidewell.core.calendar import Span, meetings_end, travel_ahead
from tidewell.core.journal import PASSED, Answer, AnswerEntry, ShownEntry, WaitingEntry
from tidewell.core.rules import Rule
from tidewell.core.schedule import Due
from tidewell.core.state import TRAVEL_PROGRESS, Progress, State, WaitingSession
from tidewell.core.validation import validated
from tidewell.i18n import _


class CommandError(ValueError):
    """The command cannot be applied; the message says why, in words."""


def _with_progress(state: State, rule_id: str, progress: Progress) -> State:
    return replace(state, progress={**state.progress, rule_id: progress})


def shown(state: State, item: Due, now: datetime) -> tuple[State, ShownEntry]:
    """The popup for ``item`` is on screen: it will not be raised again for this occurrence."""
    progress = state.progress_of(item.rule_id)
    if item.slot == "active":
        progress = replace(progress, active_handled=now)
    elif item.slot == "snooze":
        progress = replace(progress, snoozed_until=None, snoozed_due=None)
    else:
        progress = replace(progress, handled=max(item.at, progress.handled or item.at))
    entry = ShownEntry(at=now, rule=item.rule_id, due=item.at)
    return _with_progress(state, item.rule_id, progress), entry


def answer(
    state: State,
    item: Due,
    choice: Answer,
    now: datetime,
    *,
    snooze_minutes: int | None = None,
    note: str | None = None,
) -> tuple[State, AnswerEntry]:
    """Record the person's answer: done, snoozed, skipped, chose ("I chose this") or missed."""
    if state.rule(item.rule_id) is None:
        raise CommandError(_("that rule is gone now"))
    progress = state.progress_of(item.rule_id)
    if choice == "snoozed":
        if snooze_minutes is None or snooze_minutes < 1:
            raise CommandError(_("a snooze needs a number of minutes"))
        progress = replace(
            progress,
            snoozed_until=now + timedelta(minutes=snooze_minutes),
            snoozed_due=item.at,
        )
    elif choice == "done":
        progress = replace(progress, last_done=now)
    # passes in a row, for the kind question (core/quieter): any other answer starts again
    progress = replace(progress, passed=progress.passed + 1 if choice in PASSED else 0)
    entry = AnswerEntry(
        at=now,
        rule=item.rule_id,
        due=item.at,
        answer=choice,
        snooze_minutes=snooze_minutes if choice == "snoozed" else None,
        note=note or None,
        active=item.slot == "active",
    )
    return _with_progress(state, item.rule_id, progress), entry


def offer_travel(state: State, now: datetime) -> tuple[State, Span, ShownEntry] | None:
    """A trip's lead time has begun: offer its waiting time, once a trip. Not while paused
    or in a meeting; the offer waits for those to end."""
    if state.paused_at(now) or meetings_end(state.calendar, now) is not None:
        return None
    span = travel_ahead(state.calendar, now, state.progress_of(TRAVEL_PROGRESS).handled)
    if span is None:
        return None
    new_state, entry = shown(state, Due(TRAVEL_PROGRESS, span.start), now)
    return new_state, span, entry


def start_waiting(
    minutes: int, context: str | None, now: datetime
) -> tuple[WaitingSession, WaitingEntry]:
    if minutes < 1:
        raise CommandError(_("waiting time is at least one minute"))
    session = WaitingSession(started=now, minutes=minutes, context=context or None)
    return session, WaitingEntry(at=now, minutes=minutes, context=context or None)


def put_rule(state: State, rule: Rule, now: datetime) -> State:
    """Add ``rule`` or replace the rule with its id. A new rule starts counting from ``now``,
    so a rule added at 09:30 for 09:00 does not fire at once."""
    checked = validated(rule, Rule)
    rules = [r for r in state.rules if r.id != checked.id]
    is_new = len(rules) == len(state.rules)
    index = next((i for i, r in enumerate(state.rules) if r.id == checked.id), len(rules))
    rules.insert(index, checked)
    new_state = replace(state, rules=rules)
    if is_new:
        new_state = _with_progress(new_state, checked.id, Progress(handled=now))
    return new_state


def remove_rule(state: State, rule_id: str) -> State:
    if state.rule(rule_id) is None:
        raise CommandError(f"there is no rule {rule_id!r}")
    progress = {k: v for k, v in state.progress.items() if k != rule_id}
    return replace(state, rules=[r for r in state.rules if r.id != rule_id], progress=progress)


def set_enabled(state: State, rule_id: str, enabled: bool, now: datetime) -> State:
    rule = state.rule(rule_id)
    if rule is None:
        raise CommandError(f"there is no rule {rule_id!r}")
    new_state = put_rule(state, replace(rule, enabled=enabled), now)
    if enabled and not rule.enabled:
        # Switching a rule back on starts afresh: nothing from the paused time fires.
        progress = replace(new_state.progress_of(rule_id), handled=now, snoozed_until=None)
        new_state = _with_progress(new_state, rule_id, progress)
    return new_state


def merge_rules(state: State, incoming: list[Rule], now: datetime) -> tuple[State, int, int]:
    """Add or replace every rule of ``incoming`` (already validated) in one pass.

    Returns the new state and how many rules were added and changed."""
    known = {r.id: r for r in state.rules}
    replacing = {r.id: r for r in incoming}
    added = [r for r in incoming if r.id not in known]
    changed = sum(1 for r in incoming if r.id in known and known[r.id] != r)
    rules = [replacing.get(r.id, r) for r in state.rules] + added
    progress = {**state.progress, **{r.id: Progress(handled=now) for r in added}}
    return replace(state, rules=rules, progress=progress), len(added), changed


def replace_definitions(state: State, draft: State, now: datetime) -> State:
    """Take what the person defined in ``draft`` (rules, protected time, people, seasons,
    ideas, balance, settings, calendar sources) and keep from ``state`` the scheduler's
    progress, the pause and what the calendars say.

    New rules and rules switched back on start counting from ``now``: saving a rule for
    09:00 at 09:30 does not fire it at once. Progress of removed rules is dropped."""
    old = {r.id: r for r in state.rules}
    # Progress that belongs to no rule (the trips already offered) is not the draft's to drop.
    progress = {key: kept for key, kept in state.progress.items() if key not in old}
    for rule in draft.rules:
        before = old.get(rule.id)
        kept = state.progress.get(rule.id)
        if before is None or kept is None:
            progress[rule.id] = Progress(handled=now)
        elif rule.enabled and not before.enabled:
            progress[rule.id] = replace(kept, handled=now, snoozed_until=None)
        else:
            progress[rule.id] = kept
    return replace(draft, progress=progress, pause=state.pause, calendar=state.calendar)
