"""The data folder's link to a sync folder (``sync.json``, this computer's own, never synced):
which folder, and this device's id and name. Through it, every save of the person's
definitions is published as change records, every journal entry is appended to this
device's journal file, and what the other devices wrote is merged in: their definitions
(newest edit wins) and their answers (a nudge answered on one computer is not raised again
on another). An edit that could not reach the folder (unplugged, full) waits in
``sync-outbox.jsonl`` and goes out first next time, so a merge never drops it."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import replace

from tidewell.core.journal import AnswerEntry, JournalEntry, ShownEntry
from tidewell.core.reflection import Reflection
from tidewell.core.state import State
from tidewell.core.sync_records import (
    Record,
    changes,
    decode_lines,
    encode,
    everything,
    merged_state,
    record,
    winners,
)
from tidewell.store.atomic import atomic_write
from tidewell.store.sync_folder import SyncFolder, new_device_id

LINK = "sync.json"
OUTBOX = "sync-outbox.jsonl"
JOURNAL_OUTBOX = "sync-journal-outbox.jsonl"
REFLECTIONS = "reflections"  # a section of the records: never a definition of the state
ANSWERS_WINDOW = timedelta(days=3)  # other devices' answers looked at for the schedule


class LinkFile(msgspec.Struct, frozen=True):
    folder: str
    device: str
    name: str


@dataclass
class Merged:
    state: State
    notes: list[str]  # what could not be used, once, in words for the person


class SyncLink:
    def __init__(self, data: Path, link: LinkFile) -> None:
        self.data = data
        self.link = link
        self.folder = SyncFolder(Path(link.folder), link.device)
        self._signature: tuple[Any, ...] | None = None
        self._told: set[str] = set()

    @classmethod
    def of(cls, data: Path) -> SyncLink | None:
        path = data / LINK
        if not path.exists():
            return None
        try:
            return cls(data, msgspec.json.decode(path.read_bytes(), type=LinkFile))
        except (msgspec.DecodeError, msgspec.ValidationError, OSError):
            return None

    # --- joining and leaving ------------------------------------------------------------------

    @classmethod
    def join(cls, data: Path, folder: Path, state: State, journal: list[JournalEntry],
             now: datetime, reflections: Iterable[Reflection] = ()) -> SyncLink:  # fmt: skip
        """Link the data folder to ``folder``. What the folder already holds wins for the
        items it knows; everything else of this computer is published, its journal too."""
        link = LinkFile(str(folder.resolve()), new_device_id(), socket.gethostname()[:80])
        joined = cls(data, link)
        reading = joined.folder.read()
        known = {r.key for r in reading.records}
        mine = [c for c in everything(state) if (c[0], c[1]) not in known]
        mine += [(REFLECTIONS, reflection_key(r), msgspec.to_builtins(r)) for r in reflections]
        joined.folder.publish(mine, now)
        joined.folder.append_journal(journal)
        joined.folder.mark_seen(link.name, now)
        atomic_write(data / LINK, msgspec.json.encode(link))
        return joined

    def leave(self) -> None:
        (self.data / LINK).unlink(missing_ok=True)

    # --- out ------------------------------------------------------------------------------------

    def publish(self, before: State, after: State, now: datetime) -> None:
        self._send(changes(before, after), now)

    def journal(self, entries: Iterable[JournalEntry]) -> None:
        """This device's new journal entries into its file; ones that cannot reach the
        folder wait in an outbox of their own and go first next time."""
        waiting = self.data / JOURNAL_OUTBOX
        held = _held_entries(waiting)
        try:
            self.folder.append_journal([*held, *entries])
        except OSError:
            lines = [msgspec.json.encode(e) + b"\n" for e in [*held, *entries]]
            atomic_write(waiting, b"".join(lines))
            return
        waiting.unlink(missing_ok=True)

    def _send(self, found: list[tuple[str, str, dict[str, Any] | None]], now: datetime) -> None:
        outbox = self.data / OUTBOX
        waiting = _outbox(outbox)
        if not found and not waiting:
            return
        try:
            for held in waiting:  # the oldest first, each at the time it was made
                self.folder.publish([(held.section, held.id, held.doc)], held.at)
            self.folder.publish(found, now)
        except OSError:
            pending = [*waiting, *(record(self.link.device, 0, now, c) for c in found)]
            atomic_write(outbox, encode(pending))
            return
        outbox.unlink(missing_ok=True)

    # --- in -------------------------------------------------------------------------------------

    def changed(self) -> bool:
        """Whether any device's file moved since the last merge (a stat of each: cheap)."""
        return self._look() != self._signature

    def merge(self, state: State, now: datetime) -> Merged:
        self._send([], now)  # what waited goes first: a merge never drops a local edit
        if (self.data / JOURNAL_OUTBOX).exists():
            self.journal([])
        self._signature = self._look()
        reading = self.folder.read()
        merged, problems = merged_state(reading.records, state)
        notes = [p for p in (*reading.skipped, *reading.conflicts) if p not in self._told]
        notes += [str(p) for p in problems if str(p) not in self._told]
        self._told.update(notes)
        others, skipped = self.folder.journal([now.year])
        notes += [s for s in skipped if s not in self._told]
        self._told.update(skipped)
        merged = _answered_elsewhere(merged, others, now)
        with contextlib.suppress(OSError):
            self.folder.mark_seen(self.link.name, now)
        return Merged(merged, notes)

    # --- reflections: records too, keyed by the moment each was first written ----------------

    def publish_reflection(self, reflection: Reflection, now: datetime, gone: bool = False) -> None:
        doc = None if gone else msgspec.to_builtins(reflection)
        self._send([(REFLECTIONS, reflection_key(reflection), doc)], now)

    def reflections(self) -> dict[str, Reflection | None]:
        """Every device's reflections as the newest edit of each has it (None: deleted)."""
        found: dict[str, Reflection | None] = {}
        edits = [r for r in self.folder.read().records if r.section == REFLECTIONS]
        for key, edit in winners(edits).items():
            if edit.doc is None:
                found[key[1]] = None
                continue
            try:
                found[key[1]] = msgspec.convert(edit.doc, Reflection)
            except msgspec.ValidationError:
                continue  # a newer Tidewell's, or damaged: left in the folder as it is
        return found

    def others_journal(self, years: Iterable[int]) -> list[JournalEntry]:
        entries, _skipped = self.folder.journal(years)
        return entries

    def _look(self) -> tuple[Any, ...]:
        root = self.folder.root / "devices"
        try:
            found = []
            for path in sorted(root.glob("*/*")):
                if path.name != "device.json":  # rewritten at each merge: not a change
                    info = path.stat()
                    found.append((path.parent.name, path.name, info.st_size, info.st_mtime_ns))
            return tuple(found)
        except OSError:
            return ()


