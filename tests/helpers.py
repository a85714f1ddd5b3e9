"""Small builders for tests: rules and states in a line each."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import msgspec

from tidewell.core.rules import Rule
from tidewell.core.state import Progress, State


def rule(rule_id: str = "r", when: dict[str, Any] | None = None, **extra: Any) -> Rule:
    doc: dict[str, Any] = {
        "id": rule_id,
        "name": f"Rule {rule_id}",
        "when": when or {"kind": "at", "times": ["09:00"]},
        "nudge": {"title": f"Nudge {rule_id}"},
        **extra,
    }
    return msgspec.convert(doc, Rule)


def state(*rules: Rule, handled: datetime | None = None, **parts: Any) -> State:
    progress = {r.id: Progress(handled=handled) for r in rules} if handled else {}
    return State(rules=list(rules), progress=progress, **parts)


def local(zone: str, *args: int) -> datetime:
    """An aware moment given as local wall-clock in ``zone``, carrying that zone."""
    return datetime(*args, tzinfo=ZoneInfo(zone))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)
