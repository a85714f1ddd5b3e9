"""Secrets live in a real Secret Service (gnome-keyring on a private D-Bus), never in files;
without a keyring Tidewell says so and keeps nothing."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest

from tidewell.store.secrets import SecretError, SecretStore

SENTINEL = "https://calendar.example.org/private-7f3a9c-SENTINEL/basic.ics"


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
    assert "no password store is open" in (store.unavailable() or "")
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
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3] / "desktop")}
    out = subprocess.run(["python3", "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
