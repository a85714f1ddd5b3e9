"""Where a norms pack comes from: a file, or an https address (bounded like calendar feeds:
https only, a size cap, a time limit, no redirect to another host). Qt-free, for the
settings window and the command line alike. Nothing is sent anywhere but the one request
for the pack itself; nothing is reported back."""

from __future__ import annotations

from pathlib import Path

from tidewell.calendars.events import FeedError
from tidewell.calendars.fetch import fetch
from tidewell.core.packs import MAX_BYTES, Pack, read_pack
from tidewell.core.reading import NotReadable, read_regular_file
from tidewell.core.validation import Invalid, Problem

TIMEOUT = 15.0


def is_address(source: str) -> bool:
    return "://" in source.strip()


def pack_from(source: str, timeout: float = TIMEOUT) -> Pack:
    """The pack at ``source`` (a file or an address); Invalid, its first problem saying
    where, when it cannot be read or is not a pack."""
    source = source.strip()
    try:
        if is_address(source):
            data = fetch(source, timeout=timeout, limit=MAX_BYTES).data or b""
        else:
            data = read_regular_file(Path(source).expanduser(), MAX_BYTES)
    except (FeedError, NotReadable) as err:
        raise Invalid([Problem("$", str(err))]) from None
    return read_pack(data)
