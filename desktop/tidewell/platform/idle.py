"""Seconds since the last keyboard or mouse input, from whatever the desktop offers.

X11: the MIT-SCREEN-SAVER extension (libXss). Windows: GetLastInputInfo. macOS:
CGEventSource. GNOME on Wayland: Mutter's IdleMonitor over D-Bus. Other Wayland
compositors: their idle protocol (platform/wayland_idle.py). Anywhere else the source is
``Unavailable`` and says why, so activity rules can say so instead of misfiring.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Protocol


class IdleSource(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last input; None if it cannot be read right now."""
        ...


class Unavailable:
    def __init__(self, why: str) -> None:
        self.name = "unavailable"
        self.why = why

    def idle_seconds(self) -> float | None:
        return None


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


class X11Idle:
    """MIT-SCREEN-SAVER's idle counter: reset by real and by XTest (xdotool) input."""

    name = "x11"

    def __init__(self, display_name: str | None = None) -> None:
        x11 = _load("X11")
        xss = _load("Xss")
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XFree.argtypes = [ctypes.c_void_p]
        xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        name = display_name or os.environ.get("DISPLAY")
        display = x11.XOpenDisplay(name.encode() if name else None)
        if not display:
            raise OSError(f"cannot open the X display {name!r}")
        event, error = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(display, ctypes.byref(event), ctypes.byref(error)):
            raise OSError("the X server has no MIT-SCREEN-SAVER extension")
        self._xss = xss
        self._display = display
        self._root = x11.XDefaultRootWindow(display)
        self._info = xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float | None:
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return float(self._info.contents.idle) / 1000.0


class WindowsIdle:
    name = "windows"

    def __init__(self) -> None:
        class LastInputInfo(ctypes.Structure):
            _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint))

        self._info = LastInputInfo()
        self._info.cbSize = ctypes.sizeof(LastInputInfo)
        self._user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        self._kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        self._kernel32.GetTickCount.restype = ctypes.c_uint

    def idle_seconds(self) -> float | None:
        if not self._user32.GetLastInputInfo(ctypes.byref(self._info)):
            return None
        elapsed = (self._kernel32.GetTickCount() - self._info.dwTime) & 0xFFFFFFFF
        return float(elapsed) / 1000.0


class MacIdle:
    name = "macos"
    _HID_SYSTEM_STATE = 1
    _ANY_INPUT = 0xFFFFFFFF

    def __init__(self) -> None:
        path = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"
        self._cg = ctypes.CDLL(path)
        self._cg.CGEventSourceSecondsSinceLastEventType.argtypes = [ctypes.c_int, ctypes.c_uint32]
        self._cg.CGEventSourceSecondsSinceLastEventType.restype = ctypes.c_double

    def idle_seconds(self) -> float | None:
        call = self._cg.CGEventSourceSecondsSinceLastEventType
        return float(call(self._HID_SYSTEM_STATE, self._ANY_INPUT))


def idle_source(qt_platform: str) -> IdleSource:
    """The best source for the platform Qt runs on ('xcb', 'wayland', 'windows', 'cocoa')."""
    try:
        if qt_platform == "xcb":
            return X11Idle()
        if qt_platform == "windows" or sys.platform == "win32":
            return WindowsIdle()
        if qt_platform == "cocoa" or sys.platform == "darwin":
            return MacIdle()
        if qt_platform.startswith("wayland"):
            return _wayland_source()
    except (OSError, AttributeError) as err:
        return Unavailable(f"input idle time cannot be read here ({err})")
    return Unavailable(f"input idle time cannot be read on the '{qt_platform}' display")


def _wayland_source() -> IdleSource:
    """GNOME: Mutter's IdleMonitor. Elsewhere: the compositor's idle protocol."""
    from tidewell.platform.mutter_idle import MutterIdle

    try:
        return MutterIdle()
    except OSError as not_gnome:
        from tidewell.platform.wayland_idle import WaylandIdle

        try:
            return WaylandIdle()
        except OSError as err:
            raise OSError(f"{not_gnome}; {err}") from err


def _load(name: str) -> ctypes.CDLL:
    from tidewell.platform.libraries import load_library

    return load_library(name)
