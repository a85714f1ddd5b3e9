"""Hostile and broken calendar feeds: how long reading each takes, its reader's peak memory,
and what Tidewell says. Each feed is read in a fresh process, so the peak is its own.

    .venv/bin/python bench/calendar_feeds.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from tidewell.calendars.bounded import parse_bounded  # noqa: E402
from tidewell.calendars.events import FeedError  # noqa: E402

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)


def calendar(body: str) -> bytes:
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//b//EN\r\n{body}END:VCALENDAR\r\n".encode()


def event(uid: str, start: str, extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\n"
        f"DTEND:{start}\r\nSUMMARY:Flight\r\n{extra}END:VEVENT\r\n"
    )


FEEDS = {
    "a normal feed (2 events)": calendar(
        event("a", "20261124T090000Z") + event("b", "20261201T090000Z")
    ),
    "FREQ=SECONDLY": calendar(event("s", "20261123T000000Z", "RRULE:FREQ=SECONDLY\r\n")),
    "COUNT=1000000000": calendar(
        event("c", "20261123T000000Z", "RRULE:FREQ=DAILY;COUNT=1000000000\r\n")
    ),
    "DTSTART in 9999": calendar(event("y", "99991231T000000Z", "RRULE:FREQ=YEARLY\r\n")),
    "broken dates": calendar(event("x", "2026-13-45T99:99")),
    "20,000 events": calendar("".join(event(f"e{i}", "20261124T090000Z") for i in range(20_000))),
    "20,001 events": calendar("".join(event(f"e{i}", "20261124T090000Z") for i in range(20_001))),
    "an HTML login page": b"<!DOCTYPE html><html><body>Sign in</body></html>",
    "binary data": bytes(range(256)) * 400,
}


def one(name: str) -> None:
    started = time.perf_counter()
    try:
        found = parse_bounded(FEEDS[name], NOW - timedelta(days=1), NOW + timedelta(days=60))
        result = f"{len(found)} events"
    except FeedError as err:
        result = f"refused: {err}"
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"| {name} | {seconds:.2f} | {peak:.0f} | {result} |")


def main() -> int:
    if len(sys.argv) > 1:
        one(sys.argv[1])
        return 0
    rows = [
        "# Hostile and broken calendar feeds",
        "",
        "Each read in a fresh process by `calendars.bounded` (limits: 1.6 s of reading, "
        "200 MB of address space), window yesterday to 60 days ahead.",
        "",
        "| feed | seconds | reader peak MB | what Tidewell says |",
        "|---|---|---|---|",
    ]
    for name in FEEDS:
        out = subprocess.run([sys.executable, __file__, name], capture_output=True, text=True)
        rows.append(out.stdout.strip() or f"| {name} | ? | ? | {out.stderr.strip()[-200:]} |")
    text = "\n".join(rows) + "\n"
    out_file = ROOT / "bench" / "results" / "calendar-feeds.md"
    out_file.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
