"""Reflection: a few questions now and then about the person's own definition of balance.
The answers are theirs: kept privately, read back, edited or deleted at will.

What happened may start a question ("You chose to keep working after 22:00 on most
Tuesdays this month. A season, or a habit you want to look at?"), never a verdict: no
score, no streak, nothing the person failed at."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, tzinfo

from msgspec import Struct

from tidewell.core.fields import Text
from tidewell.core.journal import AnswerEntry, JournalEntry
from tidewell.core.rules import LateTrigger, ProtectedTrigger, Rule
from tidewell.i18n import N_, _, clock

QUESTIONS = (  # translated where shown
    N_("Looking back at these weeks: what felt like your kind of balance?"),
    N_("When you were online in time you meant to protect, was it a real need or a habit?"),
    N_("What would you like to protect next, and from what?"),
)
LOOK_BACK = timedelta(days=28)  # "this month": four of each weekday
MOST = 3  # of those four: "most"
_ON_MOST = (  # translated where shown; Monday is 0
    N_("on most Mondays"), N_("on most Tuesdays"), N_("on most Wednesdays"),
    N_("on most Thursdays"), N_("on most Fridays"), N_("on most Saturdays"),
    N_("on most Sundays"),
)  # fmt: skip


class Reflection(Struct, frozen=True, forbid_unknown_fields=True):
    at: datetime  # when it was written, UTC
    answers: list[Text]  # one per question, in order; empty when skipped
    edited: datetime | None = None


def noticed(
    entries: list[JournalEntry], rules: list[Rule], now: datetime, home: tzinfo
) -> list[str]:
    """Questions from the last four weeks, at most two: evenings the person chose to keep
    working, on most of one weekday; and a rule they said yes to most, as something to
    protect more. Empty when nothing stands out."""
    since = now - LOOK_BACK
    recent = [e for e in entries if isinstance(e, AnswerEntry) and since <= e.at <= now]
    found = [q for q in (_late_choices(recent, rules, home), _most_followed(recent, rules)) if q]
    return found[:2]


def _late_choices(answers: list[AnswerEntry], rules: list[Rule], home: tzinfo) -> str | None:
    evening = {r.id for r in rules if isinstance(r.when, LateTrigger | ProtectedTrigger)}
    chosen = [a.at.astimezone(home) for a in answers if a.answer == "chose" and a.rule in evening]
    days: dict[int, set[date]] = {}
    for moment in chosen:
        day = (moment - timedelta(hours=5)).date()  # 01:00 belongs to the evening before
        days.setdefault(day.weekday(), set()).add(day)
    weekday, count = max(((d, len(s)) for d, s in days.items()), key=lambda p: p[1], default=(0, 0))
    if count < MOST:
        return None
    hours = sorted(m.hour for m in chosen if (m - timedelta(hours=5)).date().weekday() == weekday)
    hour = hours[len(hours) // 2]  # the usual hour, not the latest: no alarm in it
    return _(
        "You chose to keep working after {time} {on_most_days} this month. A season, or a "
        "habit you want to look at?"
    ).format(time=clock(hour, 0), on_most_days=_(_ON_MOST[weekday]))


def _most_followed(answers: list[AnswerEntry], rules: list[Rule]) -> str | None:
    names = {r.id: r.name for r in rules if r.enabled}
    done = Counter(a.rule for a in answers if a.answer == "done" and a.rule in names)
    if not done:
        return None
    rule_id, count = done.most_common(1)[0]
    if count < MOST * 2:
        return None
    return _(
        "'{rule}' is the nudge you said yes to most this month. Is there more of that time "
        "you would like to protect?"
    ).format(rule=names[rule_id])
