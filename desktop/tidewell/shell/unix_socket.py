"""The command socket as a plain Unix socket, read from Qt's event loop by ``QSocketNotifier``:
the same lines as over ``QLocalServer``, without loading QtNetwork and the Kerberos libraries
it links (about 2.5 MiB an idle tray would hold for nothing). Where sockets are not files
(Windows), ``shell/instance.py`` uses QtNetwork instead.

Every connection is bounded: in size (``limit`` for the line it has begun), in time (a
connection that never finishes its line is closed) and in number."""

from __future__ import annotations

import contextlib
import logging
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)
CONNECTION_MS = 60_000  # a line not finished by then is dropped
MOST_CONNECTIONS = 16
_CHUNK = 65536

# What the server does with one line: the reply, and what to do once it is sent.
Handler = Callable[[bytes], tuple[bytes, Callable[[], None] | None]]


class UnixServer(QObject):
    def __init__(
        self, path: str, limit: Callable[[bytes], int], handle: Handler, parent: QObject
    ) -> None:
        """Listen at ``path`` (raises OSError). ``limit(first bytes)``: the longest line
        taken on a connection; ``handle(line)``: the reply and what to do after it."""
        super().__init__(parent)
        self.path = path
        self.limit = limit
        self.handle = handle
        with contextlib.suppress(FileNotFoundError):
            Path(path).unlink()  # a socket left by a crash; the caller holds the lock
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.sock.bind(path)
            Path(path).chmod(0o600)
            self.sock.listen(MOST_CONNECTIONS)
        except OSError:
            self.sock.close()
            raise
        self.sock.setblocking(False)
        self.notifier = QSocketNotifier(self.sock.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._accept)
        self.connections: list[_Connection] = []

    def close(self) -> None:
        for connection in list(self.connections):
            connection.close()
        self.notifier.setEnabled(False)
        self.sock.close()
        with contextlib.suppress(OSError):
            Path(self.path).unlink()

    def _accept(self) -> None:
        while True:
            try:
                sock, _address = self.sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as err:
                log.warning("command socket: %s", err)
                return
            if len(self.connections) >= MOST_CONNECTIONS:
                sock.close()  # a flood: the person's own commands come one at a time
                continue
            self.connections.append(_Connection(sock, self))


class _Connection(QObject):
    def __init__(self, sock: socket.socket, server: UnixServer) -> None:
        super().__init__(server)
        self.sock = sock
        self.server = server
        self.buffer = bytearray()
        sock.setblocking(False)
        self.notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._read)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.close)
        self.timer.start(CONNECTION_MS)

    def _read(self) -> None:
        try:
            chunk = self.sock.recv(_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.close()
            return
        self.buffer += chunk
        limit = self.server.limit(bytes(self.buffer[:64]))
        end = chunk.find(b"\n")  # only the new bytes: a long save comes in many chunks
        if end < 0 or len(self.buffer) - len(chunk) + end > limit:
            if end >= 0 or len(self.buffer) > limit:  # too long, with no end or past it
                self._reply(f"error: the command is longer than {limit} bytes\n".encode())
                self.close()
            return
        line = bytes(self.buffer[: len(self.buffer) - len(chunk) + end])
        self.buffer.clear()
        self.notifier.setEnabled(False)  # one line per connection
        reply, after = self.server.handle(line)
        self._reply(reply)
        self.close()
        if after is not None:
            after()  # the sender has heard back before anything acts

    def _reply(self, data: bytes) -> None:
        try:
            self.sock.settimeout(3)
            self.sock.sendall(data)
        except OSError:
            pass  # the sender left without waiting for its answer

    def close(self) -> None:
        self.timer.stop()
        self.notifier.setEnabled(False)
        self.sock.close()
        if self in self.server.connections:
            self.server.connections.remove(self)
        self.deleteLater()
