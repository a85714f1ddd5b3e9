"""Ranking waiting-time ideas by fit and by who is reachable now, across zones."""

import msgspec

from tidewell.core.life import Person, WaitingIdea
from tidewell.core.state import State
from tidewell.core.waiting import rank_ideas

from ...helpers import utc

PEOPLE = msgspec.convert(
    [
        {
            "id": "dad",
            "name": "Dad",
            "zone": "America/Toronto",
            "reachable": [{"start": "09:00", "end": "21:00"}],
        },
        {
            "id": "anna",
            "name": "Anna",
            "zone": "Europe/London",
            "reachable": [{"start": "18:00", "end": "22:00"}],
        },
        {
            "id": "ken",
            "name": "Ken",
            "zone": "Asia/Tokyo",
            "reachable": [{"start": "20:00", "end": "01:00", "days": ["fri"]}],
        },
    ],
    list[Person],
)
IDEAS = msgspec.convert(
    [
        {"id": "call-dad", "what": "Call Dad", "minutes": 20, "person": "dad"},
        {"id": "mail-anna", "what": "Write to Anna", "minutes": 30, "person": "anna"},
        {"id": "ken", "what": "Voice note to Ken", "minutes": 10, "person": "ken"},
        {"id": "read", "what": "Read a chapter", "minutes": 25},
        {"id": "long", "what": "Plan the holiday", "minutes": 90},
        {"id": "walk", "what": "Walk the concourse", "minutes": 15, "contexts": ["airport"]},
    ],
    list[WaitingIdea],
)


def test_reachable_people_first_then_best_fit_and_too_long_left_out() -> None:
    state = State(people=PEOPLE, ideas=IDEAS)
    now = utc(2026, 11, 23, 15)  # Mon: 10:00 Toronto, 15:00 London, 00:00 Tue Tokyo
    ranked = rank_ideas(state, 40, "airport", now)
    assert [r.idea.id for r in ranked] == ["call-dad", "walk", "read", "mail-anna", "ken"]
    first = ranked[0]
    assert first.reachable is True and first.their_time is not None
    assert (first.their_time.hour, first.their_time.minute) == (10, 0)
    assert {r.idea.id: r.reachable for r in ranked}["mail-anna"] is False
    assert {r.idea.id: r.reachable for r in ranked}["read"] is None


def test_reachable_window_crossing_midnight_belongs_to_its_start_day() -> None:
    state = State(people=PEOPLE, ideas=IDEAS)
    friday_late = utc(2026, 11, 27, 15, 30)  # 00:30 Saturday in Tokyo: Friday's window
    saturday_late = utc(2026, 11, 28, 15, 30)  # 00:30 Sunday: Saturday has no window
    assert rank_ideas(state, 10, None, friday_late)[0].idea.id == "ken"
    assert {r.idea.id: r.reachable for r in rank_ideas(state, 10, None, saturday_late)}[
        "ken"
    ] is False


def test_context_filters_ideas_made_for_somewhere_else() -> None:
    state = State(people=PEOPLE, ideas=IDEAS)
    ids = [r.idea.id for r in rank_ideas(state, 60, "commute", utc(2026, 11, 23, 15))]
    assert "walk" not in ids and "read" in ids
