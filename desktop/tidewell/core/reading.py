"""Reading a file a person names (a rule file, a calendar file) within bounds: regular files
only, so a pipe cannot hang Tidewell and a device cannot feed it gigabytes, and never more
than a size cap. The one place core touches the disk; no clock, no Qt."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotReadable(ValueError):
    """The file cannot be read as asked; the message says why, in words."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; NotReadable otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a pipe does not wait for a writer
    except OSError as err:
        raise NotReadable(f"{path.name} could not be opened ({err.strerror or err})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a file (a pipe or a device)"
            raise NotReadable(f"{path.name} is {kind}")
        if info.st_size > limit:
            raise NotReadable(f"{path.name} is larger than {_size(limit)}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise NotReadable(f"{path.name} could not be read ({err.strerror or err})") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise NotReadable(f"{path.name} is larger than {_size(limit)}")
    return data


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
