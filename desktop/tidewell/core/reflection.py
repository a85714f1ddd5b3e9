"""Reflection: a few questions now and then about the person's own definition of balance.
The answers are theirs: kept privately, read back, edited or deleted at will."""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from tidewell.core.fields import Text

QUESTIONS = (
    "Looking back at these weeks: what felt like your kind of balance?",
    "When you were online in time you meant to protect, was it a real need or a habit?",
    "What would you like to protect next, and from what?",
)


class Reflection(Struct, frozen=True, forbid_unknown_fields=True):
    at: datetime  # when it was written, UTC
    answers: list[Text]  # one per question, in order; empty when skipped
    edited: datetime | None = None
