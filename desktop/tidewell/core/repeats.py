"""Repeats a person chooses instead of typing: every N weeks on some days, or the Nth weekday
of each month, at one time; as the RRULE the file format keeps, and back, and in words
("Every other Sunday at 18:30"). A rule that came with any other RRULE keeps it as written."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from tidewell.core.fields import WEEKDAYS, Weekday

RepeatKind = Literal["weekly", "monthly"]
_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_EVERY = {1: "Every", 2: "Every other"}


class Repeat(NamedTuple):
    kind: RepeatKind
    every: int  # weeks between (weekly); 1 for monthly
    days: tuple[Weekday, ...]  # weekly: the days; monthly: the one weekday
    ordinal: int  # monthly: 1-4 or -1 (the last); 0 for weekly
    time: str  # "18:30"

    def rrule(self) -> str:
        hour, minute = (int(part) for part in self.time.split(":"))
        at = f"BYHOUR={hour};BYMINUTE={minute}"
        codes = [_CODES[WEEKDAYS.index(d)] for d in self.days]
        if self.kind == "monthly":
            return f"FREQ=MONTHLY;BYDAY={self.ordinal}{codes[0]};{at}"
        interval = f"INTERVAL={self.every};" if self.every > 1 else ""
        return f"FREQ=WEEKLY;{interval}BYDAY={','.join(codes)};{at}"

    def in_words(self) -> str:
        if self.kind == "monthly":
            day = DAY_NAMES[WEEKDAYS.index(self.days[0])]
            return f"The {ORDINALS[self.ordinal]} {day} of each month at {self.time}"
        names = [DAY_NAMES[WEEKDAYS.index(d)] for d in WEEKDAYS if d in self.days]
        days = names[0] if len(names) == 1 else ", ".join(n[:3] for n in names)
        every = _EVERY.get(self.every, f"Every {self.every} weeks on")
        return f"{every} {days} at {self.time}"


_PART = re.compile(r"^[A-Z]+=[A-Z0-9,+-]+$")
_ORDINAL_DAY = re.compile(r"^(?P<n>-?\d)?(?P<day>MO|TU|WE|TH|FR|SA|SU)$")


def repeat_of(rrule: str) -> Repeat | None:
    """The chosen repeat an RRULE is, or None for any other (kept and shown as written)."""
    parts = rrule.strip().upper().split(";")
    if not all(_PART.match(p) for p in parts):
        return None
    fields = dict(p.split("=", 1) for p in parts)
    if set(fields) - {"FREQ", "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE"}:
        return None
    hour, minute = fields.get("BYHOUR", ""), fields.get("BYMINUTE", "0")
    if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
        return None
    time = f"{int(hour):02d}:{int(minute):02d}"
    days = [_ORDINAL_DAY.match(d) for d in fields.get("BYDAY", "").split(",")]
    if not days or any(d is None for d in days):
        return None
    every = fields.get("INTERVAL", "1")
    if not every.isdigit() or not 1 <= int(every) <= 52:
        return None
    names = tuple(WEEKDAYS[_CODES.index(d["day"])] for d in days if d is not None)
    ordinals = [d["n"] for d in days if d is not None]
    if fields["FREQ"] == "WEEKLY" and not any(ordinals):
        return Repeat("weekly", int(every), names, 0, time)
    if fields["FREQ"] == "MONTHLY" and every == "1" and len(days) == 1 and ordinals[0]:
        ordinal = int(ordinals[0])
        if ordinal in ORDINALS:
            return Repeat("monthly", 1, names, ordinal, time)
    return None


def rrule_in_words(rrule: str) -> str:
    repeat = repeat_of(rrule)
    if repeat is not None:
        return repeat.in_words()
    freq = dict(p.split("=", 1) for p in rrule.upper().split(";") if "=" in p).get("FREQ", "")
    often = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
    return f"A {often.get(freq, 'repeat')} pattern of your own"
