"""Two computers' data folders through a sync folder copied both ways by a plain tool
(rsync), which also leaves conflict copies, half-written files and a line cut short behind:
edits on both sides converge, nothing is lost, nothing is read twice, and SIGKILL while a
device writes its records loses nothing acknowledged and leaves nothing unreadable."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.journal import AnswerEntry
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.core.state import State
from tidewell.store.datastore import DataStore
from tidewell.store.sync_folder import SyncFolder
from tidewell.store.sync_link import SyncLink

from ...helpers import rule, utc

ROOT = Path(__file__).resolve().parents[3]
STARTER = ROOT / "resources" / "examples" / "starter-rules.json"


def rsync(a: Path, b: Path) -> None:
    """The sync tool: both ways, never deleting, as file sync tools copy."""
    for source, target in ((a, b), (b, a)):
        subprocess.run(["rsync", "-a", f"{source}/", f"{target}/"], check=True)


def device(data: Path, folder: Path, clock: FakeClock, state: State | None = None) -> DataStore:
    store, opened = DataStore.open(data, clock)
    if state is not None:
        store.save(state)
        opened.state = state
    journal = [] if store.journal is None else store.journal.entries(2026, clock.now())
    store.sync = SyncLink.join(data, folder, opened.state, journal, clock.now())
    return store


def answer(store: DataStore, state: State, rule_id: str, minutes: int) -> None:
    at = utc(2026, 11, 30, 9) + timedelta(minutes=minutes)
    store.record(state, [AnswerEntry(at=at, rule=rule_id, due=at, answer="done")])


def starter(clock: FakeClock) -> State:
    incoming = read_rule_file(STARTER.read_bytes())
    state, _added, _changed = merge_rules(State(), incoming.rules, clock.now())
    return merge_file(state, incoming)


def test_two_computers_converge_through_a_copied_folder(tmp_path: Path) -> None:
    clock = FakeClock(utc(2026, 11, 30, 8), "Europe/London")
    sa, sb = tmp_path / "laptop-sync", tmp_path / "desktop-sync"
    sa.mkdir()
    sb.mkdir()
    a = device(tmp_path / "laptop", sa, clock, starter(clock))
    rsync(sa, sb)
    b = device(tmp_path / "desktop", sb, clock)
    state_b, _ = b.merge_sync(b._saved)
    assert {r.id for r in state_b.rules} == {"stretch", "offline", "airport", "late", "reflect"}
    state_a = a._saved
    rsync(sa, sb)

    # edits on both sides, at known moments
    def step(minutes: int) -> None:
        clock.set(utc(2026, 11, 30, 9) + timedelta(minutes=minutes))

    step(1)
    state_a = msgspec.structs.replace(state_a, rules=[*state_a.rules, rule("a-new")])
    a.save(state_a)
    step(2)
    state_b = msgspec.structs.replace(state_b, rules=[*state_b.rules, rule("b-new")])
    b.save(state_b)
    step(3)
    state_a = _renamed(state_a, "stretch", "Laptop's stretch")
    a.save(state_a)
    step(4)
    state_b = _renamed(state_b, "stretch", "Desktop's stretch")  # later: it wins
    b.save(state_b)
    step(5)
    state_b = _renamed(state_b, "late", "Edited on the desktop")
    b.save(state_b)
    step(6)
    state_a = msgspec.structs.replace(state_a, rules=[r for r in state_a.rules if r.id != "late"])
    a.save(state_a)  # the deletion is newer: it wins
    step(7)
    for n in range(3):
        answer(a, state_a, "stretch", n)
    for n in range(2):
        answer(b, state_b, "airport", 10 + n)
    # the sync tool's own mess, on both sides
    mine_a = sa / "Tidewell" / "devices" / a.sync.link.device  # type: ignore[union-attr]
    shutil.copy(mine_a / "changes.jsonl",
                mine_a / "changes.sync-conflict-20261130-091000-ABCDEFG.jsonl")  # fmt: skip
    (mine_a / ".syncthing.changes.jsonl.tmp").write_bytes(b'{"v":1,"at":"2026-')
    (mine_a / "changes.jsonl~").write_bytes(b"half")
    rsync(sa, sb)
    step(8)
    merged_a, _notes_a = a.merge_sync(state_a)
    merged_b, notes_b = b.merge_sync(state_b)
    assert _definitions(merged_a) == _definitions(merged_b)
    rules = {r.id: r.name for r in merged_a.rules}
    assert "late" not in rules and {"a-new", "b-new"} <= set(rules)
    assert rules["stretch"] == "Desktop's stretch"
    assert any("sync-conflict" in n for n in notes_b)  # told once
    assert b.merge_sync(merged_b)[1] == []
    # the journal: each computer counts every entry once
    for store in (a, b):
        assert store.sync is not None and store.journal is not None
        own = [e for e in store.journal.entries(2026, clock.now()) if isinstance(e, AnswerEntry)]
        others = [e for e in store.sync.others_journal([2026]) if isinstance(e, AnswerEntry)]
        assert len(own) + len(others) == 5
    # a nudge answered on the laptop is not raised again on the desktop
    assert merged_b.progress["stretch"].handled == utc(2026, 11, 30, 9, 2)


def test_a_line_cut_short_or_a_damaged_file_never_breaks_a_merge(tmp_path: Path) -> None:
    clock = FakeClock(utc(2026, 11, 30, 8), "Europe/London")
    folder = tmp_path / "sync"
    folder.mkdir()
    a = device(tmp_path / "a", folder, clock, starter(clock))
    theirs = folder / "Tidewell" / "devices" / "ffff0000"
    theirs.mkdir(parents=True)
    (theirs / "changes.jsonl").write_bytes(b"\x00\xff garbage\n" + b'{"v":1,"at":"2026-11')
    (theirs / "journal-2026.jsonl").write_bytes(b'{"id": "ffff0000-0", "entry": {"type"')
    before = (tmp_path / "a" / "tidewell.json").read_bytes()
    state, notes = a.merge_sync(a._saved)
    assert len(state.rules) == 5
    assert sorted(notes) == ["ffff0000/changes.jsonl:1", "ffff0000/changes.jsonl:2",
                             "ffff0000/journal-2026.jsonl:1"]  # fmt: skip
    assert (tmp_path / "a" / "tidewell.json").read_bytes() == before


def test_an_edit_that_cannot_reach_the_folder_waits_and_is_never_dropped(tmp_path: Path) -> None:
    clock = FakeClock(utc(2026, 11, 30, 8), "Europe/London")
    folder = tmp_path / "sync"
    folder.mkdir()
    a = device(tmp_path / "a", folder, clock, starter(clock))
    devices = folder / "Tidewell" / "devices"
    devices.chmod(0o500)
    mine = devices / a.sync.link.device  # type: ignore[union-attr]
    mine.chmod(0o500)
    try:
        state = _renamed(a._saved, "stretch", "Renamed while unplugged")
        a.save(state)
        if os.geteuid() != 0:  # root writes anyway: then it simply went out at once
            assert (tmp_path / "a" / "sync-outbox.jsonl").exists()
    finally:
        mine.chmod(0o700)
        devices.chmod(0o700)
    clock.advance(minutes=1)
    merged, _notes = a.merge_sync(state)
    assert merged.rule("stretch").name == "Renamed while unplugged"  # type: ignore[union-attr]
    assert not (tmp_path / "a" / "sync-outbox.jsonl").exists()


def test_journal_entries_that_cannot_reach_the_folder_wait_and_go_out_later(
    tmp_path: Path,
) -> None:
    clock = FakeClock(utc(2026, 11, 30, 8), "Europe/London")
    folder = tmp_path / "sync"
    folder.mkdir()
    a = device(tmp_path / "a", folder, clock, starter(clock))
    assert a.sync is not None
    real = a.sync.folder.append_journal

    def unplugged(entries: object) -> None:
        raise OSError("the folder is not there")

    a.sync.folder.append_journal = unplugged  # type: ignore[method-assign]
    answer(a, a._saved, "stretch", 0)
    assert (tmp_path / "a" / "sync-journal-outbox.jsonl").exists()
    a.sync.folder.append_journal = real  # type: ignore[method-assign]
    answer(a, a._saved, "stretch", 1)
    reader = SyncFolder(folder, "ffff0001")
    entries, _skipped = reader.journal([2026])
    assert len([e for e in entries if isinstance(e, AnswerEntry)]) == 2  # both, once each
    assert not (tmp_path / "a" / "sync-journal-outbox.jsonl").exists()


WRITER = """
import sys, time
from datetime import datetime, timezone
sys.path.insert(0, {desktop!r})
from tidewell.store.sync_folder import SyncFolder
folder = SyncFolder(__import__("pathlib").Path({folder!r}), "aaaa0000")
n = 0
while True:
    doc = {{"id": f"r{{n}}", "name": "x" * 400, "when": {{"kind": "at", "times": ["09:00"]}},
           "nudge": {{"title": "t"}}}}
    folder.publish([("rules", f"r{{n}}", doc)], datetime.now(timezone.utc))
    print(n, flush=True)
    n += 1
