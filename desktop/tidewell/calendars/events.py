"""What Tidewell keeps of a calendar event: when, what it is called, its categories."""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct


class CalendarEvent(Struct, frozen=True):
    start: datetime  # aware, UTC
    end: datetime
    title: str
    categories: list[str] = []
    all_day: bool = False


class FeedError(Exception):
    """A feed that cannot be used; the message says why, in words, without its address."""
