"""Pausing nudges and going offline now: what stays quiet, what ends when, what is stored."""

from datetime import time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest
from msgspec.structs import replace

from tidewell.core.clock import FakeClock
from tidewell.core.life import DatedBlock
from tidewell.core.offline import go_offline, rest_of_weekend, until_time
from tidewell.core.pause import an_hour_from, pause, resume, tomorrow_morning
from tidewell.core.schedule import due, next_wakeup, upcoming
from tidewell.core.state import Context, Progress
from tidewell.store.datastore import DataStore

from ...helpers import local, rule, state

LONDON = ZoneInfo("Europe/London")


def test_nothing_fires_during_a_pause_and_what_fell_inside_stays_quiet() -> None:
    now = local("Europe/London", 2026, 11, 23, 8, 50)
    s = state(rule("a", {"kind": "at", "times": ["09:00"]}), handled=now)
    paused, entry = pause(s, an_hour_from(now), now)
    assert entry.until == now + timedelta(hours=1)
    assert next_wakeup(paused, now) == now + timedelta(minutes=10)  # 09:00 still looked at
    assert due(paused, local("Europe/London", 2026, 11, 23, 9, 0)) == []
    # After the pause 09:00 is inside its grace hour, yet it belonged to the pause.
    assert due(paused, local("Europe/London", 2026, 11, 23, 9, 51)) == []
    assert [u.at.hour for u in upcoming(paused, now, 1)] == [9]  # 09:00 UTC tomorrow
    assert upcoming(paused, now, 1)[0].at.day == 24


def test_resuming_early_lets_the_next_nudge_through() -> None:
    now = local("Europe/London", 2026, 11, 23, 8, 0)
    s = state(rule("a", {"kind": "at", "times": ["09:00"]}), handled=now)
    paused, _ = pause(s, tomorrow_morning(now, LONDON), now)
    resumed, entry = resume(paused, local("Europe/London", 2026, 11, 23, 8, 30))
    assert entry.until is None
    assert [d.rule_id for d in due(resumed, local("Europe/London", 2026, 11, 23, 9, 0))] == ["a"]


def test_a_pause_must_end_later() -> None:
    now = local("Europe/London", 2026, 11, 23, 8, 0)
    with pytest.raises(ValueError, match="future"):
        pause(state(), now, now)


@pytest.mark.parametrize(
    ("hour", "expected_day"),
    [(23, 24), (1, 23), (6, 24), (12, 24)],
)
def test_until_tomorrow_means_after_tonight(hour: int, expected_day: int) -> None:
    now = local("Europe/London", 2026, 11, 23, hour, 0)
    morning = tomorrow_morning(now, LONDON).astimezone(LONDON)
    assert (morning.day, morning.hour) == (expected_day, 7)


def test_rest_of_weekend_is_offered_from_friday_noon_and_ends_monday_morning() -> None:
    assert rest_of_weekend(local("Europe/London", 2026, 11, 26, 20, 0), LONDON) is None  # Thu
    assert rest_of_weekend(local("Europe/London", 2026, 11, 27, 11, 0), LONDON) is None
    for day in (27, 28, 29):  # Fri afternoon, Sat, Sun
        end = rest_of_weekend(local("Europe/London", 2026, 11, day, 15, 0), LONDON)
        assert end is not None
        assert end.astimezone(LONDON).replace(tzinfo=None).isoformat() == "2026-11-30T07:00:00"


def test_going_offline_adds_a_block_and_notices_activity_inside_it() -> None:
    now = local("Europe/London", 2026, 11, 23, 20, 14, 30)
    guard = rule("guard", {"kind": "protected", "active_minutes": 10})
    s = state(guard, handled=now - timedelta(days=1))
    until = until_time(now, local("Europe/London", 2026, 1, 1, 22, 0).time(), LONDON)
    offline, entry = go_offline(s, until, "  reading with Mia ", now, LONDON)
    block = offline.blocks[-1]
    assert isinstance(block, DatedBlock)
    assert (block.id, block.reason, block.zone) == (
        "offline-20261123-2014",
        "reading with Mia",
        "Europe/London",
    )
    assert (entry.event, entry.block) == ("started", block.id)
    # The start is not announced to the person who just chose it...
    assert due(offline, now + timedelta(seconds=5)) == []
    # ...but ten active minutes inside it are, with their own reason.
    later = now + timedelta(minutes=11)
    found = due(offline, later, Context(idle_seconds=3, active_since=now))
    assert [(d.rule_id, d.slot, d.reason) for d in found] == [
        ("guard", "active", "reading with Mia")
    ]
    # A second block in the same minute gets its own id.
    again, _ = go_offline(offline, until, "", now, LONDON)
    assert again.blocks[-1].id == "offline-20261123-2014-2"


