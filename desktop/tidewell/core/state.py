"""Everything Tidewell knows, as one immutable value, and the scheduler's progress per rule."""

from __future__ import annotations

from datetime import datetime, tzinfo

from msgspec import Struct, field

from tidewell.core.calendar import CalendarSource, CalendarView
from tidewell.core.fields import Minutes, Name, zone_named
from tidewell.core.life import Balance, Block, Person, Season, Settings, WaitingIdea
from tidewell.core.pack_record import TakenPack
from tidewell.core.rules import Rule


class Progress(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Where one rule stands: what has been handled, snoozed or done."""

    handled: datetime | None = None  # occurrences up to here are dealt with
    active_handled: datetime | None = None  # last activity nudge shown (late/active/protected)
    snoozed_until: datetime | None = None
    snoozed_due: datetime | None = None  # the occurrence the snooze belongs to
    last_done: datetime | None = None
    passed: int = 0  # nudges let pass in a row (skipped or missed); an answer resets it
    asked: datetime | None = None  # when the kind question about this rule was last asked
    held: list[datetime] = []  # occurrences collected for the digest, not yet shown
    count: int = 0  # for the day's ceiling (CEILING_PROGRESS): nudges shown since ``handled``


TRAVEL_PROGRESS = "calendar-travel"  # progress key: the start of the last trip offered
CEILING_PROGRESS = "daily-ceiling"  # progress key: the day's start, and nudges shown since
DIGEST_PROGRESS = "digest"  # progress key: the last digest shown
RUNTIME_FIELDS = frozenset({"progress", "pause", "calendar"})  # not the person's definitions


class Pause(Struct, forbid_unknown_fields=True, frozen=True):
    """Nudges are paused from ``start`` until ``until``; what falls inside never fires."""

    start: datetime
    until: datetime

    def covers(self, moment: datetime) -> bool:
        return self.start <= moment < self.until


class WaitingSession(Struct, frozen=True):
    """Waiting time the person declared: 'I have 40 minutes at the airport'."""

    started: datetime
    minutes: Minutes
    context: Name | None = None


class Context(Struct, frozen=True):
    """What the shell observed: activity and waiting time. Unknown stays None."""

    idle_seconds: float | None = None
    active_since: datetime | None = None  # start of the current stretch of activity
    waiting: WaitingSession | None = None


class State(Struct, forbid_unknown_fields=True, frozen=True):
    rules: list[Rule] = []
    blocks: list[Block] = []
    people: list[Person] = []
    seasons: list[Season] = []
    ideas: list[WaitingIdea] = []
    balance: Balance = field(default_factory=Balance)
    settings: Settings = field(default_factory=Settings)
    calendars: list[CalendarSource] = []
    packs: list[TakenPack] = []  # norms packs taken: what each item was, and became here
    progress: dict[str, Progress] = {}
    pause: Pause | None = None
    calendar: CalendarView = field(default_factory=CalendarView)  # read from the calendars

    def protected_blocks(self) -> list[Block]:
        """The person's own protected time, and time off read from their calendars."""
        return [*self.blocks, *self.calendar.blocks] if self.calendar.blocks else self.blocks

    def paused_at(self, moment: datetime) -> bool:
        return self.pause is not None and self.pause.covers(moment)

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def progress_of(self, rule_id: str) -> Progress:
        return self.progress.get(rule_id) or Progress()


def home_zone(state: State, now: datetime) -> tzinfo:
    """The person's home zone: the setting if given, else the zone ``now`` carries."""
    if state.settings.zone:
        return zone_named(state.settings.zone)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.tzinfo


def is_first_run(state: State) -> bool:
    """Nothing defined yet: no rules, blocks, people or words about balance."""
    return not (state.rules or state.blocks or state.people or state.balance.definition)


def definitions_differ(a: State, b: State) -> bool:
    """Whether what the person defined differs (not the scheduler's progress, a pause or what
    the calendars said)."""
    return any(
        getattr(a, f) != getattr(b, f) for f in State.__struct_fields__ if f not in RUNTIME_FIELDS
    )
