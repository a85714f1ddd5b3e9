"""The desktop's own notifications, with buttons.

Outside a sandbox: ``org.freedesktop.Notifications`` (every Linux desktop's notification
server: GNOME Shell, KDE Plasma, dunst, mako, XFCE's). Inside a Flatpak: the portal's
``org.freedesktop.portal.Notification``, which the sandbox lets through. Both say which
button was pressed with ``ActionInvoked``; the freedesktop server also says when a
notification was closed and why.

``notifier()`` gives the one that works here, or None (no server, or one without buttons):
then Tidewell's own popup is used.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jeepney import Message, new_method_call
from PySide6.QtCore import QObject, Signal

from tidewell.assets import icon_file
from tidewell.platform.dbus_link import DBusLink, address, is_error

log = logging.getLogger(__name__)
FLATPAK_INFO = Path("/.flatpak-info")
_NAME = "org.freedesktop.Notifications"
_FDO = address(_NAME, "/org/freedesktop/Notifications", _NAME)
_PORTAL = address(
    "org.freedesktop.portal.Desktop",
    "/org/freedesktop/portal/desktop",
    "org.freedesktop.portal.Notification",
)
ICON = str(icon_file("tidewell"))  # a path: found whether or not the icon theme has it
# NotificationClosed's reasons, from the specification
CLOSED_WHY = {1: "expired", 2: "dismissed", 3: "closed", 4: "closed"}
Buttons = list[tuple[str, str]]  # (action key, label)


class Notifier(QObject):
    """Shows one notification per key; says which button was pressed, or that it went."""

    action = Signal(str, str)  # key, action
    gone = Signal(str, str)  # key, why: "expired", "dismissed" or "closed"
    kind = "none"
    server = ""  # the server's name, for the log and `tidewell status --json`

    def show(self, key: str, title: str, body: str, buttons: Buttons, seconds: int) -> None:
        raise NotImplementedError

    def withdraw(self, key: str) -> None:
        raise NotImplementedError


class FreedesktopNotifier(Notifier):
    kind = "freedesktop"

    def __init__(self, link: DBusLink, server: str) -> None:
        super().__init__(link)
        self.link = link
        self.server = server
        self._ids: dict[int, str] = {}  # the server's id → our key
        self._keys: dict[str, int] = {}
        self._pending: set[str] = set()  # sent; the server has not said its id yet
        self._early: set[str] = set()  # withdrawn while pending
        link.listen(_FDO.interface, "ActionInvoked", self._invoked, path=_FDO.object_path)
        link.listen(_FDO.interface, "NotificationClosed", self._closed, path=_FDO.object_path)

    def show(self, key: str, title: str, body: str, buttons: Buttons, seconds: int) -> None:
        actions = [part for action, label in buttons for part in (action, label)]
        hints = {
            "desktop-entry": ("s", "tidewell"),
            "category": ("s", "x-tidewell.nudge"),
            "urgency": ("y", 1),
            "resident": ("b", True),  # a button press does not close it before we answer
        }
        call = new_method_call(
            _FDO,
            "Notify",
            "susssasa{sv}i",
            ("Tidewell", self._keys.get(key, 0), ICON, title, body, actions, hints,
             seconds * 1000),
        )  # fmt: skip
        self._pending.add(key)
        self.link.call(call, lambda reply: self._shown(key, reply))

    def withdraw(self, key: str) -> None:
        server_id = self._keys.pop(key, None)
        if server_id is None:
            if key in self._pending:
                self._early.add(key)
            return
        self._ids.pop(server_id, None)
        self.link.call(new_method_call(_FDO, "CloseNotification", "u", (server_id,)))

    def _shown(self, key: str, reply: Message) -> None:
        self._pending.discard(key)
        if is_error(reply) or not reply.body:
            log.warning("the notification server refused a notification: %s", reply.body)
            self.gone.emit(key, "refused")
            return
        server_id = int(reply.body[0])
        if key in self._early:
            self._early.discard(key)
            self.link.call(new_method_call(_FDO, "CloseNotification", "u", (server_id,)))
            return
        self._ids[server_id] = key
        self._keys[key] = server_id

    def _invoked(self, message: Message) -> None:
        server_id, action = message.body[:2]
        key = self._ids.get(server_id) if isinstance(server_id, int) else None
        if key is not None and isinstance(action, str) and action != "default":
            self.action.emit(key, action[:64])

    def _closed(self, message: Message) -> None:
        server_id, reason = message.body[:2]
        key = self._ids.pop(server_id, None) if isinstance(server_id, int) else None
        if key is not None:
            self._keys.pop(key, None)
            why = CLOSED_WHY.get(reason, "closed") if isinstance(reason, int) else "closed"
            self.gone.emit(key, why)


class PortalNotifier(Notifier):
    """Inside a Flatpak. The portal says nothing when a notification is dismissed, so an
    unanswered nudge is withdrawn after its time, as the popup would close."""

    kind = "portal"
    server = "portal"

    def __init__(self, link: DBusLink) -> None:
        super().__init__(link)
        self.link = link
        self._shown: set[str] = set()
        link.listen(_PORTAL.interface, "ActionInvoked", self._invoked)

    def show(self, key: str, title: str, body: str, buttons: Buttons, seconds: int) -> None:
        notification = {
            "title": ("s", title),
            "body": ("s", body),
            "priority": ("s", "normal"),
            "buttons": (
                "aa{sv}",
                [{"label": ("s", label), "action": ("s", action)} for action, label in buttons],
            ),
        }
        self._shown.add(key)
        self.link.call(new_method_call(_PORTAL, "AddNotification", "sa{sv}", (key, notification)))

    def withdraw(self, key: str) -> None:
        if key in self._shown:
            self._shown.discard(key)
            self.link.call(new_method_call(_PORTAL, "RemoveNotification", "s", (key,)))

    def _invoked(self, message: Message) -> None:
        key, action = message.body[:2]
        if isinstance(key, str) and isinstance(action, str) and key in self._shown:
            self._shown.discard(key)
            self.action.emit(key, action[:64])


def notifier(parent: QObject | None = None) -> Notifier | None:
    """The desktop's notifications with buttons, or None where there are none to be had."""
    try:
        link = DBusLink("SESSION", parent)
    except (OSError, ValueError, KeyError, TimeoutError) as err:
        log.info("no session bus for notifications: %s", err)
        return None
    if FLATPAK_INFO.exists():
        return PortalNotifier(link)
    reply = link.ask_now(new_method_call(_FDO, "GetCapabilities"))
    if reply is None or is_error(reply) or "actions" not in (reply.body[0] if reply.body else []):
        log.info("the notification server shows no buttons: Tidewell's popups are used")
        link.close()
        return None
    info = link.ask_now(new_method_call(_FDO, "GetServerInformation"))
    name = str(info.body[0]) if info is not None and not is_error(info) and info.body else "?"
    log.info("nudges come as notifications from %s", name)
    return FreedesktopNotifier(link, name)
