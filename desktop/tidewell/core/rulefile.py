"""The rule file: how rules and the rest travel in and out as JSON.

    {"rules": [...], "protected": [...], "people": [...], "seasons": [...],
     "ideas": [...], "balance": {...}}

Every section is optional; a bare list is read as rules. Reading is all or nothing: any
problem rejects the whole file, and every problem is reported with its JSON path.
"""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec.structs import replace

from tidewell.core.life import Balance
from tidewell.core.rules import Rule
from tidewell.core.sections import RULE_FILE_SECTIONS
from tidewell.core.state import State
from tidewell.core.validation import Invalid, Problem, convert_each, cross_check, problem_from
from tidewell.i18n import _

SECTIONS: dict[str, Any] = {s.key: s.kind for s in RULE_FILE_SECTIONS}
MAX_BYTES = 20 * 1024 * 1024


def read_rule_file(data: bytes, known: State | None = None) -> State:
    """Parse and validate a rule file; raises Invalid listing every problem."""
    if len(data) > MAX_BYTES:
        raise Invalid(
            [Problem("$", _("the file is larger than {size} MB").format(size=MAX_BYTES // 2**20))]
        )
    data = data.removeprefix(b"\xef\xbb\xbf")  # UTF-8 with a BOM, as some editors save it
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[1:2] == b"\x00" or data[:1] == b"\x00":
        raise Invalid([Problem("$", _("the file is UTF-16 text; save it as UTF-8 and try again"))])
    try:
        raw = msgspec.json.decode(data)
    except msgspec.DecodeError as err:
        raise Invalid([Problem("$", _not_json(err))]) from None
    except RecursionError:
        raise Invalid([Problem("$", _("nested too deeply to be a rule file"))]) from None
    if isinstance(raw, list):
        raw = {"rules": raw}
    if not isinstance(raw, dict):
        raise Invalid([Problem("$", _("this is not a rule file: it has no list of rules"))])
    problems: list[Problem] = []
    unknown = sorted(set(raw) - set(SECTIONS) - {"balance", "tidewell"})
    problems += [Problem(f"$.{key}", _("not a section Tidewell knows")) for key in unknown]
    parts: dict[str, Any] = {}
    for section in RULE_FILE_SECTIONS:
        items, found = convert_each(raw.get(section.key, []), section.kind, f"$.{section.key}")
        parts[section.field] = items
        problems += found
    if "balance" in raw:
        try:
            parts["balance"] = msgspec.convert(raw["balance"], Balance)
        except msgspec.ValidationError as err:
            problems.append(problem_from(err, "$.balance"))
    if problems:
        raise Invalid(problems)
    incoming = State(**parts)
    problems = cross_check(incoming, known)
    if problems:
        raise Invalid(problems)
    return incoming


def merge_file(state: State, incoming: State) -> State:
    """Everything but the rules (merged by core.commands) replaces items with the same id;
    a file that says what balance means (its own words, its areas) replaces that too."""

    def merged(mine: list[Any], theirs: list[Any]) -> list[Any]:
        by_id = {item.id: item for item in theirs}
        kept = [by_id.pop(item.id, item) for item in mine]
        return kept + list(by_id.values())

    return replace(
        state,
        blocks=merged(state.blocks, incoming.blocks),
        people=merged(state.people, incoming.people),
        seasons=merged(state.seasons, incoming.seasons),
        ideas=merged(state.ideas, incoming.ideas),
        balance=incoming.balance if incoming.balance != Balance() else state.balance,
    )


def write_rule_file(state: State) -> bytes:
    """Everything the person defined (not the scheduler's progress), as readable JSON."""
    doc = {
        "tidewell": 1,
        "balance": state.balance,
        **{s.key: getattr(state, s.field) for s in RULE_FILE_SECTIONS},
    }
    return msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n"


def rule_from_text(text: str) -> Rule:
    """One rule written as text (a rule that needed a fix, mended by hand); raises Invalid
    with every problem, paths starting at the rule."""
    try:
        raw = msgspec.json.decode(text.encode())
    except (msgspec.DecodeError, RecursionError) as err:
        raise Invalid([Problem("$", _not_json(err))]) from None
    try:
        return msgspec.convert(raw, Rule)
    except msgspec.ValidationError as err:
        raise Invalid([problem_from(err)]) from None


def _not_json(err: Exception) -> str:
    return _("this is not a rule file Tidewell can read ({reason})").format(reason=err)
