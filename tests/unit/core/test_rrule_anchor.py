"""RRULEs used from a recent anchor give exactly the moments of the rule from its real start
(checked against dateutil walking from the start, as Tidewell did before)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

import msgspec
import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tidewell.core.localtime import naive_to_moment
from tidewell.core.occurrences import (
    _GAP_MARGIN,
    DEFAULT_START,
    anchor,
    occurrence_at_or_before,
    occurrences_after,
)
from tidewell.core.rules import AtTrigger

ZONE = ZoneInfo("Europe/Berlin")  # has DST gaps and folds


def reference_before(text: str, start: date, moment: datetime) -> datetime | None:
    rule = rrulestr(text, dtstart=datetime.combine(start, time()), ignoretz=True)
    naive = rule.before(moment.astimezone(ZONE).replace(tzinfo=None) + _GAP_MARGIN, inc=True)
    while naive is not None:
        at = naive_to_moment(naive, ZONE)
        if at <= moment:
            return at
        naive = rule.before(naive, inc=False)
    return None


def reference_after(text: str, start: date, after: datetime, count: int) -> list[datetime]:
    rule = rrulestr(text, dtstart=datetime.combine(start, time()), ignoretz=True)
    found: list[datetime] = []
    last = after
    for naive in rule.xafter(after.astimezone(ZONE).replace(tzinfo=None) - _GAP_MARGIN):
        at = naive_to_moment(naive, ZONE)
        if at > last:
            last = at
            found.append(at)
            if len(found) == count:
                break
    return found


FREQS = ("MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")


@st.composite
def rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(FREQS))
    parts = [f"FREQ={freq}", f"INTERVAL={draw(st.integers(1, 5))}"]
    if freq == "MINUTELY":
        parts.append(f"BYHOUR={draw(st.integers(0, 23))}")
    if draw(st.booleans()):
        parts.append(f"BYHOUR={draw(st.integers(0, 23))}" if freq != "MINUTELY" else "BYSECOND=0")
    if draw(st.booleans()):
        parts.append(f"BYMINUTE={draw(st.integers(0, 59))}")
    pick = draw(st.integers(0, 4))
    if pick == 1:
        parts.append(
            "BYDAY=" + ",".join(draw(st.sets(st.sampled_from(["MO", "WE", "SA"]), min_size=1)))
        )
    elif pick == 2 and freq in ("MONTHLY", "YEARLY"):
        parts.append(f"BYDAY={draw(st.sampled_from(['1SA', '-1FR', '2MO']))}")
    elif pick == 3 and freq in ("MONTHLY", "YEARLY", "DAILY"):
        parts.append(f"BYMONTHDAY={draw(st.sampled_from(['1', '15', '31', '-1']))}")
    if draw(st.booleans()) and freq in ("DAILY", "WEEKLY", "MONTHLY"):
        parts.append(f"BYMONTH={draw(st.integers(1, 12))}")
    if draw(st.integers(0, 5)) == 0:
        parts.append(f"COUNT={draw(st.integers(1, 400))}")
    elif draw(st.integers(0, 5)) == 0:
        parts.append(f"UNTIL={draw(st.dates(date(2024, 1, 1), date(2030, 1, 1))):%Y%m%d}T000000")
    return ";".join(parts)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same 400 every run: CI stays reproducible (other seeds: run locally)
)
@given(
    rules(),
    st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2026, 12, 31))),
    st.datetimes(datetime(2023, 6, 1), datetime(2029, 12, 31)),
)
def test_anchored_rules_give_the_same_moments(
    text: str, start: date | None, when: datetime
) -> None:
    try:
        trigger = msgspec.convert({"kind": "at", "rrule": text, "start": start}, AtTrigger)
    except msgspec.ValidationError:
        assume(False)
        return
    moment = when.replace(tzinfo=UTC)
    first = start or DEFAULT_START
    assert occurrence_at_or_before(trigger, ZONE, moment) == reference_before(text, first, moment)
    assert list(islice(occurrences_after(trigger, ZONE, moment), 4)) == reference_after(
        text, first, moment, 4
    )


def test_the_anchor_is_whole_periods_after_the_start_and_not_after_the_moment() -> None:
    start, near = date(2024, 1, 1), date(2026, 11, 1)
    midnight = datetime.combine(near, time())
    for text, step in (
        ("FREQ=HOURLY;INTERVAL=7", timedelta(hours=7)),
        ("FREQ=DAILY;INTERVAL=4", timedelta(days=4)),
        ("FREQ=WEEKLY;INTERVAL=3", timedelta(weeks=3)),
    ):
        found = anchor(text, start, near)
        assert found <= midnight < found + step
        assert (found - datetime(2024, 1, 1)) % step == timedelta(0)
    assert anchor("FREQ=MONTHLY;INTERVAL=5", date(2024, 1, 15), near) == datetime(2026, 7, 15)
    assert anchor("FREQ=YEARLY", date(2024, 3, 10), date(2026, 3, 1)) == datetime(2025, 3, 10)
    # From the real start: COUNT counts from it, and a 31st start would change the months.
    assert anchor("FREQ=DAILY;COUNT=900", start, near) == datetime(2024, 1, 1)
    assert anchor("FREQ=MONTHLY", date(2024, 1, 31), near) == datetime(2024, 1, 31)


def test_a_rule_that_never_happens_is_refused_up_front() -> None:
    """dateutil notices some impossible rules only while iterating; a saved one would have
    failed every tick. Every third hour from midnight never lands on 02:00."""
    with pytest.raises(msgspec.ValidationError, match="empty set"):
        msgspec.convert(
            {"kind": "at", "rrule": "FREQ=HOURLY;INTERVAL=3;BYHOUR=2;COUNT=1"}, AtTrigger
        )
