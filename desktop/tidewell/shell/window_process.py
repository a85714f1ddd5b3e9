"""Settings, Review and the welcome, each in a process of its own, started by the tray when
asked for (``shell/windows.py``) and ended when the window closes: everything it loaded goes
back to the system, and a crash in a window cannot take the scheduler with it.

The window reads the data folder as the tray does (``store/handed_store.py``) and hands
every change to the running Tidewell over the command socket; the tray alone writes the
folder (``shell/handover.py``). The tray talks to the window on its standard input, one word
a line: ``raise`` (bring it forward), ``rule ID`` (show that rule), ``reflect`` (a new
reflection), ``reload`` (the tray's state moved)."""

from __future__ import annotations

import tidewell.shell.pyside_import  # noqa: F401  (before PySide6: its hook, tamed)

# isort: split

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSocketNotifier, QTimer, Signal

from tidewell.core.clock import Clock
from tidewell.core.journal import JournalEntry
from tidewell.core.requests import JoinSync, LeaveSync, Request, encode_request
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.platform.clock import SystemClock
from tidewell.shell import WINDOW_FLAG
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.claim import CommandRefused, forward_to
from tidewell.shell.runtime import Runtime
from tidewell.shell.window_care import bring_forward, owned
from tidewell.store.handed_store import HandedStore, HandOver

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tidewell.platform.idle import IdleSource
    from tidewell.shell.calendars import CalendarKeeper

log = logging.getLogger(__name__)
KINDS = ("settings", "review", "welcome")
SAVE_REPLY_MS = 60_000  # the tray checks and writes a large save before it answers
WINDOW_PREFS = "window.ini"


class WindowRuntime(Runtime):
    """The runtime as a window sees it: the state read from the folder, changes handed to
    the running Tidewell, read again when the tray says its state moved."""

    def __init__(
        self, store: HandedStore, state: State, clock: Clock, activity: ActivityTracker
    ) -> None:
        super().__init__(store, state, clock, activity)
        self.handed = store

    def merge_sync(self) -> None:
        pass  # the tray merges

    def _record(self, state: State, entries: list[JournalEntry]) -> bool:
        """Hand the change to the tray; when it cannot take it, say why in words (the
        window keeps what was typed)."""
        try:
            self.store.record(state, entries)
        except OSError as err:
            self._tell(err.strerror or str(err))
            return False
        self.state = state
        self.changed.emit()
        return True

    def join_sync(self, folder: Path) -> None:
        self.handed.hand_over(JoinSync(folder=str(folder)))
        self.reload()

    def leave_sync(self) -> None:
        self.handed.hand_over(LeaveSync())
        self.reload()

    def reload(self) -> None:
        from tidewell.store.datastore import StoreError

        try:
            store, opened = HandedStore.read(self.store.folder, self.clock, self.handed.hand_over)
        except StoreError as err:
            log.warning("could not read the data folder again: %s", err)
            return
        self.store = self.handed = store
        self.state = opened.state
        self.changed.emit()


class Orders(QObject):
    """The tray's words on standard input, a line each."""

    said = Signal(str, str)  # the word, and what follows it
    gone = Signal()  # the tray closed its end (it quit, or crashed)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._buffer = b""
        self._notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            chunk = os.read(sys.stdin.fileno(), 4096)
        except OSError:
            chunk = b""
        if not chunk:
            self._notifier.setEnabled(False)
            self.gone.emit()
            return
        self._buffer = (self._buffer + chunk)[-65536:]  # the tray's lines are short
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            word, _sep, rest = line.decode("utf-8", "replace").strip().partition(" ")
            self.said.emit(word, rest)


def hand_over_to(folder: Path) -> HandOver:
    def hand_over(request: Request) -> None:
        try:
            taken = forward_to(folder, encode_request(request), reply_ms=SAVE_REPLY_MS)
        except CommandRefused as err:
            log.warning("the tray did not take a change: %s", err)  # the details, for the log
            said = _("Tidewell did not take these changes. They are still here; try again.")
            raise OSError(0, said) from None
        if not taken:
            raise OSError(0, _("Tidewell is not running. Start it, then save again."))

    return hand_over


