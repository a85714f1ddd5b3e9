"""Nudges held during quiet: at most one per rule, the first moment kept, released with
what is newly due and saying why they waited; the status says nudges wait."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest

from tidewell.core.life import Settings
from tidewell.core.quiet import Held, waited_words
from tidewell.core.schedule import Due
from tidewell.core.state import Pause
from tidewell.core.status import status_of

from ...helpers import rule, state, utc

NOON = utc(2026, 11, 23, 12)


def test_held_keeps_one_per_rule_and_releases_in_order() -> None:
    held = Held()
    held.hold([Due("b", NOON)], "dnd")
    held.hold([Due("b", NOON + timedelta(hours=1)), Due("a", NOON + timedelta(minutes=5))], "dnd")
    assert {k: v.at for k, v in held.items.items()} == {
        "b": NOON,
        "a": NOON + timedelta(minutes=5),
    }
    out = held.release([Due("b", NOON + timedelta(hours=2)), Due("c", NOON - timedelta(hours=1))])
    assert [(d.rule_id, d.held) for d in out] == [("c", None), ("b", "dnd"), ("a", "dnd")]
    assert held.items == {}


@pytest.mark.parametrize(
    ("item", "words"),
    [
        (Due("r", NOON), ""),
        (Due("r", NOON, waited=True), "(It waited until your meeting was over.)"),
        (Due("r", NOON, held="dnd"), "(It waited while Do Not Disturb was on.)"),
        (Due("r", NOON, held="locked"), "(It waited while your screen was locked.)"),
        (Due("r", NOON, held="fullscreen"), "(It waited until your full-screen window closed.)"),
    ],
)
def test_a_nudge_that_waited_says_why(item: Due, words: str) -> None:
    assert waited_words(item) == words


def test_the_status_says_nudges_wait_unless_something_matters_more() -> None:
    rules = state(rule("r", {"kind": "at", "times": ["18:00"]}))
    assert status_of(rules, NOON, quiet="dnd").line == "Do Not Disturb: nudges wait"
    assert status_of(rules, NOON, quiet="locked").line == "Screen locked: nudges wait"
    paused = msgspec.structs.replace(rules, pause=Pause(NOON, NOON + timedelta(hours=1)))
    assert status_of(paused, NOON, quiet="dnd").line.startswith("Nudges paused until")
    assert status_of(rules, NOON).line.startswith("Next: ")


def test_how_nudges_come_is_a_setting_with_three_answers() -> None:
    assert Settings().nudges_as == "auto"
    assert msgspec.convert({"nudges_as": "notifications"}, Settings).nudges_as == "notifications"
    with pytest.raises(msgspec.ValidationError, match="nudges_as"):
        msgspec.convert({"nudges_as": "banners"}, Settings)
