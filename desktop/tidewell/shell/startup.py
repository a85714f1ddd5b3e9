"""Everything after the tray icon: the store, the runtime, the calendars and the app. An exit
code instead when Tidewell cannot go on (the person has been told why)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from tidewell.i18n import n_
from tidewell.platform.clock import SystemClock
from tidewell.platform.idle import Unavailable, idle_source
from tidewell.platform.quiet import QuietProbe
from tidewell.platform.sleep import SleepWatcher
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.app import TidewellApp
from tidewell.shell.calendars import CalendarKeeper
from tidewell.shell.dialogs import fail
from tidewell.shell.instance import SingleInstance
from tidewell.shell.language import speak
from tidewell.shell.logs import start_logging
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore, StoreError

if TYPE_CHECKING:
    from tidewell.core.requests import Request

log = logging.getLogger(__name__)


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
    speak(opened.state.settings.language)  # before any window: their words load with them
    source = idle_source(QGuiApplication.platformName())
    if isinstance(source, Unavailable):
        log.warning("activity rules cannot fire: %s", source.why)
    runtime = Runtime(store, opened.state, clock, ActivityTracker(source))
    quiet = QuietProbe(QGuiApplication.platformName(), runtime)
    runtime.quiet_probe = quiet
    calendars = CalendarKeeper(runtime)
    shell = TidewellApp(runtime, instance, calendars, early, windows_apart=True)
    shell.sleep = SleepWatcher(shell)
    shell.sleep.resumed.connect(shell.ticker.poke)
    shell.sleep.away.connect(runtime.away)
    quiet.changed.connect(shell.ticker.poke)
    shell.start()
    for event in [*opened.events, *filter(None, [calendars.cache.problem])]:
        shell.tell(event)
    if opened.problems:
        shell.tell(
            n_(
                "{count} saved item could not be used and was kept as it is: {problems}",
                "{count} saved items could not be used and were kept as they are: {problems}",
                len(opened.problems),
            ).format(count=len(opened.problems), problems="; ".join(map(str, opened.problems[:3])))
        )
    if request is not None:  # a plain start has none: the request types load with a command
        from tidewell.core.requests import Run

        if not isinstance(request, Run):
            shell.handle(request)
    return shell
