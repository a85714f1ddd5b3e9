"""The sync folder on disk: a layout in which no two devices ever write the same file.

    <folder>/Tidewell/devices/<device>/device.json        its name and when it last synced
    <folder>/Tidewell/devices/<device>/changes.jsonl      its change records, appended
    <folder>/Tidewell/devices/<device>/journal-2026.jsonl what happened on it, appended

A device appends only to its own files (a line at a time, then fsync; a line cut short by a
crash is skipped by every reader and the next append starts a fresh line) and writes its own
device.json atomically. It reads everyone's. What the sync tool leaves behind is handled:
its temporary files are ignored; its conflict copies (Syncthing's ``.sync-conflict-``,
Dropbox's and Nextcloud's "conflicted copy") are read for the records they hold, which are
merged like any others (records are idempotent), and named once; a file that cannot be read
is skipped and named, never fatal. Nothing here touches the data folder.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

from tidewell.core.journal import JournalEntry
from tidewell.core.sync_records import Record, decode_lines, encode, record
from tidewell.store.atomic import atomic_write

ROOT = "Tidewell"
MAX_FILE = 64 * 1024 * 1024  # a device's file larger than this is someone else's mistake
_CONFLICT = re.compile(r"\.sync-conflict-|conflicted copy|\(conflict", re.IGNORECASE)
_TEMPORARY = re.compile(r"^[.~]|\.tmp$|\.syncthing\.|\.part$|\.partial$", re.IGNORECASE)
_JOURNAL = re.compile(r"^journal-(\d{4})")


def new_device_id() -> str:
    return secrets.token_hex(4)


class DeviceInfo(msgspec.Struct, frozen=True, forbid_unknown_fields=False):
    device: str
    name: str
    seen: datetime


class JournalLine(msgspec.Struct, frozen=True):
    id: str
    entry: JournalEntry


@dataclass
class Reading:
    """What the folder held: every record, every other device's journal entries for the
    years asked, and what could not be used, by file (for the person, once)."""

    records: list[Record] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


class SyncFolder:
    def __init__(self, folder: Path, device: str) -> None:
        self.root = folder / ROOT
        self.device = device
        self.mine = self.root / "devices" / device
        self._seq: int | None = None  # the next change record's number, once known
        self._lines: int | None = None  # journal lines written by this device, once counted

    # --- writing (own files only) -----------------------------------------------------------

    def publish(
        self, changes: list[tuple[str, str, dict[str, Any] | None]], at: datetime
    ) -> list[Record]:
        if not changes:
            return []
        seq = self._next_seq()
        made = [record(self.device, seq + n, at, c) for n, c in enumerate(changes)]
        self._append(self.mine / "changes.jsonl", encode(made))
        self._seq = seq + len(made)
        return made

    def append_journal(self, entries: Iterable[JournalEntry]) -> None:
        by_year: dict[int, list[bytes]] = {}
        seq = self._journal_seq()
        entries = list(entries)
        for n, entry in enumerate(entries):
            line = JournalLine(f"{self.device}-{seq + n}", entry)
            by_year.setdefault(entry.at.year, []).append(msgspec.json.encode(line) + b"\n")
        self._lines = seq + len(entries)  # numbers are never reused, even if a write fails
        for year, lines in by_year.items():
            self._append(self.mine / f"journal-{year}.jsonl", b"".join(lines))

    def mark_seen(self, name: str, now: datetime) -> None:
        self.mine.mkdir(parents=True, exist_ok=True)
        info = DeviceInfo(self.device, name[:80], now)
        atomic_write(self.mine / "device.json", msgspec.json.encode(info))

    def _append(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            size = os.fstat(fd).st_size
            if size and _last_byte(path, size) != b"\n":
                data = b"\n" + data  # a line cut short by a crash stays apart, skipped
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _next_seq(self) -> int:
        if self._seq is None:
            own = self.mine / "changes.jsonl"
            found, _skipped = _read_records(own) if own.exists() else ([], [])
            self._seq = max((r.seq for r in found), default=-1) + 1
        return self._seq

    def _journal_seq(self) -> int:
        if self._lines is None:
            mine = self.mine.glob("journal-*.jsonl") if self.mine.exists() else []
            self._lines = sum(_bounded(path).count(b"\n") for path in mine)
        return self._lines

    # --- reading (everyone's) ---------------------------------------------------------------

    def read(self) -> Reading:
        reading = Reading()
        seen: set[tuple[str, int]] = set()
        for path in self._files():
            if _JOURNAL.match(path.name) or path.name == "device.json":
                continue
            if not path.name.startswith("changes"):
                continue
            found, skipped = _read_records(path)
            reading.skipped += skipped
            if _CONFLICT.search(path.name):
                reading.conflicts.append(f"{path.parent.name}/{path.name}")
            for r in found:
                if (r.device, r.seq) not in seen:  # a conflict copy repeats what it holds
                    seen.add((r.device, r.seq))
                    reading.records.append(r)
        return reading

    def journal(self, years: Iterable[int]) -> tuple[list[JournalEntry], list[str]]:
        """Other devices' journal entries for ``years``, each once (by its id)."""
        wanted = set(years)
        entries: dict[str, JournalEntry] = {}
        skipped: list[str] = []
        for path in self._files():
            match = _JOURNAL.match(path.name)
            if match is None or int(match[1]) not in wanted or path.parent == self.mine:
                continue
            lines, cut = decode_lines(
                _bounded(path), f"{path.parent.name}/{path.name}", JournalLine
            )
            skipped += cut
            for found in lines:
                entries.setdefault(found.id, found.entry)
        return sorted(entries.values(), key=lambda e: e.at), skipped

    def devices(self) -> list[DeviceInfo]:
        found = []
        for info in sorted((self.root / "devices").glob("*/device.json")):
            try:
                found.append(msgspec.json.decode(_bounded(info), type=DeviceInfo))
            except (msgspec.DecodeError, msgspec.ValidationError, OSError):
                continue
        return found

    def _files(self) -> list[Path]:
        devices = self.root / "devices"
        if not devices.is_dir():
            return []
        return sorted(
            p for d in devices.iterdir() if d.is_dir() for p in d.iterdir()
            if p.is_file() and not _TEMPORARY.search(p.name)
        )  # fmt: skip


def _read_records(path: Path) -> tuple[list[Record], list[str]]:
    try:
        data = _bounded(path)
    except OSError:
        return [], [str(path.name)]
    return decode_lines(data, f"{path.parent.name}/{path.name}", Record)


def _bounded(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise OSError(f"{path.name} is larger than {MAX_FILE // 2**20} MB")
    return data


def _last_byte(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(size - 1)
        return handle.read(1)