"""


@pytest.mark.parametrize("trial", range(6))
def test_sigkill_while_writing_records_loses_nothing_acknowledged(
    tmp_path: Path, trial: int
) -> None:
    code = WRITER.format(desktop=str(ROOT / "desktop"), folder=str(tmp_path))
    writer = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    acknowledged = -1
    deadline = time.monotonic() + 10
    while acknowledged < 20 + trial * 15 and time.monotonic() < deadline:
        acknowledged = int(writer.stdout.readline())
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    reading = SyncFolder(tmp_path, "bbbb0000").read()
    ids = {r.id for r in reading.records}
    assert {f"r{n}" for n in range(acknowledged + 1)} <= ids  # 0 lost
    assert len(reading.skipped) <= 1  # at most the one line cut short, skipped
    after = SyncFolder(tmp_path, "aaaa0000")  # the device starts again: a fresh line
    after.publish([("rules", "again", None)], utc(2026, 12, 1))
    again = SyncFolder(tmp_path, "bbbb0000").read()
    assert "again" in {r.id for r in again.records}
    assert len(again.skipped) == len(reading.skipped)  # 0 unreadable besides


def _renamed(state: State, rule_id: str, name: str) -> State:
    rules = [msgspec.structs.replace(r, name=name) if r.id == rule_id else r for r in state.rules]
    return msgspec.structs.replace(state, rules=rules)


def _definitions(state: State) -> tuple[object, ...]:
    return (sorted(msgspec.to_builtins(state.rules), key=lambda r: r["id"]),
            sorted(msgspec.to_builtins(state.blocks), key=lambda b: b["id"]),
            state.balance)  # fmt: skip


MERGER = """
import sys
sys.path.insert(0, {desktop!r})
from pathlib import Path
from tidewell.core.clock import FakeClock
from tidewell.store.datastore import DataStore
from datetime import datetime, timezone, timedelta
clock = FakeClock(datetime(2026, 11, 30, 9, tzinfo=timezone.utc), "Europe/London")
store, opened = DataStore.open(Path({data!r}), clock)
state = opened.state
from tidewell.store.sync_folder import SyncFolder
other = SyncFolder(Path({folder!r}), "cccc0000")
doc = {{"id": "stretch", "name": "", "when": {{"kind": "at", "times": ["11:00"]}},
        "nudge": {{"title": "A stretch?"}}}}
