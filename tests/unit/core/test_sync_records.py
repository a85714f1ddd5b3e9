"""Sync's merge, case by case: the newest edit of an item wins, a tie goes to the greater
device id, a deletion is an edit (winning only over older ones), repeats change nothing,
and a line that cannot be read is skipped and named."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import msgspec
import pytest

from tidewell.core.state import State
from tidewell.core.sync_records import (
    Record,
    changes,
    decode_lines,
    encode,
    everything,
    merged_state,
    record,
)

from ...helpers import rule

T0 = datetime(2026, 11, 30, 9, tzinfo=UTC)


def edit(device: str, minutes: int, rule_id: str, name: str | None, seq: int = 0) -> Record:
    doc = msgspec.to_builtins(rule(rule_id)) if name is not None else None
    if doc is not None:
        doc["name"] = name
    return record(device, seq, T0 + timedelta(minutes=minutes), ("rules", rule_id, doc))


def names(records: list[Record]) -> dict[str, str]:
    state, problems = merged_state(records, State())
    assert problems == []
    return {r.id: r.name for r in state.rules}


@pytest.mark.parametrize(
    ("case", "records", "expected"),
    [
        ("a new rule on each device", [edit("aaaa", 0, "x", "X"), edit("bbbb", 1, "y", "Y")],
         {"x": "X", "y": "Y"}),
        ("the same rule edited on both: the newer wins",
         [edit("aaaa", 5, "x", "from A"), edit("bbbb", 3, "x", "from B")], {"x": "from A"}),
        ("the same moment: the greater device id wins",
         [edit("bbbb", 3, "x", "from B"), edit("aaaa", 3, "x", "from A")], {"x": "from B"}),
        ("a deletion newer than an edit: gone",
         [edit("aaaa", 2, "x", "edited"), edit("bbbb", 4, "x", None)], {}),
        ("an edit newer than a deletion: back",
         [edit("aaaa", 2, "x", None), edit("bbbb", 4, "x", "kept")], {"x": "kept"}),
        ("a conflict copy repeating records", [edit("aaaa", 1, "x", "X")] * 3, {"x": "X"}),
    ],
)  # fmt: skip
def test_conflict_cases(case: str, records: list[Record], expected: dict[str, str]) -> None:
    assert names(records) == expected, case


def test_order_and_repeats_change_nothing() -> None:
    rng = random.Random(20)
    records = [edit(rng.choice(["aaaa", "bbbb", "cccc"]), rng.randrange(60),
                    rng.choice("xyz"), rng.choice(["one", "two", None]), seq=n)
               for n in range(200)]  # fmt: skip
    first = names(records)
    for _round in range(20):
        shuffled = records + rng.sample(records, 50)
        rng.shuffle(shuffled)
        assert names(shuffled) == first


def test_changes_name_each_item_and_local_settings_stay_local() -> None:
    before = State(rules=[rule("x"), rule("y")])
    after = msgspec.structs.replace(before, rules=[rule("x", name="Renamed"), rule("z")])
    found = {(s, i): d is None for s, i, d in changes(before, after)}
    assert found == {("rules", "x"): False, ("rules", "z"): False, ("rules", "y"): True}
    local = msgspec.structs.replace(after.settings, nudges_as="popups", popup_place="top-left")
    assert changes(after, msgspec.structs.replace(after, settings=local)) == []
    keys = {(s, i) for s, i, _d in everything(after)}
    assert ("settings", "settings") in keys and ("balance", "balance") in keys


def test_a_line_cut_short_or_from_a_newer_tidewell_is_skipped_and_named() -> None:
    good = encode([edit("aaaa", 1, "x", "X")])
    newer = good.replace(b'"v":1', b'"v":2')
    data = good + newer + good[: len(good) // 2]
    found, skipped = decode_lines(data, "aaaa/changes.jsonl", Record)
    assert len(found) == 1
    assert skipped == ["aaaa/changes.jsonl:2", "aaaa/changes.jsonl:3"]


def test_a_winning_document_this_version_cannot_read_is_named_not_fatal() -> None:
    bad = record("aaaa", 0, T0, ("rules", "x", {"id": "x", "name": ""}))
    state, problems = merged_state([bad, edit("aaaa", 1, "y", "Y", seq=1)], State())
    assert [r.id for r in state.rules] == ["y"]
    assert problems and problems[0].path.startswith("$.rules[x]")
