"""The journal, one TinyDB file per year, so a save costs the same in year five as on day one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import msgspec
from tinydb import TinyDB

from tidewell.core.journal import JournalEntry
from tidewell.i18n import _
from tidewell.store.atomic import AtomicJSONStorage, remove_stray_temp_files
from tidewell.store.documents import Unreadable, documents, move_aside, read_tables
from tidewell.store.migrations import DATA_VERSION, NewerSchema
from tidewell.store.paths import ensure_private_dir

TABLE = "entries"


class Journal:
    def __init__(self, folder: Path, on_recovered: list[str], writes: bool = True) -> None:
        self.folder = ensure_private_dir(folder)
        self.writes = writes  # False: a window in its own process, which only reads
        remove_stray_temp_files(self.folder)
        self._shards: dict[int, TinyDB] = {}
        self._recovered = on_recovered
        self.skipped: dict[int, int] = {}  # rows per year that did not decode (left in place)

    def shard_path(self, year: int) -> Path:
        return self.folder / f"{year}.json"

    def _shard(self, year: int, now: datetime) -> TinyDB:
        db = self._shards.get(year)
        if db is None:
            path = self.shard_path(year)
            try:
                _raw, data = read_tables(path)
            except NewerSchema as err:  # never written over: saving tells the person why
                said = _("the journal for {year} is left as it is: {reason}")
                raise OSError(said.format(year=year, reason=err)) from err
            except Unreadable as err:
                if not self.writes:  # left for the running Tidewell to set aside
                    raise OSError(f"{path.name}: {err}") from err
                aside = move_aside(path, now)
                self._recovered.append(
                    f"The journal for {year} could not be read ({err}); "
                    f"it was kept as {aside.name} and a new one started."
                )
                data = b""
            db = TinyDB(path, storage=AtomicJSONStorage, initial=data or None, version=DATA_VERSION)
            self._shards[year] = db
        return db

    def append(self, entries: Iterable[JournalEntry], now: datetime) -> None:
        """Write entries to their year's file: one atomic write per year touched."""
        by_year: dict[int, list[JournalEntry]] = {}
        for entry in entries:
            by_year.setdefault(entry.at.year, []).append(entry)
        for year, items in by_year.items():
            self._shard(year, now).table(TABLE).insert_multiple(msgspec.to_builtins(items))

    def entries(self, year: int, now: datetime) -> list[JournalEntry]:
        path = self.shard_path(year)
        if year not in self._shards and not path.exists():
            return []
        try:
            raw = self._shard(year, now).storage.read() or {}
        except OSError as err:  # a year written by a newer Tidewell: left out, untouched
            self._recovered.append(str(err))
            return []
        found: list[JournalEntry] = []
        unreadable = 0
        for doc in documents(raw, TABLE):
            try:
                found.append(msgspec.convert(doc, JournalEntry))
            except msgspec.ValidationError:
                unreadable += 1  # left out here, kept in the file
        self.skipped[year] = unreadable
        return found

    def years(self) -> list[int]:
        return sorted(int(p.stem) for p in self.folder.glob("[0-9][0-9][0-9][0-9].json"))
