"""What the person's calendars mean to Tidewell: travel, time off and meetings.

A source is a feed (its address lives in the keyring; only its host is kept here) or a
local .ics file. The person says, per source and with their own keywords, which events
are travel (waiting time ahead), time off (protected time, the title as its reason) and
meetings (popups wait until they end). Events themselves come from the calendars layer.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Annotated, Literal

from msgspec import Meta, Struct, field

from tidewell.core.fields import Id, Minutes, Name
from tidewell.core.life import DatedBlock
from tidewell.i18n import _

Meaning = Literal["travel", "offline", "busy"]
Word = Annotated[str, Meta(min_length=1, max_length=60)]
Host = Annotated[
    str,
    Meta(pattern=r"^[A-Za-z0-9.:\[\]_-]{1,255}$", description="a host name, like example.org"),
]

TRAVEL_WORDS = ("flight", "train", "layover", "airport")
OFFLINE_WORDS = ("vacation", "holiday", "out of office", "OOO", "PTO", "day off")
MEANINGS: tuple[Meaning, ...] = ("offline", "travel", "busy")  # the order events are read in
_CHAIN_LIMIT = 20  # meetings that touch end to end, followed to find when they are over


class CalendarEvent(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """One occurrence read from a calendar, in UTC. All-day events keep their date as
    UTC midnight and are placed on the person's own days when they are understood."""

    start: datetime
    end: datetime
    title: str
    categories: list[str] = []
    all_day: bool = False


class Reading(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """Whether events of one meaning are read from a source, and by which words.

    Words match whole words of the title or a category, ignoring case. No words: every
    event not already read as something else (how a work calendar's meetings are read)."""

    on: bool = True
    words: list[Word] = []


class Readings(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    travel: Reading = field(default_factory=lambda: Reading(words=list(TRAVEL_WORDS)))
    offline: Reading = field(default_factory=lambda: Reading(words=list(OFFLINE_WORDS)))
    busy: Reading = field(default_factory=Reading)
    lead_minutes: Minutes = 120  # travel: waiting time is offered this long before

    def of(self, meaning: Meaning) -> Reading:
        reading: Reading = getattr(self, meaning)
        return reading


class CalendarSource(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    id: Id
    name: Name
    kind: Literal["url", "file"]
    host: Host | None = None  # a feed's host, for showing; the address is in the keyring
    path: str | None = None  # a local .ics file
    readings: Readings = field(default_factory=Readings)

    def __post_init__(self) -> None:
        if self.kind == "url" and (self.host is None or self.path is not None):
            raise ValueError(
                "host: " + _("a feed keeps its host here and its address in the keyring")
            )
        if self.kind == "file" and not self.path:
            raise ValueError("path: " + _("a calendar file needs its path"))

    @property
    def where(self) -> str:
        return self.host or self.path or ""


class Span(Struct, frozen=True):
    """An event as Tidewell understood it."""

    meaning: Meaning
    start: datetime  # UTC
    end: datetime
    title: str
    source: str  # the source's id
    notice: datetime  # when Tidewell acts on it: travel, its lead time before the start


class CalendarView(Struct, frozen=True):
    """Everything understood from every source, ready for the scheduler."""

    spans: list[Span] = []
    blocks: list[DatedBlock] = []  # time off, as protected time
    meetings: list[tuple[datetime, datetime]] = []  # busy spans, by start
    reach: list[datetime] = []  # reach[i]: the latest end among meetings[: i + 1]


def understand(
    sources: Iterable[CalendarSource],
    events: Mapping[str, list[CalendarEvent]],
    home: tzinfo,
) -> CalendarView:
    spans: list[Span] = []
    for source in sources:
        for event in events.get(source.id, []):
            span = read_event(source, event, home)
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda s: (s.start, s.end, s.title))
    blocks = [
        DatedBlock(
            id=f"calendar-{n}",
            reason=span.title or "time off",
            start=span.start.replace(tzinfo=None),
            end=span.end.replace(tzinfo=None),
            zone="UTC",
        )
        for n, span in enumerate(s for s in spans if s.meaning == "offline")
    ]
    meetings = [(s.start, s.end) for s in spans if s.meaning == "busy"]
    reach = list(itertools.accumulate((end for _, end in meetings), max))
    return CalendarView(spans, blocks, meetings, reach)


def read_event(source: CalendarSource, event: CalendarEvent, home: tzinfo) -> Span | None:
    """What one event means, by the source's readings; None if it means nothing here."""
    meaning = meaning_of(source.readings, event)
    if meaning is None:
        return None
    start, end = _placed(event, home)
    if end <= start:
        return None
    notice = start
    if meaning == "travel":
        notice = start - timedelta(minutes=source.readings.lead_minutes)
    return Span(meaning, start, end, event.title, source.id, notice)


def meaning_of(readings: Readings, event: CalendarEvent) -> Meaning | None:
    text = " ".join([event.title, *event.categories])
    for meaning in MEANINGS:
        reading = readings.of(meaning)
        if not reading.on:
            continue
        if meaning == "busy" and event.all_day:
            continue  # an all-day entry is not a meeting
        if not reading.words and meaning == "busy":
            return meaning
        if reading.words and _pattern(tuple(reading.words)).search(text):
            return meaning
    return None


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w.strip()) for w in words if w.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _placed(event: CalendarEvent, home: tzinfo) -> tuple[datetime, datetime]:
    """All-day events run from the person's own midnight to midnight."""
    if not event.all_day:
        return event.start, event.end

    def local_midnight(moment: datetime) -> datetime:
        return datetime.combine(moment.date(), time(), home).astimezone(UTC)

    return local_midnight(event.start), local_midnight(event.end)


# --- asking the view ------------------------------------------------------------------


def meetings_end(view: CalendarView, moment: datetime) -> datetime | None:
    """When the meetings running at ``moment`` are over (following ones that join up);
    None when no meeting runs then. A binary search: the scheduler asks this often."""
    end: datetime | None = None
    probe = moment
    for _step in range(_CHAIN_LIMIT):
        index = bisect_right(view.meetings, probe, key=lambda m: m[0])
        if index == 0 or view.reach[index - 1] <= probe:
            break
        end = probe = view.reach[index - 1]
    return end


def travel_ahead(view: CalendarView, now: datetime, offered: datetime | None) -> Span | None:
    """The trip whose waiting time is near: its lead time has begun, it has not ended, and
    it was not offered yet (``offered`` is the start of the last trip offered)."""
    for span in view.spans:
        if span.meaning != "travel" or (offered is not None and span.start <= offered):
            continue
        if span.notice <= now < span.end:
            return span
    return None


OFFER_MINUTES = (10, 180)  # a trip's waiting time is offered as at least 10, at most 180 min


def offered_minutes(span: Span, now: datetime) -> int:
    """How much waiting time to offer before a trip: the time until it starts, within reason."""
    low, high = OFFER_MINUTES
    return max(low, min(high, int((span.start - now).total_seconds() // 60)))


def waiting_place(span: Span) -> str | None:
    """Where a trip's waiting time is likely spent, as the waiting-time panel names places."""
    return (
        "airport"
        if _pattern(("flight", "layover", "airport", "plane")).search(span.title)
        else None
    )


def next_notice(view: CalendarView, now: datetime) -> datetime | None:
    """The next moment a trip's lead time begins, or the meetings running now are over."""
    moments = [s.notice for s in view.spans if s.meaning == "travel" and s.notice > now]
    over = meetings_end(view, now)
    if over is not None:
        moments.append(over)
    return min(moments, default=None)
