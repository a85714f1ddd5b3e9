"""The tray icon: its state (icon and tooltip) and its menu, rebuilt each time it opens."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from tidewell.core.status import Status
from tidewell.i18n import _
from tidewell.shell.resources import icon
from tidewell.ui.pages import HOME, OFFLINE, WAITING
from tidewell.ui.tooltips import as_tooltip

TRAY_STATES = ("normal", "protected", "nudge", "paused")


def tray_state(status: Status, nudge_waiting: bool) -> str:
    if nudge_waiting:
        return "nudge"
    return status.mode


def tooltip_text(status: Status, nudge_waiting: bool) -> str:
    lines = ["Tidewell", status.line]
    if nudge_waiting:
        lines.insert(1, _("A nudge is waiting for you"))
    if status.mode != "normal" and status.next:
        lines.append(_("Next: {title}").format(title=status.next[0].title))
    return "\n".join(lines)


def menu_text(text: str) -> str:
    return text.replace("&", "&&")  # '&' would mark a shortcut key


class Tray(QObject):
    panel_requested = Signal(int)  # which page of the quick panel
    settings_requested = Signal()
    review_requested = Signal()
    pause_requested = Signal(str)  # "hour" | "tomorrow" | "resume"
    back_requested = Signal()  # _("I'm back")
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None, shown: QSystemTrayIcon | None = None) -> None:
        """``shown``: an icon already in the tray (see shell.launch), taken over as it is."""
        super().__init__(parent)
        self.icons = {name: icon(f"tray-{name}") for name in TRAY_STATES}
        self.state = "normal"
        self.status: Status | None = None
        if shown is None:
            self.icon = QSystemTrayIcon(self.icons["normal"], self)
        else:
            self.icon = shown
            self.icon.setParent(self)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.rebuild_menu()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def geometry(self) -> QRect:
        return self.icon.geometry()

    def refresh(self, status: Status, nudge_waiting: bool) -> None:
        self.status = status
        self.state = tray_state(status, nudge_waiting)
        self.icon.setIcon(self.icons[self.state])
        self.icon.setToolTip(as_tooltip(tooltip_text(status, nudge_waiting)))

    def rebuild_menu(self) -> None:
        self.menu.clear()
        if self.status is not None:
            line = self.menu.addAction(menu_text(self.status.line))
            line.setEnabled(False)
            self.menu.addSeparator()
        self._add(self.menu, _("Settings…"), self.settings_requested.emit)
        self._add(self.menu, _("Review…"), self.review_requested.emit)
        self._add(self.menu, _("I have waiting time…"), lambda: self.panel_requested.emit(WAITING))
        if self.status is not None and self.status.offline:
            self._add(self.menu, _("I'm back"), self.back_requested.emit)
        else:
            self._add(self.menu, _("Going offline…"), lambda: self.panel_requested.emit(OFFLINE))
        pause = self.menu.addMenu(_("Pause nudges"))
        paused = self.status is not None and self.status.mode == "paused"
        self._add(pause, _("For an hour"), lambda: self.pause_requested.emit("hour"))
        self._add(pause, _("Until tomorrow"), lambda: self.pause_requested.emit("tomorrow"))
        resume = self._add(pause, _("Resume"), lambda: self.pause_requested.emit("resume"))
        resume.setEnabled(paused)
        self.menu.addSeparator()
        self._add(self.menu, _("Quit Tidewell"), self.quit_requested.emit)

    @staticmethod
    def _add(menu: QMenu, text: str, slot: object) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.panel_requested.emit(HOME)
