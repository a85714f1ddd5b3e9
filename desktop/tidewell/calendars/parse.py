"""Parse iCalendar data and expand it over a bounded window, capped in occurrences.

Runs inside ``bounded.parse_bounded``'s child process, which limits its time and memory;
the checks here turn the common bad inputs into clear messages before that is needed."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tidewell.calendars.events import CalendarEvent, FeedError
from tidewell.i18n import _, number

MAX_EVENTS = 5000  # occurrences kept from one feed in the window
MAX_COMPONENTS = 20000  # VEVENTs in one feed


def parse_ics(
    data: bytes, start: datetime, end: datetime, local: tzinfo = UTC
) -> list[CalendarEvent]:
    """``local``: the person's zone, for floating times (RFC 5545: a time with no zone is
    local time), unless the calendar names its own (X-WR-TIMEZONE)."""
    import icalendar
    import recurring_ical_events

    head = data.lstrip()[:200].upper()
    if not head.startswith(b"BEGIN:VCALENDAR"):
        if b"<HTML" in head or b"<!DOCTYPE" in head:
            raise FeedError(_("it sent a web page, not a calendar (a login page?)"))
        raise FeedError(_("it is not a calendar (is it the right address or file?)"))
    if data.count(b"BEGIN:VEVENT") > MAX_COMPONENTS:
        raise FeedError(_("it holds more than {count} events").format(count=number(MAX_COMPONENTS)))
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError) as err:
        raise FeedError(
            _("it could not be read as a calendar ({reason})").format(reason=_short(err))
        ) from None
    try:
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        found = list(itertools.islice(query.between(start, end), MAX_EVENTS + 1))
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError, IndexError) as err:
        # AttributeError: an event with two starts (found by fuzzing), and the like
        raise FeedError(
            _("its dates could not be understood ({reason})").format(reason=_short(err))
        ) from None
    if len(found) > MAX_EVENTS:
        said = _("it repeats more than {count} times in the next weeks")
        raise FeedError(said.format(count=number(MAX_EVENTS)))
    floating = _calendar_zone(calendar) or local
    try:
        events = [e for e in (_event(c, floating) for c in found) if e is not None]
    except (ValueError, TypeError, OverflowError, AttributeError) as err:
        raise FeedError(
            _("an event could not be understood ({reason})").format(reason=_short(err))
        ) from None
    return sorted(events, key=lambda e: (e.start, e.title))


def _calendar_zone(calendar: object) -> tzinfo | None:
    """The zone a calendar names for its floating times (X-WR-TIMEZONE), if a real one."""
    get = getattr(calendar, "get", None)
    name = str(get("X-WR-TIMEZONE") or "").strip() if get is not None else ""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return None


def _event(component: object, floating: tzinfo) -> CalendarEvent | None:
    get = getattr(component, "get", None)
    if get is None:
        return None
    start_prop, end_prop = get("DTSTART"), get("DTEND")
    if start_prop is None:
        return None
    start_value = start_prop.dt
    all_day = isinstance(start_value, date) and not isinstance(start_value, datetime)
    begin = _moment(start_value, floating)
    if end_prop is not None:
        finish = _moment(end_prop.dt, floating)
    else:
        finish = begin + (timedelta(days=1) if all_day else timedelta(0))
    title = str(get("SUMMARY") or "").strip()[:200]
    categories = _categories(get("CATEGORIES"))
    return CalendarEvent(begin, max(finish, begin), title, categories, all_day)


def _moment(value: date | datetime, floating: tzinfo) -> datetime:
    if not isinstance(value, datetime):  # all-day: its date, kept as midnight UTC
        return datetime.combine(value, time(), tzinfo=UTC)
    if value.tzinfo is None:  # a floating time: the person's (or the calendar's) local time
        value = value.replace(tzinfo=floating)
    return value.astimezone(UTC)


def _categories(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        names += [str(c) for c in cats] if cats is not None else [str(item)]
    return [n.strip()[:60] for n in names if n.strip()][:20]


def _short(err: Exception) -> str:
    return str(err).splitlines()[0][:120] if str(err) else type(err).__name__
