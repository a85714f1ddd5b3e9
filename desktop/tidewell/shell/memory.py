"""Giving memory back after start-up and after a window's first opening."""

from __future__ import annotations

import gc
import linecache
import logging
import sys

log = logging.getLogger(__name__)


def trim_memory(pixmaps: bool = False) -> None:
    """Give back what loading left behind, after start-up and after a window's first opening.

    ``linecache`` is emptied: PySide's import hook no longer fills it (see
    ``shell/pyside_import.py``), but a logged traceback does, and a traceback reads its lines
    again when it needs them. Then glibc is asked to
    return freed heap pages (``malloc_trim``), where there is glibc. With ``pixmaps``, Qt's
    pixmap cache is emptied too: the icons drawn from SVG at start-up sit there, and while
    they do its clean-up timer wakes the app every 10 to 30 seconds."""
    linecache.clearcache()
    if pixmaps:
        from PySide6.QtGui import QPixmapCache

        QPixmapCache.clear()
    gc.collect()
    if sys.platform.startswith("linux"):
        import ctypes  # loaded by then anyway (idle time); not on the way to the tray

        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # musl and others: nothing to trim this way
            log.debug("malloc_trim is not available here")
