"""Where Tidewell shows itself: its icon in the tray, or, while the desktop has no tray, a
small window that says why, moving into a tray as soon as one appears. Never invisible."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from tidewell.shell.resources import icon
from tidewell.shell.tray import Tray

if TYPE_CHECKING:
    from tidewell.shell.panel_host import PanelHost
    from tidewell.shell.runtime import Runtime
    from tidewell.ui.no_tray import NoTrayWindow

log = logging.getLogger(__name__)


class Host(Protocol):
    """The app, as presence sees it (shell/app.TidewellApp is one)."""

    runtime: Runtime
    panels: PanelHost
    early: QSystemTrayIcon | None  # the icon shown at launch, taken over by the tray
    tray: Tray | None
    window: NoTrayWindow | None
    tray_poll: QTimer

    def refresh(self) -> None: ...
    def open_panel(self, page: int = ...) -> None: ...
    def open_settings(self) -> None: ...
    def open_review(self, reflect: bool = False) -> None: ...
    def quit(self) -> None: ...


def use_tray(app: Host) -> None:
    tray = Tray(app if isinstance(app, QObject) else None, app.early)  # the app owns it
    app.early = None
    tray.panel_requested.connect(app.open_panel)
    tray.settings_requested.connect(app.open_settings)
    tray.review_requested.connect(app.open_review)
    tray.pause_requested.connect(app.runtime.pause_for)
    tray.back_requested.connect(app.runtime.come_back)
    tray.quit_requested.connect(app.quit)
    app.tray = tray
    app.refresh()
    tray.show()
    log.info("in the tray")


def use_window(app: Host) -> None:
    from tidewell.ui.no_tray import NoTrayWindow

    window = NoTrayWindow()
    window.setWindowIcon(icon("tidewell"))
    window.close_requested.connect(app.quit)
    app.panels.adopt(window.content)
    app.window = window
    app.refresh()
    window.show()
    app.tray_poll.start()
    log.info("no system tray: showing a window instead")


def look_for_tray(app: Host) -> None:
    if QSystemTrayIcon.isSystemTrayAvailable():
        app.tray_poll.stop()
        use_tray(app)
        if app.window is not None:
            app.panels.adopted.remove(app.window.content)
            app.window.hide()
            app.window.deleteLater()
            app.window = None
        log.info("a tray appeared: moved into it")
