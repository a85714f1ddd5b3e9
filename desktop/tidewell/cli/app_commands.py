"""The commands that go to the tray app (started here, or already running): settings, wait,
offline, pause, resume, quit. Checked before anything starts, so a typo never reaches Qt."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tidewell.i18n import _, n_

if TYPE_CHECKING:
    import argparse

    from tidewell.core.requests import Request

APP_COMMANDS = (
    "run",
    "show",
    "settings",
    "review",
    "wait",
    "offline",
    "online",
    "pause",
    "resume",
    "quit",
)
_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m?)?$")


class BadCommand(ValueError):
    """A command line the app cannot take; the message names the argument."""


def add_app_commands(commands: Any) -> None:  # argparse's subparsers action
    commands.add_parser("show", help=_("open the quick panel (where you stand, what's next)"))
    commands.add_parser("settings", help=_("open the settings window"))
    commands.add_parser(
        "review", help=_("look back: your own numbers, your days, your reflections")
    )
    wait = commands.add_parser("wait", help=_("I have waiting time: show ideas that fit"))
    wait.add_argument("minutes", type=int, help=_("how many minutes, e.g. 30"))
    wait.add_argument("--context", metavar="WHERE", help=_("airport, commute, waiting room…"))
    offline = commands.add_parser("offline", help=_("go offline now (protected time)"))
    offline.add_argument("--until", metavar="HH:MM", help=_("until this time (default: morning)"))
    offline.add_argument("--reason", metavar="WORDS", help=_("your reason, in your words"))
    commands.add_parser("online", help=_("I'm back: end the offline time you started"))
    pause = commands.add_parser("pause", help=_("pause nudges (default: for an hour)"))
    pause.add_argument(
        "duration", nargs="?", default="1h", help=_("like 1h, 30m, 1h30m, or 'tomorrow'")
    )
    commands.add_parser("resume", help=_("resume nudges"))
    commands.add_parser("quit", help=_("quit the running Tidewell"))


def command_of(args: argparse.Namespace) -> Request:
    """The typed request for the app, from parsed arguments (checked here, and again at the
    running app's door)."""
    from tidewell.core import requests as r

    name = args.command or "run"
    if name == "wait":
        if not 1 <= args.minutes <= 600:
            raise BadCommand("wait: " + _("minutes must be between 1 and 600"))
        return r.Wait(args.minutes, args.context)
    if name == "offline":
        from tidewell.core.fields import HHMM_PATTERN

        if args.until is not None and not re.match(HHMM_PATTERN, args.until):
            said = _("'{text}' is not a time like 21:30").format(text=args.until)
            raise BadCommand(f"offline --until: {said}")
        if args.reason is not None and len(args.reason) > 200:
            raise BadCommand("offline --reason: " + _("200 letters at most"))
        return r.Offline(args.until, args.reason)
    if name == "pause":
        length = pause_length(args.duration)
        return r.Pause(length.get("minutes"), bool(length.get("tomorrow")))
    simple: dict[
        str,
        type[
            r.Run | r.Show | r.OpenSettings | r.OpenReview | r.Online | r.Resume | r.Sync | r.Quit
        ],
    ] = {
        "run": r.Run,
        "show": r.Show,
        "settings": r.OpenSettings,
        "review": r.OpenReview,
        "online": r.Online,
        "resume": r.Resume,
        "sync": r.Sync,
        "quit": r.Quit,
    }
    return simple[name]()


def pause_length(text: str) -> dict[str, Any]:
    if text.strip().lower() == "tomorrow":
        return {"tomorrow": True}
    match = _DURATION.match(text.strip().lower())
    if not text.strip() or match is None:
        said = _("'{text}' is not a length like 1h, 30m or 1h30m").format(text=text)
        raise BadCommand(f"pause: {said}")
    minutes = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    if not 1 <= minutes <= 7 * 24 * 60:
        raise BadCommand("pause: " + _("give between one minute and a week"))
    return {"minutes": minutes}


def what_it_does(request: Request) -> str | None:
    """One line saying what a request asks of Tidewell, printed as it is handed over."""
    from tidewell.core import requests as r

    match request:
        case r.Offline(until=until, reason=reason):
            if until is None:
                said = _("Going offline until tomorrow morning. 'tidewell online' ends it early.")
            else:
                said = _("Going offline until {time}. 'tidewell online' ends it early.")
            return said.format(time=until) + (f" ({reason})" if reason else "")
        case r.Online():
            return _("Welcome back: your offline time ends now.")
        case r.Wait(minutes=minutes, context=context):
            said = n_(
                "Waiting time, {count} minute: your ideas are in the panel.",
                "Waiting time, {count} minutes: your ideas are in the panel.",
                minutes,
            ).format(count=minutes)
            return said + (f" ({context})" if context else "")
        case r.Pause(tomorrow=True):
            return _("Nudges paused until tomorrow morning. 'tidewell resume' brings them back.")
        case r.Pause(minutes=minutes) if minutes is not None:
            return n_(
                "Nudges paused for {count} minute.", "Nudges paused for {count} minutes.", minutes
            ).format(count=minutes)
        case r.Resume():
            return _("Nudges are back on.")
    return None