n = 0
while True:
    other.publish([("rules", "stretch", {{**doc, "name": f"Stretch {{n}}"}})], clock.now())
    state, _notes = store.merge_sync(state)  # each merge writes tidewell.json
    clock.advance(seconds=1)
    print(n, flush=True)
    n += 1
"""


@pytest.mark.parametrize("trial", range(4))
def test_sigkill_during_merges_leaves_the_data_folder_readable(tmp_path: Path, trial: int) -> None:
    clock = FakeClock(utc(2026, 11, 30, 8), "Europe/London")
    folder = tmp_path / "sync"
    folder.mkdir()
    device(tmp_path / "a", folder, clock, starter(clock))
    device(tmp_path / "b", folder, clock)
    code = MERGER.format(desktop=str(ROOT / "desktop"), data=str(tmp_path / "b"),
                         folder=str(folder))  # fmt: skip
    merger = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert merger.stdout is not None
    for _line in range(3 + trial * 4):
        merger.stdout.readline()
    os.kill(merger.pid, signal.SIGKILL)
    merger.wait()
    merger.stdout.close()
    store, opened = DataStore.open(tmp_path / "b", clock)
    assert opened.problems == [] and opened.events == []  # 0 unreadable
    merged, _notes = store.merge_sync(opened.state)
    assert {r.id for r in merged.rules} == {"stretch", "offline", "airport", "late", "reflect"}
    found = [r for r in SyncFolder(folder, "dddd0000").read().records if r.id == "stretch"]
    newest = max(found, key=lambda r: r.order)
    assert merged.rule("stretch").name == newest.doc["name"]  # type: ignore[union-attr,index]
