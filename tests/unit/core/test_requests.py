"""The command socket's door: every line decodes into a typed request or is refused with a
reason; nothing else comes out, however odd the line."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidewell.core.requests import (
    MAX_LINE,
    Offline,
    Pause,
    RequestError,
    Wait,
    decode_request,
    encode_request,
)

from ...figures import record


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b'{"command": "wait", "minutes": "x"}', "Expected `int`, got `str`"),
        (b'{"command": "offline", "until": "99:99"}', "$.until"),
        (b'{"command": "wait", "minutes": 1e20}', "Expected `int`, got `float`"),
        (b'{"command": "pause", "minutes": 1000000000}', "<= 10080"),
        (b'{"command": "wait", "minutes": 0}', ">= 1"),
        (b'{"command": "rm"}', "Invalid value 'rm'"),
        (b'{"command": "wait", "minutes": 5, "extra": 1}', "unknown field"),
        (b"[" * 4000, "not a command"),
        (b"[" * 100_000, "longer than 4096 bytes"),
        (b"\xff\xfe{}", "not a command line"),
        (b"", "not a command line"),
    ],
)
def test_bad_lines_are_refused_with_a_reason(line: bytes, why: str) -> None:
    """Bug: some of these were acknowledged "ok" and then raised inside the app."""
    with pytest.raises(RequestError) as refused:
        decode_request(line)
    assert why in str(refused.value)


def test_requests_round_trip() -> None:
    for request in (Wait(30, "airport"), Offline("21:30", "dinner"), Pause(None, True)):
        assert decode_request(encode_request(request).rstrip(b"\n")) == request
    assert encode_request(Wait(30)) == b'{"command":"wait","minutes":30,"context":null}\n'


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=30,
)
commands = st.fixed_dictionaries(
    {"command": st.sampled_from(["wait", "offline", "pause", "show", "quit", "nope"])},
    optional={"minutes": json_values, "until": json_values, "reason": json_values},
)
FUZZ = {"lines": 0, "accepted": 0, "refused": 0, "slowest": 0.0}


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.one_of(st.binary(max_size=MAX_LINE + 10), commands.map(lambda c: json.dumps(c).encode())))
def test_fuzzed_lines_decode_or_are_refused(line: bytes) -> None:
    started = time.perf_counter()
    try:
        decode_request(line)
        FUZZ["accepted"] += 1
    except RequestError as err:
        assert str(err)
        FUZZ["refused"] += 1
    FUZZ["lines"] += 1
    FUZZ["slowest"] = max(FUZZ["slowest"], time.perf_counter() - started)
    assert time.perf_counter() - started < 0.5


def test_fuzz_figures_are_recorded() -> None:
    assert FUZZ["lines"] >= 400 and FUZZ["refused"] > 0
    record("socket-fuzz", {k: round(v, 4) if isinstance(v, float) else v for k, v in FUZZ.items()})
