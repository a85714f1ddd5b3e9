"""A D-Bus connection of Tidewell's own, read from the Qt event loop.

QtDBus as PySide6 wraps it cannot send an unsigned integer, and the notification protocol
needs one (``Notify``'s ``replaces_id``). jeepney (pure Python, already what keyring speaks
to the Secret Service with) writes each message with its exact signature; its socket is
watched by a ``QSocketNotifier``, so nothing blocks and no thread is needed.

Bounded: a reply that never comes is forgotten after ``REPLY_SECONDS``; a message larger
than the bus allows is the bus's to refuse; a broken connection closes quietly and says so.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from jeepney import DBusAddress, HeaderFields, MatchRule, Message, MessageType, Parser
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)
REPLY_SECONDS = 25.0
_READ_BYTES = 65536
Reply = Callable[[Message], None]
Handler = Callable[[Message], None]


class DBusLink(QObject):
    closed = Signal()

    def __init__(self, bus: str = "SESSION", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn = open_dbus_connection(bus, auth_timeout=1.0)  # OSError when no bus
        self.unique_name: str = self._conn.unique_name or ""
        self._sock = self._conn.sock
        self._sock.setblocking(False)
        self._parser: Parser = self._conn.parser  # it may hold what came after Hello
        self._serial = 1000
        self._waiting: dict[int, tuple[float, Reply | None]] = {}
        self._handlers: dict[tuple[str, str], list[Handler]] = {}
        self._notifier = QSocketNotifier(self._sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self.open = True

    def ask_now(self, message: Message, seconds: float = 1.0) -> Message | None:
        """Send and wait for the answer, at most ``seconds``: only for a short question
        asked once when the link is made (a server's capabilities)."""
        self._sock.settimeout(seconds)
        try:
            return self._conn.send_and_get_reply(message, timeout=seconds)
        except (OSError, TimeoutError) as err:
            log.info("no answer on D-Bus: %s", err)
            return None
        finally:
            self._sock.setblocking(False)

    def call(self, message: Message, on_reply: Reply | None = None) -> None:
        """Send ``message``; ``on_reply`` gets the answer (or the error) when it comes."""
        if not self.open:
            return
        self._serial += 1
        now = time.monotonic()
        self._waiting = {s: w for s, w in self._waiting.items() if now - w[0] < REPLY_SECONDS}
        self._waiting[self._serial] = (now, on_reply)
        try:
            self._sock.sendall(message.serialise(serial=self._serial))
        except OSError as err:
            log.info("the D-Bus connection broke: %s", err)
            self.close()

    def listen(self, interface: str, member: str, handler: Handler, **match: str) -> None:
        """Call ``handler`` with each signal ``interface.member`` (optionally narrowed by
        ``path=…`` or ``sender=…``)."""
        self._handlers.setdefault((interface, member), []).append(handler)
        rule = MatchRule(type="signal", interface=interface, member=member, **match)
        self.call(message_bus.AddMatch(rule))

    def close(self) -> None:
        if self.open:
            self.open = False
            self._notifier.setEnabled(False)
            self._conn.close()
            self.closed.emit()

    def _read(self) -> None:
        while self.open:
            try:
                data = self._sock.recv(_READ_BYTES)
            except BlockingIOError:
                break
            except OSError as err:
                log.info("the D-Bus connection broke: %s", err)
                self.close()
                return
            if not data:
                self.close()
                return
            self._parser.add_data(data)
        while True:
            try:
                message = self._parser.get_next_message()
            except (ValueError, KeyError, IndexError) as err:  # a malformed message
                log.warning("an unreadable D-Bus message: %s", err)
                self.close()
                return
            if message is None:
                return
            self._dispatch(message)

    def _dispatch(self, message: Message) -> None:
        header = message.header
        if header.message_type in (MessageType.method_return, MessageType.error):
            serial = header.fields.get(HeaderFields.reply_serial)
            waiting = self._waiting.pop(serial, None) if isinstance(serial, int) else None
            if waiting is not None and waiting[1] is not None:
                _safely(waiting[1], message)
        elif header.message_type == MessageType.signal:
            fields = header.fields
            key = (fields.get(HeaderFields.interface), fields.get(HeaderFields.member))
            for handler in self._handlers.get(key, []):
                _safely(handler, message)


def _safely(handler: Handler, message: Message) -> None:
    """Another program's message is never trusted: one that does not fit is logged and
    dropped, and the link goes on."""
    try:
        handler(message)
    except (TypeError, ValueError, IndexError, KeyError, AttributeError) as err:
        log.warning("ignored a D-Bus message that does not fit: %s", err)


def is_error(message: Message) -> bool:
    return bool(message.header.message_type == MessageType.error)


def address(name: str, path: str, interface: str) -> DBusAddress:
    return DBusAddress(path, bus_name=name, interface=interface)
