"""What one Tidewell process asks of the running one, as typed values: encoded by the command
line, decoded at the command socket, matched on by the app. One JSON line each, such as
``{"command": "wait", "minutes": 30, "context": "airport"}``.

Decoding is the door: a line that is too long, not one of these, or carries a bad value is
refused with a reason in words, before anything acts on it."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

import msgspec
from msgspec import Meta, Struct

from tidewell.core.fields import HHMM, Name

MAX_LINE = 4096  # bytes: a command is a short line; anything longer is refused unread
MAX_HANDOVER = 24 * 1024 * 1024  # a window's save (every definition) may be as large as a rule file
HANDOVER_START = b'{"command":"apply"'  # how a window's save begins (the tag comes first)
WaitMinutes = Annotated[int, Meta(ge=1, le=600)]
PauseMinutes = Annotated[int, Meta(ge=1, le=7 * 24 * 60)]
Reason = Annotated[str, Meta(max_length=200)]


class _Request(Struct, tag_field="command", forbid_unknown_fields=True, frozen=True):
    only_if_running: ClassVar[bool] = False  # sent to a running Tidewell, never starts one
    answered_after: ClassVar[bool] = False  # the reply waits until it is done (windows' saves)


class Run(_Request, tag="run", frozen=True):
    """Start, or bring the running one forward (a second launch from the menu)."""


class Show(_Request, tag="show", frozen=True):
    """Open the quick panel."""


class OpenSettings(_Request, tag="settings", frozen=True):
    pass


class OpenReview(_Request, tag="review", frozen=True):
    pass


class Wait(_Request, tag="wait", frozen=True):
    """I have waiting time: show the ideas that fit."""

    minutes: WaitMinutes
    context: Name | None = None


class Offline(_Request, tag="offline", frozen=True):
    """Go offline now, until a time of day (None: tomorrow morning)."""

    until: HHMM | None = None
    reason: Reason | None = None


class Online(_Request, tag="online", frozen=True):
    """I'm back: the offline time ends now."""


class Pause(_Request, tag="pause", frozen=True):
    """Pause nudges for some minutes, or until tomorrow morning."""

    minutes: PauseMinutes | None = None
    tomorrow: bool = False


class Resume(_Request, tag="resume", frozen=True):
    pass


class Sync(_Request, tag="sync", frozen=True):
    """Read the calendars now."""

    only_if_running: ClassVar[bool] = True


class Quit(_Request, tag="quit", frozen=True):
    only_if_running: ClassVar[bool] = True


# --- from a window in its own process (shell/window_process.py) to the tray, which alone
# writes the data folder. Each is answered after it is done: "ok", or "error: why".


class Apply(_Request, tag="apply", frozen=True):
    """Save what the person defined: the main file's tables, read as that file is."""

    only_if_running: ClassVar[bool] = True
    answered_after: ClassVar[bool] = True
    tables: dict[str, Any]


class Reflected(_Request, tag="reflected", frozen=True):
    """A reflection was kept or deleted: tell the other computers (when syncing)."""

    only_if_running: ClassVar[bool] = True
    answered_after: ClassVar[bool] = True
    reflection: dict[str, Any]
    gone: bool = False


class JoinSync(_Request, tag="join-sync", frozen=True):
    only_if_running: ClassVar[bool] = True
    answered_after: ClassVar[bool] = True
    folder: Annotated[str, Meta(min_length=1, max_length=4000)]


class LeaveSync(_Request, tag="leave-sync", frozen=True):
    only_if_running: ClassVar[bool] = True
    answered_after: ClassVar[bool] = True


Request = (
    Run | Show | OpenSettings | OpenReview | Wait | Offline | Online | Pause | Resume | Sync | Quit
    | Apply | Reflected | JoinSync | LeaveSync
)  # fmt: skip
_DECODER = msgspec.json.Decoder(Request)


class RequestError(ValueError):
    """A line the running Tidewell will not act on; the message says why, in words."""


def line_limit(start: bytes) -> int:
    """How long a line beginning with ``start`` may be: a window's save may be long."""
    return MAX_HANDOVER if start.startswith(HANDOVER_START) else MAX_LINE


def decode_request(line: bytes) -> Request:
    limit = line_limit(line)
    if len(line) > limit:
        raise RequestError(f"the command is longer than {limit} bytes")
    try:
        return _DECODER.decode(line)
    except msgspec.ValidationError as err:
        raise RequestError(f"not a command Tidewell knows: {err}") from None
    except msgspec.DecodeError as err:
        raise RequestError(f"not a command line (one JSON object): {err}") from None
    except RecursionError:
        raise RequestError("nested too deeply to be a command") from None


def encode_request(request: Request) -> bytes:
    return msgspec.json.encode(request) + b"\n"
