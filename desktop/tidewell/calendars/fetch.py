"""Fetching a calendar feed: https (http only on loopback, for tests), a timeout, a size
limit, conditional requests, and no redirect to another host. Messages name the host only:
a private calendar's address is its password, so its path and query never leave here."""

from __future__ import annotations

import ipaddress
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from tidewell.calendars.events import FeedError
from tidewell.i18n import _

TIMEOUT = 20.0
MAX_BYTES = 10 * 1024 * 1024
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    data: bytes | None  # None: not modified since the last fetch (HTTP 304)
    etag: str | None = None
    last_modified: str | None = None


def host_of(url: str) -> str:
    """What may be shown of a feed's address: its host."""
    return urlsplit(url).hostname or "?"


def check_url(url: str) -> str:
    """The URL if Tidewell may fetch it; FeedError (naming the host) if not."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and host and _loopback(host):
        return url
    if parts.scheme == "webcal" and host:
        return "https" + url[len("webcal") :]
    raise FeedError(
        _(
            "This is not a calendar's web address; paste the one your calendar app shares "
            "(it starts with https://)."
        )
    )


def fetch(
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = TIMEOUT,
    limit: int = MAX_BYTES,
) -> Fetched:
    url = check_url(url)
    host = host_of(url)
    request = urllib.request.Request(
        url, headers={"User-Agent": "Tidewell", "Accept": "text/calendar, */*;q=0.5"}
    )
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    opener = urllib.request.build_opener(_SameHostRedirects(host))
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FeedError(_too_large(host, limit))
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FeedError(_too_large(host, limit))
                chunks.append(chunk)
            return Fetched(
                b"".join(chunks),
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as err:
        err.close()  # its connection, now
        if err.code == 304:
            return Fetched(None, etag, last_modified)
        raise FeedError(
            _("{host}: the server answered {code} {reason}").format(
                host=host, code=err.code, reason=err.reason
            )
        ) from None
    except TimeoutError:
        raise FeedError(
            _("{host}: no answer within {seconds} s").format(host=host, seconds=round(timeout))
        ) from None
    except urllib.error.URLError as err:
        reason = err.reason if isinstance(err.reason, str) else type(err.reason).__name__
        raise FeedError(
            _("{host}: could not connect ({reason})").format(host=host, reason=reason)
        ) from None


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same host: a feed must not send its secret elsewhere."""

    def __init__(self, host: str) -> None:
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        target = urlsplit(newurl).hostname
        if target != self.host:
            fp.close()
            raise FeedError(
                _("{host}: it sends Tidewell on to another site ({other}); not followed").format(
                    host=self.host, other=target
                )
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _too_large(host: str, limit: int) -> str:
    return _("{host}: the calendar is larger than {size} MB").format(host=host, size=limit // 2**20)
