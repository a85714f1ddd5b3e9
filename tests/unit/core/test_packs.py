"""Norms packs in the core: make → take with one item adapted → a newer version → the
preview shows only what changed → the adaptation survives; leaving keeps what was taken;
hostile or broken pack files are refused whole, every refusal naming its path."""

from __future__ import annotations

import json
import random
from datetime import date
from typing import Any

import msgspec
import pytest
from msgspec.structs import replace

from tidewell.core.commands import CommandError
from tidewell.core.life import Balance, Block, Person, WaitingIdea
from tidewell.core.packs import (
    MAX_BYTES,
    leave,
    make_pack,
    preview,
    read_pack,
    take,
    three_way,
    write_pack,
)
from tidewell.core.state import State
from tidewell.core.validation import Invalid

from ...helpers import rule

DAY = date(2026, 11, 30)


def leader() -> State:
    evenings = msgspec.convert(
        {"kind": "weekly", "id": "evenings", "reason": "Dinner with the kids",
         "days": ["mon", "tue", "wed", "thu", "fri"], "start": "18:30", "end": "21:00"},
        Block,
    )  # type: ignore[arg-type]  # fmt: skip
    guard = rule("offline", {"kind": "protected", "blocks": ["evenings"]},
                 only_if={"reachable": "mum"})  # fmt: skip
    stretch = rule("stretch", {"kind": "at", "times": ["11:00", "15:30"]})
    walk = WaitingIdea("walk", "A short walk", 20, person="mum")
    return State(
        rules=[guard, stretch],
        blocks=[evenings],
        people=[Person("mum", "Mum", "Europe/London")],
        ideas=[walk],
        balance=Balance(definition="Evenings are for the people I live with."),
    )


PICKS = [
    ("protected", "evenings", "I protect these hours; no one needs to reach me then."),
    ("rule", "offline", "A nudge when I'm still at the laptop in them."),
    ("rule", "stretch", "Two breaks keep my back happy."),
    ("idea", "walk", "Waiting is walking time."),
    ("balance", "balance", "My own words, to start yours."),
]


def pack_v1(state: State | None = None, version: int = 1) -> Any:
    return make_pack(
        state or leader(), PICKS, pack_id="team-evenings", title="How I keep my evenings",
        author="Maya", note="Take what fits you, leave the rest.", day=DAY, version=version,
    )  # fmt: skip


def test_a_pack_carries_each_why_and_keeps_people_private() -> None:
    pack = read_pack(write_pack(pack_v1()))
    assert [(i.kind, i.id) for i in pack.items] == [(k, i) for k, i, _w in PICKS]
    assert pack.items[0].why.startswith("I protect these hours")
    guard = next(i for i in pack.items if i.id == "offline").item
    assert "reachable" not in guard.get("only_if", {})  # people stay private
    assert guard["when"]["blocks"] == ["evenings"]  # it travels with its protected time
    assert "person" not in next(i for i in pack.items if i.id == "walk").item


def test_round_trip_take_adapt_newer_version_only_changes_and_the_adaptation_survives() -> None:
    mine = State(rules=[rule("stretch", {"kind": "at", "times": ["10:00"]})])  # an own 'stretch'
    v1 = pack_v1()
    assert [c.status for c in preview(mine, v1)] == ["new"] * 5
    taken = take(mine, v1, {"evenings", "offline", "stretch", "walk"})  # not the balance words
    ids = {r.id for r in taken.rules}
    assert ids == {"stretch", "offline", "stretch-2"}  # never overwrites: a free id
    assert taken.rule("stretch") == mine.rule("stretch")
    assert taken.rule("offline").when.blocks == ["evenings"]  # type: ignore[union-attr]
    assert taken.balance.definition == ""
    # the person adapts one item: their evenings end at 20:30
    evenings = next(b for b in taken.blocks if b.id == "evenings")
    adapted = replace(taken, blocks=[replace(evenings, end="20:30")])
    assert preview(adapted, v1) == []  # nothing new since the version taken
    # a newer version: the evenings start at 18:00, the stretch moves, a new idea
    leader2 = leader()
    blocks = [replace(leader2.blocks[0], start="18:00")]
    stretch = rule("stretch", {"kind": "at", "times": ["11:30", "15:30"]})
    leader2 = replace(leader2, blocks=blocks, rules=[leader2.rules[0], stretch],
                      ideas=[*leader2.ideas, WaitingIdea("call", "Call a friend", 15)])  # fmt: skip
    v2 = make_pack(leader2, [*PICKS, ("idea", "call", "Friends, too.")],
                   pack_id="team-evenings", title="How I keep my evenings", author="Maya",
                   note="", day=DAY, version=2)  # fmt: skip
    changes = {c.item.id: c for c in preview(adapted, v2)}
    assert set(changes) == {"evenings", "stretch", "call"}  # only what changed: not the words
    assert changes["evenings"].status == "adapted"
    assert changes["evenings"].offered["start"] == "18:00"  # type: ignore[index]
    assert changes["evenings"].offered["end"] == "20:30"  # type: ignore[index]  # theirs kept
    assert changes["stretch"].status == "updated" and changes["call"].status == "new"
    after = take(adapted, v2, {"evenings", "stretch", "call"})
    evenings2 = next(b for b in after.blocks if b.id == "evenings")
    assert (evenings2.start, evenings2.end) == ("18:00", "20:30")  # the adaptation survives
    assert after.rule("stretch-2").when.times == ["11:30", "15:30"]  # type: ignore[union-attr]
    assert after.rule("stretch") == mine.rule("stretch")
    assert preview(after, v2) == []
    assert [p.version for p in after.packs] == [2]


