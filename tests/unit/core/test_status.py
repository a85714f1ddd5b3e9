"""The state line: protected time with the person's reason, pauses, what comes next."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import msgspec

from tidewell.core.life import WeeklyBlock
from tidewell.core.pause import pause
from tidewell.core.schedule import due
from tidewell.core.status import moment_in_words, status_of

from ...helpers import local, rule, state

LONDON = ZoneInfo("Europe/London")
WEEKEND = msgspec.convert(
    {
        "kind": "weekly",
        "id": "weekend",
        "reason": "weekend with the kids",
        "days": ["sat", "sun"],
        "start": "00:00",
        "end": "00:00",
    },
    WeeklyBlock,
)
EVENINGS = msgspec.convert(
    {
        "kind": "weekly",
        "id": "evenings",
        "reason": "evenings are ours",
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "start": "19:00",
        "end": "07:00",
    },
    WeeklyBlock,
)


def test_protected_time_names_its_end_and_the_persons_reason() -> None:
    now = local("Europe/London", 2026, 11, 28, 10, 0)  # a Saturday
    s = state(rule("a"), blocks=[WEEKEND])
    status = status_of(s, now)
    assert status.mode == "protected"
    assert status.line == "Protected time until Mon 00:00: 'weekend with the kids'"


def test_blocks_that_join_up_are_one_stretch() -> None:
    now = local("Europe/London", 2026, 11, 27, 21, 0)  # Friday evening, then the weekend
    status = status_of(state(blocks=[EVENINGS, WEEKEND]), now)
    assert status.until is not None
    assert status.until.astimezone(LONDON).strftime("%a %H:%M") == "Mon 00:00"
    assert status.reason == "evenings are ours"


def test_paused_wins_and_the_next_two_nudges_are_listed() -> None:
    now = local("Europe/London", 2026, 11, 23, 8, 0)
    s = state(rule("a", {"kind": "at", "times": ["09:00", "17:00"]}), handled=now)
    normal = status_of(s, now)
    assert normal.mode == "normal" and normal.line == "Next: Nudge a, 09:00"
    assert [n.at.astimezone(LONDON).hour for n in normal.next] == [9, 17]
    paused, _ = pause(s, now + timedelta(hours=2), now)
    assert status_of(paused, now).line == "Nudges paused until 10:00"
    assert [n.at.astimezone(LONDON).hour for n in status_of(paused, now).next] == [17, 9]


def test_nothing_coming_is_said_calmly() -> None:
    assert status_of(state(), local("Europe/London", 2026, 11, 23, 8)).line.startswith("Nothing")


def test_moments_in_words() -> None:
    now = local("Europe/London", 2026, 11, 23, 8, 0)  # Monday
    words = [moment_in_words(now + timedelta(days=d, hours=1), now, LONDON) for d in (0, 1, 3, 9)]
    assert words == ["09:00", "tomorrow 09:00", "Thu 09:00", "Wed 2 Dec 09:00"]


def test_a_block_starting_inside_protected_time_is_not_announced_again() -> None:
    guard = rule("guard", {"kind": "protected", "active_minutes": None})
    friday_evening = local("Europe/London", 2026, 11, 27, 19, 0, 30)
    s = state(guard, blocks=[EVENINGS, WEEKEND], handled=friday_evening - timedelta(hours=1))
    assert [d.rule_id for d in due(s, friday_evening)] == ["guard"]
    after = state(guard, blocks=[EVENINGS, WEEKEND], handled=friday_evening)
    assert due(after, local("Europe/London", 2026, 11, 28, 0, 0, 30)) == []


def test_a_block_with_its_own_rule_is_not_covered_twice() -> None:
    general = rule("general", {"kind": "protected", "active_minutes": None})
    own = rule("own", {"kind": "protected", "blocks": ["weekend"], "active_minutes": None})
    saturday = local("Europe/London", 2026, 11, 28, 0, 0, 30)
    s = state(general, own, blocks=[WEEKEND], handled=saturday - timedelta(days=1))
    assert [d.rule_id for d in due(s, saturday)] == ["own"]


def test_declared_waiting_time_is_where_you_stand() -> None:
    from tidewell.core.state import WaitingSession

    now = local("Europe/London", 2026, 11, 23, 9, 0)
    waiting = WaitingSession(started=now, minutes=30, context="airport")
    status = status_of(state(), now + timedelta(minutes=10), waiting=waiting)
    assert status.line == "20 minutes of waiting at the airport"
    assert status_of(state(), now + timedelta(minutes=31), waiting=waiting).line == (
        "Nothing planned for now"
    )
