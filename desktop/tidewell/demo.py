"""An example life for trying Tidewell and for its screenshots: Maya, who sells for a living
and travels, her family in Leeds, her sister in Toronto, a friend in Tokyo; her own rules,
protected evenings and weekends, seasons, and a few months of answers and reflections.

Everything is dated from the store's clock, so the demo always looks lived-in *now*."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import msgspec
from msgspec.structs import replace

from tidewell.core.journal import (
    Answer,
    AnswerEntry,
    IdeaEntry,
    JournalEntry,
    ProtectedEntry,
    WaitingEntry,
)
from tidewell.core.life import Balance, Block, Person, Season, WaitingIdea
from tidewell.core.reflection import Reflection
from tidewell.core.rules import Rule
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.store.datastore import DataStore
from tidewell.store.reflections import Reflections

DAYS_OF_HISTORY = 120
_WEEKDAY_ANSWERS: tuple[Answer, ...] = ("done", "done", "snoozed", "skipped")

_PEOPLE: list[dict[str, Any]] = [
    {"id": "mum-and-dad", "name": "Mum and Dad", "zone": "Europe/London", "place": "Leeds",
     "reachable": [{"start": "17:00", "end": "21:00"}], "reach": "tel:+441134960000"},
    {"id": "anna", "name": "Anna", "zone": "America/Toronto", "place": "Toronto",
     "reachable": [{"start": "18:00", "end": "22:00"}], "reach": "mailto:anna@example.org"},
    {"id": "kenji", "name": "Kenji", "zone": "Asia/Tokyo", "place": "Tokyo",
     "reachable": [{"start": "07:00", "end": "08:30"}, {"start": "20:00", "end": "23:00"}]},
]  # fmt: skip
_BLOCKS: list[dict[str, Any]] = [
    {"kind": "weekly", "id": "weekend", "reason": "weekends are ours",
     "days": ["sat", "sun"], "start": "00:00", "end": "00:00"},
    {"kind": "weekly", "id": "evenings", "reason": "evenings at home",
     "days": ["sun", "mon", "tue", "wed", "thu"], "start": "19:00", "end": "07:00"},
]  # fmt: skip
_IDEAS: list[dict[str, Any]] = [
    {"id": "call-home", "what": "Ring Mum and Dad", "minutes": 20, "person": "mum-and-dad",
     "link": "tel:+441134960000"},
    {"id": "mail-anna", "what": "A long, chatty e-mail to Anna", "minutes": 30,
     "person": "anna", "link": "mailto:anna@example.org", "contexts": ["airport"]},
    {"id": "voice-kenji", "what": "A voice message for Kenji", "minutes": 10,
     "person": "kenji", "area": "friends"},
    {"id": "walk", "what": "A walk around the terminal, no phone", "minutes": 15,
     "area": "health", "contexts": ["airport"]},
    {"id": "read", "what": "A chapter of my book", "minutes": 25, "area": "self"},
]  # fmt: skip
_RULES: list[dict[str, Any]] = [
    {"id": "call-mum-and-dad", "name": "Call Mum and Dad", "area": "family",
     "when": {"kind": "at", "days": ["sun"], "times": ["18:30"]},
     "nudge": {"title": "Call Mum and Dad", "message": "Sunday evening in Leeds too.",
               "link": "tel:+441134960000"}},
    {"id": "stretch", "name": "Stand up and stretch", "area": "health",
     "when": {"kind": "at", "days": ["mon", "tue", "wed", "thu", "fri"],
              "times": ["11:00", "15:30"]},
     "nudge": {"title": "A stretch?", "message": "Two minutes away from the screen.",
               "snooze": [10, 30]}},
    {"id": "offline", "name": "You planned to be offline", "area": "family",
     "when": {"kind": "protected", "at_start": True, "active_minutes": 10},
     "nudge": {"title": "You planned to be offline",
               "message": "Expected by the client, or habit?"}},
    {"id": "airport", "name": "Waiting time is family time", "area": "family",
     "when": {"kind": "waiting", "min_minutes": 20, "contexts": ["airport", "commute"]},
     "nudge": {"title": "Some waiting time?"}},
    {"id": "late", "name": "Late at the desk", "area": "rest",
     "when": {"kind": "late", "after": "22:30", "until": "05:00"},
     "only_if": {"not_in_season": ["busy"]},
     "nudge": {"title": "Still here at this hour?", "message": "A real need tonight?"}},
    {"id": "long-walk", "name": "A long walk", "area": "health",
     "when": {"kind": "at", "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;BYHOUR=10;BYMINUTE=0"},
     "nudge": {"title": "A long walk this morning?"}},
    {"id": "reflect", "name": "Revisit my balance", "area": "self",
     "when": {"kind": "reflect", "every_weeks": 4, "day": "sun", "time": "18:00"},
     "nudge": {"title": "Does your balance still fit?",
               "message": "A few quiet minutes with your own words."}},
]  # fmt: skip
_REFLECTIONS = [
    ["Weekends held, even in the busy weeks.", "Sunday calls with Mum and Dad.",
     "Fewer late evenings at the laptop."],
    ["Airport time went to Anna twice.", "Less travel in January.", ""],
]  # fmt: skip


def demo_state(state: State, today: date) -> State:
    """The example definitions on top of ``state`` (its progress and settings kept)."""
    seasons = [
        Season("year-end", "Year-end push", "busy", today - timedelta(days=20),
               today + timedelta(days=18)),
        Season("summer", "Summer break", "recovery", today - timedelta(days=130),
               today - timedelta(days=110)),
    ]  # fmt: skip
    balance = msgspec.convert(
        {
            "definition": "Busy weeks are fine when the weekends stay ours. Sunday calls "
            "home count more than inbox zero.",
            "areas": ["family", "health", "rest", "friends", "self", "work"],
            "targets": [
                {"id": "family", "name": "Family time", "kind": "done", "area": "family",
                 "count": 3},
                {"id": "weekends", "name": "Work-free weekends", "kind": "kept",
                 "block": "weekend", "count": 2, "per": "month", "busy_count": 1},
                {"id": "vacation", "name": "Days off", "kind": "days_off", "count": 20,
                 "per": "year"},
            ],
        },
        Balance,
    )  # fmt: skip
    return replace(
        state,
        rules=[msgspec.convert(r, Rule) for r in _RULES],
        blocks=[msgspec.convert(b, Block) for b in _BLOCKS],
        people=[msgspec.convert(p, Person) for p in _PEOPLE],
        seasons=seasons,
        ideas=[msgspec.convert(i, WaitingIdea) for i in _IDEAS],
        balance=balance,
    )


def demo_journal(now: datetime) -> list[JournalEntry]:
    """A few months of answers: mostly done, some choices, some skipped, never a streak."""
    entries: list[JournalEntry] = []
    for n in range(DAYS_OF_HISTORY, 0, -1):
        day = (now - timedelta(days=n)).replace(hour=18, minute=30, second=0, microsecond=0)
        weekday = day.weekday()
        if weekday == 6:
            answer: Answer = "done" if n % 5 else "skipped"
            entries.append(AnswerEntry(at=day, rule="call-mum-and-dad", due=day, answer=answer))
        if weekday < 5:
            morning = day.replace(hour=11, minute=0)
            answer = _WEEKDAY_ANSWERS[n % 4]
            entries.append(AnswerEntry(at=morning, rule="stretch", due=morning, answer=answer))
        if weekday == 5:
            entries.append(ProtectedEntry(at=day, block="weekend", event="kept"))
        if n % 9 == 0:
            late = day.replace(hour=21, minute=10)
            entries.append(
                AnswerEntry(at=late, rule="offline", due=late, answer="chose", active=True,
                            note="a proposal due in the morning")
            )  # fmt: skip
        if n % 13 == 0:
            wait = day.replace(hour=9, minute=40)
            entries.append(WaitingEntry(at=wait, minutes=40, context="airport"))
            entries.append(IdeaEntry(at=wait, idea="mail-anna", answer="done", minutes=40))
    return entries


def write_demo(store: DataStore, state: State) -> str:
    """Write the example into ``store``; a line saying what was written."""
    now = store.clock.now()
    today = now.astimezone(store.clock.zone()).date()
    example = demo_state(state, today)
    entries = demo_journal(now)
    store.record(example, entries)
    reflections = Reflections(store.folder, now)
    for weeks, answers in zip((9, 4), _REFLECTIONS, strict=True):
        reflections.add(Reflection(at=now - timedelta(weeks=weeks), answers=answers))
    return _(  # the example always holds several of each
        "{rules} rules, {people} people in three time zones, {seasons} seasons, "
        "{entries} journal entries, {reflections} reflections"
    ).format(rules=len(example.rules), people=len(example.people), seasons=len(example.seasons),
             entries=len(entries), reflections=len(_REFLECTIONS))  # fmt: skip
