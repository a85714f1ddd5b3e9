"""Real services for tests: a Secret Service (gnome-keyring on a private session bus)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A session bus of our own with gnome-keyring's Secret Service, unlocked."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env = {
        "DBUS_SESSION_BUS_ADDRESS": address,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"\n")  # the (empty) password that unlocks the new login keyring
    daemon.stdin.close()
    waited = subprocess.run(
        ["gdbus", "wait", "--session", "--timeout", "15", "org.freedesktop.secrets"],
        capture_output=True,
        check=False,
    )
    assert waited.returncode == 0, waited.stderr
    yield
    for process in (daemon, bus):
        process.terminate()
        process.wait(5)
    bus.stdout.close()
