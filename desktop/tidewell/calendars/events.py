"""What Tidewell keeps of a calendar event (the type lives in core), and a feed's failure."""

from __future__ import annotations

from tidewell.calendars import READER_FLAG
from tidewell.core.calendar import CalendarEvent

__all__ = ["READER_FLAG", "CalendarEvent", "FeedError"]


class FeedError(Exception):
    """A feed that cannot be used; the message says why, in words, without its address."""
