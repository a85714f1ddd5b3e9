"""Wiring: the store, the runtime and its ticker, the tray (or the no-tray window), popups,
the quick panel and the single-instance server. ``run`` is what ``tidewell`` starts."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from tidewell.core import requests
from tidewell.core.calendar import Span, waiting_place
from tidewell.core.fields import parse_hhmm
from tidewell.core.requests import Request
from tidewell.core.rules import (
    LateTrigger,
    ProtectedTrigger,
    ReflectTrigger,
    Rule,
    WaitingTrigger,
)
from tidewell.core.schedule import Due
from tidewell.core.state import TRAVEL_PROGRESS, is_first_run
from tidewell.core.status import Status, moment_in_words
from tidewell.platform.clock import SystemClock
from tidewell.platform.idle import Unavailable, idle_source
from tidewell.platform.sleep import SleepWatcher
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.calendars import CalendarKeeper
from tidewell.shell.instance import SingleInstance
from tidewell.shell.launch import fail, message_box, trim_memory
from tidewell.shell.logs import start_logging
from tidewell.shell.resources import icon
from tidewell.shell.runtime import Runtime
from tidewell.shell.ticker import Ticker
from tidewell.shell.tray import Tray
from tidewell.store.datastore import DataStore, StoreError
from tidewell.store.live import LIVE, Live, write_live
from tidewell.ui.pages import HOME, WAITING

if TYPE_CHECKING:  # windows are imported when first shown: an idle tray holds less
    from PySide6.QtCore import Qt

    from tidewell.ui.no_tray import NoTrayWindow
    from tidewell.ui.panel import PanelContent
    from tidewell.ui.popup import NudgePopup, PopupItem
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
    ) -> None:
        super().__init__()
        self.runtime = runtime
        self.instance = instance
        self.calendars = calendars
        self.early = early  # the icon launch put in the tray; the full tray takes it over
        self.sleep: SleepWatcher | None = None
        self.offers: dict[Due, tuple[int, str | None]] = {}  # trips: waiting minutes, place
        self.ticker = Ticker(runtime, self)
        self._popup: NudgePopup | None = None  # made on first use: start-up stays quick
        self._panel: QuickPanel | None = None
        self.tray: Tray | None = None
        self.window: NoTrayWindow | None = None
        self.settings: SettingsWindow | None = None
        self.review: ReviewWindow | None = None
        self.trials: set[Due] = set()  # "Try it now" popups
        self.welcome: QWidget | None = None
        self.appearance = "system"  # as the desktop has it, until the person chooses
        self.live: Live | None = None  # what live.json last said
        self.tray_poll = QTimer(self)
        self.tray_poll.setInterval(TRAY_POLL_MS)
        self.tray_poll.timeout.connect(self._look_for_tray)
        self._wire()

    # --- wiring -------------------------------------------------------------------------

    def _wire(self) -> None:
        rt = self.runtime
        rt.changed.connect(self.refresh)
        rt.changed.connect(self._settings_reload)
        rt.changed.connect(self.ticker.poke)
        rt.changed.connect(self.follow_appearance)
        rt.nudges_due.connect(self.show_nudges)
        rt.travel_offered.connect(self.offer_waiting)
        rt.problem.connect(self.tell)
        self.ticker.clock_changed.connect(self.refresh)
        if self.instance is not None:
            self.instance.command_received.connect(self.handle)

    @property
    def popup(self) -> NudgePopup:
        if self._popup is None:
            from tidewell.ui.popup import NudgePopup

            self._popup = NudgePopup(self.runtime.state.settings.popup_seconds * 1000)
            self._popup.corner = self.runtime.state.settings.popup_place
            self._popup.answered.connect(self._popup_answered)
            self._popup.emptied.connect(self.refresh)
        return self._popup

    @property
    def panel(self) -> QuickPanel:
        if self._panel is None:
            from tidewell.ui.quick_panel import QuickPanel

            self._panel = QuickPanel()
            self._wire_content(self._panel.content)
            self._fill(self._panel.content)
        return self._panel

    def _wire_content(self, content: PanelContent) -> None:
        content.wait_requested.connect(self.start_waiting)
        content.idea_answered.connect(self.runtime.answer_idea)
        content.offline_requested.connect(self.go_offline)
        content.pause_requested.connect(self.pause)
        content.back_requested.connect(self.runtime.come_back)
        content.settings_requested.connect(self.open_settings)
        content.quit_requested.connect(self.quit)

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
            self._use_tray()
        else:
            self._use_window()
        self.refresh()
        self.ticker.start()
        if self.calendars is not None:
            self.calendars.start()
        QTimer.singleShot(0, self.welcome_if_new)

    def welcome_if_new(self) -> None:
        """First run: a short welcome. Asked once; 'Not now' is a fine answer."""
        if not is_first_run(self.runtime.state):
            return
        prefs = QSettings(str(self.runtime.store.folder / WINDOW_PREFS), QSettings.Format.IniFormat)
        if prefs.contains("welcome/asked"):
            return
        from tidewell.ui.settings.welcome import WelcomeDialog  # only on a first run

        dialog = WelcomeDialog(self.runtime)
        dialog.setWindowIcon(icon("tidewell"))
        dialog.setAttribute(_delete_on_close(), True)
        dialog.answered.connect(lambda: self._welcome_answered(prefs))
        dialog.destroyed.connect(self._welcome_closed)
        self.welcome = dialog
        dialog.show()

    @staticmethod
    def _welcome_answered(prefs: QSettings) -> None:
        """Finished, or 'Not now': not offered again. Closed any other way, it comes back."""
        prefs.setValue("welcome/asked", "yes")
        prefs.sync()

    def _welcome_closed(self) -> None:
        self.welcome = None

    def _use_tray(self) -> None:
        tray = Tray(self, self.early)
        self.early = None
        tray.panel_requested.connect(self.open_panel)
        tray.settings_requested.connect(self.open_settings)
        tray.review_requested.connect(self.open_review)
        tray.pause_requested.connect(self.pause)
        tray.back_requested.connect(self.runtime.come_back)
        tray.quit_requested.connect(self.quit)
        self.tray = tray
        self.refresh()
        tray.show()
        log.info("in the tray")

    def _use_window(self) -> None:
        from tidewell.ui.no_tray import NoTrayWindow

        window = NoTrayWindow()
        window.setWindowIcon(icon("tidewell"))
        window.close_requested.connect(self._window_closed)
        self._wire_content(window.content)
        self.window = window
        self.refresh()
        window.show()
        self.tray_poll.start()
        log.info("no system tray: showing a window instead")

    def _look_for_tray(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray_poll.stop()
            self._use_tray()
            if self.window is not None:
                self.window.hide()
                self.window.deleteLater()
                self.window = None
            log.info("a tray appeared: moved into it")

    def _window_closed(self) -> None:
        self.quit()

    # --- showing ------------------------------------------------------------------------

    def _settings_reload(self) -> None:
        if self.settings is not None:
            self.settings.reload(self.runtime.state)

    def contents(self) -> list[PanelContent]:
        found = [self._panel.content] if self._panel is not None else []
        if self.window is not None:
            found.append(self.window.content)
        return found

    def refresh(self) -> None:
        status = self.runtime.status()
        waiting = self._popup is not None and bool(self._popup.queue)
        self._tell_scripts(len(self._popup.queue) if self._popup is not None else 0)
        if self.tray is not None:
            self.tray.refresh(status, waiting)
        for content in self.contents():
            self._fill(content, status)
        if self._popup is not None:
            self._popup.expiry.setInterval(self.runtime.state.settings.popup_seconds * 1000)
            self._popup.corner = self.runtime.state.settings.popup_place

    def _tell_scripts(self, nudges_waiting: int) -> None:
        """Keep live.json (for `tidewell status` and panels) when what only we know changed."""
        live = Live(self.runtime.waiting, nudges_waiting)
        if live == self.live:
            return
        try:
            write_live(self.runtime.store.folder, live)
        except OSError as err:  # a full disk is told by the store; this file can wait
            log.warning("could not write %s: %s", LIVE, err)
            return
        self.live = live

    def _fill(self, content: PanelContent, status: Status | None = None) -> None:
        now, home = self.runtime.now(), self.runtime.home()
        content.set_status(status or self.runtime.status(), now, home)
        content.set_offline_choices(self.runtime.offline_choices(), now, home)

    def anchor(self) -> QRect:
        return self.tray.geometry() if self.tray is not None else QRect()

    def popup_anchor(self) -> QRect:
        """By the tray; under the quick panel while it is open, so neither hides the other."""
        if self._panel is not None and self._panel.isVisible():
            return self._panel.frameGeometry()
        return self.anchor()

    def open_panel(self, page: int = HOME) -> None:
        if self.window is not None:
            self.window.content.show_page(page)
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()
            return
        self.refresh()
        self.panel.open_at(self.anchor(), page)

    def show_nudges(self, items: list[Due]) -> None:
        log.info("nudges due: %s", ", ".join(item.rule_id for item in items))
        items = [item for item in items if not self._in_the_panel(item)]
        popup_items = [self._popup_item(item) for item in items]
        self.popup.add([p for p in popup_items if p is not None], self.popup_anchor())
        self.refresh()

    def _in_the_panel(self, item: Due) -> bool:
        """A waiting-time nudge for a wait the person just declared: the panel already shows
        the ideas that fit (or says none do), so no popup repeats or contradicts it."""
        rule = self.runtime.state.rule(item.rule_id)
        if rule is None or not isinstance(rule.when, WaitingTrigger):
            return False
        self.runtime.showing.discard(item.rule_id)
        return True

    def _popup_item(self, item: Due, rule: Rule | None = None) -> PopupItem | None:
        rule = rule or self.runtime.state.rule(item.rule_id)
        if rule is None:
            return None
        message = rule.nudge.message
        if item.waited:
            message = f"{message}\n(It waited until your meeting was over.)".strip()
        from tidewell.ui.popup import PopupItem

        return PopupItem(
            due=item,
            title=rule.nudge.title,
            message=message,
            reason=item.reason,
            snooze=list(rule.nudge.snooze),
            link=rule.nudge.link,
            can_choose=isinstance(rule.when, ProtectedTrigger | LateTrigger),
            done_text=rule.nudge.done_words(rule.when.__struct_config__.tag),
        )

    def offer_waiting(self, span: Span) -> None:
        """A trip is near: offer its waiting time, the ideas one click away."""
        now, home = self.runtime.now(), self.runtime.home()
        minutes = max(10, min(180, int((span.start - now).total_seconds() // 60)))
        item = Due(TRAVEL_PROGRESS, span.start)
        self.offers[item] = (minutes, waiting_place(span))
        log.info("waiting time offered before a trip at %s", span.start.isoformat())
        from tidewell.ui.popup import PopupItem

        offer = PopupItem(
            due=item,
            title="You may have some waiting time soon",
            message=f"'{span.title}', {moment_in_words(span.start, now, home)}. "
            "Your ideas for waiting time are ready.",
            snooze=[],
            done_text="Show my ideas",
            skip_text="Not now",
        )
        self.popup.add([offer], self.popup_anchor())
        self.refresh()

    def _popup_answered(self, item: Due, choice: str, snooze: int | None) -> None:
        if item in self.trials:
            self.trials.discard(item)
            return
        if item in self.offers:
            minutes, place = self.offers.pop(item)
            if choice == "done":
                self.start_waiting(minutes, place or "")
            return
        self.runtime.answer(item, choice, snooze)  # type: ignore[arg-type]
        rule = self.runtime.state.rule(item.rule_id)
        if choice == "done" and rule is not None and isinstance(rule.when, ReflectTrigger):
            self.open_review(reflect=True)

    def tell(self, message: str) -> None:
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.icon.showMessage("Tidewell", message, QSystemTrayIcon.MessageIcon.Warning)
        else:
            box = message_box(QMessageBox.Icon.Warning, "Tidewell", message)
            box.show()

    # --- actions ------------------------------------------------------------------------

    def start_waiting(self, minutes: int, context: str) -> None:
        ideas = self.runtime.start_waiting(minutes, context or None)
        log.info("waiting ideas for %s min: %s", minutes, ", ".join(r.idea.id for r in ideas))
        # With a tray the quick panel shows them (made now if it was never opened).
        targets = self.contents() if self.tray is None else [self.panel.content]
        for content in targets:
            content.show_ideas(minutes, context or None, ideas)
        self.open_panel(WAITING)
        self.ticker.poke()  # waiting-time rules may fire now

    def go_offline(self, until: datetime | time, reason: str) -> None:
        if isinstance(until, time):
            until = self.runtime.offline_until_time(until)
        self.runtime.go_offline(until, reason)

    def pause(self, choice: str) -> None:
        if choice == "resume":
            self.runtime.resume()
        else:
            self.runtime.pause_for(choice)

    def open_settings(self) -> None:
        from tidewell.shell.settings_host import SettingsHost  # only when asked for
        from tidewell.ui.settings.window import SettingsWindow

        if self.settings is None:
            rt = self.runtime
            host = SettingsHost(rt, self.calendars)
            window = SettingsWindow(rt.state, host, rt.store.folder / WINDOW_PREFS)
            window.setWindowIcon(icon("tidewell"))
            window.setAttribute(_delete_on_close(), True)
            window.destroyed.connect(self._settings_closed)
            window.try_requested.connect(self.try_rule)
            self.settings = window
            trim_memory()
        self.settings.show()
        self.settings.raise_()
        self.settings.activateWindow()

    def open_review(self, reflect: bool = False) -> None:
        from tidewell.shell.review_host import ReviewHost  # only when asked for
        from tidewell.ui.review.window import ReviewWindow

        if self.review is None:
            window = ReviewWindow(ReviewHost(self.runtime))
            window.setWindowIcon(icon("tidewell"))
            window.setAttribute(_delete_on_close(), True)
            window.destroyed.connect(self._review_closed)
            self.review = window
            log.info("review opened")
            trim_memory()
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        if reflect:
            self.review.new_reflection()

    def _review_closed(self) -> None:
        self.review = None

    def _settings_closed(self) -> None:
        self.settings = None
        if self.calendars is not None:
            self.calendars.forget_unsaved()

    def try_rule(self, rule: Rule) -> None:
        """Show a rule's popup now, as a preview: its answers are not journaled."""
        item = Due(rule.id, self.runtime.clock.now())
        self.trials.add(item)
        popup_item = self._popup_item(item, rule)
        if popup_item is not None:
            self.popup.add([popup_item], self.popup_anchor())

    def handle(self, request: Request) -> None:
        """A request from the command line, ours or a second launch's (checked at the door)."""
        log.info("command: %s", type(request).__name__.lower())
        match request:
            case requests.Wait(minutes=minutes, context=context):
                self.start_waiting(minutes, context or "")
            case requests.Offline(until=until, reason=reason):
                if until is not None:
                    self.go_offline(parse_hhmm(until), reason or "")
                else:
                    self.go_offline(self.runtime.offline_choices()[0][1], reason or "")
            case requests.Online():
                self.runtime.come_back()
            case requests.Pause(tomorrow=True):
                self.pause("tomorrow")
            case requests.Pause(minutes=int(minutes)):
                self.runtime.pause(self.runtime.now() + timedelta(minutes=minutes))
            case requests.Pause():
                self.pause("hour")
            case requests.Resume():
                self.pause("resume")
            case requests.OpenSettings():
                self.open_settings()
            case requests.OpenReview():
                self.open_review()
            case requests.Quit():
                self.quit()
            case requests.Sync() if self.calendars is not None:
                self.calendars.sync_all()
            case requests.Show():
                self.open_panel(HOME)

    def quit(self) -> None:
        if self._popup is not None:
            self._popup.miss_all()  # open nudges count as missed, quietly
        if self.tray is not None:
            self.tray.hide()
        if self.instance is not None:
            self.instance.release()
        if self.calendars is not None:
            self.calendars.stop()
        QApplication.quit()


