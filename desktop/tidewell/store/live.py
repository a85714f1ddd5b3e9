"""What only the running app knows, for ``tidewell status`` and panels such as waybar: the
waiting time declared and how many nudges wait on screen. Written atomically when it
changes (never on a timer); read back bounded and forgiving, since any program may read it."""

from __future__ import annotations

import logging
from pathlib import Path

import msgspec

from tidewell.core.schedule import Quiet
from tidewell.core.state import WaitingSession
from tidewell.store.atomic import atomic_write

log = logging.getLogger(__name__)
LIVE = "live.json"
_MAX_BYTES = 4096


class Live(msgspec.Struct, frozen=True):
    waiting: WaitingSession | None = None
    nudges_waiting: int = 0
    quiet: Quiet | None = None  # why nudges wait now: Do Not Disturb, full screen, locked
    nudges_held: int = 0  # nudges waiting for the quiet to end
    idle_source: str = ""  # where time at the computer is read from ("unavailable": nowhere)
    nudges_as: str = ""  # "popups" or "notifications", once the first nudge has come


def write_live(folder: Path, live: Live) -> None:
    atomic_write(folder / LIVE, msgspec.json.encode(live))


def read_live(folder: Path) -> Live:
    """The running app's last word, or nothing known when the file is missing or odd."""
    try:
        with (folder / LIVE).open("rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError:
        return Live()
    if len(data) > _MAX_BYTES:
        return Live()
    try:
        return msgspec.json.decode(data, type=Live)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return Live()


class LiveFile:
    """live.json, written only when what it says changes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.said: Live | None = None

    def tell(self, live: Live) -> None:
        if live == self.said:
            return
        try:
            write_live(self.folder, live)
        except OSError as err:  # a full disk is told by the store; this file can wait
            log.warning("could not write %s: %s", LIVE, err)
            return
        self.said = live
