"""Exports the person can take elsewhere: the journal as CSV (for a spreadsheet) and
protected time as iCalendar (for a work calendar, so colleagues see when they are offline)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import msgspec

from tidewell.core.fields import WEEKDAYS
from tidewell.core.journal import JournalEntry
from tidewell.core.life import Block, DatedBlock, WeeklyBlock

CSV_COLUMNS = (
    "at", "type", "rule", "due", "answer", "snooze_minutes", "note", "minutes", "context",
    "block", "event", "reason", "idea", "until", "active",
)  # fmt: skip
_BYDAY = {day: day[:2].upper() for day in WEEKDAYS}  # "mon" -> "MO"


def journal_csv(entries: Iterable[JournalEntry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        row = msgspec.to_builtins(entry)
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value: object) -> object:
    """Text a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def protected_ics(blocks: Iterable[Block], home_zone: str, now: datetime) -> bytes:
    """Every protected block as a busy event called 'Offline'; weekly ones repeat. The
    person's reasons stay private: colleagues see when, not why."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tidewell//Protected time//EN"]
    for block in blocks:
        zone = block.zone or home_zone
        lines += ["BEGIN:VEVENT", f"UID:{block.id}@tidewell", f"DTSTAMP:{stamp}"]
        if isinstance(block, WeeklyBlock):
            first = _first_day(block, now)
            start = f"{first:%Y%m%d}T{block.start.replace(':', '')}00"
            end_day = first if block.end > block.start else first + timedelta(days=1)
            end = f"{end_day:%Y%m%d}T{block.end.replace(':', '')}00"
            days = ",".join(_BYDAY[d] for d in block.days)
            lines += [
                f"DTSTART;TZID={zone}:{start}",
                f"DTEND;TZID={zone}:{end}",
                f"RRULE:FREQ=WEEKLY;BYDAY={days}",
            ]
        else:
            assert isinstance(block, DatedBlock)
            lines += [
                f"DTSTART;TZID={zone}:{block.start:%Y%m%dT%H%M%S}",
                f"DTEND;TZID={zone}:{block.end:%Y%m%dT%H%M%S}",
            ]
        lines += ["SUMMARY:Offline", "TRANSP:OPAQUE"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_folded(line) + "\r\n" for line in lines).encode()


def _first_day(block: WeeklyBlock, now: datetime) -> date:
    day = now.date()
    while WEEKDAYS[day.weekday()] not in block.days:  # not strftime: Qt sets the locale
        day += timedelta(days=1)
    return day


def _folded(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next, after a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start = [], 0
    while start < len(data):
        size = 75 if start == 0 else 74
        end = min(start + size, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never split a character
            end -= 1
        parts.append(data[start:end].decode())
        start = end
    return "\r\n ".join(parts)
