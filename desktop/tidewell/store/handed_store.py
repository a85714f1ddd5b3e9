"""The data folder as a window in its own process sees it (``shell/window_process.py``): read
as the running Tidewell reads it, never written. Saving hands what the person defined to the
running Tidewell, which alone writes the folder, so a window and the scheduler can never
write over each other's changes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import msgspec

from tidewell.core.clock import Clock
from tidewell.core.journal import JournalEntry
from tidewell.core.reflection import Reflection
from tidewell.core.requests import Apply, Reflected, Request
from tidewell.core.state import State, definitions_differ
from tidewell.store.datastore import DataStore, Opened, main_tables
from tidewell.store.sync_link import SyncLink  # a window process only: never the idle tray

log = logging.getLogger(__name__)
HandOver = Callable[[Request], None]  # sends a request to the running Tidewell; OSError if not


class HandedStore(DataStore):
    writes = False

    def __init__(self, folder: Path, clock: Clock, hand_over: HandOver) -> None:
        super().__init__(folder, clock)
        self.hand_over = hand_over

    @classmethod
    def read(cls, folder: Path, clock: Clock, hand_over: HandOver) -> tuple[HandedStore, Opened]:
        """Raises StoreError when the folder cannot be read (the running Tidewell mends it)."""
        store = cls(folder, clock, hand_over)
        opened = store._open()
        if store.sync is not None:
            store.sync = HandedSync.of(folder)
            if isinstance(store.sync, HandedSync):
                store.sync.hand_over = hand_over
        return store, opened

    def save(self, state: State) -> None:
        """Hand the definitions over when they changed; raises OSError if they were not kept
        (the running Tidewell is gone, or refused them, saying why)."""
        if definitions_differ(state, self._saved):
            self.hand_over(Apply(tables=main_tables(state)))
        self._saved = state

    def record(self, state: State, entries: Iterable[JournalEntry]) -> None:
        """A window journals nothing of its own (a tried nudge is only a preview)."""
        if list(entries):
            log.warning("a window's journal entries were left out")
        self.save(state)

    def merge_sync(self, state: State) -> tuple[State, list[str]]:
        return state, []  # the running Tidewell merges; a window reads what it wrote


class HandedSync(SyncLink):
    """The sync folder, read here; a reflection kept here is published by the running
    Tidewell (only one process ever appends to this computer's files in the sync folder)."""

    hand_over: HandOver

    def publish_reflection(self, reflection: Reflection, now: datetime, gone: bool = False) -> None:
        self.hand_over(Reflected(reflection=msgspec.to_builtins(reflection), gone=gone))
