"""Whether a Tidewell app holds this data folder (without Qt: for the command line).

The app holds ``tidewell.lock`` (``platform/folder_lock.py``), which says the owner's process
id on its first line. A lock whose process is gone is stale (after a crash) and does not
count. Where the system locks files, the command line first asks it whether the lock is held
at all (``cli/common.running_pid``): a crash's file can name a process that took its number
since.
"""

from __future__ import annotations

import os
from pathlib import Path

LOCK = "tidewell.lock"


def running_app(folder: Path) -> int | None:
    """The process id of the app holding ``folder``, or None."""
    try:
        first = (folder / LOCK).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        pid = int(first.strip())
    except (OSError, ValueError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid  # alive, someone else's
    return pid