def test_both_changed_the_same_part_the_persons_stays_and_is_named() -> None:
    base = {"start": "18:30", "end": "21:00", "days": ["mon"]}
    theirs = {"start": "18:00", "end": "21:30", "days": ["mon"]}
    mine = {"start": "18:30", "end": "20:30", "days": ["mon", "tue"]}
    merged, kept = three_way(base, theirs, mine)
    assert merged == {"start": "18:00", "end": "20:30", "days": ["mon", "tue"]}
    assert kept == ["end"]


def test_an_update_left_is_offered_again_and_leaving_the_pack_keeps_everything() -> None:
    taken = take(State(), pack_v1(), {"stretch"})
    stretch = taken.rule("stretch")
    leader2 = replace(leader(), rules=[leader().rules[0], rule("stretch", {"kind": "at",
                      "times": ["12:00"]})])  # fmt: skip
    v2 = pack_v1(leader2, version=2)
    assert [c.item.id for c in preview(taken, v2)] == ["stretch"]
    kept = take(taken, v2, set())
    assert kept.rule("stretch") == stretch  # left: nothing changed
    assert [c.item.id for c in preview(kept, v2)] == ["stretch"]  # still offered
    gone = leave(kept, "team-evenings")
    assert gone.packs == [] and gone.rule("stretch") == stretch
    with pytest.raises(CommandError):
        leave(gone, "team-evenings")


def test_balance_words_never_write_over_the_persons_own() -> None:
    own = State(balance=Balance(definition="Mine."))
    assert take(own, pack_v1(), {"balance"}).balance.definition == "Mine."
    assert take(State(), pack_v1(), {"balance"}).balance.definition.startswith("Evenings")


def test_taking_is_all_or_nothing() -> None:
    pack = pack_v1()
    broken = json.loads(write_pack(pack))
    broken["items"][0]["item"]["end"] = "25:00"
    with pytest.raises(Invalid) as refused:
        read_pack(json.dumps(broken).encode())
    assert [p.path for p in refused.value.problems] == ["$.items[0].item.end"]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (b"", "$"),
        (b"[]", "$"),
        (b'{"rules": []}', "$"),
        (b'{"tidewell_pack": 2}', "$.tidewell_pack"),
        (b'{"tidewell_pack": 1, "id": "x"}', "$"),
        (b"[" * 100_000, "$"),
        (b"\xff\xfe{\x00", "$"),
        (b" " * (MAX_BYTES + 1), "$"),
    ],
)
def test_hostile_pack_files_are_refused_with_a_path(data: bytes, path: str) -> None:
    with pytest.raises(Invalid) as refused:
        read_pack(data)
    assert refused.value.problems[0].path.startswith(path)
    assert all(p.message for p in refused.value.problems)


def test_fuzzed_packs_never_raise_anything_but_invalid_and_never_half_take() -> None:
    good = write_pack(pack_v1())
    doc = json.loads(good)
    rng = random.Random(19)
    junk: list[Any] = [None, -1, 10**12, "", "x" * 5000, [], {}, [1, 2], {"a": {"b": []}}, True]
    refused = 0
    for _round in range(600):
        mutated = json.loads(json.dumps(doc))
        target = mutated
        path: list[Any] = []
        while isinstance(target, dict | list) and target and rng.random() < 0.75:
            key = (
                rng.choice(list(target)) if isinstance(target, dict) else rng.randrange(len(target))
            )
            path.append(key)
            if not isinstance(target[key], dict | list):
                break
            target = target[key]
        if path:
            parent = mutated
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = rng.choice(junk)
        data = json.dumps(mutated).encode()
        if rng.random() < 0.2:
            cut = rng.randrange(len(data))
            data = data[:cut]
        before = State()
        try:
            pack = read_pack(data)
        except Invalid as err:
            refused += 1
            assert all(p.path.startswith("$") and p.message for p in err.problems)
            continue
        try:
            after = take(before, pack, {i.id for i in pack.items})
        except Invalid as err:
            assert all(p.path.startswith("$") for p in err.problems)
            continue
        assert after.packs and after.packs[0].id == pack.id
    assert refused > 300


def test_the_working_with_me_card_says_when_not_why_and_leaves_out_the_past() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tidewell.core.card import card_markdown, card_sections

    home = ZoneInfo("Europe/Lisbon")
    now = datetime(2026, 11, 30, 12, tzinfo=home)
    past = msgspec.convert(
        {"kind": "dated", "id": "autumn", "reason": "Trip", "start": "2026-10-01T00:00:00",
         "end": "2026-10-08T00:00:00"}, Block)  # type: ignore[arg-type]  # fmt: skip
    ahead = msgspec.convert(
        {"kind": "dated", "id": "winter", "reason": "Family in Porto",
         "start": "2026-12-23T00:00:00", "end": "2027-01-02T00:00:00"}, Block)  # type: ignore[arg-type]  # fmt: skip
    blocks = [*leader().blocks, past, ahead]
    text = card_markdown(card_sections(blocks, "Text me until 18:00.", "Europe/Lisbon", now, home))
    assert text.splitlines()[0] == "# Working with me"
    assert "Lisbon time (UTC+0)" in text and "Europe/" not in text
    assert "- Weekdays, 18:30 to 21:00" in text
    assert "- Wed 23 Dec, 00:00 to Sat 2 Jan, 00:00" in text
    assert "Oct" not in text  # the past is left out
    assert "Dinner" not in text and "Porto" not in text  # when, not why
    assert text.rstrip().endswith("Text me until 18:00.")
    with_reasons = card_markdown(card_sections(blocks, "", "Europe/Lisbon", now, home, True))
    assert "(Dinner with the kids)" in with_reasons and "How and when" not in with_reasons
