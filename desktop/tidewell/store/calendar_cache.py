"""What the last sync of each calendar brought: its events, the feed's ETag, and the result
in words. A TinyDB file of its own (``calendars.json``), written atomically; it is a cache,
so a damaged one is moved aside and the calendars are simply read again.

Never holds a feed's address: results name the host only, and the address stays in the
keyring."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import msgspec
from tinydb import TinyDB

from tidewell.core.calendar import CalendarEvent
from tidewell.i18n import _
from tidewell.store.atomic import AtomicJSONStorage
from tidewell.store.documents import Unreadable, as_table, documents, move_aside, read_tables
from tidewell.store.migrations import DATA_VERSION, NewerSchema

CACHE = "calendars.json"


class Synced(msgspec.Struct, frozen=True, omit_defaults=True):
    """One source's last sync."""

    source: str
    at: datetime
    ok: bool
    message: str  # "12 events", or what failed, in words
    expanded: datetime  # when ``events`` were read from the whole feed (their window moves)
    etag: str | None = None
    last_modified: str | None = None
    events: list[CalendarEvent] = []


class CalendarCache:
    def __init__(self, folder: Path, now: datetime) -> None:
        self.path = folder / CACHE
        self.problem: str | None = None
        self.frozen = False  # a file from a newer Tidewell: read nothing, write nothing
        try:
            _raw, data = read_tables(self.path)
        except NewerSchema as err:
            said = _("The saved calendar events are kept as they are: {reason}")
            self.problem = said.format(reason=err)
            self.frozen, data = True, b""
        except Unreadable as err:
            aside = move_aside(self.path, now)
            self.problem = _(
                "The saved calendar events could not be read ({reason}); kept as {file}. "
                "They are read again from your calendars."
            ).format(reason=err, file=aside.name)
            data = b""
        self._db = TinyDB(
            self.path, storage=AtomicJSONStorage, initial=data or None, version=DATA_VERSION
        )

    def read(self) -> dict[str, Synced]:
        found: dict[str, Synced] = {}
        if self.frozen:
            return found
        for doc in documents(self._db.storage.read() or {}, "feeds"):
            try:
                synced = msgspec.convert(doc, Synced)
            except msgspec.ValidationError:
                continue  # a damaged row only means that calendar is read again
            found[synced.source] = synced
        return found

    def write(self, results: dict[str, Synced]) -> None:
        """Every source's last result, in one atomic write."""
        if self.frozen:
            return
        rows = [msgspec.to_builtins(r) for r in results.values()]
        self._db.storage.write({"feeds": as_table(rows)})
        self._db.clear_cache()
