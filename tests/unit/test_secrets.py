"""Secrets live in a real Secret Service (gnome-keyring on a private D-Bus), never in files;
without a keyring Tidewell says so and keeps nothing."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tidewell.store.secrets import SecretError, SecretStore

SENTINEL = "https://calendar.example.org/private-7f3a9c-SENTINEL/basic.ics"


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


def test_a_secret_goes_into_the_keyring_and_no_file(secret_service: None, tmp_path: Path) -> None:
    store = SecretStore()
    assert store.unavailable() is None
    store.set("calendar-family", SENTINEL)
    assert store.get("calendar-family") == SENTINEL
    assert SecretStore().get("calendar-family") == SENTINEL  # a fresh connection finds it
    store.delete("calendar-family")
    assert store.get("calendar-family") is None
    store.delete("calendar-family")  # deleting twice is fine


def test_without_dbus_the_keyring_is_unavailable_and_nothing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    empty = tmp_path / "run"
    empty.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(empty))
    monkeypatch.setenv("HOME", str(tmp_path))
    store = SecretStore(timeout=10)
    assert "no system keyring is available" in (store.unavailable() or "")
    with pytest.raises(SecretError):
        store.set("calendar-family", SENTINEL)
    leaked = [p for p in tmp_path.rglob("*") if p.is_file() and SENTINEL.encode() in p.read_bytes()]
    assert leaked == []


def test_plaintext_backends_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.backend

    class PlaintextKeyring(keyring.backend.KeyringBackend):
        priority = 5  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("a plaintext keyring must never be written")

        def delete_password(self, service: str, username: str) -> None:
            return None

    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [PlaintextKeyring()])
    assert SecretStore().unavailable() is not None


def test_a_hung_keyring_times_out_instead_of_freezing() -> None:
    store = SecretStore(timeout=0.2)
    release = threading.Event()
    with pytest.raises(SecretError, match="did not answer"):
        store._call(lambda: release.wait(30))
    release.set()


def test_secrets_are_not_imported_at_start() -> None:
    code = "import sys, tidewell.store.secrets; print('keyring' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "desktop")}
    out = subprocess.run(["python3", "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
