"""One app per data folder: the lock is the system's, so it is never stale, and the file
says who holds it for the command line."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from tidewell.cli.common import running_pid
from tidewell.platform.folder_lock import FolderLock, _same_file, is_held
from tidewell.store.running import LOCK, running_app

pytestmark = pytest.mark.skipif(os.name != "posix", reason="QLockFile does this on Windows")
DESKTOP = str(Path(__file__).resolve().parents[3] / "desktop")
HOLDER = """
import sys
sys.path.insert(0, {desktop!r})
from pathlib import Path
from tidewell.platform.folder_lock import FolderLock
lock = FolderLock(Path({path!r}))
print("held" if lock.try_lock() else "refused", flush=True)
sys.stdin.read()
"""


def holder(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(desktop=DESKTOP, path=str(path))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def test_one_holder_at_a_time_and_the_file_says_who(tmp_path: Path) -> None:
    first, second = FolderLock(tmp_path / LOCK), FolderLock(tmp_path / LOCK)
    assert first.try_lock()
    assert first.try_lock()  # asking again while holding it
    assert not second.try_lock()
    said = (tmp_path / LOCK).read_text().splitlines()
    assert said == [str(os.getpid()), "tidewell", os.uname().nodename]
    assert (tmp_path / LOCK).stat().st_mode & 0o077 == 0
    first.unlock()
    assert not (tmp_path / LOCK).exists()
    assert second.try_lock()
    second.unlock()
    second.unlock()  # twice is harmless


def test_a_holder_that_is_killed_leaves_no_stale_lock(tmp_path: Path) -> None:
    process = holder(tmp_path / LOCK)
    try:
        assert not FolderLock(tmp_path / LOCK).try_lock()
        assert running_app(tmp_path) == process.pid  # the command line sees it
        assert is_held(tmp_path / LOCK)
        assert running_pid(Namespace(data_dir=tmp_path)) == process.pid
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()  # waits, and closes its pipes
    assert (tmp_path / LOCK).exists()  # left behind by the crash...
    assert running_app(tmp_path) is None
    mine = FolderLock(tmp_path / LOCK)
    assert mine.try_lock()  # ...and free at once
    mine.unlock()


def test_a_file_naming_a_living_process_is_no_lock_by_itself(tmp_path: Path) -> None:
    (tmp_path / LOCK).write_text(f"{os.getppid()}\ntidewell\nelsewhere\n")
    assert is_held(tmp_path / LOCK) is False
    assert running_pid(Namespace(data_dir=tmp_path)) is None  # nor for the command line
    lock = FolderLock(tmp_path / LOCK)
    assert lock.try_lock()
    assert (tmp_path / LOCK).read_text().split()[0] == str(os.getpid())
    lock.unlock()


def test_a_file_replaced_under_the_lock_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / LOCK
    path.write_text("")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _same_file(fd, path)
        path.unlink()
        path.write_text("")  # a new file by the same name, as after a holder let go
        assert not _same_file(fd, path)
    finally:
        os.close(fd)


def test_a_folder_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        FolderLock(tmp_path / "missing" / LOCK).try_lock()


def test_a_folder_that_cannot_be_written_still_finds_the_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full or read-only disk refuses opening the file for writing: a later launch still
    sees that the app holds it (and hands its command over); with nobody holding it, the
    folder's own error is said."""
    process = holder(tmp_path / LOCK)
    real_open = os.open

    def read_only(path: str, flags: int, *mode: int) -> int:
        if flags & (os.O_RDWR | os.O_WRONLY | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", path)
        return real_open(path, flags, *mode)

    monkeypatch.setattr(os, "open", read_only)
    try:
        assert not FolderLock(tmp_path / LOCK).try_lock()
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate()
    with pytest.raises(OSError, match="Read-only"):  # the file is left, nobody holds it
        FolderLock(tmp_path / LOCK).try_lock()
    (tmp_path / LOCK).unlink()
    with pytest.raises(OSError, match="Read-only"):
        FolderLock(tmp_path / LOCK).try_lock()
