"""The lock that makes one Tidewell the app of its data folder: ``tidewell.lock``.

Where files can be locked the POSIX way, the lock is ``flock`` on that file, which the system
lets go of the moment its process ends, a crash included: no lock is ever stale. The file
says who holds it (process id, program, host: the lines QLockFile writes), for the command
line's question ``store/running.py``. Elsewhere (Windows) QLockFile does the same job.

No Qt on POSIX: a first launch takes the lock before the window system loads.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class FolderLock:
    """``tidewell.lock`` in a data folder: held by one process at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._qt: QLockFile | None = None if fcntl is not None else _qt_lock(path)

    def try_lock(self) -> bool:
        """Take the lock now, never waiting; True if this process holds it."""
        if self._qt is not None:
            return bool(self._qt.tryLock(0))
        if self._fd is not None:
            return True
        for _ in range(3):  # the file was replaced between opening and locking: open it again
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o600)
            except OSError:  # a folder that cannot be written: is the app holding it?
                if is_held(self.path):
                    return False  # it is: a later launch hands its command over
                raise
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return False
            except OSError:
                os.close(fd)
                raise
            if _same_file(fd, self.path):
                self._fd = fd
                _say_who(fd)
                return True
            os.close(fd)  # its holder let go and removed it as we opened it
        return False

    def unlock(self) -> None:
        if self._qt is not None:
            self._qt.unlock()
            return
        if self._fd is None:
            return
        with contextlib.suppress(OSError):  # removed while held: nobody takes a file going out
            self.path.unlink()
        os.close(self._fd)
        self._fd = None


def is_held(path: Path) -> bool | None:
    """Whether a process holds the lock on ``path``, asked through a read-only opening (a
    full or read-only disk still allows that); None where files are not locked this way
    (there, the process the file names is all there is to go by)."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # a shared lock taken here ends with it
    return False


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _say_who(fd: int) -> None:
    """The holder's lines, as QLockFile writes them (process id, program, host)."""
    said = f"{os.getpid()}\ntidewell\n{os.uname().nodename}\n".encode()
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, said, 0)
    except OSError:  # a full disk: the lock holds all the same; only the note is missing
        pass


def _qt_lock(path: Path) -> QLockFile:
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock
