"""The data folder as a whole: the main file (what the person defined), the ledger
(scheduler progress), the journal and backups.

    tidewell.json      rules, protected time, people, seasons, ideas, balance, settings
    ledger.json        where each rule stands (handled, snoozed, done)
    journal/2026.json  what happened, one file per year
    backups/           the last ten versions of tidewell.json

Opening migrates and recovers; what happened is kept in ``events`` for the app to tell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec.structs import replace
from tinydb import Query, TinyDB

from tidewell.core.clock import Clock
from tidewell.core.journal import JournalEntry
from tidewell.core.life import Balance, Settings
from tidewell.core.sections import STORED_SECTIONS
from tidewell.core.state import Pause, Progress, State, definitions_differ
from tidewell.core.validation import Problem, convert_each, problem_from
from tidewell.i18n import _
from tidewell.store.atomic import AtomicJSONStorage, atomic_write, remove_stray_temp_files
from tidewell.store.backups import back_up, backup_time, backups_of
from tidewell.store.documents import Unreadable, as_table, documents, move_aside, read_tables
from tidewell.store.journal import Journal
from tidewell.store.migrations import (
    DATA_VERSION,
    META,
    META_ID,
    SCHEMA_VERSION,
    NewerSchema,
    migrate,
)
from tidewell.store.paths import ensure_private_dir

if TYPE_CHECKING:
    from tidewell.store.sync_link import SyncLink

MAIN = "tidewell.json"
LEDGER = "ledger.json"
SINGLE_TABLES = {"balance": Balance, "settings": Settings}


class StoreError(Exception):
    """The data folder cannot be used; the message is for the person."""


@dataclass
class Opened:
    """What opening found: the state, stored items that did not validate, what was repaired."""

    state: State
    problems: list[Problem] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


class DataStore:
    writes = True  # a window in its own process reads the folder and never writes it

    def __init__(self, folder: Path, clock: Clock) -> None:
        self.folder = folder
        self.clock = clock
        self.events: list[str] = []
        self._invalid: dict[str, list[Any]] = {}
        self._rule_fixes: list[tuple[dict[str, Any], list[str]]] = []  # for Settings
        self._saved = State()
        self._main: TinyDB | None = None
        self._ledger: TinyDB | None = None
        self.journal: Journal | None = None
        self.sync: SyncLink | None = None  # the sync folder, when the person chose one
        self._merging = False

    def rules_needing_a_fix(self) -> list[tuple[dict[str, Any], list[str]]]:
        """Stored rules that do not validate (kept in the file, never used), each with what
        is wrong, in words; a rule fixed and saved since is gone from the list."""
        still = self._invalid.get("rules", [])
        return [(doc, why) for doc, why in self._rule_fixes if any(doc is d for d in still)]

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, clock: Clock) -> tuple[DataStore, Opened]:
        store = cls(folder, clock)
        return store, store._open()

    def _open(self) -> Opened:
        if self.writes:
            try:
                ensure_private_dir(self.folder)
            except OSError as err:
                said = _("Tidewell cannot use its data folder {folder}: {reason}")
                raise StoreError(said.format(folder=self.folder, reason=err.strerror)) from err
            remove_stray_temp_files(self.folder)
            remove_stray_temp_files(self.folder / "backups")
        now = self.clock.now()
        raw, data = self._load_main(now)
        self._main = TinyDB(self.folder / MAIN, storage=AtomicJSONStorage, initial=data)
        state, problems, self._invalid = state_from_tables(raw)
        self._rule_fixes = _with_reasons(self._invalid.get("rules", []), problems, "rules")
        self._ledger = self._open_ledger(now)
        state = replace(state, progress=self._read_progress(), pause=self._read_pause())
        self.journal = Journal(self.folder / "journal", self.events, self.writes)
        if (self.folder / "sync.json").exists():  # only when syncing: an idle tray loads none
            from tidewell.store.sync_link import SyncLink

            self.sync = SyncLink.of(self.folder)
        self._saved = state
        return Opened(state, problems, self.events)

    def _load_main(self, now: datetime) -> tuple[dict[str, Any], bytes]:
        path = self.folder / MAIN
        try:
            raw, data = read_tables(path, newest=None)  # the main file migrates (below)
        except Unreadable as err:
            if not self.writes:  # the running Tidewell recovers; a window only reads
                raise StoreError(f"{path}: {err}") from err
            raw, data = self._recover(path, str(err), now)
        if raw is None:  # a first start
            raw = {META: {META_ID: {"schema_version": SCHEMA_VERSION}}}
            data = msgspec.json.encode(raw)
            if self.writes:
                atomic_write(path, data)
            return raw, data
        try:
            raw, changed = migrate(raw)
        except (ValueError, NewerSchema) as err:
            raise StoreError(f"{path}: {err}") from err
        if not self.writes:
            return raw, msgspec.json.encode(raw) if changed else data
        back_up(path, data, now)  # before a migration, this keeps the original
        if changed:
            data = msgspec.json.encode(raw)
            atomic_write(path, data)
        return raw, data

    def _recover(self, path: Path, why: str, now: datetime) -> tuple[dict[str, Any] | None, bytes]:
        aside = move_aside(path, now)
        for backup in backups_of(path):
            try:
                raw, data = read_tables(backup, newest=None)
            except Unreadable:
                continue
            atomic_write(path, data)
            self.events.append(
                _(
                    "Your settings file could not be read ({reason}). It was kept as {file}, "
                    "and the backup from {when} was restored."
                ).format(reason=why, file=aside.name, when=_backup_time(backup))
            )
            return raw, data
        self.events.append(
            _(
                "Your settings file could not be read ({reason}) and there was no backup. It "
                "was kept as {file}, and Tidewell started with empty settings."
            ).format(reason=why, file=aside.name)
        )
        return None, b""

    def _open_ledger(self, now: datetime) -> TinyDB:
        path = self.folder / LEDGER
        try:
            _raw, data = read_tables(path)
        except NewerSchema as err:
            raise StoreError(f"{path}: {err}") from err
        except Unreadable as err:
            if not self.writes:
                raise StoreError(f"{path}: {err}") from err
            aside = move_aside(path, now)
            self.events.append(
                _(
                    "The scheduler's notes could not be read ({reason}); kept as {file}. "
                    "Nudges start counting again from now."
                ).format(reason=err, file=aside.name)
            )
            data = b""
        return TinyDB(path, storage=AtomicJSONStorage, initial=data or None, version=DATA_VERSION)

    def _read_progress(self) -> dict[str, Progress]:
        assert self._ledger is not None
        raw = self._ledger.storage.read() or {}
        progress: dict[str, Progress] = {}
        for doc in documents(raw, "progress"):
            rule = doc.pop("rule", None)
            try:
                progress[str(rule)] = msgspec.convert(doc, Progress)
            except msgspec.ValidationError:
                continue  # a damaged row only costs that rule its place in the schedule
        return progress

    def _read_pause(self) -> Pause | None:
        assert self._ledger is not None
        for doc in documents(self._ledger.storage.read() or {}, "pause"):
            try:
                return msgspec.convert(doc, Pause)
            except msgspec.ValidationError:
                return None  # a damaged pause ends it: nudges come back, nothing is lost
        return None

    # --- saving -----------------------------------------------------------------------

    def save(self, state: State) -> None:
        """Write what changed since the last save: the main file (one atomic write) and
        the ledger rows of rules whose progress moved."""
        if definitions_differ(state, self._saved):
            self._write_main(state)
            if self.sync is not None and not self._merging:
                self.sync.publish(self._saved, state, self.clock.now())
        if state.progress != self._saved.progress:
            self._write_progress(state.progress, self._saved.progress)
        if state.pause != self._saved.pause:
            self._write_pause(state.pause)
        self._saved = state

    def _write_main(self, state: State) -> None:
        assert self._main is not None
        tables = main_tables(state, self._invalid)
        # TinyDB has no multi-table transaction: the whole file is one storage write.
        storage = self._main.storage
        assert isinstance(storage, AtomicJSONStorage)
        storage.write(tables)
        self._main.clear_cache()
        # Saves of the main file are rare (edits, imports): each is kept as a backup too.
        back_up(self.folder / MAIN, storage.last_bytes, self.clock.now())

    def _write_progress(self, new: dict[str, Progress], old: dict[str, Progress]) -> None:
        assert self._ledger is not None
        table = self._ledger.table("progress")
        changed = {k: v for k, v in new.items() if old.get(k) != v}
        gone = [k for k in old if k not in new]
        if len(changed) + len(gone) > 8:  # many rows: rewrite the table in one write
            rows = [{"rule": k, **msgspec.to_builtins(v)} for k, v in new.items()]
            tables = dict(self._ledger.storage.read() or {})
            tables["progress"] = as_table(rows)
            self._ledger.storage.write(tables)
            self._ledger.clear_cache()
            return
        row = Query()
        for rule_id, progress in changed.items():
            table.upsert({"rule": rule_id, **_progress_doc(progress)}, row.rule == rule_id)
        if gone:
            table.remove(row.rule.one_of(gone))

    def _write_pause(self, pause: Pause | None) -> None:
        assert self._ledger is not None
        tables = dict(self._ledger.storage.read() or {})
        tables["pause"] = as_table([msgspec.to_builtins(pause)] if pause is not None else [])
        self._ledger.storage.write(tables)  # one atomic write
        self._ledger.clear_cache()

    def record(self, state: State, entries: Iterable[JournalEntry]) -> None:
        """Save ``state`` and append journal entries (an answer to a nudge, a waiting session)."""
        self.save(state)
        assert self.journal is not None
        entries = list(entries)
        self.journal.append(entries, self.clock.now())
        if self.sync is not None and entries:
            self.sync.journal(entries)

    def merge_sync(self, state: State) -> tuple[State, list[str]]:
        """What the other devices wrote, merged into ``state`` and saved here (not sent
        back out); what could not be used, in words, once. The state as it was when nothing
        moved in the sync folder."""
        if self.sync is None or not self.sync.changed():
            return state, []
        merged = self.sync.merge(state, self.clock.now())
        self._merging = True
        try:
            self.save(merged.state)
        finally:
            self._merging = False
        return merged.state, merged.notes


def main_tables(state: State, invalid: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    """What the main file holds for ``state``: its tables, with the ``invalid`` documents
    still kept (and dropped from ``invalid`` once an item of the same id is saved)."""
    invalid = {} if invalid is None else invalid
    tables: dict[str, Any] = {META: {META_ID: {"schema_version": SCHEMA_VERSION}}}
    for section in STORED_SECTIONS:
        items = msgspec.to_builtins(getattr(state, section.field))
        mended = {item.get("id") for item in items}  # fixed in Settings: the old one goes
        kept = [d for d in invalid.get(section.key, []) if d.get("id") not in mended]
        invalid[section.key] = kept
        tables[section.key] = as_table(items + kept)
    tables["balance"] = as_table([msgspec.to_builtins(state.balance)])
    tables["settings"] = as_table([msgspec.to_builtins(state.settings)])
    return tables


def state_from_tables(raw: dict[str, Any]) -> tuple[State, list[Problem], dict[str, list[Any]]]:
    """The State in the main file's tables, the problems of items that did not validate, and
    those items' raw documents (kept, so saving never drops what the person wrote)."""
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    invalid: dict[str, list[Any]] = {}
    for section in STORED_SECTIONS:
        docs = documents(raw, section.key)
        good, found = convert_each(docs, section.kind, f"$.{section.key}")
        parts[section.field] = good
        problems += found
        bad_indexes = {_index_of(p.path) for p in found}
        invalid[section.key] = [d for i, d in enumerate(docs) if i in bad_indexes]
    for table, kind in SINGLE_TABLES.items():
        docs = documents(raw, table)
        if docs:
            try:
                parts[table] = msgspec.convert(docs[0], kind)
            except msgspec.ValidationError as err:
                problems.append(problem_from(err, f"$.{table}"))
    return State(**parts), problems, invalid


_PROGRESS_DEFAULTS: dict[str, Any] = {  # every field, so an upsert clears what went back
    name: msgspec.to_builtins(getattr(Progress(), name)) for name in Progress.__struct_fields__
}


def _progress_doc(progress: Progress) -> dict[str, Any]:
    return {**_PROGRESS_DEFAULTS, **msgspec.to_builtins(progress)}


def _with_reasons(
    invalid: list[dict[str, Any]], problems: list[Problem], section: str
) -> list[tuple[dict[str, Any], list[str]]]:
    """Each invalid document of ``section`` (kept in file order) with its problems' words."""
    reasons: dict[int, list[str]] = {}
    for problem in problems:
        if problem.path.startswith(f"$.{section}["):
            reasons.setdefault(_index_of(problem.path), []).append(problem.message)
    return list(zip(invalid, (reasons[i] for i in sorted(reasons)), strict=False))


def _index_of(path: str) -> int:
    return int(path.split("[", 1)[1].split("]", 1)[0])


def _backup_time(path: Path) -> str:
    when = backup_time(path)
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else path.name
