"""What happened: every nudge shown and answered, waiting time, protected time."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from msgspec import Struct

from tidewell.core.fields import Id, Minutes, Name, Text

# less_often: "Less often" (the rule now fires about half as often); not_again: "Not this
# one again" (the rule is turned off, kept in Settings).
Answer = Literal["done", "snoozed", "skipped", "chose", "missed", "less_often", "not_again"]
ANSWERS: tuple[Answer, ...] = (
    "done", "snoozed", "skipped", "chose", "missed", "less_often", "not_again"
)  # fmt: skip
PASSED: frozenset[str] = frozenset({"skipped", "missed"})  # let pass: nothing against anyone


class _Entry(Struct, tag_field="type", forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    at: datetime  # when it was written, UTC


class ShownEntry(_Entry, tag="shown", frozen=True):
    rule: Id
    due: datetime


class AnswerEntry(_Entry, tag="answer", frozen=True):
    rule: Id
    due: datetime
    answer: Answer
    snooze_minutes: Minutes | None = None
    note: Text | None = None  # the person's own words, e.g. why they chose this
    active: bool = False  # it came from activity (during protected time, late, a long stretch)


class WaitingEntry(_Entry, tag="waiting", frozen=True):
    minutes: Minutes
    context: Name | None = None


class ProtectedEntry(_Entry, tag="protected", frozen=True):
    block: Id
    # started: the person went offline now; back: they ended it early ("I'm back")
    event: Literal["entered", "kept", "started", "back"]
    reason: Text = ""


IdeaAnswer = Literal["opened", "done", "not_now"]


class IdeaEntry(_Entry, tag="idea", frozen=True):
    """What the person did with a waiting-time idea."""

    idea: Id
    answer: IdeaAnswer
    minutes: Minutes | None = None  # the waiting time it was offered for


class PauseEntry(_Entry, tag="pause", frozen=True):
    until: datetime | None = None  # None: resumed


class QuietEntry(_Entry, tag="quiet", frozen=True):
    """A nudge kept back on purpose: over the day's ceiling, or collected for the digest."""

    rule: Id
    due: datetime
    why: Literal["ceiling", "digest"]


class AskedEntry(_Entry, tag="asked", frozen=True):
    """The kind question about a rule let pass several times, and what the person said
    (none: it went by unanswered)."""

    rule: Id
    said: Literal["keep", "move", "rarer", "off"] | None = None


JournalEntry = (
    ShownEntry | AnswerEntry | WaitingEntry | ProtectedEntry | IdeaEntry | PauseEntry
    | QuietEntry | AskedEntry
)  # fmt: skip