def test_going_offline_needs_a_real_stretch() -> None:
    now = local("Europe/London", 2026, 11, 23, 20, 0)
    with pytest.raises(ValueError, match="at least a minute"):
        go_offline(state(), now, "", now, LONDON)


def test_pause_and_progress_survive_a_restart(tmp_path: Path) -> None:
    clock = FakeClock(local("Europe/London", 2026, 11, 23, 8, 0), "Europe/London")
    store, _ = DataStore.open(tmp_path, clock)
    many = [rule(f"r{i}") for i in range(12)]
    s = state(*many, handled=clock.now())
    paused, _ = pause(s, an_hour_from(clock.now()), clock.now())
    store.save(paused)
    # A large ledger rewrite must keep the pause beside the progress rows.
    moved = {k: Progress(handled=clock.now() + timedelta(minutes=1)) for k in paused.progress}
    store.save(replace(paused, progress=moved))
    _, again = DataStore.open(tmp_path, clock)
    assert again.state.pause == paused.pause
    assert again.state.progress == moved


EVENINGS = {
    "kind": "weekly",
    "id": "evenings",
    "reason": "evenings at home",
    "days": ["sun", "mon", "tue", "wed", "thu"],
    "start": "19:00",
    "end": "07:00",
}


def test_going_offline_twice_quotes_the_second_reason_everywhere() -> None:
    """Once a first offline block ended, going offline again inside the evening quotes the
    reason just given: in the status line (panel, tooltip) and in the popup's reason."""
    from tidewell.core.life import Block
    from tidewell.core.status import status_of

    evening = msgspec.convert(EVENINGS, Block)
    guard = rule("guard", {"kind": "protected", "active_minutes": 10})
    first_at = local("Europe/London", 2026, 11, 23, 17, 0)  # a Monday
    s = state(guard, handled=first_at - timedelta(days=1), blocks=[evening])
    s, _ = go_offline(s, first_at + timedelta(hours=1), "school run", first_at, LONDON)
    now = local("Europe/London", 2026, 11, 23, 19, 40)
    s, _ = go_offline(s, until_time(now, time(21, 30), LONDON), "dinner", now, LONDON)
    status = status_of(s, now + timedelta(minutes=1))
    assert status.reason == "dinner"
    assert "'dinner'" in status.line
    later = now + timedelta(minutes=11)
    found = due(s, later, Context(idle_seconds=3, active_since=now))
    assert [(d.rule_id, d.reason) for d in found] == [("guard", "dinner")]


def test_im_back_ends_the_offline_time_now_as_a_choice() -> None:
    from tidewell.core.offline import come_back, running_offline
    from tidewell.core.status import status_of

    now = local("Europe/London", 2026, 11, 23, 20, 0)
    s, _ = go_offline(state(), until_time(now, time(22, 0), LONDON), "reading", now, LONDON)
    assert status_of(s, now + timedelta(minutes=5)).offline
    back_at = now + timedelta(minutes=42, seconds=20)
    back, entry = come_back(s, back_at, LONDON)
    assert (entry.event, entry.reason) == ("back", "reading")
    block = back.blocks[-1]
    assert isinstance(block, DatedBlock)
    assert block.end.isoformat() == "2026-11-23T20:42:00"
    assert running_offline(back, back_at, LONDON) is None
    after = status_of(back, back_at)
    assert (after.mode, after.offline) == ("normal", False)
    # Within the first minute nothing is left of it; with nothing running it says so.
    quick, _ = come_back(s, now + timedelta(seconds=30), LONDON)
    assert quick.blocks == []
    with pytest.raises(ValueError, match="no offline time"):
        come_back(back, back_at, LONDON)


def test_weekday_evenings_in_the_welcome_protect_the_nights_before_working_days() -> None:
    """Sunday night to Monday morning is protected; Friday night is not counted twice."""
    from tidewell.core.life import Block
    from tidewell.core.occurrences import block_at
    from tidewell.ui.settings.starters import STARTER_BLOCKS

    doc = dict(STARTER_BLOCKS)["Evenings before a working day, 19:00 to 07:00"]
    evening = msgspec.convert(doc, Block)
    sunday_night = local("Europe/London", 2026, 11, 29, 23, 0)
    monday_early = local("Europe/London", 2026, 11, 30, 6, 30)
    friday_night = local("Europe/London", 2026, 11, 27, 22, 0)
    assert block_at(evening, LONDON, sunday_night) is not None
    assert block_at(evening, LONDON, monday_early) is not None
    assert block_at(evening, LONDON, friday_night) is None
