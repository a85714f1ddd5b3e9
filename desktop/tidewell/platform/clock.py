"""The real clock, and the system's IANA time zone."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def zone(self) -> tzinfo:
        return system_zone()


def system_zone() -> tzinfo:
    """The system zone as a ZoneInfo when it can be named (DST-correct arithmetic),
    else the current fixed offset."""
    name = _zone_name()
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    local = datetime.now(UTC).astimezone().tzinfo
    return local or UTC


def _zone_name() -> str | None:
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and "/" in tz and not tz.startswith("/"):
        return tz
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        return timezone_file.read_text(encoding="utf-8").strip() or None
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    return None
