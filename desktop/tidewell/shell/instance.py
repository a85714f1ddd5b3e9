"""One Tidewell per data folder: a QLockFile says who runs, a QLocalServer takes commands.

A launch tries the lock first (at once, never waiting): whoever gets it is the app, and only
it removes a stale socket, so two launches at once cannot both become the app. A launch that
does not get it forwards its command (``{"command": "wait", ...}`` as one JSON line) to the
app, asking again for a few seconds while that one is still starting up. The app listens
right after its tray icon shows (QtNetwork is loaded then, not on the way to the tray).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QLockFile, QObject, QThread, Signal

from tidewell.store.paths import private_runtime_dir

try:  # CPython's own lean sha256, as `random` does; hashlib would load OpenSSL (3 MiB)
    from _sha2 import sha256  # type: ignore[import-not-found]
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef]  # Python < 3.12
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
Command = dict[str, Any]
_CONNECT_MS = 1000
_REPLY_MS = 3000
_STARTING_WAIT_MS = 5000  # another launch holds the lock but is still starting up


def server_name(folder: Path) -> str:
    """Where the running Tidewell of ``folder`` listens: a socket in a folder only this user
    can enter (so nobody else can squat its name), or a named pipe of its own on Windows."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{folder.resolve()}"
    name = "tidewell-" + sha256(key.encode()).hexdigest()[:16]
    private = private_runtime_dir()
    return str(private / f"{name}.sock") if private is not None else name


class SingleInstance(QObject):
    command_received = Signal(dict)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(folder)
        self._lock = QLockFile(str(folder / "tidewell.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def forward(self, command: Command) -> bool:
        """Send ``command`` to a running Tidewell; True if it took it."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_CONNECT_MS):
            return False
        import json  # only once a Tidewell answers: the way to the tray stays short

        socket.write(json.dumps(command).encode() + b"\n")
        socket.waitForBytesWritten(_REPLY_MS)
        replied = socket.waitForReadyRead(_REPLY_MS) and socket.readAll().data().startswith(b"ok")
        socket.disconnectFromServer()
        return replied

    def become_primary(self) -> bool:
        """Take the lock and listen. False if another launch holds the lock."""
        if not self._lock.tryLock(0):
            return False
        self.listen()
        return True

    def claim(self, command: Command) -> bool:
        """True if this process is to be the app (it holds the lock; ``listen`` next); False
        if a running Tidewell took the command."""
        clock = QElapsedTimer()
        clock.start()
        while True:
            if self._lock.tryLock(0):  # a lock left by a crash counts as free
                return True
            if self.forward(command):
                return False
            if clock.hasExpired(_STARTING_WAIT_MS):
                raise OSError("another Tidewell holds the lock but does not answer")
            QThread.msleep(100)  # another launch is starting up; ask it again shortly

    def listen(self) -> None:
        """Take commands from later launches. Call while holding the lock."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # a socket left by a crash; we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            self._lock.unlock()
            raise OSError(f"cannot listen for commands: {server.errorString()}")
        server.newConnection.connect(self._accept)
        self._server = server

    def forward_or_become_primary(self, command: Command) -> bool:
        """True if this process is now the app, listening; False if a running one took it."""
        if not self.claim(command):
            return False
        self.listen()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = socket.readLine().data()
        import json

        try:
            command = json.loads(line)
            if not isinstance(command, dict) or not isinstance(command.get("command"), str):
                raise ValueError("not a command")
        except ValueError as err:
            log.warning("ignored a malformed command %r: %s", line[:200], err)
            socket.write(b"error\n")
            return
        socket.write(b"ok\n")
        socket.waitForBytesWritten(_REPLY_MS)  # the sender hears back before we act
        self.command_received.emit(command)
