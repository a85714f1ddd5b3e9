"""What calendar events mean (by the person's own words) and what the scheduler does with
them: trips offer waiting time, time off is protected, meetings hold popups."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest
from msgspec.structs import replace

from tidewell.core.calendar import (
    CalendarEvent,
    CalendarSource,
    Reading,
    Readings,
    meaning_of,
    meetings_end,
    understand,
)
from tidewell.core.commands import offer_travel, replace_definitions, shown
from tidewell.core.schedule import due, next_wakeup
from tidewell.core.state import TRAVEL_PROGRESS, Context, State
from tidewell.core.status import status_of

from ...helpers import rule, state, utc

LONDON = ZoneInfo("Europe/London")


def event(title: str, start, hours: float = 1, **extra) -> CalendarEvent:  # type: ignore[no-untyped-def]
    return CalendarEvent(start, start + timedelta(hours=hours), title, **extra)


def source(**readings) -> CalendarSource:  # type: ignore[no-untyped-def]
    return CalendarSource(
        "work", "Work", "url", host="cal.example.org", readings=Readings(**readings)
    )


def with_events(s: State, *events: CalendarEvent, src: CalendarSource | None = None) -> State:
    src = src or source()
    view = understand([src], {src.id: list(events)}, LONDON)
    return replace(s, calendars=[src], calendar=view)


# --- meaning --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "categories", "expected"),
    [
        ("Flight BA 123 to Lisbon", [], "travel"),
        ("Train to Leeds", [], "travel"),
        ("Training: Excel", [], "busy"),  # whole words only: 'train' is not 'training'
        ("Summer vacation", [], "offline"),
        ("OOO", [], "offline"),
        ("Out of office: conference", [], "offline"),
        ("Anything", ["Vacation"], "offline"),  # categories count too, ignoring case
        ("Standup", [], "busy"),
    ],
)
def test_default_words(title: str, categories: list[str], expected: str) -> None:
    assert (
        meaning_of(Readings(), event(title, utc(2026, 11, 23, 9), categories=categories))
        == expected
    )


def test_all_day_is_never_a_meeting_and_words_are_the_persons_own() -> None:
    readings = Readings(travel=Reading(words=["Zug"]), busy=Reading(words=["1:1", "Review"]))
    day = event("Birthday", utc(2026, 11, 23), 24, all_day=True)
    assert meaning_of(Readings(), day) is None
    assert meaning_of(readings, event("Zug nach Basel", utc(2026, 11, 23, 9))) == "travel"
    assert meaning_of(readings, event("Flight", utc(2026, 11, 23, 9))) is None
    assert meaning_of(readings, event("Design review", utc(2026, 11, 23, 9))) == "busy"
    assert meaning_of(readings, event("Lunch", utc(2026, 11, 23, 9))) is None
    off = Readings(busy=Reading(on=False))
    assert meaning_of(off, event("Standup", utc(2026, 11, 23, 9))) is None


def test_a_source_keeps_only_a_host_and_refuses_a_path_for_a_feed() -> None:
    with pytest.raises(msgspec.ValidationError, match="host"):
        msgspec.convert(
            {"id": "a", "name": "A", "kind": "url", "host": "example.org/secret?token=1"},
            CalendarSource,
        )
    with pytest.raises(msgspec.ValidationError, match="keyring"):
        msgspec.convert({"id": "a", "name": "A", "kind": "url"}, CalendarSource)


def test_all_day_time_off_runs_on_the_persons_own_days() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    src = source()
    off = CalendarEvent(utc(2026, 12, 24), utc(2026, 12, 27), "Vacation", all_day=True)
    view = understand([src], {"work": [off]}, tokyo)
    assert view.spans[0].start == utc(2026, 12, 23, 15)  # midnight in Tokyo
    assert view.blocks[0].reason == "Vacation"


# --- time off -------------------------------------------------------------------------

OFFLINE_RULE = rule(
    "offline",
    {"kind": "protected", "at_start": False, "active_minutes": 10},
    nudge={"title": "You planned to be offline"},
)


def test_vacation_becomes_protected_time_with_its_title_as_reason() -> None:
    now = utc(2026, 12, 26, 11)
    s = with_events(state(OFFLINE_RULE), event("Vacation in Porto", utc(2026, 12, 24), 24 * 7))
    active = Context(idle_seconds=3, active_since=now - timedelta(minutes=12))
    [item] = due(s, now, active)
    assert item.rule_id == "offline" and item.reason == "Vacation in Porto"
    assert status_of(s, now).mode == "protected"
    assert "Vacation in Porto" in status_of(s, now).line
    assert due(s, now, Context(idle_seconds=3, active_since=now - timedelta(minutes=5))) == []


# --- meetings -------------------------------------------------------------------------


def test_a_nudge_due_in_a_meeting_waits_for_its_end_and_says_so() -> None:
    daily = rule("walk", {"kind": "at", "times": ["10:00"]}, grace_minutes=30)
    s = with_events(
        state(daily, handled=utc(2026, 11, 23, 8)),
        event("Planning", utc(2026, 11, 23, 9, 30), 1.5),  # 09:30-11:00
        event("Review", utc(2026, 11, 23, 11), 0.5),  # joins up: free at 11:30
    )
    assert due(s, utc(2026, 11, 23, 10)) == []
    assert due(s, utc(2026, 11, 23, 11, 15)) == []
    assert meetings_end(s.calendar, utc(2026, 11, 23, 10)) == utc(2026, 11, 23, 11, 30)
    assert next_wakeup(s, utc(2026, 11, 23, 10)) == utc(2026, 11, 23, 11, 30)
    assert "In a meeting until 11:30" in status_of(s, utc(2026, 11, 23, 10)).line
    # past its own 30 minutes of grace, yet counted from the meeting's end
    [item] = due(s, utc(2026, 11, 23, 11, 45))
    assert item.rule_id == "walk" and item.waited
    assert due(s, utc(2026, 11, 23, 12, 1)) == []  # grace after the meeting has passed


def test_outside_meetings_nothing_changes() -> None:
    daily = rule("walk", {"kind": "at", "times": ["10:00"]})
    s = with_events(
        state(daily, handled=utc(2026, 11, 23, 8)), event("Planning", utc(2026, 11, 23, 14))
    )
    [item] = due(s, utc(2026, 11, 23, 10, 1))
    assert not item.waited


# --- travel ---------------------------------------------------------------------------


def test_a_trip_offers_waiting_time_once_at_its_lead_time() -> None:
    flight = event("Flight to Lisbon", utc(2026, 11, 23, 15), 3)
    s = with_events(State(), flight, src=source(lead_minutes=90))
    assert offer_travel(s, utc(2026, 11, 23, 13, 29)) is None
    assert next_wakeup(s, utc(2026, 11, 23, 12)) == utc(2026, 11, 23, 13, 30)
    offered = offer_travel(s, utc(2026, 11, 23, 13, 30))
    assert offered is not None
    s2, span, entry = offered
    assert span.title == "Flight to Lisbon" and entry.rule == TRAVEL_PROGRESS
    assert offer_travel(s2, utc(2026, 11, 23, 14)) is None  # once a trip
    # saving settings keeps what was offered
    kept = replace_definitions(s2, s2, utc(2026, 11, 23, 14))
    assert offer_travel(kept, utc(2026, 11, 23, 14)) is None


def test_a_trip_offer_waits_for_a_meeting_and_a_pause() -> None:
    s = with_events(
        State(),
        event("Flight", utc(2026, 11, 23, 15), 2),
        event("Sync", utc(2026, 11, 23, 13), 1),
    )
    assert offer_travel(s, utc(2026, 11, 23, 13, 30)) is None
    assert offer_travel(s, utc(2026, 11, 23, 14)) is not None
    later, _, _ = offer_travel(s, utc(2026, 11, 23, 14)) or (s, None, None)
    assert later.progress_of(TRAVEL_PROGRESS).handled == utc(2026, 11, 23, 15)


def test_shown_rule_progress_is_untouched_by_calendar_views() -> None:
    daily = rule("walk", {"kind": "at", "times": ["10:00"]})
    s = with_events(
        state(daily, handled=utc(2026, 11, 23, 8)), event("Flight", utc(2026, 11, 24, 9))
    )
    [item] = due(s, utc(2026, 11, 23, 10))
    s2, _ = shown(s, item, utc(2026, 11, 23, 10))
    assert due(s2, utc(2026, 11, 23, 10, 5)) == []
