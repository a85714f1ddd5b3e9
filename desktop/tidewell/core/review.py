"""The long view: the person's own targets against what the journal shows, over a week, a
month, a season or a year. Pure functions; periods run from local midnight in the home zone
(so a week with a DST change is still Monday to Monday), and seasons may cross a period.

Nothing here judges. A target is the person's own number; answers are choices."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from msgspec import Struct

from tidewell.core.journal import ANSWERS, Answer, AnswerEntry, JournalEntry, ProtectedEntry
from tidewell.core.life import Block, DatedBlock, Season, SeasonKind, Target
from tidewell.core.occurrences import block_intervals
from tidewell.core.rules import ProtectedTrigger, Rule
from tidewell.i18n import _, month_name, n_

PeriodKind = Literal["week", "month", "season", "year"]
PER_DAYS = {"week": 7.0, "month": 365.25 / 12, "year": 365.25}


class Period(Struct, frozen=True):
    kind: PeriodKind
    start: date
    end: date  # the day after the last
    label: str
    season: Season | None = None

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days)]


def period_of(kind: PeriodKind, day: date, seasons: Iterable[Season] = ()) -> Period:
    """The week (Monday first), month, season or year that holds ``day``. Outside any
    season, 'season' gives the month."""
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        end = start + timedelta(days=7)
        last = end - timedelta(days=1)
        label = _("{first} – {last}").format(first=_day(start, last), last=_day(last))
        return Period("week", start, end, label)
    if kind == "season":
        for season in sorted(seasons, key=lambda s: s.start):
            if season.start <= day <= season.end:
                label = _("{name} ({first} – {last})").format(
                    name=season.name, first=_day(season.start), last=_day(season.end)
                )
                return Period("season", season.start, season.end + timedelta(days=1), label, season)
        kind = "month"
    if kind == "month":
        start = day.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1)
        label = _("{month} {year}").format(month=month_name(start.month), year=start.year)
        return Period("month", start, end, label)
    start, end = date(day.year, 1, 1), date(day.year + 1, 1, 1)
    return Period("year", start, end, str(day.year))


def _day(day: date, until: date | None = None) -> str:
    """'23' within the month of ``until``, '30 Nov' within its year, else '30 Nov 2026'."""
    if until is not None and (day.year, day.month) == (until.year, until.month):
        return str(day.day)
    if until is not None and day.year == until.year:
        return _("{day} {month}").format(day=day.day, month=month_name(day.month))
    return _("{day} {month} {year}").format(day=day.day, month=month_name(day.month), year=day.year)


def shifted(period: Period, steps: int, seasons: Iterable[Season] = ()) -> Period:
    """The period ``steps`` before (negative) or after this one, of the same kind."""
    if period.kind == "season" and period.season is not None:
        ordered = sorted(seasons, key=lambda s: s.start)
        names = [s.id for s in ordered]
        index = names.index(period.season.id) + steps if period.season.id in names else -1
        if 0 <= index < len(ordered):
            return period_of("season", ordered[index].start, ordered)
        return period
    probe = period.start if steps < 0 else period.end - timedelta(days=1)
    for _step in range(abs(steps)):
        probe = (
            (period_of(period.kind, probe).start - timedelta(days=1))
            if steps < 0
            else (period_of(period.kind, probe).end)
        )
    return period_of(period.kind, probe, seasons)


def local_midnight(day: date, home: tzinfo) -> datetime:
    return datetime.combine(day, time(), home)


# --- what the journal shows ----------------------------------------------------------


class Day(Struct, frozen=True):
    """One day, for the heat map."""

    day: date
    done: int = 0  # nudges answered Done
    kept: int = 0  # protected stretches that ended this day, kept
    broken: int = 0  # … that ended this day with activity the person did not choose
    off: bool = False  # a vacation (a dated block) protects its noon
    season: SeasonKind | None = None


class TargetProgress(Struct, frozen=True):
    target: Target
    goal: float  # the person's own number, over this period (relaxed in busy seasons)
    count: int
    note: str  # "busy season: 1 a month is enough", or ""

    @property
    def share(self) -> float:
        return min(1.0, self.count / self.goal) if self.goal > 0 else 1.0


class Review(Struct, frozen=True):
    period: Period
    days: list[Day]
    targets: list[TargetProgress]
    areas: list[tuple[date, dict[str, int]]]  # week start -> nudges done per area
    answers: dict[str, int]  # done, snoozed, skipped, chose, missed
    kept: int
    broken: int


LOCK_KEEPS = timedelta(minutes=10)  # a lock this soon after a nudge's answer keeps the time


def review(
    *,
    period: Period,
    entries: Iterable[JournalEntry],
    rules: Iterable[Rule],
    blocks: Iterable[Block],
    seasons: Iterable[Season],
    targets: Iterable[Target],
    now: datetime,
    home: tzinfo,
    since: datetime | None = None,
) -> Review:
    """Everything the review window draws for ``period``, up to ``now``. Protected time is
    counted from ``since`` (when Tidewell began; default: the first entry given)."""
    seasons, blocks, rule_list = list(seasons), list(blocks), list(rules)
    start, end = local_midnight(period.start, home), local_midnight(period.end, home)
    area_of = {r.id: r.area for r in rule_list}
    guards = {r.id for r in rule_list if isinstance(r.when, ProtectedTrigger)}
    entries = list(entries)
    if since is None:  # protected time counts from when Tidewell was there to see it
        since = min((e.at for e in entries), default=now)
    answers = [e for e in entries if isinstance(e, AnswerEntry) and start <= e.at < end]
    days = {d: _DayCount() for d in period.days}
    for answer in answers:
        if answer.answer == "done":
            days[answer.at.astimezone(home).date()].done += 1
    locks = [e for e in entries if isinstance(e, ProtectedEntry) and e.event == "kept"]
    stretches = _stretches(blocks, guards, answers, locks, max(start, since), min(end, now), home)
    for block_id, run_end, kept in stretches:
        bucket = days[(run_end - timedelta(microseconds=1)).astimezone(home).date()]
        bucket.kept += kept
        bucket.broken += not kept
        bucket.blocks.append((block_id, kept))
    vacations = [b for b in blocks if isinstance(b, DatedBlock)]
    for day, bucket in days.items():
        noon = datetime.combine(day, time(12), home)
        bucket.off = noon <= now and any(
            block_intervals(b, home, noon, noon + timedelta(seconds=1)) for b in vacations
        )
    season_of = _season_days(period, seasons)
    day_list = [Day(d, c.done, c.kept, c.broken, c.off, season_of.get(d)) for d, c in days.items()]
    progress = [_progress(t, period, days, answers, area_of, season_of, home) for t in targets]
    tally = Counter(a.answer for a in answers)
    return Review(
        period=period,
        days=day_list,
        targets=progress,
        areas=_areas_by_week(period, answers, area_of, home),
        answers={a: tally.get(a, 0) for a in ANSWERS},
        kept=sum(k for _, _, k in stretches),
        broken=sum(not k for _, _, k in stretches),
    )


class _DayCount:
    __slots__ = ("blocks", "broken", "done", "kept", "off")

    def __init__(self) -> None:
        self.done = self.kept = self.broken = 0
        self.off = False
        self.blocks: list[tuple[str, bool]] = []


def _stretches(
    blocks: list[Block],
    guards: set[str],
    answers: list[AnswerEntry],
    locks: list[ProtectedEntry],
    start: datetime,
    until: datetime,
    home: tzinfo,
) -> list[tuple[str, datetime, bool]]:
    """Each protected stretch that ended in [start, until): its block, its end, and whether
    it was kept: no activity nudge inside it answered other than 'I chose this', unless the
    screen was locked soon after (the person did go offline)."""
    broke = [a for a in answers if a.active and a.rule in guards and a.answer != "chose"]
    found: list[tuple[str, datetime, bool]] = []
    for block in blocks:
        locked = [k.at for k in locks if k.block == block.id]
        for run in block_intervals(block, home, start, until):
            if not start < run[1] <= until:
                continue
            kept = not any(run[0] <= a.due < run[1] and not _locked_after(a, locked) for a in broke)
            found.append((block.id, run[1], kept))
    return found


def _locked_after(answer: AnswerEntry, locks: list[datetime]) -> bool:
    """The screen was locked between the nudge and a little after its answer."""
    latest = max(answer.at, answer.due) + LOCK_KEEPS
    return any(answer.due <= at <= latest for at in locks)


def _season_days(period: Period, seasons: list[Season]) -> dict[date, SeasonKind]:
    found: dict[date, SeasonKind] = {}
    for season in seasons:
        day = max(season.start, period.start)
        while day <= season.end and day < period.end:
            found[day] = season.kind
            day += timedelta(days=1)
    return found


def _progress(
    target: Target,
    period: Period,
    days: dict[date, _DayCount],
    answers: list[AnswerEntry],
    area_of: dict[str, str],
    season_of: dict[date, SeasonKind],
    home: tzinfo,
) -> TargetProgress:
    counted = [d for d in period.days if target.since is None or d >= target.since]
    busy_days = sum(1 for d in counted if season_of.get(d) == "busy")
    relaxed = target.busy_count if target.busy_count is not None else target.count
    goal = ((len(counted) - busy_days) * target.count + busy_days * relaxed) / PER_DAYS[target.per]
    if target.kind == "done":
        count = sum(
            1
            for a in answers
            if a.answer == "done"
            and area_of.get(a.rule) == target.area
            and a.at.astimezone(home).date() in counted
        )
    elif target.kind == "kept":
        count = sum(
            1
            for d in counted
            for block_id, kept in days[d].blocks
            if kept and (target.block is None or block_id == target.block)
        )
    else:
        count = sum(1 for d in counted if days[d].off)
    note = ""
    if busy_days and target.busy_count is not None:
        note = busy_note(target.busy_count, target.per)
    return TargetProgress(target, round(goal, 1), count, note)


def _areas_by_week(
    period: Period, answers: list[AnswerEntry], area_of: dict[str, str], home: tzinfo
) -> list[tuple[date, dict[str, int]]]:
    weeks: dict[date, Counter[str]] = {}
    monday = period.start - timedelta(days=period.start.weekday())
    while monday < period.end:
        weeks[monday] = Counter()
        monday += timedelta(days=7)
    for answer in answers:
        if answer.answer != "done" or answer.rule not in area_of:
            continue
        day = answer.at.astimezone(home).date()
        weeks[day - timedelta(days=day.weekday())][area_of[answer.rule]] += 1
    return [(week, dict(counts)) for week, counts in weeks.items()]


def busy_note(count: int, per: str) -> str:
    """'busy season: 1 a month is enough', whole, for each period."""
    if per == "week":
        words = n_("busy season: {count} a week is enough",
                   "busy season: {count} a week is enough", count)  # fmt: skip
    elif per == "month":
        words = n_("busy season: {count} a month is enough",
                   "busy season: {count} a month is enough", count)  # fmt: skip
    else:
        words = n_("busy season: {count} a year is enough",
                   "busy season: {count} a year is enough", count)  # fmt: skip
    return words.format(count=count)


def choices_in_words(answers: dict[str, int]) -> list[str]:
    """How nudges were answered, as choices. Never a score."""
    lines = []
    if n := answers.get("done", 0):
        lines.append(n_("You said yes once.", "You said yes {count} times.", n))
    if n := answers.get("chose", 0):
        lines.append(
            n_("You chose to keep going once; that is yours to decide.",
               "You chose to keep going {count} times; that is yours to decide.", n)
        )  # fmt: skip
    if n := answers.get("snoozed", 0):
        lines.append(n_("You asked for later once.", "You asked for later {count} times.", n))
    if n := answers.get("skipped", 0):
        lines.append(n_("You let it pass once.", "You let it pass {count} times.", n))
    if n := answers.get("missed", 0):
        lines.append(n_("Once a nudge went by unseen.", "{count} times a nudge went by unseen.", n))
    if n := answers.get("less_often", 0):
        lines.append(n_("You asked for a rule less often once.",
                        "You asked for rules less often {count} times.", n))  # fmt: skip
    if n := answers.get("not_again", 0):
        lines.append(n_("You turned a rule off from its nudge once.",
                        "You turned rules off from their nudges {count} times.", n))  # fmt: skip
    if not lines:
        return [_("No nudges in this stretch.")]
    kinds = ("done", "chose", "snoozed", "skipped", "missed", "less_often", "not_again")
    counts = [answers.get(k, 0) for k in kinds]
    return [line.format(count=n) for line, n in zip(lines, [c for c in counts if c], strict=True)]


__all__ = ["Answer", "Review", "Target", "period_of", "review", "shifted"]
