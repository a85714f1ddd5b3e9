"""Repeats a person chooses instead of typing: every N weeks on some days, or the Nth weekday
of each month, at one time; as the RRULE the file format keeps, and back, and in words
("Every other Sunday at 18:30"). A rule that came with any other RRULE keeps it as written."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from tidewell.core.fields import WEEKDAYS, Weekday
from tidewell.i18n import _, day_name, n_

RepeatKind = Literal["weekly", "monthly"]
_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = (1, 2, 3, 4, -1)  # the first … fourth, and the last, weekday of a month


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
            day = day_name(WEEKDAYS.index(self.days[0]))
            return _monthly_words(self.ordinal).format(weekday=day, time=self.time)
        chosen = [i for i, d in enumerate(WEEKDAYS) if d in self.days]
        days = (
            day_name(chosen[0])
            if len(chosen) == 1
            else ", ".join(day_name(i, short=True) for i in chosen)
        )
        if self.every == 1:
            return _("Every {days} at {time}").format(days=days, time=self.time)
        if self.every == 2:
            return _("Every other {days} at {time}").format(days=days, time=self.time)
        return n_(
            "Every {count} week on {days} at {time}",
            "Every {count} weeks on {days} at {time}",
            self.every,
        ).format(count=self.every, days=days, time=self.time)


def ordinal_words(ordinal: int) -> str:
    """'The first' … 'The last', as a choice in the editor."""
    return {
        1: _("The first"),
        2: _("The second"),
        3: _("The third"),
        4: _("The fourth"),
        -1: _("The last"),
    }[ordinal]


def _monthly_words(ordinal: int) -> str:
    return {
        1: _("The first {weekday} of each month at {time}"),
        2: _("The second {weekday} of each month at {time}"),
        3: _("The third {weekday} of each month at {time}"),
        4: _("The fourth {weekday} of each month at {time}"),
        -1: _("The last {weekday} of each month at {time}"),
    }[ordinal]


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
    return {
        "DAILY": _("A daily pattern of your own"),
        "WEEKLY": _("A weekly pattern of your own"),
        "MONTHLY": _("A monthly pattern of your own"),
        "YEARLY": _("A yearly pattern of your own"),
    }.get(freq, _("A repeat pattern of your own"))
