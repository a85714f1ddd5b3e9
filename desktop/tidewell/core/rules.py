"""A rule: when something happens (the trigger), if conditions hold, raise a nudge."""

from __future__ import annotations

from datetime import MAXYEAR, date, datetime, time, timedelta
from itertools import islice, pairwise
from typing import Annotated

from msgspec import Meta, Struct, field

from tidewell.core.fields import (
    HHMM,
    Area,
    Days,
    Id,
    Minutes,
    Name,
    Text,
    Weekday,
    check_link,
    check_zone,
)
from tidewell.i18n import N_, _


class _Trigger(Struct, tag_field="kind", forbid_unknown_fields=True, frozen=True):
    """Base of every trigger kind; the JSON field ``kind`` says which one."""

    @property
    def kind(self) -> str:
        """'at', 'protected', 'waiting', 'late', 'active' or 'reflect'."""
        return str(self.__struct_config__.tag)


class AtTrigger(_Trigger, tag="at", frozen=True):
    """At local times on chosen weekdays, or on an RFC 5545 RRULE."""

    times: list[HHMM] = []
    days: list[Weekday] = []  # empty: every day
    rrule: str | None = None  # e.g. "FREQ=MONTHLY;BYDAY=1SA;BYHOUR=10;BYMINUTE=0"
    start: date | None = None  # the RRULE's first day (default 2024-01-01)
    zone: str | None = None  # IANA name; none: follow the system zone

    def __post_init__(self) -> None:
        check_zone("zone", self.zone)
        if self.rrule is None and not self.times:
            raise ValueError("times: " + _("give at least one time like 09:00, or an rrule"))
        if self.rrule is not None and self.times:
            raise ValueError("rrule: " + _("use either times or an rrule, not both"))
        if self.rrule is not None:
            check_rrule(self.rrule)


class ProtectedTrigger(_Trigger, tag="protected", frozen=True):
    """When protected time starts, and/or when the person is active inside it."""

    at_start: bool = True
    active_minutes: Minutes | None = 10  # none: never remind about activity inside
    blocks: list[Id] = []  # empty: every protected block

    def __post_init__(self) -> None:
        if not self.at_start and self.active_minutes is None:
            raise ValueError("at_start: " + _("choose the start, activity inside, or both"))


class WaitingTrigger(_Trigger, tag="waiting", frozen=True):
    """When the person says they have at least N minutes of waiting time."""

    min_minutes: Minutes = 10
    contexts: list[Annotated[str, Meta(min_length=1, max_length=40)]] = []  # empty: any


class LateTrigger(_Trigger, tag="late", frozen=True):
    """When the person is at the computer after a local time (until a morning hour)."""

    after: HHMM = "22:00"
    until: HHMM = "05:00"
    active_minutes: Minutes = 5


class ActiveTrigger(_Trigger, tag="active", frozen=True):
    """After N minutes of activity without a break (the break length is a setting)."""

    minutes: Minutes = 90


class ReflectTrigger(_Trigger, tag="reflect", frozen=True):
    """Every N weeks: a moment to revisit your own definition of balance."""

    every_weeks: Annotated[int, Meta(ge=1, le=52)] = 4
    day: Weekday = "sun"
    time: HHMM = "18:00"
    start: date | None = None  # the week counting starts from (default 2024-01-01)


Trigger = (
    AtTrigger | ProtectedTrigger | WaitingTrigger | LateTrigger | ActiveTrigger | ReflectTrigger
)
TIMED_KINDS = frozenset({"at", "reflect"})
ACTIVITY_KINDS = frozenset({"protected", "late", "active"})


class TimeWindow(Struct, forbid_unknown_fields=True, frozen=True):
    """From ``start`` to ``end`` local time; an end before the start crosses midnight."""

    start: HHMM
    end: HHMM

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise ValueError("end: " + _("a window needs an end different from its start"))


