"""The store: atomic files, private permissions, backups, recovery, migrations, the journal."""

import json
import os
from pathlib import Path

import msgspec
import pytest

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.journal import AnswerEntry, WaitingEntry
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.store.atomic import atomic_write
from tidewell.store.backups import KEEP, backups_of
from tidewell.store.check import check_folder
from tidewell.store.datastore import MAIN, DataStore, StoreError
from tidewell.store.migrations import SCHEMA_VERSION

from ...helpers import rule, state, utc

STARTER = Path(__file__).resolve().parents[3] / "resources" / "examples" / "starter-rules.json"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(utc(2026, 11, 23, 8), "Europe/London")


def saved_store(folder: Path, clock: FakeClock) -> DataStore:
    store, opened = DataStore.open(folder, clock)
    incoming = read_rule_file(STARTER.read_bytes())
    state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
    store.save(merge_file(state, incoming))
    return store


def test_first_open_makes_a_private_folder_and_file(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "data"
    _, opened = DataStore.open(folder, clock)
    assert opened.state.rules == [] and opened.events == []
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / MAIN).stat().st_mode & 0o777 == 0o600
    assert json.loads((folder / MAIN).read_text())["meta"]["1"] == {
        "schema_version": SCHEMA_VERSION
    }


def test_saved_rules_and_progress_come_back(tmp_path: Path, clock: FakeClock) -> None:
    saved_store(tmp_path, clock)
    _, opened = DataStore.open(tmp_path, clock)
    assert [r.id for r in opened.state.rules] == [
        "stretch",
        "offline",
        "airport",
        "late",
        "reflect",
    ]
    assert opened.state.progress["stretch"].handled == clock.now()
    assert check_folder(tmp_path) == []


def test_stray_temp_files_of_dead_writers_are_removed(tmp_path: Path, clock: FakeClock) -> None:
    saved_store(tmp_path, clock)
    stray = tmp_path / f".{MAIN}.tmp-999999999-0"
    stray.write_bytes(b'{"half": ')
    assert any("temporary file" in p for p in check_folder(tmp_path))
    DataStore.open(tmp_path, clock)
    assert not stray.exists()


def test_backups_roll_and_keep_the_newest(tmp_path: Path, clock: FakeClock) -> None:
    for index in range(KEEP + 4):
        store, opened = DataStore.open(tmp_path, clock)
        store.save(merge_rules(opened.state, [rule(f"r{index}")], clock.now())[0])
        clock.advance(minutes=1)
    DataStore.open(tmp_path, clock)
    backups = backups_of(tmp_path / MAIN)
    assert len(backups) == KEEP
    newest = json.loads(backups[0].read_text())
    assert len(newest["rules"]) == KEEP + 4


CORRUPT = {
    "empty": b"",
    "truncated": None,  # filled from a real file below
    "trailing-garbage": None,
    "binary": bytes(range(256)),
    "wrong-shape": b'{"rules": ["not", "a", "table"]}',
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_a_corrupt_file_is_moved_aside_and_the_last_backup_restored(
    tmp_path: Path, clock: FakeClock, kind: str
) -> None:
    saved_store(tmp_path, clock)
    clock.advance(minutes=5)
    DataStore.open(tmp_path, clock)  # the session start keeps a backup of the good file
    good = (tmp_path / MAIN).read_bytes()
    bad = {"truncated": good[: len(good) // 2], "trailing-garbage": good + b"}garbage"}.get(
        kind, CORRUPT[kind]
    )
    (tmp_path / MAIN).write_bytes(bad)
    assert check_folder(tmp_path)  # check sees it, and changes nothing
    assert (tmp_path / MAIN).read_bytes() == bad
    clock.advance(minutes=5)
    _, opened = DataStore.open(tmp_path, clock)
    assert len(opened.state.rules) == 5
    [event] = opened.events
    assert "could not be read" in event and "restored" in event
    [aside] = tmp_path.glob(f"{MAIN}.corrupt-*")
    assert aside.read_bytes() == bad
    assert check_folder(tmp_path) == []


def test_corrupt_without_a_backup_starts_empty_and_says_so(
    tmp_path: Path, clock: FakeClock
) -> None:
    tmp_path.joinpath(MAIN).write_bytes(b"\x00\x01")
    _, opened = DataStore.open(tmp_path, clock)
    assert opened.state.rules == []
    assert "no backup" in opened.events[0]
    assert len(list(tmp_path.glob(f"{MAIN}.corrupt-*"))) == 1


def test_a_file_from_a_newer_tidewell_is_refused_untouched(
    tmp_path: Path, clock: FakeClock
) -> None:
    future = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "rules": {}})
    tmp_path.joinpath(MAIN).write_text(future)
    with pytest.raises(StoreError, match="newer Tidewell"):
        DataStore.open(tmp_path, clock)
    assert tmp_path.joinpath(MAIN).read_text() == future
    assert any("newer Tidewell" in p for p in check_folder(tmp_path))


