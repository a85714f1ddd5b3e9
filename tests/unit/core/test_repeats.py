"""Repeats chosen, not typed: to and from the RRULE the file keeps, and in words."""

from __future__ import annotations

import pytest

from tidewell.core.fields import clock_time, reach_link
from tidewell.core.repeats import Repeat, repeat_of, rrule_in_words
from tidewell.core.rules import check_rrule


@pytest.mark.parametrize(
    ("repeat", "rrule", "words"),
    [
        (
            Repeat("weekly", 2, ("sun",), 0, "18:30"),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;BYHOUR=18;BYMINUTE=30",
            "Every other Sunday at 18:30",
        ),
        (
            Repeat("weekly", 3, ("mon", "wed"), 0, "09:00"),
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0",
            "Every 3 weeks on Mon, Wed at 09:00",
        ),
        (
            Repeat("monthly", 1, ("sat",), 1, "10:00"),
            "FREQ=MONTHLY;BYDAY=1SA;BYHOUR=10;BYMINUTE=0",
            "The first Saturday of each month at 10:00",
        ),
        (
            Repeat("monthly", 1, ("fri",), -1, "17:15"),
            "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=15",
            "The last Friday of each month at 17:15",
        ),
    ],
)
def test_a_repeat_round_trips_and_reads_as_a_sentence(
    repeat: Repeat, rrule: str, words: str
) -> None:
    assert repeat.rrule() == rrule
    check_rrule(rrule)
    assert repeat_of(rrule) == repeat
    assert repeat.in_words() == words
    assert rrule_in_words(rrule) == words


@pytest.mark.parametrize(
    "rrule",
    [
        "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
        "FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=9",
        "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,17;BYMINUTE=0",
        "FREQ=WEEKLY;COUNT=3;BYDAY=MO;BYHOUR=9",
        "garbage",
    ],
)
def test_other_rules_stay_as_written_and_read_without_syntax(rrule: str) -> None:
    assert repeat_of(rrule) is None
    words = rrule_in_words(rrule)
    assert "FREQ" not in words and "=" not in words


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("6:30pm", "18:30"),
        ("6pm", "18:00"),
        ("18:30", "18:30"),
        ("12am", "00:00"),
        ("9.15", "09:15"),
    ],
)
def test_a_time_as_people_type_it(typed: str, kept: str) -> None:
    assert clock_time(typed) == kept


@pytest.mark.parametrize("typed", ["25:00", "13pm", "6:70", "soon", ""])
def test_a_time_that_is_not_one_says_what_to_type(typed: str) -> None:
    with pytest.raises(ValueError, match="try 18:30 or 6:30pm"):
        clock_time(typed)


@pytest.mark.parametrize(
    ("typed", "link"),
    [
        ("+44 113 496 0000", "tel:+441134960000"),
        ("0113 496 0000", "tel:01134960000"),
        ("anna@example.org", "mailto:anna@example.org"),
        ("https://example.org/call", "https://example.org/call"),
        ("tel:+4411", "tel:+4411"),
        ("", None),
    ],
)
def test_a_phone_number_or_an_address_as_typed(typed: str, link: str | None) -> None:
    assert reach_link(typed) == link
