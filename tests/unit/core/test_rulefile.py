"""Rule files: readable problems with JSON paths, all or nothing, and fuzzed input."""

import json
from collections import Counter
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidewell.core.rulefile import read_rule_file, write_rule_file
from tidewell.core.validation import Invalid

from ...figures import count, record

STARTER = Path(__file__).resolve().parents[3] / "resources" / "examples" / "starter-rules.json"


def problems_of(doc: object) -> list[str]:
    with pytest.raises(Invalid) as caught:
        read_rule_file(json.dumps(doc).encode())
    return [str(p) for p in caught.value.problems]


def test_the_starter_file_reads_and_round_trips() -> None:
    state = read_rule_file(STARTER.read_bytes())
    assert len(state.rules) == 5 and state.blocks and state.people
    again = read_rule_file(write_rule_file(state))
    assert again.rules == state.rules and again.blocks == state.blocks


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ({"kind": "waiting", "min_minutes": 0}, "$.rules[0].when.min_minutes: expected int >= 1"),
        (
            {"kind": "at", "times": ["25:00"]},
            "$.rules[0].when.times[0]: expected str (a time like 09:00)",
        ),
        (
            {"kind": "at", "times": ["09:00"], "zone": "Mars/Base"},
            "$.rules[0].when.zone: 'Mars/Base' is not a time zone this computer knows",
        ),
        (
            {"kind": "at", "rrule": "FREQ=SECONDLY"},
            "$.rules[0].when.rrule: nudges repeat at most hourly",
        ),
        ({"kind": "at", "rrule": "FREQ=NEVER"}, "$.rules[0].when.rrule: not a valid RRULE"),
        ({"kind": "teleport"}, "$.rules[0].when.kind: invalid value 'teleport'"),
        ({"kind": "at", "time": "09:00"}, "$.rules[0].when: object contains unknown field time"),
    ],
)
def test_each_problem_names_its_path(when: dict, expected: str) -> None:  # type: ignore[type-arg]
    doc = [{"id": "a", "name": "A", "when": when, "nudge": {"title": "t"}}]
    [problem] = problems_of(doc)
    assert problem.startswith(expected)


def test_links_are_limited_to_web_mail_and_phone() -> None:
    doc = {
        "rules": [
            {
                "id": "a",
                "name": "A",
                "when": {"kind": "active"},
                "nudge": {"title": "t", "link": "file:///etc/passwd"},
            }
        ]
    }
    [problem] = problems_of(doc)
    assert problem.startswith(
        "$.rules[0].nudge.link: a link starts with one of http, https, mailto, tel"
    )


def test_every_bad_item_is_reported_and_nothing_is_half_read() -> None:
    good = {"id": "ok", "name": "Fine", "when": {"kind": "active"}, "nudge": {"title": "t"}}
    doc = {
        "rules": [
            good,
            {"id": "b", "name": "", "when": {"kind": "active"}, "nudge": {"title": "t"}},
            {**good, "id": "ok"},
        ],
        "people": [{"id": "p", "name": "P", "zone": "Nowhere/Else"}],
        "extra": 1,
    }
    problems = problems_of(doc)
    assert problems == [
        "$.extra: not a section Tidewell knows",
        "$.rules[1].name: this cannot be empty",
        "$.people[0].zone: 'Nowhere/Else' is not a time zone this computer knows",
    ]


def test_cross_references_are_checked() -> None:
    doc = {
        "rules": [
            {
                "id": "a",
                "name": "A",
                "when": {"kind": "protected", "blocks": ["gone"]},
                "nudge": {"title": "t"},
                "only_if": {"reachable": "nobody", "in_season": ["Summer"]},
            },
            {"id": "a", "name": "A2", "when": {"kind": "active"}, "nudge": {"title": "t"}},
        ]
    }
    assert problems_of(doc) == [
        "$.rules[0].id: the id 'a' is used twice",
        "$.rules[1].id: the id 'a' is used twice",
        "$.rules[0].only_if.reachable: no person has the id 'nobody'",
        "$.rules[0].only_if: no season is called 'Summer'",
        "$.rules[0].when.blocks: no protected time has the id 'gone'",
    ]


@pytest.mark.parametrize("data", [b"", b"{", b"\x00\xff", b"42", b'"rules"', b"null"])
def test_not_a_rule_file_at_all(data: bytes) -> None:
    with pytest.raises(Invalid) as caught:
        read_rule_file(data)
    assert caught.value.problems[0].path == "$"


# --- property tests ---------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
STARTER_DOC = json.loads(STARTER.read_text())


def mutate(doc: object, data: st.DataObject) -> object:
    """Replace, drop or add one thing somewhere in the document."""
    if isinstance(doc, dict) and doc and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(doc)))
        action = data.draw(st.sampled_from(["replace", "drop", "descend", "add"]))
        copy = dict(doc)
        if action == "replace":
            copy[key] = data.draw(json_values)
        elif action == "drop":
            del copy[key]
        elif action == "add":
            copy[data.draw(st.text(max_size=8))] = data.draw(json_values)
        else:
            copy[key] = mutate(doc[key], data)
        return copy
    if isinstance(doc, list) and doc:
        index = data.draw(st.integers(0, len(doc) - 1))
        copy = list(doc)
        copy[index] = (
            mutate(doc[index], data) if data.draw(st.booleans()) else data.draw(json_values)
        )
        return copy
    return data.draw(json_values)


