"""A window in its own process reads the data folder and never writes it; what it saves is
handed to the tray, checked at the door as the main file is, and kept whole or refused
whole (store/handed_store.py, shell/handover.py, core/requests.py)."""

from __future__ import annotations

import random
from pathlib import Path

import msgspec
from msgspec.structs import replace

from tidewell.core import requests
from tidewell.core.clock import FakeClock
from tidewell.core.requests import MAX_LINE, RequestError, decode_request, encode_request
from tidewell.shell.handover import answer
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore, main_tables
from tidewell.store.handed_store import HandedStore


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_window_reads_the_folder_and_hands_its_saves_over(
    runtime: Runtime, clock: FakeClock
) -> None:
    folder = runtime.store.folder
    before = _snapshot(folder)
    handed: list[requests.Request] = []
    store, opened = HandedStore.read(folder, clock, handed.append)
    assert opened.state.rules == runtime.state.rules and opened.problems == []
    renamed = replace(opened.state.rules[0], name="A calmer name")
    draft = replace(opened.state, rules=[renamed, *opened.state.rules[1:]])
    store.save(replace(opened.state, progress=draft.progress))  # nothing defined changed
    assert handed == []
    store.save(draft)
    assert [type(r) for r in handed] == [requests.Apply]
    assert _snapshot(folder) == before  # not a byte written, not a file touched
    # the tray takes it: the same bytes it would get over the socket
    taken = decode_request(encode_request(handed[0]).rstrip(b"\n"))
    assert answer(runtime, taken) == ""
    assert runtime.state.rules[0].name == "A calmer name"
    _store, reopened = DataStore.open(folder, clock)
    assert reopened.state.rules[0].name == "A calmer name"


def test_a_bad_save_is_refused_whole_saying_where(runtime: Runtime) -> None:
    main = runtime.store.folder / "tidewell.json"
    before, state = main.read_bytes(), runtime.state
    tables = main_tables(state)
    first = next(iter(tables["rules"]))
    tables["rules"][first]["when"] = {"kind": "at", "times": ["25:99"]}
    tables["rules"]["999"] = {**tables["rules"][first], "id": "fine-one", "name": "Fine"}
    why = answer(runtime, requests.Apply(tables=tables))
    assert why.startswith("$.rules[")  # where, for the log and the window's message
    assert runtime.state is state and main.read_bytes() == before


def test_two_rules_with_one_id_are_refused(runtime: Runtime) -> None:
    tables = main_tables(runtime.state)
    rules = list(tables["rules"].values())
    tables["rules"]["999"] = dict(rules[0])
    assert answer(runtime, requests.Apply(tables=tables)) != ""


def test_the_door_bounds_every_line(runtime: Runtime) -> None:
    long_command = b'{"command":"wait","minutes":5,"context":"' + b"x" * MAX_LINE + b'"}'
    try:
        decode_request(long_command)
    except RequestError as err:
        assert "longer than" in str(err)
    else:
        raise AssertionError("a long command was taken")
    tables = main_tables(runtime.state)
    first = next(iter(tables["rules"].values()))
    tables["rules"].update({str(100 + i): {**first, "id": f"r{i}"} for i in range(1000)})
    save = encode_request(requests.Apply(tables=tables)).rstrip(b"\n")
    assert len(save) > 50 * MAX_LINE  # a save may be long (1,000 rules here)
    assert isinstance(decode_request(save), requests.Apply)
    assert answer(runtime, decode_request(save)) == "" and len(runtime.state.rules) > 1000
    deep = b'{"command":"apply","tables":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    try:
        decode_request(deep)
    except RequestError:
        pass
    else:
        raise AssertionError("a line nested 100,000 deep was taken")


def test_fuzzed_saves_never_half_change_anything(runtime: Runtime) -> None:
    """Mutated and truncated saves: each is refused with words or kept whole; never a crash,
    never a file half written."""
    main = runtime.store.folder / "tidewell.json"
    good = encode_request(requests.Apply(tables=main_tables(runtime.state))).rstrip(b"\n")
    rng = random.Random(21)
    values = [None, -1, 10**30, "", "x" * 5000, [], {}, [[[]]], True, "25:00", {"kind": "at"}]
    taken = refused = 0
    for trial in range(400):
        if trial % 4 == 0:
            line = good[: rng.randrange(len(good))]
        else:
            raw = msgspec.json.decode(good)
            table = raw["tables"][rng.choice(["rules", "protected", "people", "settings"])]
            if table:
                doc = table[rng.choice(list(table))]
                doc[rng.choice([*doc, "surprise"])] = rng.choice(values)
            line = msgspec.json.encode(raw)
        before_state, before_bytes = runtime.state, main.read_bytes()
        try:
            request = decode_request(line)
        except RequestError:
            refused += 1
            continue
        why = answer(runtime, request)
        if why:
            refused += 1
            assert runtime.state is before_state and main.read_bytes() == before_bytes
        else:
            taken += 1
    assert refused > 100 and taken > 0


def test_a_window_says_in_words_when_its_save_is_not_taken(
    runtime: Runtime, clock: FakeClock
) -> None:
    import socket
    import threading

    from tidewell.platform.command_socket import server_name
    from tidewell.platform.idle import Unavailable
    from tidewell.shell.activity import ActivityTracker
    from tidewell.shell.window_process import WindowRuntime, hand_over_to

    folder = runtime.store.folder
    store, opened = HandedStore.read(folder, clock, hand_over_to(folder))  # type: ignore[arg-type]
    window = WindowRuntime(store, opened.state, clock, ActivityTracker(Unavailable("")))
    told: list[str] = []
    window.problem.connect(told.append)
    draft = replace(opened.state, balance=replace(opened.state.balance, definition="Mine."))
    before = _snapshot(folder)
    assert window.apply_definitions(draft) != []  # nobody listens: not saved, and said so
    assert told == ["Tidewell is not running. Start it, then save again."]
    # A tray that refuses: its reason goes to the log, the window says it in words.
    path = server_name(folder)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)

        def refuse() -> None:
            conn, _address = server.accept()
            with conn:
                while not conn.recv(65536).endswith(b"\n"):
                    pass
                conn.sendall(b"error: $.rules[0]: not today\n")

        thread = threading.Thread(target=refuse)
        thread.start()
        assert window.apply_definitions(draft) != []
        thread.join(10)
    Path(path).unlink()
    assert told[-1] == "Tidewell did not take these changes. They are still here; try again."
    assert "$" not in told[-1] and _snapshot(folder) == before
    assert window.state.balance.definition != "Mine."
