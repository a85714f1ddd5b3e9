"""Fetching feeds from a real HTTP server on 127.0.0.1: conditional requests, limits,
timeouts, redirects; no message ever shows the secret part of the address."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tidewell.calendars.events import FeedError
from tidewell.calendars.fetch import check_url, fetch, host_of

TOKEN = "private-7f3a9c-SENTINEL"
FEED = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
release = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == f"/{TOKEN}/feed.ics":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send(FEED, etag='"v1"')
        elif path == f"/{TOKEN}/slow.ics":
            release.wait(10)  # the server holds the answer; the client gives up first
            self._send(FEED)
        elif path == f"/{TOKEN}/big.ics":
            self.send_response(200)
            self.end_headers()  # no Content-Length: the size shows only while reading
            block = b"X" * (1024 * 1024)
            try:
                for _ in range(50):
                    self.wfile.write(block)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == f"/{TOKEN}/declared-big.ics":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == f"/{TOKEN}/away.ics":
            port = self.server.server_address[1]
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{port}/{TOKEN}/feed.ics")
            self.end_headers()
        elif path == f"/{TOKEN}/moved.ics":
            self.send_response(301)
            self.send_header("Location", f"/{TOKEN}/feed.ics")
            self.end_headers()
        else:
            self.send_error(404, "Not Found")

    def _send(self, body: bytes, etag: str | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{TOKEN}"
    release.set()
    httpd.shutdown()
    httpd.server_close()


def refused(url: str, **kwargs: float) -> str:
    with pytest.raises(FeedError) as caught:
        fetch(url, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert TOKEN not in message and message.startswith(host_of(url) or "")
    return message


def test_a_feed_then_not_modified(server: str) -> None:
    first = fetch(f"{server}/feed.ics?key=abc")
    assert first.data == FEED and first.etag == '"v1"'
    again = fetch(f"{server}/feed.ics?key=abc", etag=first.etag)
    assert again.data is None and again.etag == '"v1"'


def test_a_redirect_on_the_same_host_is_followed(server: str) -> None:
    assert fetch(f"{server}/moved.ics").data == FEED


def test_limits_timeouts_and_redirects_elsewhere(server: str) -> None:
    assert "larger than 10 MB" in refused(f"{server}/big.ics")
    assert "larger than 10 MB" in refused(f"{server}/declared-big.ics")
    assert "no answer within" in refused(f"{server}/slow.ics", timeout=0.5)
    assert "on to another site (127.0.0.2)" in refused(f"{server}/away.ics")
    assert "404" in refused(f"{server}/missing.ics")


def test_only_https_except_on_loopback() -> None:
    with pytest.raises(FeedError, match=r"^This is not a calendar.s web address"):
        check_url(f"http://calendar.example.org/{TOKEN}/basic.ics")
    assert check_url("webcal://calendar.example.org/x.ics") == "https://calendar.example.org/x.ics"
    assert check_url("https://calendar.example.org/x.ics").startswith("https://")


def test_an_unreachable_host_is_named_without_the_secret() -> None:
    message = refused(f"http://127.0.0.1:9/{TOKEN}/feed.ics", timeout=2)
    assert "could not connect" in message
