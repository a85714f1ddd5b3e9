"""Calendar feeds are parsed in a bounded child: good ones give events, bad ones a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidewell.calendars.bounded import MAX_BYTES, parse_bounded
from tidewell.calendars.events import FeedError

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)
WINDOW = (NOW - timedelta(days=1), NOW + timedelta(days=60))


def calendar(*events: str) -> bytes:
    body = "".join(events)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n".encode()
    )


def event(
    uid: str, start: str, end: str | None = None, summary: str = "Flight to Lisbon", extra: str = ""
) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\n"
        f"DTEND:{end or start}\r\nSUMMARY:{summary}\r\n{extra}END:VEVENT\r\n"
    )


def test_events_in_the_window_with_titles_and_categories() -> None:
    data = calendar(
        event("a", "20261124T090000Z", "20261124T113000Z", extra="CATEGORIES:Travel,Work\r\n"),
        event("b", "20261201", "20261208", summary="Vacation in Porto")
        .replace("DTSTART:20261201", "DTSTART;VALUE=DATE:20261201")
        .replace("DTEND:20261208", "DTEND;VALUE=DATE:20261208"),
        event("old", "20250101T090000Z", summary="Long ago"),
        event(
            "weekly",
            "20261123T070000Z",
            "20261123T073000Z",
            summary="Stand-up",
            extra="RRULE:FREQ=WEEKLY;COUNT=3\r\n",
        ),
    )
    events = parse_bounded(data, *WINDOW)
    assert [(e.title, e.start.day) for e in events] == [
        ("Stand-up", 23),
        ("Flight to Lisbon", 24),
        ("Stand-up", 30),
        ("Vacation in Porto", 1),
        ("Stand-up", 7),
    ]
    flight = events[1]
    assert flight.categories == ["Travel", "Work"]
    assert flight.end - flight.start == timedelta(hours=2, minutes=30)
    assert events[3].all_day


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "secondly",
            calendar(event("s", "20261123T000000Z", extra="RRULE:FREQ=SECONDLY\r\n")),
            "too long",
        ),
        (
            "20,000 events",
            calendar(*(event(f"e{i}", "20261124T090000Z") for i in range(20_001))),
            "more than 20,000 events",
        ),
        ("a login page", b"<!DOCTYPE html><html><body>Sign in</body></html>", "web page"),
        ("binary", bytes(range(256)) * 400, "it is not a calendar"),
        ("too large", b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_BYTES + 1), "larger than 10 MB"),
    ],
)
def test_hostile_or_broken_feeds_are_refused_with_a_reason(
    name: str, data: bytes, words: str
) -> None:
    with pytest.raises(FeedError, match=words):
        parse_bounded(data, *WINDOW)


@pytest.mark.parametrize(
    ("name", "data", "most"),
    [
        (
            "a billion repeats",
            calendar(event("c", "20261123T000000Z", extra="RRULE:FREQ=DAILY;COUNT=1000000000\r\n")),
            62,
        ),
        ("year 9999", calendar(event("y", "99991231T000000Z", extra="RRULE:FREQ=YEARLY\r\n")), 0),
        ("broken dates", calendar(event("x", "2026-13-45T99:99")), 0),
    ],
)
def test_strange_feeds_finish_with_what_fits_the_window(name: str, data: bytes, most: int) -> None:
    assert len(parse_bounded(data, *WINDOW)) <= most


def test_a_floating_time_is_the_persons_local_time() -> None:
    """Bug: a time with no zone (no TZID, no X-WR-TIMEZONE) was read as UTC; RFC 5545 says it
    is local time. X-WR-TIMEZONE, where a calendar gives one, applies to floating times."""
    data = calendar(event("f", "20261124T090000", "20261124T100000", summary="Dentist"))
    [berlin] = parse_bounded(data, *WINDOW, zone="Europe/Berlin")
    assert berlin.start == datetime(2026, 11, 24, 8, tzinfo=UTC)
    [utc] = parse_bounded(data, *WINDOW)  # no zone known: read as UTC, as before
    assert utc.start == datetime(2026, 11, 24, 9, tzinfo=UTC)
    named = data.replace(b"VERSION:2.0\r\n", b"VERSION:2.0\r\nX-WR-TIMEZONE:America/New_York\r\n")
    [new_york] = parse_bounded(named, *WINDOW, zone="Europe/Berlin")
    assert new_york.start == datetime(2026, 11, 24, 14, tzinfo=UTC)
    with_zone = calendar(event("z", "20261124T090000Z", summary="Call"))
    assert parse_bounded(with_zone, *WINDOW, zone="Asia/Tokyo")[0].start.hour == 9  # UTC stays


# --- fuzzing the door -----------------------------------------------------------------------

LINES = st.sampled_from(
    [
        "DTSTART:{v}", "DTEND:{v}", "DTSTART;TZID={z}:{v}", "DTSTART;VALUE=DATE:{v}",
        "RRULE:FREQ={f};{r}", "EXDATE:{v}", "X-WR-TIMEZONE:{z}", "SUMMARY:{t}",
        "CATEGORIES:{t}", "DURATION:{t}",
    ]
)  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(["20261124T090000Z", "20261124T090000", "20261124", "99991231T000000Z"]),
    st.text(alphabet="0123456789TZ:-+", max_size=20),
)
ZONES = st.one_of(
    st.sampled_from(["Europe/Berlin", "Mars/Olympus", "UTC", ""]), st.text(max_size=12)
)
RULES = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=;,-", max_size=40)
FREQS = st.sampled_from(
    ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "X"]
)
FUZZED = {"files": 0, "read": 0, "refused": 0, "slowest": 0.0}


@st.composite
def fuzzed_calendar(draw: st.DrawFn) -> bytes:
    events = []
    for n in range(draw(st.integers(0, 3))):
        lines = [
            draw(LINES).format(
                v=draw(VALUES),
                z=draw(ZONES),
                f=draw(FREQS),
                r=draw(RULES),
                t=draw(st.text(max_size=30)),
            )
            for _ in range(draw(st.integers(0, 5)))
        ]
        events.append(
            f"BEGIN:VEVENT\r\nUID:{n}\r\n"
            + "".join(f"{line}\r\n" for line in lines)
            + "END:VEVENT\r\n"
        )
    head = draw(st.sampled_from(["", "X-WR-TIMEZONE:Asia/Tokyo\r\n", "METHOD:PUBLISH\r\n"]))
    body = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{head}{''.join(events)}END:VCALENDAR\r\n"
    return body.encode("utf-8", "surrogatepass")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(fuzzed_calendar(), st.sampled_from(["Europe/London", "Asia/Tokyo"]))
def test_fuzzed_calendar_files_are_read_or_refused_in_words(data: bytes, zone: str) -> None:
    """In the reader itself, with the same time limit its child process sets."""
    import gc
    import signal
    import time
    from zoneinfo import ZoneInfo

    from tidewell.calendars.parse import parse_ics

    def out_of_time(*_: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, out_of_time)
    gc.disable()  # the alarm must land in the reader, not in a garbage collector's callback
    signal.setitimer(signal.ITIMER_REAL, 5.0)
    started = time.perf_counter()
    try:
        events = parse_ics(data, *WINDOW, ZoneInfo(zone))
        assert all(e.start.tzinfo is not None and e.end >= e.start for e in events)
        FUZZED["read"] += 1
    except FeedError as err:
        assert str(err)
        FUZZED["refused"] += 1
    except TimeoutError:  # the child would say: "reading it took too long"
        FUZZED["refused"] += 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        gc.enable()
    FUZZED["files"] += 1
    FUZZED["slowest"] = max(FUZZED["slowest"], time.perf_counter() - started)


def test_calendar_fuzz_figures() -> None:
    from ...figures import record

    assert FUZZED["files"] >= 300 and FUZZED["read"] > 0 and FUZZED["refused"] > 0
    record(
        "calendar-fuzz", {k: round(v, 3) if isinstance(v, float) else v for k, v in FUZZED.items()}
    )
