"""Whether the window with focus is full screen (X11): a presentation or a film.

Read through libxcb, on a connection of its own: each request's error comes back with its
reply (a window that just closed is an answer, not a crash), and no process-wide Xlib error
handler is touched, so Qt's own connection is left alone.
"""

from __future__ import annotations

import ctypes
import os

from tidewell.platform.libraries import load_library

_ATOM, _WINDOW = 4, 33  # XA_ATOM and XA_WINDOW


class _Cookie(ctypes.Structure):
    _fields_ = (("sequence", ctypes.c_uint),)


class _AtomReply(ctypes.Structure):
    _fields_ = (
        ("response_type", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("atom", ctypes.c_uint32),
    )


class _PropertyReply(ctypes.Structure):
    _fields_ = (
        ("response_type", ctypes.c_uint8),
        ("format", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("type", ctypes.c_uint32),
        ("bytes_after", ctypes.c_uint32),
        ("value_len", ctypes.c_uint32),
        ("pad0", ctypes.c_uint8 * 12),
    )


class _ScreenIterator(ctypes.Structure):
    _fields_ = (("data", ctypes.POINTER(ctypes.c_uint32)), ("rem", ctypes.c_int),
                ("index", ctypes.c_int))  # fmt: skip


class FullscreenProbe:
    def __init__(self, display: str | None = None) -> None:
        xcb = load_library("xcb")
        self._libc = load_library("c")
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_get_setup.restype = ctypes.c_void_p
        xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
        xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
        xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
        xcb.xcb_intern_atom.restype = _Cookie
        xcb.xcb_intern_atom.argtypes = [ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint16,
                                        ctypes.c_char_p]  # fmt: skip
        xcb.xcb_intern_atom_reply.restype = ctypes.POINTER(_AtomReply)
        xcb.xcb_intern_atom_reply.argtypes = [ctypes.c_void_p, _Cookie, ctypes.c_void_p]
        xcb.xcb_get_property.restype = _Cookie
        xcb.xcb_get_property.argtypes = [ctypes.c_void_p, ctypes.c_uint8, *[ctypes.c_uint32] * 5]
        xcb.xcb_get_property_reply.restype = ctypes.POINTER(_PropertyReply)
        xcb.xcb_get_property_reply.argtypes = [ctypes.c_void_p, _Cookie, ctypes.c_void_p]
        xcb.xcb_get_property_value.restype = ctypes.c_void_p
        xcb.xcb_get_property_value.argtypes = [ctypes.c_void_p]
        xcb.xcb_get_property_value_length.argtypes = [ctypes.c_void_p]
        self._libc.free.argtypes = [ctypes.c_void_p]
        name = display or os.environ.get("DISPLAY")
        conn = xcb.xcb_connect(name.encode() if name else None, None)
        if not conn or xcb.xcb_connection_has_error(conn):
            raise OSError(f"cannot open the X display {name!r}")
        self._xcb, self._conn = xcb, conn
        self._root = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(conn)).data[0]
        self._active = self._atom(b"_NET_ACTIVE_WINDOW")
        self._state = self._atom(b"_NET_WM_STATE")
        self._fullscreen = self._atom(b"_NET_WM_STATE_FULLSCREEN")

    def __call__(self) -> bool:
        """True when the active window is full screen."""
        if self._xcb.xcb_connection_has_error(self._conn):
            return False
        active = self._values(self._root, self._active, _WINDOW, 1)
        if not active or active[0] == 0:
            return False
        return self._fullscreen in self._values(active[0], self._state, _ATOM, 32)

    def _atom(self, name: bytes) -> int:
        cookie = self._xcb.xcb_intern_atom(self._conn, 0, len(name), name)
        reply = self._xcb.xcb_intern_atom_reply(self._conn, cookie, None)
        if not reply:
            raise OSError(f"the X server did not name {name.decode()}")
        atom = int(reply.contents.atom)
        self._libc.free(reply)
        return atom

    def _values(self, window: int, prop: int, kind: int, most: int) -> list[int]:
        cookie = self._xcb.xcb_get_property(self._conn, 0, window, prop, kind, 0, most)
        error = ctypes.c_void_p()
        reply = self._xcb.xcb_get_property_reply(self._conn, cookie, ctypes.byref(error))
        if error.value:
            self._libc.free(error)
        if not reply:  # the window is gone, or never was: not full screen
            return []
        try:
            if reply.contents.format != 32:
                return []
            count = self._xcb.xcb_get_property_value_length(reply) // 4
            values = ctypes.cast(
                self._xcb.xcb_get_property_value(reply), ctypes.POINTER(ctypes.c_uint32)
            )
            return [int(values[i]) for i in range(count)]
        finally:
            self._libc.free(reply)
