"""Calendar feeds for tests: iCalendar text built from a few lines, and a real HTTP server
on 127.0.0.1 that serves them under a secret path (with ETags, so 304s happen)."""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "private-7f3a9c-SENTINEL"  # the secret part of every test feed's address


def ics(*events: tuple[str, datetime | date, datetime | date]) -> bytes:
    """A calendar of (title, start, end) events; dates make all-day events."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tidewell tests//EN"]
    for n, (title, start, end) in enumerate(events):
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{n}@tests",
            "DTSTAMP:20260101T000000Z",
            f"DTSTART{_value(start)}",
            f"DTEND{_value(end)}",
            f"SUMMARY:{title}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _value(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        return f":{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return f";VALUE=DATE:{moment:%Y%m%d}"


class FeedServer:
    """Serves ``feeds[name]`` at ``/<TOKEN>/<name>``; counts requests and 304s."""

    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        self.requests = 0
        self.not_modified = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests += 1
                name = self.path.split("?")[0].removeprefix(f"/{TOKEN}/")
                body = server.feeds.get(name)
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    server.not_modified += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{TOKEN}/{name}?key={TOKEN}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
