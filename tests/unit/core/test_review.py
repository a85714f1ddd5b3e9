"""The long view, computed in core: periods in the person's zone (a DST week is still Monday
to Monday), targets in their own numbers (relaxed in a busy season, counted from when they
were added), protected time kept or not, vacation days, and five years of journal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec

from tidewell.core.journal import AnswerEntry, JournalEntry, ProtectedEntry
from tidewell.core.life import Block, Season, Target
from tidewell.core.review import choices_in_words, local_midnight, period_of, review, shifted

from ...helpers import rule

LONDON = ZoneInfo("Europe/London")
FAMILY = rule("family", {"kind": "at", "times": ["18:00"]}, area="family")
HEALTH = rule("walk", {"kind": "at", "times": ["12:00"]}, area="health")
GUARD = rule("guard", {"kind": "protected", "at_start": False, "active_minutes": 10})
WEEKEND = msgspec.convert(
    {
        "kind": "weekly",
        "id": "weekend",
        "reason": "time with the kids",
        "days": ["sat", "sun"],
        "start": "00:00",
        "end": "00:00",
    },
    Block,  # type: ignore[arg-type]
)


def done(rule_id: str, at: datetime, answer: str = "done", active: bool = False) -> AnswerEntry:
    return AnswerEntry(at=at, rule=rule_id, due=at, answer=answer, active=active)  # type: ignore[arg-type]


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def target(**doc: object) -> Target:
    return msgspec.convert({"id": "t", "name": "T", **doc}, Target)


def run(period, entries: list[JournalEntry], now: datetime, **parts):  # type: ignore[no-untyped-def]
    return review(
        period=period,
        entries=entries,
        rules=parts.get("rules", [FAMILY, HEALTH, GUARD]),
        blocks=parts.get("blocks", [WEEKEND]),
        seasons=parts.get("seasons", []),
        targets=parts.get("targets", []),
        now=now,
        home=LONDON,
        since=parts.get("since"),
    )


def test_a_week_with_a_dst_change_runs_monday_to_monday_local() -> None:
    week = period_of("week", date(2026, 3, 29))  # clocks go forward that Sunday
    assert (week.start, week.end) == (date(2026, 3, 23), date(2026, 3, 30))
    start, end = local_midnight(week.start, LONDON), local_midnight(week.end, LONDON)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=167)
    entries: list[JournalEntry] = [
        done("family", at(2026, 3, 23, 0, 30)),  # first minutes of the week
        done("family", at(2026, 3, 29, 23, 59)),  # last minute, after the change
        done("family", at(2026, 3, 30, 0, 1)),  # next week
    ]
    result = run(
        week, entries, at(2026, 4, 1), targets=[target(kind="done", area="family", count=3)]
    )
    assert result.targets[0].count == 2 and result.targets[0].goal == 3
    assert [d.done for d in result.days] == [1, 0, 0, 0, 0, 0, 1]


def test_a_season_across_new_year_relaxes_a_target_for_its_days() -> None:
    busy = Season("q4", "Launch", "busy", date(2026, 12, 14), date(2027, 1, 10))
    december = period_of("month", date(2026, 12, 1))
    weekends = target(kind="kept", block="weekend", count=4, per="month", busy_count=1)
    began = at(2026, 11, 1)
    result = run(december, [], at(2027, 2, 1), seasons=[busy], targets=[weekends], since=began)
    progress = result.targets[0]
    # 13 ordinary days at 4 a month and 18 busy days at 1 a month
    assert progress.goal == round((13 * 4 + 18 * 1) / (365.25 / 12), 1)
    assert progress.note == "busy season: 1 a month is enough"
    assert progress.count == 4  # December 2026 has four whole weekends, all kept
    assert run(december, [], at(2027, 2, 1), since=at(2026, 12, 15)).kept == 2  # from then on
    season = period_of("season", date(2027, 1, 3), [busy])
    assert (season.start, season.end, season.season) == (
        date(2026, 12, 14),
        date(2027, 1, 11),
        busy,
    )
    assert [d.season for d in run(season, [], at(2027, 2, 1), seasons=[busy]).days] == ["busy"] * 28


def test_protected_time_is_kept_unless_activity_inside_was_not_chosen() -> None:
    week = period_of("week", date(2026, 11, 16))
    entries: list[JournalEntry] = [
        done("guard", at(2026, 11, 21, 0), answer="skipped", active=True),  # the weekend's start
    ]
    assert run(week, entries, at(2026, 11, 30)).broken == 1
    chosen: list[JournalEntry] = [done("guard", at(2026, 11, 21, 0), answer="chose", active=True)]
    result = run(week, chosen, at(2026, 11, 30))
    assert (result.kept, result.broken) == (1, 0)
    assert result.days[-1].kept == 1  # counted on the day it ended (Sunday)
    assert run(week, [], at(2026, 11, 22, 12)).kept == 0  # a weekend still running is not done


def test_vacation_days_and_a_target_added_mid_period() -> None:
    vacation = msgspec.convert(
        {
            "kind": "dated",
            "id": "porto",
            "reason": "Porto",
            "start": "2026-07-06T00:00:00",
            "end": "2026-07-11T00:00:00",
        },
        Block,  # type: ignore[arg-type]
    )
    july = period_of("month", date(2026, 7, 1))
    days_off = target(kind="days_off", count=20, per="year")
    result = run(july, [], at(2026, 8, 1), blocks=[vacation], targets=[days_off])
    assert result.targets[0].count == 5
    late = target(kind="done", area="health", count=7, since=date(2026, 7, 25))
    walks: list[JournalEntry] = [done("walk", at(2026, 7, d, 12)) for d in (20, 26, 27)]
    progress = run(july, walks, at(2026, 8, 1), targets=[late]).targets[0]
    assert progress.count == 2 and progress.goal == 7  # 7 days counted, 7 a week


def test_areas_by_week_and_answers_as_choices() -> None:
    month = period_of("month", date(2026, 11, 1))
    entries: list[JournalEntry] = [
        done("family", at(2026, 11, 2, 18)),
        done("walk", at(2026, 11, 3, 12)),
        done("walk", at(2026, 11, 10, 12)),
        done("guard", at(2026, 11, 14, 20), answer="chose", active=True),
        done("guard", at(2026, 11, 15, 20), answer="chose", active=True),
        done("family", at(2026, 11, 16, 18), answer="skipped"),
    ]
    result = run(month, entries, at(2026, 12, 1))
    assert result.areas[0] == (date(2026, 10, 26), {})
    assert result.areas[1] == (date(2026, 11, 2), {"family": 1, "health": 1})
    assert result.areas[2] == (date(2026, 11, 9), {"health": 1})
    assert result.answers == {
        "done": 3, "snoozed": 0, "skipped": 1, "chose": 2, "missed": 0,
        "less_often": 0, "not_again": 0,
    }  # fmt: skip
    words = choices_in_words(result.answers)
    assert "You chose to keep going 2 times; that is yours to decide." in words
    assert not any("fail" in w or "streak" in w for w in words)


def test_periods_step_back_and_forth() -> None:
    assert shifted(period_of("year", date(2026, 5, 1)), -1).start == date(2025, 1, 1)
    assert shifted(period_of("month", date(2026, 12, 5)), 1).label == "Jan 2027"
    assert shifted(period_of("week", date(2027, 1, 1)), 1).start == date(2027, 1, 4)
    spring = Season("s", "Spring", "steady", date(2026, 3, 1), date(2026, 5, 31))
    summer = Season("u", "Summer", "recovery", date(2026, 6, 1), date(2026, 8, 31))
    assert (
        shifted(period_of("season", date(2026, 4, 1), [spring, summer]), 1, [spring, summer]).season
        == summer
    )


def test_five_years_of_journal() -> None:
    start = at(2022, 1, 1, 9)
    entries: list[JournalEntry] = []
    for n in range(5 * 365):
        day = start + timedelta(days=n)
        entries.append(done("family", day.replace(hour=18), "done" if n % 3 else "skipped"))
        entries.append(done("walk", day.replace(hour=12)))
        if day.weekday() == 5 and n % 5 == 0:
            entries.append(done("guard", day.replace(hour=15), "skipped", active=True))
    assert len(entries) > 3650
    year = period_of("year", date(2025, 6, 1))
    result = run(
        year,
        entries,
        at(2027, 1, 1),
        targets=[
            target(kind="done", area="family", count=3),
            target(kind="kept", block="weekend", count=4, per="month"),
        ],
    )
    assert len(result.days) == 365
    assert result.answers["done"] == sum(1 for d in result.days for _ in range(d.done))
    assert result.targets[0].goal == round(365 * 3 / 7, 1)
    assert (
        result.kept + result.broken == 52
    )  # every weekend of 2025 ended in 2025 (Sun 28 Dec last)


def test_a_lock_soon_after_the_offline_question_keeps_the_time() -> None:
    week = period_of("week", date(2026, 11, 16))
    asked = at(2026, 11, 21, 10)
    missed = AnswerEntry(
        at=asked + timedelta(minutes=2), rule="guard", due=asked, answer="missed", active=True
    )

    def lock(when: datetime) -> ProtectedEntry:
        return ProtectedEntry(at=when, block="weekend", event="kept", reason="screen locked")

    followed: list[JournalEntry] = [missed, lock(asked + timedelta(minutes=1))]
    assert (run(week, followed, at(2026, 11, 30)).kept, 0) == (1, 0)
    late: list[JournalEntry] = [missed, lock(asked + timedelta(hours=2))]
    assert run(week, late, at(2026, 11, 30)).broken == 1  # hours later: the time was used
    other: list[JournalEntry] = [
        missed,
        ProtectedEntry(at=asked, block="evenings", event="kept", reason="screen locked"),
    ]
    assert run(week, other, at(2026, 11, 30)).broken == 1  # another block's lock says nothing