def test_an_old_file_is_migrated_and_the_original_kept(tmp_path: Path, clock: FakeClock) -> None:
    doc = {"rules": {"1": msgspec.to_builtins(rule("old"))}}
    tmp_path.joinpath(MAIN).write_text(json.dumps(doc))
    _, opened = DataStore.open(tmp_path, clock)
    assert [r.id for r in opened.state.rules] == ["old"]
    assert json.loads(tmp_path.joinpath(MAIN).read_text())["meta"]["1"]["schema_version"] == 1
    assert any("meta" not in json.loads(b.read_text()) for b in backups_of(tmp_path / MAIN))


def test_an_invalid_stored_rule_is_reported_and_kept_on_save(
    tmp_path: Path, clock: FakeClock
) -> None:
    broken = {
        "id": "broken",
        "name": "B",
        "when": {"kind": "at", "times": ["9am"]},
        "nudge": {"title": "t"},
    }
    doc = {
        "meta": {"1": {"schema_version": 1}},
        "rules": {"1": msgspec.to_builtins(rule("fine")), "2": broken},
    }
    tmp_path.joinpath(MAIN).write_text(json.dumps(doc))
    store, opened = DataStore.open(tmp_path, clock)
    assert [str(p) for p in opened.problems] == [
        "$.rules[1].when.times[0]: expected str (a time like 09:00)"
    ]
    store.save(merge_rules(opened.state, [rule("added")], clock.now())[0])
    stored = json.loads(tmp_path.joinpath(MAIN).read_text())["rules"]
    assert broken in stored.values() and len(stored) == 3
    assert any("9am" not in p and "times[0]" in p for p in check_folder(tmp_path))


def test_journal_is_sharded_by_year(tmp_path: Path, clock: FakeClock) -> None:
    store = saved_store(tmp_path, clock)
    assert store.journal is not None
    entries = [
        WaitingEntry(at=utc(2025, 12, 31, 23), minutes=30, context="airport"),
        AnswerEntry(
            at=utc(2026, 1, 1, 1),
            rule="stretch",
            due=utc(2026, 1, 1),
            answer="chose",
            note="a real deadline",
        ),
    ]
    store.journal.append(entries, clock.now())
    assert store.journal.years() == [2025, 2026]
    reopened, _ = DataStore.open(tmp_path, clock)
    assert reopened.journal is not None
    assert reopened.journal.entries(2025, clock.now()) == entries[:1]
    assert reopened.journal.entries(2026, clock.now()) == entries[1:]
    assert (tmp_path / "journal" / "2026.json").stat().st_mode & 0o777 == 0o600


def test_a_corrupt_journal_shard_is_kept_aside(tmp_path: Path, clock: FakeClock) -> None:
    store = saved_store(tmp_path, clock)
    (tmp_path / "journal" / "2026.json").write_bytes(b"{trunc")
    reopened, _ = DataStore.open(tmp_path, clock)
    assert reopened.journal is not None
    assert reopened.journal.entries(2026, clock.now()) == []
    assert any("journal for 2026" in e for e in reopened.events)
    assert list((tmp_path / "journal").glob("2026.json.corrupt-*"))
    del store


