"""Where the running Tidewell of a data folder listens, and a plain client for it: one line
sent, one line of reply read. No Qt here, so a program that only asks (a benchmark, a
script) loads none; the server is ``shell/unix_socket.py`` (``shell/instance.py`` where
sockets are not files)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tidewell.store.paths import private_runtime_dir

try:  # CPython's own lean sha256, as `random` does; hashlib would load OpenSSL (3 MiB)
    from _sha2 import sha256  # type: ignore[import-not-found]
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # Python < 3.12
    except ImportError:
        from hashlib import sha256


def server_name(folder: Path) -> str:
    """Where the running Tidewell of ``folder`` listens: a socket in a folder only this user
    can enter (so nobody else can squat its name), or a named pipe of its own on Windows."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{folder.resolve()}"
    name = "tidewell-" + sha256(key.encode()).hexdigest()[:16]
    private = private_runtime_dir()
    return str(private / f"{name}.sock") if private is not None else name


def send_line(path: str, line: bytes, connect_ms: int, reply_ms: int) -> bytes | None:
    """Send one line and read the reply line; None when nothing listens at ``path``."""
    import socket  # not on the way to the tray icon: a first launch asks nobody

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(connect_ms / 1000)
        try:
            client.connect(path)
        except (FileNotFoundError, ConnectionRefusedError, TimeoutError):
            return None
        except OSError:
            return None  # a stale file that is no socket, a folder gone: nobody listens
        client.settimeout(reply_ms / 1000)
        reply = b""
        try:
            client.sendall(line)
            deadline = time.monotonic() + reply_ms / 1000
            while b"\n" not in reply and time.monotonic() < deadline:
                chunk = client.recv(4096)
                if not chunk:
                    break
                reply += chunk
        except OSError:  # a reset or a timeout: what was said so far is the reply
            pass
        return reply