def start(
    folder: Path, instance: SingleInstance, request: Request | None, early: QSystemTrayIcon | None
) -> TidewellApp | int:
    """Everything after the tray icon: the store, the runtime, the windows. An exit code when
    Tidewell cannot go on (the person has been told why)."""
    start_logging(folder)
    clock = SystemClock()
    try:
        store, opened = DataStore.open(folder, clock)
    except StoreError as err:
        return fail(str(err))
    source = idle_source(QGuiApplication.platformName())
    if isinstance(source, Unavailable):
        log.warning("activity rules cannot fire: %s", source.why)
    runtime = Runtime(store, opened.state, clock, ActivityTracker(source))
    calendars = CalendarKeeper(runtime)
    shell = TidewellApp(runtime, instance, calendars, early)
    shell.sleep = SleepWatcher(shell)
    shell.sleep.resumed.connect(shell.ticker.poke)
    shell.start()
    for event in [*opened.events, *filter(None, [calendars.cache.problem])]:
        shell.tell(event)
    if opened.problems:
        shown = "; ".join(str(p) for p in opened.problems[:3])
        more = f" (and {len(opened.problems) - 3} more)" if len(opened.problems) > 3 else ""
        shell.tell(f"Some saved items could not be used and were kept as they are: {shown}{more}")
    if request is not None and not isinstance(request, requests.Run):
        shell.handle(request)
    return shell


def _delete_on_close() -> Qt.WidgetAttribute:
    from PySide6.QtCore import Qt  # its enums cost ~1 MiB: not loaded by an idle tray

    return Qt.WidgetAttribute.WA_DeleteOnClose