def check_all_or_nothing(data: bytes, outcomes: Counter[str]) -> None:
    try:
        state = read_rule_file(data)
    except Invalid as invalid:
        assert invalid.problems
        for problem in invalid.problems:
            assert problem.path.startswith("$"), problem
            assert problem.message.strip(), problem
        outcomes["refused"] += 1
        outcomes["problems"] += len(invalid.problems)
        return
    # Accepted: it must be whole, i.e. survive a round trip unchanged.
    assert read_rule_file(write_rule_file(state)) == state
    outcomes["accepted"] += 1


FUZZ_FILES = count("fuzz_files", 600)  # half mutated starter files, half random bytes or JSON


def test_fuzzed_rule_files_never_raise_and_never_half_import() -> None:
    outcomes: Counter[str] = Counter()
    examples = settings(
        max_examples=FUZZ_FILES // 2,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        database=None,  # the same examples every run: a count, not a search that remembers
    )

    @examples
    @given(st.data())
    def mutated_starter_files(data: st.DataObject) -> None:
        doc = STARTER_DOC
        for _ in range(data.draw(st.integers(1, 3))):
            doc = mutate(doc, data)
        check_all_or_nothing(msgspec.json.encode(doc), outcomes)

    @examples
    @given(st.one_of(json_values.map(msgspec.json.encode), st.binary(max_size=200)))
    def random_files(data: bytes) -> None:
        check_all_or_nothing(data, outcomes)

    mutated_starter_files()
    random_files()
    tried = outcomes["accepted"] + outcomes["refused"]
    assert tried >= FUZZ_FILES * 0.9  # hypothesis may skip a few duplicates
    record(
        "fuzz",
        {
            "files": tried,
            "accepted whole": outcomes["accepted"],
            "refused": outcomes["refused"],
            "problems reported, each with a JSON path": outcomes["problems"],
            "uncaught exceptions": 0,
            "partial imports": 0,
        },
    )


def test_a_files_balance_is_taken_and_an_absent_one_keeps_yours() -> None:
    from tidewell.core.rulefile import merge_file, read_rule_file
    from tidewell.core.state import State

    mine = merge_file(State(), read_rule_file(b'{"balance": {"definition": "Evenings are ours."}}'))
    assert mine.balance.definition == "Evenings are ours."
    assert merge_file(mine, read_rule_file(b'{"rules": []}')).balance == mine.balance


# --- the door: what the file itself is ---------------------------------------------------


def test_a_file_nested_100000_deep_is_refused_in_words() -> None:
    """Bug: it raised RecursionError."""
    from tidewell.core.validation import Invalid

    with pytest.raises(Invalid) as refused:
        read_rule_file(b"[" * 100_000 + b"]" * 100_000)
    assert "nested too deeply" in str(refused.value.problems[0])


def test_a_utf8_bom_is_accepted_and_utf16_is_named() -> None:
    """Bug: both were refused as an 'invalid character'."""
    from tidewell.core.validation import Invalid

    rule = {"id": "a", "name": "Café", "when": {"kind": "waiting"}, "nudge": {"title": "Hi"}}
    body = json.dumps({"rules": [rule]}, ensure_ascii=False)
    assert read_rule_file(b"\xef\xbb\xbf" + body.encode()).rules[0].name == "Café"
    for encoded in (body.encode("utf-16"), body.encode("utf-16-le")):
        with pytest.raises(Invalid) as refused:
            read_rule_file(encoded)
        assert "UTF-16" in str(refused.value.problems[0])


def test_only_regular_files_are_read_and_never_past_the_cap(tmp_path: Path) -> None:
    """Bug: a FIFO hung the import; a device was read without limit."""
    import os

    from tidewell.core.reading import NotReadable, read_regular_file

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(NotReadable, match="not a file"):
        read_regular_file(fifo, 1000)  # returns at once: nothing waits for a writer
    with pytest.raises(NotReadable, match="not a file"):
        read_regular_file(Path("/dev/zero"), 1000)
    with pytest.raises(NotReadable, match="a folder"):
        read_regular_file(tmp_path, 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2000)
    with pytest.raises(NotReadable, match="larger than 1000 bytes"):
        read_regular_file(big, 1000)
    assert read_regular_file(big, 2000) == b" " * 2000


@pytest.mark.parametrize(
    ("rrule", "why"),
    [
        ("FREQ=HOURLY;BYSETPOS=2", "never comes round"),  # hung validation for over a minute
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "never comes round"),  # 7 s, then accepted
        ("FREQ=MONTHLY;BYSETPOS=40;BYMONTHDAY=1", "never comes round"),
        ("FREQ=SECONDLY", "at most hourly"),
        ("FREQ=HOURLY;BYMINUTE=0,30", "at most hourly"),
        ("FREQ=DAILY;BYHOUR=9;BYSECOND=0,1,2", "at most hourly"),
    ],
)
def test_repeats_are_checked_within_bounded_work(rrule: str, why: str) -> None:
    import time

    from tidewell.core.rules import check_rrule

    started = time.perf_counter()
    with pytest.raises(ValueError, match=why):
        check_rrule(rrule)
    assert time.perf_counter() - started < 1.0


def test_rare_but_real_repeats_are_kept() -> None:
    from tidewell.core.rules import check_rrule

    for rrule in (
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",  # a Monday 29 February: every 28 years
        "FREQ=WEEKLY;UNTIL=20240301T000000;BYDAY=MO",
        "FREQ=WEEKLY;COUNT=3;BYDAY=MO",
        "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=15",
    ):
        check_rrule(rrule)
