"""Parsing in a child process with a time and memory limit: a hostile or broken feed (a
SECONDLY rule, a billion repeats, year 9999, 20,000 events) is stopped, never the app.

The child reads the feed on stdin and writes JSON events, or an error line, on stdout."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import msgspec

from tidewell.calendars.events import READER_FLAG, CalendarEvent, FeedError
from tidewell.i18n import _

TIME_LIMIT = 1.6  # seconds of reading for one feed (the child's start-up comes on top)
MAX_BYTES = 10 * 1024 * 1024  # a calendar larger than this is refused before reading
MEMORY_LIMIT = 200 * 1024 * 1024  # bytes of address space for the child (on POSIX)


class _Result(msgspec.Struct):
    events: list[CalendarEvent] = []
    error: str | None = None


def parse_bounded(
    data: bytes, start: datetime, end: datetime, zone: str | None = None
) -> list[CalendarEvent]:
    """Events of ``data`` between ``start`` and ``end``; FeedError when it can't be done
    within the limits. ``zone``: the person's IANA zone, for floating times."""
    if len(data) > MAX_BYTES:
        raise FeedError(_("it is larger than {size} MB").format(size=MAX_BYTES // 2**20))
    command = [*reader_command(), start.isoformat(), end.isoformat(), zone or "UTC"]
    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=TIME_LIMIT + 3.0,  # the child stops itself at TIME_LIMIT; this is a backstop
            preexec_fn=_limit_memory if sys.platform != "win32" else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FeedError(_too_long()) from None
    if done.returncode != 0 and not done.stdout:
        if done.returncode in (-9, 137, -24) or b"MemoryError" in done.stderr:
            raise FeedError(_("reading it needed too much memory"))
        if b"TimeoutError" in done.stderr or done.returncode == -14:
            raise FeedError(_too_long())
        raise FeedError(_("it could not be read (the reader stopped)"))
    result = msgspec.json.decode(done.stdout, type=_Result)
    if result.error:
        raise FeedError(result.error)
    return result.events


def reader_command() -> list[str]:
    """The child: this module under the same Python, or the bundle's own program (the
    command line hands READER_FLAG to ``child`` before anything else is imported)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, READER_FLAG]
    return [sys.executable, "-m", "tidewell.calendars.bounded"]


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def child(args: list[str]) -> int:  # pragma: no cover - runs in the child
    import signal
    from zoneinfo import ZoneInfo

    from tidewell.calendars.parse import parse_ics

    def out_of_time(*_: object) -> None:
        raise TimeoutError

    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, out_of_time)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    start, end = datetime.fromisoformat(args[0]), datetime.fromisoformat(args[1])
    try:
        local = ZoneInfo(args[2]) if len(args) > 2 else ZoneInfo("UTC")
        events = parse_ics(sys.stdin.buffer.read(), start, end, local)
        result = _Result(events=events)
    except FeedError as err:
        result = _Result(error=str(err))
    except (ValueError, KeyError):  # a zone name this install does not know
        result = _Result(error=_("its time zone is not one this computer knows"))
    except TimeoutError:
        result = _Result(error=_too_long())
    except MemoryError:
        result = _Result(error=_("reading it needed too much memory"))
    sys.stdout.buffer.write(msgspec.json.encode(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(child(sys.argv[1:]))


def _too_long() -> str:
    return _("reading it took too long (too many events, or a rule that repeats too often)")
