"""Exports: the journal as CSV a spreadsheet cannot turn into formulas, and protected time
as iCalendar that calendar apps read (long lines folded, reasons kept private)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import icalendar
import msgspec

from tidewell.core.exports import journal_csv, protected_ics
from tidewell.core.journal import AnswerEntry, WaitingEntry
from tidewell.core.life import Block

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)


def test_journal_csv_has_a_header_and_no_formulas() -> None:
    entries = [
        AnswerEntry(at=NOW, rule="walk", due=NOW, answer="chose", note='=HYPERLINK("x")'),
        WaitingEntry(at=NOW, minutes=30, context="airport"),
    ]
    rows = list(csv.DictReader(journal_csv(entries).splitlines()))
    assert rows[0]["type"] == "answer" and rows[0]["note"].startswith("'=")
    assert rows[1]["minutes"] == "30" and rows[1]["context"] == "airport"


def test_protected_time_as_ics_repeats_weekly_and_keeps_reasons_private() -> None:
    blocks = [
        msgspec.convert(doc, Block)  # type: ignore[arg-type]
        for doc in (
            {
                "kind": "weekly",
                "id": "evenings-with-a-rather-long-identifier-to-fold-the-uid-line",
                "reason": "dinner with the kids",
                "days": ["mon", "tue", "wed", "thu", "fri"],
                "start": "18:30",
                "end": "07:00",
            },
            {
                "kind": "dated",
                "id": "porto",
                "reason": "Porto, finally",
                "start": "2026-12-24T00:00:00",
                "end": "2026-12-28T00:00:00",
                "zone": "Europe/Lisbon",
            },
        )
    ]
    data = protected_ics(blocks, "Europe/London", NOW)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Offline", "Offline"]
    weekly, dated = events
    assert weekly["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    assert (
        weekly["DTSTART"].dt.hour == 18 and weekly["DTEND"].dt.day == weekly["DTSTART"].dt.day + 1
    )
    assert str(dated["DTSTART"].dt.tzinfo) == "Europe/Lisbon"
    assert b"kids" not in data and b"Porto" not in data


def test_a_weekly_block_starts_on_its_own_next_day() -> None:
    saturday = msgspec.convert(
        {
            "kind": "weekly",
            "id": "sat",
            "reason": "r",
            "days": ["sat"],
            "start": "09:00",
            "end": "12:00",
        },
        Block,  # type: ignore[arg-type]
    )
    [event] = icalendar.Calendar.from_ical(protected_ics([saturday], "UTC", NOW)).walk("VEVENT")
    assert event["DTSTART"].dt.date().isoformat() == "2026-11-28"  # NOW is Monday 23 Nov
