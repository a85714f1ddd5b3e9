"""Small validated field types shared by the domain structs.

Each constraint carries a description that the error translator turns into plain words.
"""

from __future__ import annotations

import re
from datetime import time
from functools import lru_cache
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from msgspec import Meta

from tidewell.i18n import _

HHMM_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

HHMM = Annotated[str, Meta(pattern=HHMM_PATTERN, description="a time like 09:00")]
Id = Annotated[
    str,
    Meta(pattern=ID_PATTERN, description="an id of letters, digits, '.', '_' or '-'"),
]
Name = Annotated[str, Meta(min_length=1, max_length=120)]
Area = Annotated[str, Meta(min_length=1, max_length=40)]
Text = Annotated[str, Meta(max_length=4000)]
Minutes = Annotated[int, Meta(ge=1, le=10080)]
Days = Annotated[int, Meta(ge=1, le=3650)]
Seconds = Annotated[int, Meta(ge=5, le=86400)]

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
DEFAULT_AREAS: tuple[str, ...] = ("family", "health", "rest", "friends", "self", "work")


def free_id(wanted: str, taken: set[str], fallback: str = "item") -> str:
    """An id made from ``wanted`` ('Call Dad' -> 'call-dad'), with -2, -3… if it is taken."""
    base = re.sub(r"[^a-z0-9]+", "-", wanted.casefold()).strip("-")[:40] or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def parse_hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def weekday_index(day: Weekday) -> int:
    return WEEKDAYS.index(day)


def zone_city(zone: str) -> str:
    """A zone's own city, in words: 'America/New_York' -> 'New York'."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@lru_cache(maxsize=512)
def zone_named(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name; raises ValueError with a readable reason."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        raise ValueError(_("'{zone}' is not a time zone this computer knows").format(zone=name))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            _("'{zone}' is not a time zone this computer knows").format(zone=name)
        ) from None


def check_zone(field: str, name: str | None) -> None:
    if name is not None:
        try:
            zone_named(name)
        except ValueError as err:
            raise ValueError(f"{field}: {err}") from None


def check_link(field: str, link: str | None) -> None:
    """Links may only be http, https, mailto or tel: nothing that runs or reads files."""
    if link is None:
        return
    scheme = urlsplit(link).scheme.lower()
    if scheme not in LINK_SCHEMES:
        allowed = ", ".join(sorted(LINK_SCHEMES))
        raise ValueError(
            f"{field}: "
            + _("a link starts with one of {allowed}, like https://example.org").format(
                allowed=allowed
            )
        )
    if scheme in ("http", "https") and not urlsplit(link).netloc:
        raise ValueError(f"{field}: " + _("a web link needs a host, like https://example.org"))


_CLOCK = re.compile(
    r"^\s*(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<half>a\.?m\.?|p\.?m\.?)?\s*$",
    re.IGNORECASE,
)


def clock_time(text: str) -> str:
    """A time as people type it, as 'HH:MM': '6:30pm', '6pm', '18:30', '9.15', '07h00'.
    Raises ValueError saying what to type instead."""
    match = _CLOCK.match(text)
    hour = int(match["hour"]) if match else -1
    minute = int(match["minute"] or 0) if match else -1
    half = (match["half"] or "").lower().replace(".", "") if match else ""
    if half:
        if not 1 <= hour <= 12:
            hour = -1
        elif half == "am":
            hour = 0 if hour == 12 else hour
        else:
            hour = 12 if hour == 12 else hour + 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(_("'{text}' is not a time; try 18:30 or 6:30pm").format(text=text.strip()))
    return f"{hour:02d}:{minute:02d}"


_PHONE = re.compile(r"^\+?[\d\s().-]{5,}$")
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")


def reach_link(text: str) -> str | None:
    """How to reach someone as they typed it: a phone number becomes a tel: link, an e-mail
    address a mailto: link; links are kept; empty is None."""
    typed = text.strip()
    if not typed:
        return None
    if _EMAIL.match(typed):
        return f"mailto:{typed}"
    if _PHONE.match(typed) and sum(c.isdigit() for c in typed) >= 5:
        return "tel:" + re.sub(r"[^\d+]", "", typed)
    return typed


def link_text(link: str | None) -> str:
    """A link as the person would type it: tel: and mailto: without their prefix."""
    for prefix in ("tel:", "mailto:"):
        if link and link.startswith(prefix):
            return link.removeprefix(prefix)
    return link or ""
