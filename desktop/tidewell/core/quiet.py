"""Nudges that wait while the desktop asks for quiet: Do Not Disturb, a full-screen window
(a presentation, a film), a locked screen. They come once afterwards, saying they waited,
as they do after a meeting; each rule at most once, however long the quiet lasted."""

from __future__ import annotations

from datetime import datetime, tzinfo

from msgspec.structs import replace

from tidewell.core.journal import ProtectedEntry
from tidewell.core.occurrences import block_at
from tidewell.core.schedule import Due, Quiet
from tidewell.core.state import State
from tidewell.i18n import N_, _

WAIT_LINES: dict[Quiet, str] = {  # translated where shown
    "dnd": N_("Do Not Disturb: nudges wait"),
    "fullscreen": N_("A full-screen window is open: nudges wait"),
    "locked": N_("Screen locked: nudges wait"),
}
_WAITED: dict[Quiet, str] = {
    "dnd": N_("(It waited while Do Not Disturb was on.)"),
    "fullscreen": N_("(It waited until your full-screen window closed.)"),
    "locked": N_("(It waited while your screen was locked.)"),
}


class Held:
    """What came up during the quiet, one per rule, the first moment kept."""

    def __init__(self) -> None:
        self.items: dict[str, Due] = {}

    def hold(self, items: list[Due], why: Quiet) -> None:
        for item in items:
            self.items.setdefault(item.rule_id, replace(item, held=why))

    def release(self, fresh: list[Due]) -> list[Due]:
        """What to show now the quiet is over: the held, then what is newly due."""
        held, self.items = list(self.items.values()), {}
        known = {item.rule_id for item in held}
        return sorted([*held, *(f for f in fresh if f.rule_id not in known)], key=lambda d: d.at)


def waited_words(item: Due) -> str:
    """'(It waited …)' for a nudge that waited, else ''."""
    if item.held is not None:
        return _(_WAITED[item.held])
    if item.digest:
        return _("(Collected for your digest.)")
    return _("(It waited until your meeting was over.)") if item.waited else ""


def locked_in_protected_time(state: State, now: datetime, home: tzinfo) -> list[ProtectedEntry]:
    """The screen was locked inside protected time: the time is kept (the review counts a
    nudge answered just before as followed, not as time broken)."""
    return [
        ProtectedEntry(at=now, block=block.id, event="kept", reason="screen locked")
        for block in state.protected_blocks()
        if block_at(block, home, now) is not None
    ]