def _answered_elsewhere(state: State, entries: list[JournalEntry], now: datetime) -> State:
    """Occurrences shown or answered on another device count as handled here too."""
    since = now - ANSWERS_WINDOW
    progress = dict(state.progress)
    for entry in entries:
        if not isinstance(entry, ShownEntry | AnswerEntry) or entry.at < since:
            continue
        if state.rule(entry.rule) is None:
            continue
        mine = progress.get(entry.rule) or state.progress_of(entry.rule)
        if mine.handled is None or mine.handled < entry.due:
            progress[entry.rule] = replace(mine, handled=entry.due)
    return replace(state, progress=progress) if progress != state.progress else state


def _outbox(path: Path) -> list[Record]:
    if not path.exists():
        return []
    found, _skipped = decode_lines(path.read_bytes(), path.name, Record)
    return found


def reflection_key(reflection: Reflection) -> str:
    """A reflection's lasting name: the moment it was first written (edits keep it)."""
    return reflection.at.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")


def _held_entries(path: Path) -> list[JournalEntry]:
    if not path.exists():
        return []
    held: list[JournalEntry] = []
    for line in path.read_bytes().splitlines():
        with contextlib.suppress(msgspec.DecodeError, msgspec.ValidationError):
            held.append(msgspec.json.decode(line, type=JournalEntry))
    return held
