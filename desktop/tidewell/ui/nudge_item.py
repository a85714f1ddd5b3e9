"""What one nudge says and offers, whichever way it is shown: Tidewell's popup or the
desktop's notification. Qt-free, so the notification path loads no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from tidewell.core.schedule import Due


@dataclass(frozen=True)
class PopupItem:
    due: Due
    title: str
    message: str = ""
    reason: str | None = None  # the person's own reason for protected time
    snooze: list[int] = field(default_factory=lambda: [10, 30, 60])
    link: str | None = None
    can_choose: bool = False  # offline and late nudges: "I chose this"
    done_text: str = "Done"  # an offer says what its main button does ("Show my ideas")
    skip_text: str = "Skip"


def minutes_in_words(minutes: int) -> str:
    if minutes % 1440 == 0:
        days = minutes // 1440
        return "1 day" if days == 1 else f"{days} days"
    if minutes % 60 == 0:
        return f"{minutes // 60} h"
    return f"{minutes} min"
