"""What the app does with a request from the command line (decoded at the socket's door)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from tidewell.core import requests
from tidewell.core.fields import parse_hhmm
from tidewell.ui.pages import HOME

if TYPE_CHECKING:
    from tidewell.core.requests import Request
    from tidewell.shell.calendars import CalendarKeeper
    from tidewell.shell.runtime import Runtime

log = logging.getLogger(__name__)


class Receiver(Protocol):
    """What a request can ask of the app (shell/app.TidewellApp is one)."""

    runtime: Runtime
    calendars: CalendarKeeper | None

    def start_waiting(self, minutes: int, context: str) -> None: ...
    def open_settings(self) -> None: ...
    def open_review(self, reflect: bool = False) -> None: ...
    def open_panel(self, page: int = HOME) -> None: ...
    def quit(self) -> None: ...


def carry_out(app: Receiver, request: Request) -> None:
    log.info("command: %s", type(request).__name__.lower())
    match request:
        case requests.Wait(minutes=minutes, context=context):
            app.start_waiting(minutes, context or "")
        case requests.Offline(until=until, reason=reason):
            if until is not None:
                app.runtime.go_offline(parse_hhmm(until), reason or "")
            else:
                app.runtime.go_offline(app.runtime.offline_choices()[0][1], reason or "")
        case requests.Online():
            app.runtime.come_back()
        case requests.Pause(tomorrow=True):
            app.runtime.pause_for("tomorrow")
        case requests.Pause(minutes=int(minutes)):
            app.runtime.pause(app.runtime.now() + timedelta(minutes=minutes))
        case requests.Pause():
            app.runtime.pause_for("hour")
        case requests.Resume():
            app.runtime.resume()
        case requests.OpenSettings():
            app.open_settings()
        case requests.OpenReview():
            app.open_review()
        case requests.Quit():
            app.quit()
        case requests.Sync() if app.calendars is not None:
            app.calendars.sync_all()
        case requests.Show():
            app.open_panel(HOME)
