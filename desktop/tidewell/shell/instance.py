"""One Tidewell per data folder: a QLockFile says who runs, a QLocalServer takes commands.

A second launch connects first and forwards its command (``{"command": "wait", ...}`` as one
JSON line); only when nobody answers does it try the lock. Only the lock holder removes a
stale socket, so two launches at once cannot both become the app.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
Command = dict[str, Any]
_CONNECT_MS = 1000
_REPLY_MS = 3000
_STARTING_WAIT_MS = 5000  # another launch holds the lock but is still starting up


def server_name(folder: Path) -> str:
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{folder.resolve()}"
    return "tidewell-" + hashlib.sha256(key.encode()).hexdigest()[:16]


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
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_CONNECT_MS):
            return False
        socket.write(json.dumps(command).encode() + b"\n")
        socket.waitForBytesWritten(_REPLY_MS)
        replied = socket.waitForReadyRead(_REPLY_MS) and socket.readAll().data().startswith(b"ok")
        socket.disconnectFromServer()
        return replied

    def become_primary(self) -> bool:
        """Take the lock and listen. False if another launch holds the lock."""
        if not self._lock.tryLock(100):
            return False
        QLocalServer.removeServer(self.name)  # a socket left by a crash; we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            self._lock.unlock()
            raise OSError(f"cannot listen for commands: {server.errorString()}")
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def forward_or_become_primary(self, command: Command) -> bool:
        """True if this process is now the app; False if a running one took the command."""
        clock = QElapsedTimer()
        clock.start()
        while True:
            if self.forward(command):
                return False
            if self.become_primary():
                return True
            if clock.hasExpired(_STARTING_WAIT_MS):
                raise OSError("another Tidewell holds the lock but does not answer")
            QThread.msleep(100)  # another launch is starting up; ask it again shortly

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
