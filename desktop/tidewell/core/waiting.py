"""Waiting time: which of the person's ideas fit the minutes they have, best first."""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from tidewell.core.conditions import is_reachable
from tidewell.core.fields import zone_named
from tidewell.core.life import Person, WaitingIdea
from tidewell.core.state import State


class RankedIdea(Struct, frozen=True):
    idea: WaitingIdea
    person: Person | None
    their_time: datetime | None  # the person's local time now, when the idea is for someone
    reachable: bool | None  # None: the idea is for nobody in particular
    score: float


def rank_ideas(state: State, minutes: int, context: str | None, now: datetime) -> list[RankedIdea]:
    """Ideas that fit in ``minutes``, ranked.

    Best first: ideas for someone who is inside their reachable hours right now, then
    ideas that use most of the time without running over, then ones made for this
    context. Ideas longer than the time available are left out.
    """
    ranked: list[RankedIdea] = []
    where = (context or "").casefold()
    for idea in state.ideas:
        if idea.minutes > minutes:
            continue
        if idea.contexts and where and where not in {c.casefold() for c in idea.contexts}:
            continue
        person = state.person(idea.person) if idea.person else None
        reachable = is_reachable(person, now) if person else None
        their_time = now.astimezone(zone_named(person.zone)) if person else None
        fit = idea.minutes / minutes  # 1.0: uses the whole wait
        score = fit
        if reachable is True:
            score += 2.0
        elif reachable is False:
            score -= 2.0
        if idea.contexts and where:
            score += 0.5
        ranked.append(RankedIdea(idea, person, their_time, reachable, round(score, 6)))
    ranked.sort(key=lambda r: (-r.score, r.idea.what.casefold()))
    return ranked
