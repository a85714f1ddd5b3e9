"""Reading a file a person names (a rule file, a calendar file) within bounds: regular files
only, so a pipe cannot hang Tidewell and a device cannot feed it gigabytes, and never more
than a size cap. The one place core touches the disk; no clock, no Qt."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tidewell.i18n import _


class NotReadable(ValueError):
    """The file cannot be read as asked; the message says why, in words."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; NotReadable otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a pipe does not wait for a writer
    except OSError as err:
        raise NotReadable(
            _("{file} could not be opened ({reason})").format(
                file=path.name, reason=err.strerror or err
            )
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            said = (
                _("{file} is a folder")
                if stat.S_ISDIR(info.st_mode)
                else _("{file} is not a file (a pipe or a device)")
            )
            raise NotReadable(said.format(file=path.name))
        if info.st_size > limit:
            raise NotReadable(_too_large(path, limit))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise NotReadable(
            _("{file} could not be read ({reason})").format(
                file=path.name, reason=err.strerror or err
            )
        ) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise NotReadable(_too_large(path, limit))
    return data


def _too_large(path: Path, limit: int) -> str:
    if limit >= 1024 * 1024:
        return _("{file} is larger than {size} MB").format(file=path.name, size=limit // 2**20)
    return _("{file} is larger than {size} bytes").format(file=path.name, size=limit)
