"""What a launch does first: take the data folder's lock, or hand its command to the Tidewell
that holds it. No Qt where sockets are files, so the window system loads only once this
launch is the app (``shell/instance.py`` takes the lock over and listens, after the icon
shows). Where sockets are not files (Windows), QtNetwork carries the line instead.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tidewell.i18n import _
from tidewell.platform.folder_lock import FolderLock
from tidewell.store.running import LOCK

RUN_LINE = b'{"command":"run"}\n'  # a plain second launch, encoded without msgspec
CONNECT_MS = 1000
REPLY_MS = 3000
STARTING_WAIT_S = 5.0  # another launch holds the lock but is still starting up
PLAIN_SOCKETS = os.name == "posix"  # sockets are files: no QtNetwork (shell/unix_socket.py)


class CommandRefused(ValueError):
    """The running Tidewell heard the request and refused it; the message says why."""


def forward(name: str, line: bytes, reply_ms: int = REPLY_MS) -> bool:
    """Send one encoded request to the Tidewell listening at ``name``; True if it took it,
    False if none answers. Raises CommandRefused when it answers with a reason."""
    line = line if line.endswith(b"\n") else line + b"\n"
    if PLAIN_SOCKETS:
        from tidewell.platform.command_socket import send_line

        reply = send_line(name, line, CONNECT_MS, reply_ms)
    else:
        reply = _send_over_qt(name, line, reply_ms)
    if reply is None:
        return False
    if reply.startswith(b"error"):
        why = reply.removeprefix(b"error").strip(b": \n").decode("utf-8", "replace")
        raise CommandRefused(why or "the running Tidewell did not take it")
    return reply.startswith(b"ok")


def forward_to(folder: Path, line: bytes, reply_ms: int = REPLY_MS) -> bool:
    """``forward`` to the Tidewell of ``folder``."""
    from tidewell.platform.command_socket import server_name

    return forward(server_name(folder), line, reply_ms)


def claim(folder: Path, line: bytes) -> FolderLock | None:
    """The folder's lock, held, if this launch is to be the app; None if a running Tidewell
    took ``line``. Raises OSError if one holds the lock but never answers."""
    lock = FolderLock(folder / LOCK)
    give_up = time.monotonic() + STARTING_WAIT_S
    while True:
        try:
            if lock.try_lock():  # a lock left by a crash counts as free
                return lock
        except OSError as err:  # a read-only or full disk, and no Tidewell holding it
            said = _("Could not write {path}: {reason}")
            raise OSError(said.format(path=folder, reason=err.strerror or err)) from err
        if forward_to(folder, line):
            return None
        if time.monotonic() > give_up:
            said = _("another Tidewell is running but does not answer; quit it and try again")
            raise OSError(said)
        time.sleep(0.1)  # another launch is starting up; ask it again shortly


def _send_over_qt(name: str, line: bytes, reply_ms: int) -> bytes | None:
    """Where sockets are not files (Windows): QtNetwork's local socket."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    socket.write(line)
    while socket.bytesToWrite() > 0 and socket.waitForBytesWritten(reply_ms):
        pass  # a window's save can be megabytes: written in several turns
    reply = bytes(socket.readAll().data()) if socket.waitForReadyRead(reply_ms) else b""
    socket.disconnectFromServer()
    return reply
