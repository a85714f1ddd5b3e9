"""Loading a system library by name through ctypes, by its usual file name first: asking
``ctypes.util.find_library`` runs ``ldconfig`` in a child process and loads ``subprocess``,
which an idle tray does not otherwise need."""

from __future__ import annotations

import ctypes
import sys

SONAMES = {  # the names these libraries have had for decades on Linux and the BSDs
    "c": "libc.so.6",
    "X11": "libX11.so.6",
    "Xss": "libXss.so.1",
    "xcb": "libxcb.so.1",
}


def load_library(name: str) -> ctypes.CDLL:
    """``lib<name>``; raises OSError when it is not installed."""
    known = SONAMES.get(name)
    if known is not None and sys.platform.startswith("linux"):
        try:
            return ctypes.CDLL(known)
        except OSError:
            pass  # somewhere else, or named otherwise here: ask the system
    from ctypes.util import find_library

    found = find_library(name)
    if found is None:
        raise OSError(f"lib{name} is not installed")
    return ctypes.CDLL(found)
