"""When X gave each window a new parent, as it happened: ``xev`` on the root window, read on a
thread of its own. The start benchmark times a tray icon's embedding by it (the tray host
taking the icon's window is a reparent) without polling: a look every few milliseconds
starts ``xwininfo`` twice, load that slows whatever is starting on a two-core machine and
rounds the figure to the step."""

from __future__ import annotations

import re
import subprocess
import threading
import time

from .xsession import XSession

_CHILD = re.compile(r"event 0x[0-9a-f]+, window (0x[0-9a-f]+), parent")


class Reparents:
    """Started before the program under test: every window moved out of the root window,
    with the moment it was."""

    def __init__(self, x: XSession) -> None:
        self._at: dict[int, float] = {}
        self._listening = threading.Event()
        self._moved = threading.Event()
        self._process = x.spawn(
            "stdbuf", "-oL", "xev", "-root", "-event", "substructure", "-event", "property",
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()
        # xev is listening once it reports a change it could only see by listening
        deadline = time.monotonic() + 10
        while not self._listening.wait(0.1):
            if time.monotonic() > deadline:
                raise TimeoutError("xev did not start listening on the root window")
            x.run("xprop", "-root", "-f", "_TIDEWELL_BENCH", "8s", "-set", "_TIDEWELL_BENCH", "on")

    def _read(self) -> None:
        assert self._process.stdout is not None
        moved_at: float | None = None
        for raw in self._process.stdout:
            now = time.monotonic()
            line = raw.decode("utf-8", "replace")
            if line.startswith("PropertyNotify"):
                self._listening.set()
            elif line.startswith("ReparentNotify"):
                moved_at = now  # the event's first line: its window comes on the next
            elif moved_at is not None and (child := _CHILD.search(line)):
                self._at.setdefault(int(child.group(1), 16), moved_at)
                moved_at = None
                self._moved.set()

    def wait_for_any(self, timeout: float) -> None:
        """Until a window has moved: nothing runs meanwhile but the reader."""
        if not self._moved.wait(timeout):
            raise TimeoutError(f"no window moved in {timeout:.0f} s")

    def moved_at(self, window: str, timeout: float = 5) -> float:
        """When ``window`` (an id as xwininfo prints it) was moved out of the root window."""
        deadline = time.monotonic() + timeout
        wanted = int(window, 16)
        while wanted not in self._at:
            if time.monotonic() > deadline:
                raise TimeoutError(f"X never said that {window} moved")
            time.sleep(0.01)  # its line is on the way: read already, or within milliseconds
        return self._at[wanted]
