"""What happened: every nudge shown and answered, waiting time, protected time."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from msgspec import Struct

from tidewell.core.fields import Id, Minutes, Name, Text

Answer = Literal["done", "snoozed", "skipped", "chose", "missed"]
ANSWERS: tuple[Answer, ...] = ("done", "snoozed", "skipped", "chose", "missed")


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


JournalEntry = ShownEntry | AnswerEntry | WaitingEntry | ProtectedEntry | IdeaEntry | PauseEntry