def run_window(argv: list[str]) -> int:
    """``argv``: the kind of window and the data folder."""
    if len(argv) != 2 or argv[0] not in KINDS:
        print(
            f"tidewell: {WINDOW_FLAG} takes one of {', '.join(KINDS)} and a folder", file=sys.stderr
        )
        return 2
    kind, folder = argv[0], Path(argv[1])
    if os.name == "posix":
        os.umask(0o077)
    logging.basicConfig(format=f"tidewell {kind}: %(message)s", level=logging.WARNING)
    from tidewell.shell.launch import gui_app

    app = gui_app(with_icon=True)
    from tidewell.store.datastore import StoreError

    clock = SystemClock()
    try:
        store, opened = HandedStore.read(folder, clock, hand_over_to(folder))
    except StoreError as err:
        from tidewell.shell.dialogs import fail

        return fail(str(err))
    from tidewell.shell.language import speak

    speak(opened.state.settings.language)
    if opened.state.settings.appearance != "system":
        from tidewell.ui.appearance import apply_appearance

        apply_appearance(opened.state.settings.appearance)
    runtime = WindowRuntime(store, opened.state, clock, ActivityTracker(_idle_source(kind)))
    shown = _Shown(runtime, kind, folder)
    if shown.window is None:
        return 0  # the welcome was answered before
    orders = Orders(app)
    orders.said.connect(shown.follow)
    code = app.exec()
    # The window is closed and what it keeps is written (window.ini, a kept draft, calendar
    # jobs waited for). A library's thread still waiting on the system (the keyring's, on a
    # slow D-Bus) must not keep the process alive: the tray would think the window open.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _idle_source(kind: str) -> IdleSource:
    """Settings says whether time at the computer can be read here; the others never ask."""
    from tidewell.platform.idle import Unavailable, idle_source

    if kind != "settings":
        return Unavailable("")
    from PySide6.QtGui import QGuiApplication

    return idle_source(QGuiApplication.platformName())


class _Shown(QObject):
    def __init__(self, runtime: WindowRuntime, kind: str, folder: Path) -> None:
        super().__init__()
        self.runtime = runtime
        self.kind = kind
        self.calendars: CalendarKeeper | None = None
        runtime.problem.connect(self._tell)
        self.window = self._make(folder)
        if self.window is None:
            return
        owned(self.window, self._closed, kind)
        self.bring_forward()

    def _make(self, folder: Path) -> QWidget | None:
        rt = self.runtime
        if self.kind == "settings":
            from tidewell.shell.calendars import CalendarKeeper
            from tidewell.shell.nudges import NudgeRouter
            from tidewell.shell.settings_host import SettingsHost
            from tidewell.ui.settings.window import SettingsWindow

            self.calendars = CalendarKeeper(rt)
            window = SettingsWindow(
                rt.state, SettingsHost(rt, self.calendars), folder / WINDOW_PREFS
            )
            self.nudges = NudgeRouter(rt, QRect, self)  # "Try it" shows the popup from here
            window.try_requested.connect(self.nudges.try_rule)
            rt.changed.connect(lambda: window.reload(rt.state))
            return window
        if self.kind == "review":
            from tidewell.shell.review_host import ReviewHost
            from tidewell.ui.review.window import ReviewWindow

            return ReviewWindow(ReviewHost(rt))
        from tidewell.shell.first_run import welcome_dialog

        return welcome_dialog(rt, WINDOW_PREFS)

    def follow(self, word: str, rest: str) -> None:
        if self.window is None:
            return
        if word == "raise":
            self.bring_forward()
        elif word == "reload":
            self.runtime.reload()
        elif word == "rule" and hasattr(self.window, "show_rule"):
            self.bring_forward()
            self.window.show_rule(rest)
        elif word == "reflect" and hasattr(self.window, "new_reflection"):
            self.bring_forward()
            self.window.new_reflection()

    def bring_forward(self) -> None:
        assert self.window is not None
        bring_forward(self.window)

    def _tell(self, message: str) -> None:
        from tidewell.shell.dialogs import tell

        tell(None, message)

    def _closed(self) -> None:
        self.window = None
        if self.calendars is not None:  # feed addresses stored for sources never saved
            self.calendars.forget_unsaved()
            self.calendars.stop()
            self.calendars.wait_for_jobs()
        QTimer.singleShot(0, _quit)


def _quit() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.quit()
