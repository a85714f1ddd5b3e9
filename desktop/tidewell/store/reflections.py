"""The person's reflections, in ``reflections.json`` (TinyDB, written atomically): unlike
the journal they can be edited and deleted, so they live in a file of their own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import msgspec
from tinydb import TinyDB

from tidewell.core.reflection import Reflection
from tidewell.i18n import _
from tidewell.store.atomic import AtomicJSONStorage
from tidewell.store.documents import Unreadable, move_aside, read_tables
from tidewell.store.migrations import DATA_VERSION, NewerSchema

FILE = "reflections.json"


class Reflections:
    def __init__(self, folder: Path, now: datetime) -> None:
        path = folder / FILE
        self.problem: str | None = None
        self.frozen = False  # a file from a newer Tidewell: shown as empty, never written
        try:
            _raw, data = read_tables(path)
        except NewerSchema as err:
            self.problem = _("Your reflections are kept as they are: {reason}").format(reason=err)
            self.frozen, data = True, b""
        except Unreadable as err:
            aside = move_aside(path, now)
            self.problem = _(
                "Your reflections could not be read ({reason}); kept as {file}."
            ).format(reason=err, file=aside.name)
            data = b""
        self._db = TinyDB(
            path, storage=AtomicJSONStorage, initial=data or None, version=DATA_VERSION
        )
        self._table = self._db.table("reflections")

    def all(self) -> list[tuple[int, Reflection]]:
        """Newest first, each with its id."""
        if self.frozen:
            return []
        found = []
        for doc in self._table.all():
            try:
                found.append((doc.doc_id, msgspec.convert(dict(doc), Reflection)))
            except msgspec.ValidationError:
                continue  # a damaged one stays in the file, untouched
        return sorted(found, key=lambda item: item[1].at, reverse=True)

    def add(self, reflection: Reflection) -> int:
        self._writable()
        return int(self._table.insert(msgspec.to_builtins(reflection)))

    def update(self, doc_id: int, reflection: Reflection) -> None:
        self._writable()
        self._table.update(msgspec.to_builtins(reflection), doc_ids=[doc_id])

    def remove(self, doc_id: int) -> None:
        self._writable()
        self._table.remove(doc_ids=[doc_id])

    def _writable(self) -> None:
        if self.frozen:
            raise OSError(self.problem or _("your reflections are kept as they are"))