class Conditions(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Everything here must hold when the trigger fires. Empty: always."""

    days: list[Weekday] = []
    between: TimeWindow | None = None
    in_season: list[Name] = []  # a season's id, name or kind
    not_in_season: list[Name] = []
    reachable: Id | None = None  # a person's id: inside their reachable hours
    not_done_within_days: Days | None = None


DONE_WORDS = {  # translated where shown
    "late": N_("Stopping now"),
    "protected": N_("Logging off now"),
    "reflect": N_("Reflect now"),
}


class Nudge(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """What the popup says. Always shown as plain text."""

    title: Name
    message: Text = ""
    link: str | None = None
    snooze: list[Minutes] = field(default_factory=lambda: [10, 30, 60])
    done: Name | None = None  # the words on the answer button; none: fitting the kind

    def done_words(self, kind: str) -> str:
        """'Stopping now' fits 'Still here at this hour?' better than 'Done'."""
        return self.done or _(DONE_WORDS.get(kind, N_("Done")))

    def __post_init__(self) -> None:
        check_link("link", self.link)
        if len(self.snooze) > 6:
            raise ValueError("snooze: " + _("at most six snooze choices fit on a popup"))


class Rule(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    id: Id
    name: Name
    when: Trigger
    nudge: Nudge
    area: Area = "self"
    enabled: bool = True
    only_if: Conditions = Conditions()
    grace_minutes: Minutes = 60  # a nudge missed while asleep still fires this long after
    digest: bool = False  # collected and shown once a day, at the digest time (a setting)


_CHECK_START = datetime.combine(date(2024, 1, 1), time())  # rules start at midnight: any will do
_PROBE_YEARS = {"HOURLY": 2, "DAILY": 10, "WEEKLY": 10, "MONTHLY": 30, "YEARLY": 30}


_CHECKED: set[str] = set()  # repeats found good: rules are checked each time they are read
_MOST_CHECKED = 4096


def check_rrule(text: str) -> None:
    """Refuse, with the reason, a repeat that is not one, that never comes round, or that
    comes more often than hourly; within a bounded amount of work (dateutil walks every
    period up to the year 9999 when a rule's set is empty, and checks UNTIL only on a hit)."""
    if text in _CHECKED:
        return
    _check_rrule(text)
    if len(_CHECKED) >= _MOST_CHECKED:
        _CHECKED.clear()
    _CHECKED.add(text)


def _check_rrule(text: str) -> None:
    from dateutil.rrule import rrulestr  # with the first repeat (not every tray has one)

    upper = text.upper()
    if "DTSTART" in upper or "\n" in text:
        raise ValueError("rrule: " + _("give only the RRULE part; use 'start' for the first day"))
    if "FREQ=SECONDLY" in upper or "FREQ=MINUTELY" in upper:
        raise ValueError("rrule: " + _("nudges repeat at most hourly"))
    try:
        rrulestr(text.removeprefix("RRULE:"), dtstart=_CHECK_START, ignoretz=True)
        freq = next(p for p in upper.split(";") if p.startswith("FREQ=")).removeprefix("FREQ=")
        years = _PROBE_YEARS.get(freq, 10)
        # The same pattern without its end, in the last years a datetime can hold: an
        # empty set reaches the year 9999 after `years` years of periods, not 8,000.
        endless = ";".join(p for p in upper.removeprefix("RRULE:").split(";")
                           if not p.startswith(("UNTIL=", "COUNT=")))  # fmt: skip
        late = datetime.combine(date(MAXYEAR - years + 1, 1, 1), time())  # naive, as rules are
        first = list(islice(rrulestr(endless, dtstart=late, ignoretz=True), 24))
    except StopIteration:
        raise ValueError("rrule: " + _("it needs a FREQ, such as FREQ=WEEKLY")) from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as err:
        raise ValueError("rrule: " + _("not a valid RRULE ({reason})").format(reason=err)) from None
    if not first:
        raise ValueError(
            "rrule: " + _("it never comes round (not once in {years} years)").format(years=years)
        )
    if any(later - earlier < timedelta(hours=1) for earlier, later in pairwise(first)):
        raise ValueError("rrule: " + _("nudges repeat at most hourly"))
