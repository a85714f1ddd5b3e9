"""Wiring: the store, the runtime and its ticker, the tray (or the no-tray window), popups,
the quick panel and the single-instance server. ``run`` is what ``tidewell`` starts."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from tidewell.core.state import is_first_run
from tidewell.platform.sleep import SleepWatcher
from tidewell.shell.calendars import CalendarKeeper
from tidewell.shell.dialogs import tell
from tidewell.shell.instance import SingleInstance
from tidewell.shell.nudges import NudgeRouter
from tidewell.shell.panel_host import PanelHost
from tidewell.shell.presence import look_for_tray, use_tray, use_window
from tidewell.shell.runtime import Runtime
from tidewell.shell.ticker import Ticker
from tidewell.shell.tray import Tray
from tidewell.store.live import Live, LiveFile
from tidewell.ui.pages import HOME, WAITING

if TYPE_CHECKING:  # windows are imported when first shown: an idle tray holds less
    from tidewell.core.requests import Request
    from tidewell.shell.windows import WindowProcesses
    from tidewell.ui.no_tray import NoTrayWindow
    from tidewell.ui.panel import PanelContent
    from tidewell.ui.popup import NudgePopup
    from tidewell.ui.quick_panel import QuickPanel
    from tidewell.ui.review.window import ReviewWindow
    from tidewell.ui.settings.window import SettingsWindow

log = logging.getLogger(__name__)
TRAY_POLL_MS = 2000  # while there is no tray, look for one this often
WINDOW_PREFS = "window.ini"  # the settings window's size and last page


class TidewellApp(QObject):
    def __init__(
        self,
        runtime: Runtime,
        instance: SingleInstance | None = None,
        calendars: CalendarKeeper | None = None,
        early: QSystemTrayIcon | None = None,
        windows_apart: bool = False,
    ) -> None:
        super().__init__()
        self.runtime = runtime
        self.instance = instance
        self.calendars = calendars
        self.early = early  # the icon launch put in the tray; the full tray takes it over
        self.sleep: SleepWatcher | None = None
        self.ticker = Ticker(runtime, self)
        self.nudges = NudgeRouter(runtime, self.popup_anchor, self)
        self.panels = PanelHost(runtime, self)
        self.tray: Tray | None = None
        self.window: NoTrayWindow | None = None
        self.settings: SettingsWindow | None = None
        self.review: ReviewWindow | None = None
        self.welcome: QWidget | None = None
        self.appearance = "system"  # as the desktop has it, until the person chooses
        self.live = LiveFile(runtime.store.folder)  # for `tidewell status` and panels
        self.tray_poll = QTimer(self)
        self.tray_poll.setInterval(TRAY_POLL_MS)
        self.tray_poll.timeout.connect(lambda: look_for_tray(self))
        # Settings, Review and the welcome in processes of their own (the app as started):
        # closing one gives back everything it loaded. Tests host them here instead.
        # Made when a window is first asked for: an idle tray does not hold the launcher.
        self.windows: WindowProcesses | None = None
        self._windows_apart = windows_apart
        self._told = runtime.state  # what the windows last read
        self._wire()

    def _wire(self) -> None:
        rt = self.runtime
        rt.changed.connect(self.refresh)
        rt.changed.connect(self._settings_reload)
        rt.changed.connect(self.ticker.poke)
        rt.changed.connect(self.follow_appearance)
        rt.changed.connect(self._watch_sync)
        rt.nudges_due.connect(self.nudges.show_nudges)
        rt.travel_offered.connect(self.nudges.offer_waiting)
        self.nudges.changed.connect(self.refresh)
        self.panels.wait_requested.connect(self.start_waiting)
        self.panels.settings_requested.connect(self.open_settings)
        self.panels.quit_requested.connect(self.quit)
        self.nudges.waiting_chosen.connect(self.start_waiting)
        self.nudges.reflect_chosen.connect(lambda: self.open_review(reflect=True))
        self.nudges.move_chosen.connect(self.open_rule)
        rt.problem.connect(self.tell)
        self.ticker.clock_changed.connect(self.refresh)
        if self.instance is not None:
            self.instance.command_received.connect(self.handle)
            self.instance.answer = self.answer

    @property
    def popup(self) -> NudgePopup:
        return self.nudges.popup

    @property
    def panel(self) -> QuickPanel:
        return self.panels.panel

    def follow_appearance(self) -> None:
        """Light or dark windows as chosen in General (the system's, by default)."""
        wanted = self.runtime.state.settings.appearance
        if wanted != self.appearance:
            from tidewell.ui.appearance import apply_appearance  # not for an idle tray

            apply_appearance(wanted)
            self.appearance = wanted

    def start(self) -> None:
        self.follow_appearance()
        if QSystemTrayIcon.isSystemTrayAvailable():
            use_tray(self)
        else:
            use_window(self)
        self.refresh()
        self.ticker.start()
        self._watch_sync()  # only when syncing: an idle tray loads none
        if self.calendars is not None:
            self.calendars.start()
        QTimer.singleShot(0, self.welcome_if_new)

    def welcome_if_new(self) -> None:
        """First run: a short welcome (see shell/first_run.py)."""
        if not is_first_run(self.runtime.state):
            return  # most starts: nothing more is loaded
        if (windows := self._window_processes()) is not None:
            windows.open("welcome")  # it ends at once when the welcome was answered
            return
        from tidewell.shell.first_run import welcome_dialog
        from tidewell.shell.window_care import owned

        dialog = welcome_dialog(self.runtime, WINDOW_PREFS)
        if dialog is not None:
            owned(dialog, self._welcome_closed, "welcome").show()
        self.welcome = dialog

    def _window_processes(self) -> WindowProcesses | None:
        """The launcher of the windows' own processes, made when first needed; None when the
        windows are hosted here (tests)."""
        if self.windows is None and self._windows_apart:
            from tidewell.shell.windows import WindowProcesses

            self.windows = WindowProcesses(self.runtime.store.folder, self.tell, self)
        return self.windows

    def _welcome_closed(self) -> None:
        self.welcome = None

    # --- showing ------------------------------------------------------------------------

    def _settings_reload(self) -> None:
        if self.settings is not None:
            self.settings.reload(self.runtime.state)
        if self.windows is not None and self.windows.running:
            from tidewell.core.state import definitions_differ

            if definitions_differ(self._told, self.runtime.state):
                self.windows.tell_all("reload")
        self._told = self.runtime.state

    def contents(self) -> list[PanelContent]:
        return self.panels.contents()

    def _watch_sync(self) -> None:
        """Watch the sync folder once there is one (chosen in General while running)."""
        if self.runtime.store.sync is not None and getattr(self, "sync_watch", None) is None:
            from tidewell.shell.sync_watch import SyncWatch

            self.sync_watch = SyncWatch(self.runtime, self.ticker.poke, self)

    def refresh(self) -> None:
        status = self.runtime.status()
        waiting = self.nudges.waiting() > 0
        rt = self.runtime
        self.live.tell(
            Live(
                rt.waiting,
                self.nudges.waiting(),
                rt.quiet,
                len(rt.held.items),
                rt.activity.source.name,
                self.nudges.shown_as,
            )
        )
        if self.tray is not None:
            self.tray.refresh(status, waiting)
        self.panels.fill_all(status)
        self.nudges.follow_settings()

    def anchor(self) -> QRect:
        return self.tray.geometry() if self.tray is not None else QRect()

    def popup_anchor(self) -> QRect:
        """By the tray; under the quick panel while it is open, so neither hides the other."""
        return self.panels.open_geometry() or self.anchor()

    def open_panel(self, page: int = HOME) -> None:
        if self.window is not None:
            from tidewell.shell.window_care import bring_forward

            self.window.content.show_page(page)
            bring_forward(self.window)
            return
        self.refresh()
        self.panel.open_at(self.anchor(), page)

    def tell(self, message: str) -> None:
        tell(self.tray.icon if self.tray is not None else None, message)

    # --- actions ------------------------------------------------------------------------

    def start_waiting(self, minutes: int, context: str) -> None:
        self.panels.show_ideas(minutes, context, in_panel=self.tray is not None)
        self.open_panel(WAITING)
        self.ticker.poke()  # waiting-time rules may fire now

    def open_settings(self) -> None:
        if (windows := self._window_processes()) is not None:
            windows.open("settings")
            return
        from tidewell.shell.settings_host import SettingsHost  # only when asked for
        from tidewell.shell.window_care import bring_forward, owned
        from tidewell.ui.settings.window import SettingsWindow

        if self.settings is None:
            rt = self.runtime
            host = SettingsHost(rt, self.calendars)
            window = SettingsWindow(rt.state, host, rt.store.folder / WINDOW_PREFS)
            window.try_requested.connect(self.nudges.try_rule)
            self.settings = owned(window, self._settings_closed, "settings")
        bring_forward(self.settings)

    def open_rule(self, rule_id: str) -> None:
        """Settings, with this rule open (the kind question's "Move it")."""
        if (windows := self._window_processes()) is not None:
            windows.open("settings", f"rule {rule_id}")
            return
        self.open_settings()
        if self.settings is not None:
            self.settings.show_rule(rule_id)

    def open_review(self, reflect: bool = False) -> None:
        if (windows := self._window_processes()) is not None:
            windows.open("review", *(["reflect"] if reflect else []))
            return
        from tidewell.shell.review_host import ReviewHost  # only when asked for
        from tidewell.shell.window_care import bring_forward, owned
        from tidewell.ui.review.window import ReviewWindow

        if self.review is None:
            review = ReviewWindow(ReviewHost(self.runtime))
            self.review = owned(review, self._review_closed, "review")
        bring_forward(self.review)
        if reflect:
            self.review.new_reflection()

    def _review_closed(self) -> None:
        self.review = None

    def _settings_closed(self) -> None:
        self.settings = None
        if self.calendars is not None:
            self.calendars.forget_unsaved()

    def handle(self, request: Request) -> None:
        """A request from the command line, ours or a second launch's (checked at the door)."""
        from tidewell.shell.commands import carry_out

        carry_out(self, request)

    def answer(self, request: Request) -> str:
        """A change handed over by a window in its own process: "" when kept, else why not."""
        from tidewell.shell.handover import answer

        return answer(self.runtime, request)

    def quit(self) -> None:
        self.nudges.miss_all()
        if self.tray is not None:
            self.tray.hide()
        if self.instance is not None:
            self.instance.release()
        if self.calendars is not None:
            self.calendars.stop()
        if self.windows is not None:
            self.windows.end_all()
        close = getattr(self.runtime.activity.source, "close", None)
        if close is not None:  # a Wayland connection of its own: let go before exit
            close()
        QApplication.quit()
