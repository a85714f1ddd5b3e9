"""The state facade: the one place that holds the State, asks core, and writes the store.

Widgets never touch files. They call these methods (or emit signals the app wires here);
every change is recorded in the store, then ``changed`` tells the tray and panels.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path

from msgspec.structs import replace
from PySide6.QtCore import QObject, Signal

from tidewell.core import commands, offline
from tidewell.core import pause as pausing
from tidewell.core.calendar import CalendarView
from tidewell.core.clock import Clock
from tidewell.core.fields import parse_hhmm
from tidewell.core.journal import Answer, IdeaAnswer, IdeaEntry, JournalEntry
from tidewell.core.quiet import Held, locked_in_protected_time
from tidewell.core.rules import Rule
from tidewell.core.schedule import Due, NextTimes, Quiet, due, needs_activity, next_wakeup
from tidewell.core.state import Context, State, WaitingSession, home_zone
from tidewell.core.status import Status, status_of
from tidewell.core.validation import Problem, cross_check
from tidewell.core.waiting import RankedIdea, rank_ideas
from tidewell.i18n import _
from tidewell.shell.activity import ActivityTracker
from tidewell.store.datastore import DataStore

log = logging.getLogger(__name__)

MAX_SLEEP = timedelta(minutes=5)  # the ticker never sleeps longer: wall-clock jumps show up
ACTIVITY_SAMPLE = timedelta(seconds=15)  # while an activity rule could fire
HOLD_LOOK = timedelta(seconds=20)  # while nudges wait for quiet to end, look this often


class Runtime(QObject):
    changed = Signal()  # the state or the status moved: tooltips and panels refresh
    nudges_due = Signal(list)  # list[Due], already marked shown
    travel_offered = Signal(object)  # Span: a trip's waiting time is near
    problem = Signal(str)  # something went wrong that the person should hear about

    def __init__(
        self, store: DataStore, state: State, clock: Clock, activity: ActivityTracker
    ) -> None:
        super().__init__()
        self.store = store
        self.state = state
        self.clock = clock
        self.activity = activity
        self.waiting: WaitingSession | None = None
        self.showing: set[str] = set()  # rule ids on screen now
        self.next_times = NextTimes()  # each rule's next occurrence, kept between ticks
        self.quiet: Quiet | None = None  # why nudges wait now (Do Not Disturb, a lock…)
        self.quiet_probe: Callable[[], Quiet | None] = lambda: None  # set by the shell
        self.away_since: datetime | None = None  # locked or asleep since
        self.held = Held()  # what came up during the quiet

    # --- time ---------------------------------------------------------------------------

    def now(self) -> datetime:
        """The current moment, carrying the system zone (core's convention for 'home')."""
        return self.clock.now().astimezone(self.clock.zone())

    def home(self) -> tzinfo:
        return home_zone(self.state, self.now())

    def status(self) -> Status:
        return status_of(self.state, self.now(), waiting=self.waiting, quiet=self.quiet)

    # --- the tick -----------------------------------------------------------------------

    def tick(self) -> timedelta:
        """Raise what is due now; return how long to sleep before looking again."""
        now = self.now()
        self.merge_sync()
        if self.waiting is not None and now >= self.waiting.started + timedelta(
            minutes=self.waiting.minutes
        ):
            self.waiting = None
        self._look_at_quiet()
        sampling = (
            self.activity.available and self.away_since is None and needs_activity(self.state, now)
        )
        if sampling:
            self.activity.sample(now, self.state.settings.break_seconds, 2 * ACTIVITY_SAMPLE)
        else:
            self.activity.forget()
        context = Context(
            idle_seconds=self.activity.idle_seconds,
            active_since=self.activity.active_since,
            waiting=self.waiting,
        )
        fresh = [d for d in due(self.state, now, context) if d.rule_id not in self.showing]
        fresh += self._digest(now)
        if self.quiet is not None:
            held = len(self.held.items)
            self.held.hold(fresh, self.quiet)
            fresh = []
            if len(self.held.items) != held:
                log.info("held until the quiet ends: %s", ", ".join(self.held.items))
                self.changed.emit()
        elif self.held.items:
            fresh = self.held.release(fresh)
        if fresh:
            self._show(fresh, now)
        offer = commands.offer_travel(self.state, now)
        if offer is not None:
            state, span, entry = offer
            if self._record(state, [entry]):
                self.travel_offered.emit(span)
        return self._sleep_after(now, sampling)

    def _sleep_after(self, now: datetime, sampling: bool) -> timedelta:
        wait = MAX_SLEEP
        wake = next_wakeup(self.state, now, self.next_times)
        if wake is not None:
            wait = min(wait, wake - now)
        if sampling:
            wait = min(wait, ACTIVITY_SAMPLE)
        if self.waiting is not None:
            end = self.waiting.started + timedelta(minutes=self.waiting.minutes)
            wait = min(wait, end - now)
        if self.held.items and self.away_since is None:  # a lock's end is told, not looked for
            wait = min(wait, HOLD_LOOK)
        if self._collected():
            from tidewell.core import quieter  # only with a digest waiting: not an idle tray's

            digest = quieter.next_digest(self.state, now, self.home())
            if digest is not None:
                wait = min(wait, digest - now)
        return max(wait, timedelta(0))

    # --- quiet and time away ------------------------------------------------------------

    def _look_at_quiet(self) -> None:
        quiet: Quiet | None = "locked" if self.away_since is not None else self.quiet_probe()
        if quiet != self.quiet:
            log.info("nudges %s", f"wait: {quiet}" if quiet else "come again")
            self.quiet = quiet
            self.changed.emit()

    def away(self, going: bool) -> None:
        """The screen locked or the computer went to sleep (``going``), or it is back. Time
        away as long as a break is a break; locking inside protected time keeps it."""
        now = self.now()
        if going and self.away_since is None:
            self.away_since = now
            self.activity.step_away()
            kept = locked_in_protected_time(self.state, now, self.home())
            if kept:
                self._record(self.state, list(kept))
        elif not going and self.away_since is not None:
            a_break = now - self.away_since >= timedelta(seconds=self.state.settings.break_seconds)
            self.away_since = None
            self.activity.come_back(now, a_break)
        self._look_at_quiet()

    def merge_sync(self) -> None:
        """What the other devices wrote in the sync folder, merged in (when anything moved):
        their edits, and their answers, so a nudge answered there is not raised here."""
        if self.store.sync is None:
            return
        try:
            state, notes = self.store.merge_sync(self.state)
        except OSError as err:
            log.warning("the sync folder could not be read: %s", err)
            return
        if notes:  # the files and lines are for the log; the person hears it in words, once
            log.warning("sync folder, left as it is: %s", ", ".join(notes))
            self.problem.emit(_(
                "Something in the sync folder could not be used and was left as it is. If "
                "another computer runs a newer Tidewell, updating this one helps."
            ))  # fmt: skip
        if state is not self.state:
            self.state = state
            self.changed.emit()

    def _collected(self) -> bool:
        """Whether any nudge waits for the digest (an idle tray never loads core/quieter)."""
        return any(p.held for p in self.state.progress.values())

    def _digest(self, now: datetime) -> list[Due]:
        """The digest's nudges, once its time has come."""
        if not self._collected():
            return []
        from tidewell.core import quieter  # only with a digest waiting: not an idle tray's

        state, items = quieter.digest_due(self.state, now, self.home())
        if state is not self.state and self._record(state, []):
            return [d for d in items if d.rule_id not in self.showing]
        return []

    def _show(self, items: list[Due], now: datetime) -> None:
        from tidewell.core import quieter  # with the first nudge: not an idle tray's

        state, items, kept = quieter.sort_out(self.state, items, now, self.home())
        entries: list[JournalEntry] = list(kept)
        if kept:
            log.info("kept back: %s", ", ".join(f"{k.rule} ({k.why})" for k in kept))
        for item in items:
            state, entry = commands.shown(state, item, now)
            entries.append(entry)
        if self._record(state, entries) and items:
            self.showing.update(d.rule_id for d in items)
            self.nudges_due.emit(items)

    # --- answers ------------------------------------------------------------------------

    def answer(
        self,
        item: Due,
        choice: Answer,
        snooze_minutes: int | None = None,
        note: str | None = None,
    ) -> None:
        self.showing.discard(item.rule_id)
        try:
            state, entry = commands.answer(
                self.state, item, choice, self.now(), snooze_minutes=snooze_minutes, note=note
            )
        except commands.CommandError as err:
            self._tell(_("That answer could not be kept: {reason}.").format(reason=err))
            return
        self._record(state, [entry])

    # --- stepping back: less often, not again, the kind question -----------------------------

    def change_rule(self, rule_id: str, how: str) -> Rule | None:
        """ "less_often" or "not_again"; returns the rule as it was (for undo), or None when
        it could not be changed (the person is told why)."""
        from tidewell.core import quieter  # with the first nudge: not an idle tray's

        change = quieter.make_rarer if how == "less_often" else quieter.turn_off
        try:
            state, before = change(self.state, rule_id, self.now())
        except commands.CommandError as err:
            self._tell(str(err)[:1].upper() + str(err)[1:] + ".")
            return None
        return before if self._record(state, []) else None

    def undo_change(self, before: Rule) -> None:
        from tidewell.core import quieter  # with the first nudge: not an idle tray's

        self._record(quieter.put_back(self.state, before, self.now()), [])

    def wants_a_word(self, rule_id: str) -> bool:
        from tidewell.core import quieter  # with the first nudge: not an idle tray's

        return quieter.wants_a_word(self.state, rule_id, self.now())

    def asked(self, rule_id: str, said: str | None = None) -> None:
        from tidewell.core import quieter  # with the first nudge: not an idle tray's

        state, entry = quieter.asked(self.state, rule_id, self.now(), said)
        self._record(state, [entry])

    def start_waiting(self, minutes: int, context: str | None) -> list[RankedIdea]:
        now = self.now()
        try:
            session, entry = commands.start_waiting(minutes, context, now)
        except commands.CommandError as err:
            self._tell(_("Waiting time: {reason}.").format(reason=err))
            return []
        self.waiting = session
        self._record(self.state, [entry])
        return rank_ideas(self.state, minutes, context, now)

    def answer_idea(self, idea_id: str, answer: IdeaAnswer) -> None:
        minutes = self.waiting.minutes if self.waiting else None
        entry = IdeaEntry(at=self.now(), idea=idea_id, answer=answer, minutes=minutes)
        self._record(self.state, [entry])

    def go_offline(self, until: datetime | time, reason: str) -> bool:
        """Offline now, until a moment or the next time the clock shows ``until``."""
        if isinstance(until, time):
            until = self.offline_until_time(until)
        try:
            state, entry = offline.go_offline(self.state, until, reason, self.now(), self.home())
        except ValueError as err:
            self._tell(_("Going offline: {reason}.").format(reason=err))
            return False
        return self._record(state, [entry])

    def come_back(self) -> bool:
        """'I'm back': the offline time the person started ends now."""
        try:
            state, entry = offline.come_back(self.state, self.now(), self.home())
        except ValueError as err:
            log.info("I'm back: %s", err)
            return False
        return self._record(state, [entry])

    def offline_until_time(self, at: time) -> datetime:
        return offline.until_time(self.now(), at, self.home())

    def morning(self) -> time:
        return parse_hhmm(self.state.settings.morning)

    def offline_choices(self) -> list[tuple[str, datetime]]:
        now, home = self.now(), self.home()
        morning = pausing.tomorrow_morning(now, home, self.morning())
        choices = [(_("Until tomorrow morning"), morning)]
        weekend = offline.rest_of_weekend(now, home, self.morning())
        if weekend is not None:
            choices.append((_("For the rest of the weekend"), weekend))
        return choices

    def pause(self, until: datetime) -> None:
        try:
            state, entry = pausing.pause(self.state, until, self.now())
        except ValueError as err:
            self._tell(_("Pause: {reason}.").format(reason=err))
            return
        self._record(state, [entry])

    def pause_for(self, choice: str) -> None:
        """'hour', 'tomorrow' or 'resume', as offered in the menus."""
        now = self.now()
        if choice == "resume":
            self.resume()
        elif choice == "hour":
            self.pause(pausing.an_hour_from(now))
        else:
            self.pause(pausing.tomorrow_morning(now, self.home(), self.morning()))

    def resume(self) -> None:
        state, entry = pausing.resume(self.state, self.now())
        self._record(state, [entry])

    def paused_until(self) -> datetime | None:
        return pausing.paused_until(self.state, self.now())

    # --- definitions (the settings window) -------------------------------------------------

    def apply_definitions(self, draft: State) -> list[Problem]:
        """Save what the settings window holds. Returns problems instead of saving when
        parts do not fit together (a rule naming a person who is gone, a repeated id)."""
        problems = cross_check(draft)
        if problems:
            return problems
        state = commands.replace_definitions(self.state, draft, self.now())
        if not self._record(state, []):
            return [Problem("$", _("could not be saved; see the message from Tidewell"))]
        return []

    def join_sync(self, folder: Path) -> None:
        """Sync through ``folder``, a backup of the settings kept first; raises OSError."""
        from tidewell.store.backups import back_up
        from tidewell.store.datastore import MAIN
        from tidewell.store.reflections import Reflections
        from tidewell.store.sync_link import SyncLink

        store, now = self.store, self.clock.now()
        main = store.folder / MAIN
        back_up(main, main.read_bytes(), now)
        assert store.journal is not None
        journal = [e for y in store.journal.years() for e in store.journal.entries(y, now)]
        kept = [r for _id, r in Reflections(store.folder, now).all()]
        store.sync = SyncLink.join(store.folder, folder, self.state, journal, now, kept)
        self.merge_sync()  # what the folder holds, merged now

    def leave_sync(self) -> None:
        if self.store.sync is not None:
            self.store.sync.leave()
            self.store.sync = None

    def use_calendar(self, view: CalendarView) -> None:
        """What the calendars say now (read by the calendar keeper); nothing is written."""
        if view != self.state.calendar:
            self.state = replace(self.state, calendar=view)
            self.changed.emit()

    # --- writing ------------------------------------------------------------------------

    def _record(self, state: State, entries: list[JournalEntry]) -> bool:
        try:
            self.store.record(state, entries)
        except OSError as err:
            log.exception("could not write to %s", self.store.folder)
            self._tell(
                _(
                    "Tidewell could not save to {folder} ({reason}). Nothing you saved before "
                    "is lost; it tries again with the next change."
                ).format(folder=self.store.folder, reason=err.strerror or err)
            )
            return False
        self.state = state
        self.changed.emit()
        return True

    def _tell(self, message: str) -> None:
        log.warning("%s", message)
        self.problem.emit(message)
