"""Writing files so that a crash at any moment leaves the old file or the new one, whole.

Write a temp file in the same folder, fsync it, ``os.replace`` it over the target, fsync
the folder. Files are 0600. Temp files left by a killed process are removed at start.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

_TEMP_MARK = ".tmp-"
_counter = itertools.count()


def atomic_write(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}{_TEMP_MARK}{os.getpid()}-{next(_counter)}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; os.replace is atomic there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def stray_temp_files(folder: Path) -> list[Path]:
    """Temp files in ``folder`` whose writer is gone (a crash mid-save)."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        if entry.name.startswith(".") and _TEMP_MARK in entry.name and not _writer_alive(entry):
            found.append(entry)
    return found


def remove_stray_temp_files(folder: Path) -> int:
    removed = 0
    for entry in stray_temp_files(folder):
        with contextlib.suppress(FileNotFoundError):
            entry.unlink()
            removed += 1
    return removed


def _writer_alive(entry: Path) -> bool:
    try:
        pid = int(entry.name.rsplit(_TEMP_MARK, 1)[1].split("-")[0])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False  # our own leftovers can only come from a write that already failed
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class AtomicJSONStorage(Storage):
    """A TinyDB Storage that writes atomically and keeps the last bytes in memory.

    TinyDB reads the whole storage on every operation; decoding cached bytes with msgspec
    is cheap and hands TinyDB a fresh dict each time, so a failed write never leaves
    half-applied changes in memory.
    """

    def __init__(
        self, path: Path, initial: bytes | None = None, version: int | None = None
    ) -> None:
        """``version``: the schema every write records in the file's meta table."""
        self.path = path
        self._bytes: bytes | None = initial
        self.version = version

    def read(self) -> dict[str, Any] | None:
        if self._bytes is None:
            try:
                self._bytes = self.path.read_bytes()
            except FileNotFoundError:
                return None
        if not self._bytes:
            return None
        data = msgspec.json.decode(self._bytes)
        if not isinstance(data, dict):
            raise ValueError(f"{self.path.name}: expected a JSON object")
        return data

    def write(self, data: dict[str, Any]) -> None:
        if self.version is not None:
            data = {**data, "meta": {"1": {"schema_version": self.version}}}
        encoded = msgspec.json.encode(data)
        atomic_write(self.path, encoded)
        self._bytes = encoded

    @property
    def last_bytes(self) -> bytes:
        """What the file holds now, as last read or written."""
        return self._bytes or b""

    def close(self) -> None:
        self._bytes = None
