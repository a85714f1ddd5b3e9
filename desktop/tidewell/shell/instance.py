"""One Tidewell per data folder: a lock on ``tidewell.lock`` says who runs
(``platform/folder_lock.py``, taken by ``shell/claim.py`` before the window system loads), a
local socket takes commands
(a plain Unix socket, ``shell/unix_socket.py``; QtNetwork's where sockets are not files).

A launch tries the lock first (at once, never waiting): whoever gets it is the app, and only
it removes a stale socket, so two launches at once cannot both become the app. A launch that
does not get it forwards its request (``{"command": "wait", ...}`` as one JSON line, see
``core/requests.py``) to the app, asking again for a few seconds while that one is still
starting up. The app decodes each line at the door and answers ``ok`` or ``error: why``
(a window's save is answered once it is done or refused). It listens right after its tray
icon shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tidewell.i18n import _
from tidewell.platform.folder_lock import FolderLock
from tidewell.shell.claim import PLAIN_SOCKETS, REPLY_MS
from tidewell.store.running import LOCK

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from tidewell.core.requests import Request
    from tidewell.shell.unix_socket import UnixServer

log = logging.getLogger(__name__)


class SingleInstance(QObject):
    command_received = Signal(object)  # a core.requests.Request

    def __init__(
        self, folder: Path, parent: QObject | None = None, held: FolderLock | None = None
    ) -> None:
        """``held``: the folder's lock, taken already (``shell/claim.py``, before the icon)."""
        super().__init__(parent)
        self._folder = folder
        self._name: str | None = None
        self._lock = held if held is not None else FolderLock(folder / LOCK)
        self._server: UnixServer | QLocalServer | None = None
        # What the app answers to a request that is replied to once done (a window's save):
        # "" when done, else why not. Set by the app.
        self.answer: Callable[[Request], str] | None = None

    @property
    def name(self) -> str:
        """Where this folder's Tidewell listens; worked out when first asked (not on the way to
        the icon of a first launch)."""
        if self._name is None:
            from tidewell.platform.command_socket import server_name

            self._name = server_name(self._folder)
        return self._name

    def become_primary(self) -> bool:
        """Take the lock and listen. False if another launch holds the lock."""
        if not self._lock.try_lock():
            return False
        self.listen()
        return True

    def listen(self) -> None:
        """Take commands from later launches. Call while holding the lock."""
        from tidewell.core.requests import line_limit

        try:
            if PLAIN_SOCKETS:
                from tidewell.shell.unix_socket import UnixServer

                self._server = UnixServer(self.name, line_limit, self._handle, self)
            else:
                self._server = _listen_over_qt(self)
        except OSError as err:
            self._lock.unlock()
            said = _("Tidewell cannot listen for commands from the menu: {reason}")
            raise OSError(said.format(reason=err.strerror or err)) from err

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _handle(self, line: bytes) -> tuple[bytes, Callable[[], None] | None]:
        """The reply to one line, and what to do once the sender has heard it."""
        from tidewell.core.requests import RequestError, decode_request

        try:
            request = decode_request(line.rstrip(b"\r\n"))
        except RequestError as err:
            log.warning("refused a command %r: %s", line[:200], err)
            return f"error: {err}\n".encode(), None
        if request.answered_after:  # a window waits to hear whether its change was kept
            why = self.answer(request) if self.answer is not None else "not ready yet"
            why = " ".join(why.split())  # one line
            return (f"error: {why}\n".encode() if why else b"ok\n"), None
        return b"ok\n", lambda: self.command_received.emit(request)


# --- where sockets are not files (Windows): QtNetwork's local sockets -----------------------


def _listen_over_qt(instance: SingleInstance) -> QLocalServer:
    from PySide6.QtNetwork import QLocalServer

    QLocalServer.removeServer(instance.name)  # a socket left by a crash; we hold the lock
    server = QLocalServer(instance)
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    if not server.listen(instance.name):
        raise OSError(0, server.errorString())

    def accept() -> None:
        while (socket := server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: _read_over_qt(instance, s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                _read_over_qt(instance, socket)

    server.newConnection.connect(accept)
    return server


def _read_over_qt(instance: SingleInstance, socket: QLocalSocket) -> None:
    from tidewell.core.requests import HANDOVER_START, line_limit

    limit = line_limit(bytes(socket.peek(len(HANDOVER_START)).data()))
    if not socket.canReadLine():
        if socket.bytesAvailable() > limit:  # no end of line in sight: refuse
            socket.readAll()
            socket.write(f"error: the command is longer than {limit} bytes\n".encode())
            socket.disconnectFromServer()
        return
    reply, after = instance._handle(bytes(socket.readLine(limit + 2).data()))
    socket.write(reply)
    socket.waitForBytesWritten(REPLY_MS)  # the sender hears back before we act
    if after is not None:
        after()
