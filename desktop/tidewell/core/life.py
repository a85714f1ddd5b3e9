"""What surrounds the rules: protected time, people, seasons, waiting ideas, the balance."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from msgspec import Meta, Struct, field

from tidewell.core.fields import (
    DEFAULT_AREAS,
    HHMM,
    Area,
    Id,
    Minutes,
    Name,
    Seconds,
    Text,
    Weekday,
    check_link,
    check_zone,
)
from tidewell.i18n import _


class _Block(Struct, tag_field="kind", forbid_unknown_fields=True, frozen=True):
    pass


class WeeklyBlock(_Block, tag="weekly", frozen=True):
    """Protected every week on ``days`` from ``start`` to ``end`` (local time).

    An end at or before the start runs into the next day; back-to-back days join up,
    so Saturday and Sunday 00:00-00:00 is one weekend.
    """

    id: Id
    reason: Text
    days: list[Weekday]
    start: HHMM
    end: HHMM
    zone: str | None = None

    def __post_init__(self) -> None:
        check_zone("zone", self.zone)
        if not self.days:
            raise ValueError("days: " + _("pick at least one day"))


class DatedBlock(_Block, tag="dated", frozen=True):
    """Protected once, from ``start`` to ``end`` (local wall-clock), e.g. a vacation."""

    id: Id
    reason: Text
    start: datetime
    end: datetime
    zone: str | None = None

    def __post_init__(self) -> None:
        check_zone("zone", self.zone)
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("start: " + _("write local times without an offset; use 'zone'"))
        if self.end <= self.start:
            raise ValueError("end: " + _("the end must come after the start"))


Block = WeeklyBlock | DatedBlock


class Hours(Struct, forbid_unknown_fields=True, frozen=True):
    """Reachable hours in the person's own local time."""

    start: HHMM
    end: HHMM
    days: list[Weekday] = []  # empty: every day


class Person(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    id: Id
    name: Name
    zone: str
    reachable: list[Hours] = []  # empty: no hours known, never counted as reachable
    reach: str | None = None  # how to reach them: a link (tel:, mailto:, https:)
    place: Name | None = None  # shown beside their time, e.g. "Leeds"

    def __post_init__(self) -> None:
        check_zone("zone", self.zone)
        check_link("reach", self.reach)


SeasonKind = Literal["busy", "steady", "recovery"]


class Season(Struct, forbid_unknown_fields=True, frozen=True):
    """A named stretch of dates (inclusive) that conditions can test."""

    id: Id
    name: Name
    kind: SeasonKind
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end: " + _("a season ends on or after its first day"))


class WaitingIdea(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Something the person likes to do with waiting time."""

    id: Id
    what: Name
    minutes: Minutes = 15
    person: Id | None = None
    link: str | None = None
    contexts: list[Name] = []  # empty: fits anywhere
    area: Area = "family"

    def __post_init__(self) -> None:
        check_link("link", self.link)


Per = Literal["week", "month", "year"]
TargetKind = Literal["done", "kept", "days_off"]
Count = Annotated[int, Meta(ge=0, le=366)]


class Target(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """'Family time three times a week': a number of the person's own, per week/month/year.

    done: nudges of ``area`` answered Done; kept: protected time kept (of ``block``, or any),
    with no activity inside but what the person chose; days_off: days a dated block (a
    vacation) protects at noon. In a busy season ``busy_count`` is enough."""

    id: Id
    name: Name
    kind: TargetKind
    count: Count
    per: Per = "week"
    area: Area | None = None
    block: Id | None = None
    busy_count: Count | None = None
    since: date | None = None  # added mid-period: only the days from here on count


class Balance(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """The person's own definition of balance, in their own words, and their own numbers."""

    definition: Text = ""
    areas: list[Area] = field(default_factory=lambda: list(DEFAULT_AREAS))
    targets: list[Target] = []
    reach_me: Text = ""  # "Working with me": how and when to reach them, in their words


PopupPlace = Literal["tray", "top-right", "bottom-right", "top-left", "bottom-left"]


Appearance = Literal["system", "light", "dark"]
# How nudges come: automatic (the desktop's notifications on Wayland, where a popup cannot
# sit by the tray; Tidewell's popups elsewhere), always popups, or always notifications.
NudgesAs = Literal["auto", "popups", "notifications"]
Language = Annotated[str, Meta(pattern=r"^(system|[a-z]{2,3}(_[A-Z]{2})?)$", max_length=10)]


class Settings(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    zone: str | None = None  # the home zone; none: follow the system
    popup_seconds: Seconds = 120  # how long a popup waits before closing quietly
    break_seconds: Seconds = 300  # no input this long counts as a break
    popup_place: PopupPlace = "tray"  # by the tray icon, or a corner of the screen
    morning: HHMM = "07:00"  # when "until tomorrow" and "the rest of the weekend" end
    appearance: Appearance = "system"  # light or dark windows, or as the system has it
    nudges_as: NudgesAs = "auto"
    language: Language = "system"  # "system", or a language Tidewell speaks: "de", "pt_BR"
    daily_ceiling: Annotated[int, Meta(ge=0, le=100)] = 8  # nudges not asked for; 0: no limit
    ask_after: Annotated[int, Meta(ge=0, le=20)] = 3  # passes in a row before asking; 0: never
    digest_at: HHMM | None = None  # when the digest's nudges come; none: no digest

    def __post_init__(self) -> None:
        check_zone("zone", self.zone)
