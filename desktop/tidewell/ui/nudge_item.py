"""What one nudge says and offers, whichever way it is shown: Tidewell's popup or the
desktop's notification. Qt-free, so the notification path loads no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from tidewell.core.schedule import Due
from tidewell.i18n import _, n_, p_


@dataclass(frozen=True)
class PopupItem:
    due: Due
    title: str
    message: str = ""
    reason: str | None = None  # the person's own reason for protected time
    snooze: list[int] = field(default_factory=lambda: [10, 30, 60])
    link: str | None = None
    can_choose: bool = False  # offline and late nudges: "I chose this"
    done_text: str = ""  # an offer says what its main button does ("Show my ideas"); "": Done
    skip_text: str = ""  # "": Skip
    can_quiet: bool = False  # a rule's nudge: "Less often" and "Not this one again" too
    choices: tuple[tuple[str, str], ...] = ()  # (answer, words): these instead of the usual

    @property
    def done_words(self) -> str:
        return self.done_text or p_("answer", "Done")

    @property
    def skip_words(self) -> str:
        return self.skip_text or p_("answer", "Skip")


def minutes_in_words(minutes: int) -> str:
    if minutes % 1440 == 0:
        days = minutes // 1440
        return n_("{count} day", "{count} days", days).format(count=days)
    if minutes % 60 == 0:
        return _("{count} h").format(count=minutes // 60)
    return _("{count} min").format(count=minutes)