def test_atomic_write_keeps_the_old_file_when_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.json"
    atomic_write(target, b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_a_read_only_folder_fails_loudly_and_keeps_the_data(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_store(tmp_path, clock)
    store, opened = DataStore.open(tmp_path, clock)
    before = (tmp_path / MAIN).read_bytes()
    real_open = os.open

    def read_only(path, flags, *args):  # type: ignore[no-untyped-def]
        # What a read-only folder does to a new file (root would ignore a chmod here).
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(PermissionError):
        store.save(merge_rules(opened.state, [rule("more")], clock.now())[0])
    monkeypatch.undo()
    assert (tmp_path / MAIN).read_bytes() == before
    assert not list(tmp_path.glob(".*tmp-*"))


def test_every_data_file_says_its_version_and_a_newer_one_is_left_untouched(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The ledger, each journal year, the calendars' cache and the reflections carry a
    schema version like tidewell.json; one from a newer Tidewell is refused, never rewritten."""
    from tidewell.core.journal import WaitingEntry
    from tidewell.core.reflection import Reflection
    from tidewell.store.calendar_cache import CalendarCache
    from tidewell.store.reflections import Reflections

    store, opened = DataStore.open(tmp_path, clock)
    store.record(state(rule("a"), handled=clock.now()), [WaitingEntry(at=clock.now(), minutes=20)])
    Reflections(tmp_path, clock.now()).add(Reflection(at=clock.now(), answers=["fine"]))
    CalendarCache(tmp_path, clock.now()).write({})
    year = tmp_path / "journal" / f"{clock.now().year}.json"
    for path in (
        tmp_path / "ledger.json",
        year,
        tmp_path / "calendars.json",
        tmp_path / "reflections.json",
    ):
        assert json.loads(path.read_text())["meta"]["1"]["schema_version"] == 1, path.name
    future = {"meta": {"1": {"schema_version": 99}}, "entries": {}}
    for path in (tmp_path / "ledger.json",):
        path.write_text(json.dumps(future))
        with pytest.raises(StoreError, match="newer Tidewell"):
            DataStore.open(tmp_path, clock)
        assert json.loads(path.read_text()) == future
        path.unlink()
    for name in ("calendars.json", "reflections.json"):
        (tmp_path / name).write_text(json.dumps(future))
    cache, reflections = CalendarCache(tmp_path, clock.now()), Reflections(tmp_path, clock.now())
    assert cache.read() == {} and "newer Tidewell" in (cache.problem or "")
    cache.write({})
    assert reflections.all() == [] and "newer Tidewell" in (reflections.problem or "")
    with pytest.raises(OSError, match="kept as they are"):
        reflections.add(Reflection(at=clock.now(), answers=["x"]))
    for name in ("calendars.json", "reflections.json"):
        assert json.loads((tmp_path / name).read_text()) == future
    year.write_text(json.dumps(future))
    store, _ = DataStore.open(tmp_path, clock)
    with pytest.raises(OSError, match="left as it is"):
        store.record(
            store.load_state() if hasattr(store, "load_state") else opened.state,
            [WaitingEntry(at=clock.now(), minutes=5)],
        )
    assert json.loads(year.read_text()) == future


def test_a_journal_row_that_does_not_decode_is_left_out_and_counted(
    tmp_path: Path, clock: FakeClock
) -> None:
    from tidewell.core.journal import WaitingEntry

    store, opened = DataStore.open(tmp_path, clock)
    store.record(opened.state, [WaitingEntry(at=clock.now(), minutes=20)])
    year = tmp_path / "journal" / f"{clock.now().year}.json"
    raw = json.loads(year.read_text())
    raw["entries"]["2"] = {"type": "waiting", "minutes": "lots"}
    raw["entries"]["3"] = {"type": "from-the-future"}
    year.write_text(json.dumps(raw))
    store, _ = DataStore.open(tmp_path, clock)
    assert store.journal is not None
    assert [e.minutes for e in store.journal.entries(clock.now().year, clock.now())] == [20]  # type: ignore[union-attr]
    assert store.journal.skipped == {clock.now().year: 2}
    assert json.loads(year.read_text())["entries"]["3"] == {"type": "from-the-future"}
