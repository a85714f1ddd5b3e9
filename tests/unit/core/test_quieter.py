"""Nudges that know when to be quiet, driven by the FakeClock over 30 days: the daily
ceiling, the digest, "Less often", "Not this one again" and the kind question, asked once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from tidewell.core import quieter
from tidewell.core.clock import FakeClock
from tidewell.core.commands import answer, shown
from tidewell.core.describe import when_in_words
from tidewell.core.journal import AnswerEntry, JournalEntry, QuietEntry, ShownEntry
from tidewell.core.life import Settings
from tidewell.core.schedule import Due, due, next_wakeup
from tidewell.core.state import State

from ...helpers import rule, state, utc

LONDON = ZoneInfo("Europe/London")
START = utc(2026, 11, 2)  # a Monday, midnight in London
DAYS = 30


def settings(**changes: object) -> Settings:
    return msgspec.structs.replace(Settings(), **changes)


def live(
    s: State, days: int, reply: Callable[[Due], str] = lambda d: "done"
) -> tuple[State, list[JournalEntry], list[Due]]:
    """What the running app does, in core alone: every due nudge sorted out (ceiling,
    digest), shown, answered with ``reply``; the clock jumps to the next wakeup."""
    clock = FakeClock(START, "Europe/London")
    journal: list[JournalEntry] = []
    shown_items: list[Due] = []
    end = START + timedelta(days=days)
    while clock.now() < end:
        now = clock.now().astimezone(LONDON)
        s, digest = quieter.digest_due(s, now, LONDON)
        s, show, kept = quieter.sort_out(s, [*due(s, now), *digest], now, LONDON)
        journal += kept
        for item in show:
            s, entry = shown(s, item, now)
            journal.append(entry)
            shown_items.append(item)
            s, said = answer(s, item, reply(item), now)  # type: ignore[arg-type]
            journal.append(said)
        wakes = [w for w in (next_wakeup(s, now), quieter.next_digest(s, now, LONDON)) if w]
        later = min(wakes, default=end)
        clock.set(max(later, now + timedelta(minutes=1)))
    return s, journal, shown_items


HOURLY = {"kind": "at", "times": [f"{h:02d}:00" for h in range(8, 20)]}  # twelve a day


def test_the_ceiling_keeps_back_what_was_not_asked_for_and_journals_it() -> None:
    s = state(rule("often", HOURLY), handled=START, settings=settings(daily_ceiling=5))
    s, journal, items = live(s, DAYS)
    per_day = Counter(i.at.astimezone(LONDON).date() for i in items)
    assert set(per_day.values()) == {5}, per_day
    assert len(per_day) == DAYS
    kept = [e for e in journal if isinstance(e, QuietEntry)]
    assert len(kept) == DAYS * (12 - 5) and {k.why for k in kept} == {"ceiling"}
    assert not any(isinstance(e, AnswerEntry) and e.answer == "missed" for e in journal)


def test_no_ceiling_means_every_nudge_comes() -> None:
    s = state(rule("often", HOURLY), handled=START, settings=settings(daily_ceiling=0))
    _s, _journal, items = live(s, 3)
    assert len(items) == 3 * 12


def test_snoozes_and_waiting_time_pass_the_ceiling() -> None:
    s = state(rule("often", HOURLY), handled=START, settings=settings(daily_ceiling=1))
    now = START + timedelta(hours=12)
    wait = Due("w", now)
    waiting_rule = rule("w", {"kind": "waiting", "min_minutes": 10})
    s = msgspec.structs.replace(s, rules=[*s.rules, waiting_rule])
    s, first, _kept = quieter.sort_out(s, [Due("often", now)], now, LONDON)
    assert first == [Due("often", now)]
    later = now + timedelta(hours=1)
    _s, show, kept = quieter.sort_out(
        s, [Due("often", later), Due("often", later, slot="snooze"), wait], later, LONDON
    )
    assert show == [Due("often", later, slot="snooze"), wait]
    assert [k.why for k in kept] == ["ceiling"]


def test_the_digest_collects_and_comes_once_a_day_at_its_time() -> None:
    digested = rule("stretch", {"kind": "at", "times": ["10:00", "12:00", "15:00"]}, digest=True)
    plain = rule("call", {"kind": "at", "times": ["11:00"]})
    s = state(digested, plain, handled=START, settings=settings(digest_at="17:30"))
    s, journal, items = live(s, DAYS)
    stretch = [i for i in items if i.rule_id == "stretch"]
    assert len(stretch) == DAYS  # one a day, not three
    assert all(i.digest for i in stretch)
    times = {(i.at.astimezone(LONDON).hour, i.at.astimezone(LONDON).minute) for i in stretch}
    assert times == {(15, 0)}  # the day's latest occurrence stands for the rest
    shown_at = [e.at.astimezone(LONDON) for e in journal
                if isinstance(e, ShownEntry) and e.rule == "stretch"]  # fmt: skip
    assert {(t.hour, t.minute) for t in shown_at} == {(17, 30)}
    assert len([i for i in items if i.rule_id == "call"]) == DAYS  # others come as usual
    held = [e for e in journal if isinstance(e, QuietEntry)]
    assert len(held) == 3 * DAYS and {h.why for h in held} == {"digest"}


def test_the_digest_passes_the_ceiling_and_turning_it_off_lets_what_it_held_come() -> None:
    digested = rule("stretch", {"kind": "at", "times": ["10:00"]}, digest=True)
    s = state(digested, handled=START, settings=settings(digest_at="17:30", daily_ceiling=1))
    now = START + timedelta(hours=11)
    s, show, _kept = quieter.sort_out(s, [Due("stretch", START + timedelta(hours=10))], now, LONDON)
    assert show == [] and s.progress["stretch"].held
    off = msgspec.structs.replace(s, settings=settings(daily_ceiling=1))
    assert quieter.next_digest(off, now, LONDON) == now
    _s, items = quieter.digest_due(off, now, LONDON)
    assert [i.rule_id for i in items] == ["stretch"]


@pytest.mark.parametrize(
    ("when", "rarer"),
    [
        ({"kind": "at", "times": ["11:00", "15:30"], "days": ["mon"]}, "Every Monday at 11:00"),
        ({"kind": "at", "times": ["09:00"], "days": ["mon", "tue", "wed", "thu", "fri"]},
         "Mon, Wed, Fri at 09:00"),
        ({"kind": "at", "times": ["09:00"]}, "Mon, Wed, Fri, Sun at 09:00"),
        ({"kind": "active", "minutes": 90}, "After 180 min at the computer without a break"),
        ({"kind": "late", "after": "22:00", "active_minutes": 5},
         "At the computer after 22:00 (until 05:00)"),
        ({"kind": "reflect", "every_weeks": 4}, "Every 8 weeks, Sun 18:00: a moment to reflect"),
        ({"kind": "waiting", "min_minutes": 20}, "Waiting time of 40+ min"),
    ],
)  # fmt: skip
def test_less_often_says_how(when: dict[str, object], rarer: str) -> None:
    changed = quieter.less_often(rule("r", when))
    assert changed is not None
    assert when_in_words(changed) == rarer


def test_less_often_about_halves_what_comes_in_eight_weeks() -> None:
    for when in (
        {"kind": "at", "times": ["09:00"], "days": ["mon", "tue", "wed", "thu", "fri"]},
        {"kind": "at", "times": ["09:00"], "days": ["wed"]},
        {"kind": "at", "times": ["09:00", "13:00"]},
        {"kind": "at", "rrule": "FREQ=WEEKLY;BYDAY=TU;BYHOUR=8;BYMINUTE=0"},
    ):
        before = rule("r", when)
        after = quieter.less_often(before)
        assert after is not None
        counts = [
            len(live(state(r, handled=START, settings=settings(daily_ceiling=0)), 56)[2])
            for r in (before, after)
        ]
        assert 0.4 <= counts[1] / counts[0] <= 0.6, (when, counts)  # 5 days become 3


def test_less_often_with_undo_and_not_this_one_again() -> None:
    s = state(rule("r", {"kind": "at", "times": ["09:00", "17:00"]}), handled=START)
    rarer, before = quieter.make_rarer(s, "r", START)
    assert rarer.rule("r").when.times == ["09:00"]  # type: ignore[union-attr]
    assert quieter.put_back(rarer, before, START).rule("r") == s.rule("r")
    off, before = quieter.turn_off(s, "r", START)
    assert off.rule("r").enabled is False and off.rule("r").name == "Rule r"  # type: ignore[union-attr]
    assert due(off, START + timedelta(hours=9)) == []
    assert quieter.put_back(off, before, START).rule("r").enabled is True  # type: ignore[union-attr]


def test_what_cannot_be_rarer_says_so() -> None:
    yearly = rule("y", {"kind": "reflect", "every_weeks": 52})
    assert quieter.less_often(yearly) is None
    with pytest.raises(quieter.CommandError, match="as rare as it can be"):
        quieter.make_rarer(state(yearly), "y", START)


def test_the_kind_question_comes_after_three_passes_and_is_asked_once() -> None:
    s = state(rule("r", {"kind": "at", "times": ["09:00"]}), handled=START)
    asked_on: list[date] = []
    day = START

    def let_pass(s: State, at: datetime) -> State:
        s, _entry = answer(s, Due("r", at), "skipped", at)
        return s

    for n in range(DAYS):
        day = START + timedelta(days=n, hours=9)
        s = let_pass(s, day)
        if quieter.wants_a_word(s, "r", day):
            asked_on.append(day.date())
            s, _asked = quieter.asked(s, "r", day)  # on screen: asked, answered or not
    assert asked_on == [date(2026, 11, 4)]  # the third pass; not again within 30 days
    later = day + timedelta(days=30)
    for n in range(3):
        s = let_pass(s, later + timedelta(days=n))
    assert quieter.wants_a_word(s, "r", later + timedelta(days=2))


def test_keep_it_is_a_full_answer_and_any_answer_starts_the_count_again() -> None:
    s = state(rule("r"), handled=START)
    for n in range(2):
        s, _ = answer(s, Due("r", START), "missed", START + timedelta(days=n))
    s, _ = answer(s, Due("r", START), "done", START + timedelta(days=2))
    assert s.progress["r"].passed == 0
    for n in range(3):
        s, _ = answer(s, Due("r", START), "skipped", START + timedelta(days=3 + n))
    assert quieter.wants_a_word(s, "r", START + timedelta(days=5))
    s, entry = quieter.asked(s, "r", START + timedelta(days=5), "keep")
    assert entry.said == "keep"
    assert not quieter.wants_a_word(s, "r", START + timedelta(days=6))


def test_never_asking_is_a_setting() -> None:
    s = state(rule("r"), handled=START, settings=settings(ask_after=0))
    for n in range(10):
        s, _ = answer(s, Due("r", START), "skipped", START + timedelta(days=n))
    assert not quieter.wants_a_word(s, "r", START + timedelta(days=10))


# --- reflection uses what happened, as questions ------------------------------------------


def test_reflection_asks_about_evenings_chosen_on_most_of_one_weekday() -> None:
    from tidewell.core.reflection import noticed

    late = rule("late", {"kind": "late", "after": "22:00"})
    tuesdays = [utc(2026, 11, 3, 22, 40), utc(2026, 11, 10, 22, 15), utc(2026, 11, 24, 23, 5)]
    entries: list[JournalEntry] = [
        AnswerEntry(at=t, rule="late", due=t, answer="chose", active=True) for t in tuesdays
    ]
    now = utc(2026, 11, 28, 12)
    asked = noticed(entries, [late], now, LONDON)
    assert asked == [
        "You chose to keep working after 22:00 on most Tuesdays this month. A season, or a "
        "habit you want to look at?"
    ]
    assert noticed(entries[:2], [late], now, LONDON) == []  # two of four is not "most"
    assert noticed(entries, [late], now + timedelta(days=30), LONDON) == []  # long ago


def test_reflection_asks_what_to_protect_more_of_never_what_was_missed() -> None:
    from tidewell.core.reflection import noticed

    walk = rule("walk", {"kind": "at", "times": ["12:30"]})
    walk = msgspec.structs.replace(walk, name="A walk at lunch")
    days = [utc(2026, 11, d, 12, 30) for d in range(2, 10)]
    said = [AnswerEntry(at=t, rule="walk", due=t, answer="done") for t in days]
    passed = [AnswerEntry(at=t, rule="walk", due=t, answer="skipped") for t in days]
    now = utc(2026, 11, 12)
    assert noticed([*said, *passed], [walk], now, LONDON) == [
        "'A walk at lunch' is the nudge you said yes to most this month. Is there more of "
        "that time you would like to protect?"
    ]
    assert noticed(passed, [walk], now, LONDON) == []  # nothing about what went by
