"""Reading one calendar source now: its address from the keyring, the feed (conditional,
bounded) or the local file, parsed in a limited child process. No Qt: the app runs this on
a worker thread, the command line runs it directly.

A failure keeps the events read before (a train without Wi-Fi should not forget the trip)
and says what failed, naming the host, never the address."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from urllib.parse import urlsplit

from tidewell.calendars.bounded import MAX_BYTES, parse_bounded
from tidewell.calendars.events import FeedError
from tidewell.calendars.fetch import check_url, fetch, host_of
from tidewell.core.calendar import CalendarSource
from tidewell.core.reading import NotReadable, read_regular_file
from tidewell.i18n import _, n_
from tidewell.store.calendar_cache import Synced
from tidewell.store.secrets import SecretError, SecretStore

log = logging.getLogger(__name__)
PAST = timedelta(days=1)  # events are read from yesterday …
AHEAD = timedelta(days=60)  # … to this far ahead
REEXPAND = timedelta(hours=12)  # after this, read the whole feed again (the window moved)


def sync_source(
    source: CalendarSource,
    previous: Synced | None,
    secrets: SecretStore | None,
    now: datetime,
    home: tzinfo | None = None,
) -> Synced:
    """Read one calendar; ``home`` is the person's zone, for times the calendar leaves
    without one."""
    zone = getattr(home, "key", None)
    url: str | None = None
    try:
        if source.kind == "file":
            data = _read_file(Path(source.path or ""))
            return _parsed(source, data, now, None, None, zone)
        if secrets is None:
            raise FeedError(
                _("your system's password store is not open, so its address is out of reach")
            )
        url = secrets.get(source.id)
        if url is None:
            raise FeedError(
                _(
                    "its address is no longer in your system's password store; "
                    "remove this calendar and add it again"
                )
            )
        fresh = previous is not None and previous.ok and now - previous.expanded < REEXPAND
        fetched = fetch(
            url,
            previous.etag if fresh and previous else None,
            previous.last_modified if fresh and previous else None,
        )
        if fetched.data is None and previous is not None:  # 304: nothing new
            return Synced(
                source.id,
                now,
                True,
                _("{events}, unchanged").format(events=_count(len(previous.events))),
                previous.expanded,
                fetched.etag,
                fetched.last_modified,
                previous.events,
            )
        return _parsed(source, fetched.data or b"", now, fetched.etag, fetched.last_modified, zone)
    except (FeedError, SecretError) as err:
        message = _scrubbed(str(err), url)
        log.warning("calendar %s (%s): %s", source.id, source.host or "file", message)
        return Synced(
            source.id,
            now,
            False,
            message,
            previous.expanded if previous else now,
            events=previous.events if previous else [],
        )


def _parsed(
    source: CalendarSource,
    data: bytes,
    now: datetime,
    etag: str | None,
    modified: str | None,
    zone: str | None,
) -> Synced:
    events = parse_bounded(data, now - PAST, now + AHEAD, zone)
    return Synced(source.id, now, True, _count(len(events)), now, etag, modified, events)


def _read_file(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_BYTES)
    except NotReadable as err:
        raise FeedError(str(err)) from None


def _count(n: int) -> str:
    return n_("{count} event", "{count} events", n).format(count=n)


def _scrubbed(message: str, url: str | None) -> str:
    """Belt and braces: whatever a library said, the address's path and query never show."""
    if not url:
        return message
    parts = urlsplit(url)
    for secret in (url, _fetched_as(url), parts.path, parts.query):
        if secret and len(secret) > 1:
            message = message.replace(secret, "…")
    return message


def _fetched_as(url: str) -> str:
    try:
        return check_url(url)
    except FeedError:
        return url


def describe_host(url: str) -> str:
    """The host to keep and show for a feed (the rest of its address is the password)."""
    return host_of(check_url(url))
