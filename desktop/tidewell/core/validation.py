"""Validation in words: every problem names where (a JSON path) and what is wrong."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, TypeVar

import msgspec
from msgspec import Struct

from tidewell.core.fields import HHMM_PATTERN, ID_PATTERN
from tidewell.core.rules import ProtectedTrigger
from tidewell.core.sections import STORED_SECTIONS
from tidewell.core.state import State
from tidewell.i18n import N_, _

T = TypeVar("T")

_PATTERN_WORDS = {
    HHMM_PATTERN: N_("a time like 09:00"),
    ID_PATTERN: N_("an id of letters, digits, '.', '_' or '-' (up to 64)"),
}
_AT = re.compile(r"^(?P<message>.*?)(?: - at `(?P<path>\$[^`]*)`)?$", re.DOTALL)
_FIELD_PREFIX = re.compile(r"^(?P<field>[a-z_]+): (?P<rest>.*)$", re.DOTALL)


class Problem(Struct, frozen=True):
    path: str  # a JSON path such as $.rules[2].when.min_minutes
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Invalid(ValueError):
    """One or more problems; ``str()`` lists them one a line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def problem_from(
    error: msgspec.ValidationError | msgspec.DecodeError, prefix: str = "$"
) -> Problem:
    """Turn msgspec's message into a Problem with a full path and plain words."""
    match = _AT.match(str(error))
    assert match is not None
    message, path = match["message"], match["path"] or "$"
    field = _FIELD_PREFIX.match(message)
    if field is not None:  # our own checks say "field: what is wrong"
        path, message = f"{path}.{field['field']}", field["rest"]
    for pattern, words in _PATTERN_WORDS.items():
        message = message.replace(f"matching regex {pattern!r}", f"({words})")
    message = message.replace("`", "")
    if message == "Expected `str` of length >= 1".replace("`", ""):
        message = _("this cannot be empty")
    return Problem(prefix + path[1:], message[:1].lower() + message[1:])


def validated(value: T, kind: type[T]) -> T:
    """Re-check a value built in code (constraints only run on decode)."""
    try:
        return msgspec.convert(msgspec.to_builtins(value), kind)
    except msgspec.ValidationError as err:
        raise Invalid([problem_from(err)]) from None


def convert_each(items: Any, kind: type[T], path: str) -> tuple[list[T], list[Problem]]:
    """Validate every item of a list on its own, so one bad item does not hide the rest."""
    if not isinstance(items, list):
        return [], [Problem(path, f"expected a list, got {type(items).__name__}")]
    good: list[T] = []
    problems: list[Problem] = []
    for index, raw in enumerate(items):
        try:
            good.append(msgspec.convert(raw, kind))
        except msgspec.ValidationError as err:
            problems.append(problem_from(err, f"{path}[{index}]"))
    return good, problems


def cross_check(state: State, known: State | None = None) -> list[Problem]:
    """Problems between parts: duplicate ids, links to people, blocks or seasons that are gone.

    ``known`` is what the store already holds: references may point into it too."""
    problems: list[Problem] = []
    other = known or State()
    for section, items in ((s.key, getattr(state, s.field)) for s in STORED_SECTIONS):
        counts = Counter(item.id for item in items)
        for index, item in enumerate(items):
            if counts[item.id] > 1:
                problems.append(
                    Problem(
                        f"$.{section}[{index}].id",
                        _("the id '{id}' is used twice").format(id=item.id),
                    )
                )
    people = {p.id for p in (*state.people, *other.people)}
    blocks = {b.id for b in (*state.blocks, *other.blocks)}
    seasons = (*state.seasons, *other.seasons)
    season_words = {w.casefold() for s in seasons for w in (s.id, s.name)} | {
        "busy",
        "steady",
        "recovery",
    }
    for index, rule in enumerate(state.rules):
        where = f"$.rules[{index}]"
        person = rule.only_if.reachable
        if person is not None and person not in people:
            problems.append(Problem(f"{where}.only_if.reachable", _no_person(person)))
        for name in (*rule.only_if.in_season, *rule.only_if.not_in_season):
            if name.casefold() not in season_words:
                said = _("no season is called '{name}'").format(name=name)
                problems.append(Problem(f"{where}.only_if", said))
        if isinstance(rule.when, ProtectedTrigger):
            for block in rule.when.blocks:
                if block not in blocks:
                    problems.append(
                        Problem(
                            f"{where}.when.blocks",
                            _("no protected time has the id '{id}'").format(id=block),
                        )
                    )
    for index, idea in enumerate(state.ideas):
        if idea.person is not None and idea.person not in people:
            problems.append(Problem(f"$.ideas[{index}].person", _no_person(idea.person)))
    return problems


def _no_person(person: str) -> str:
    return _("no person has the id '{id}'").format(id=person)
