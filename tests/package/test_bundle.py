"""The PyInstaller bundle: its self-test, the real tray under Xvfb with trayer, and the menu
entry it installs pointing at itself."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import App
from tests.e2e.xsession import XSession, missing_tools, wait_for
from tests.feeds import TOKEN, FeedServer, ics

from .conftest import clean_env, run

FLIGHT = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)


def test_the_bundle_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    out = run(bundle, "--self-test", cwd=tmp_path, env=clean_env())
    assert f"bundle at {bundle.parent}" in out
    assert out.splitlines()[-1] == "All 11 checks passed.", out


def test_the_bundle_reaches_the_tray_and_takes_commands(bundle: Path, tmp_path: Path) -> None:
    missing = missing_tools()
    if missing and not os.environ.get("CI"):
        pytest.skip(f"needs {', '.join(missing)}; 'bash tools/test' installs them")
    x = XSession.start()
    try:
        x.start_tray_host()
        app = App(x, tmp_path / "data", program=[str(bundle)])
        process = app.launch()
        app.wait_in_tray()  # the icon shows first; the rest loads right behind it
        wait_for(lambda: "in the tray" in app.log(), 15, "the bundle to load its rules")
        done = app.run("quit")
        assert done.returncode == 0, done.stdout + done.stderr
        assert process.wait(timeout=15) == 0
        wait_for(lambda: not x.embedded_icon(), 10, "the icon gone from the tray")
    finally:
        x.stop()
        app.output.close()


def test_the_bundle_installs_a_menu_entry_that_starts_itself(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = clean_env(HOME=str(home), XDG_DATA_HOME="", XDG_CONFIG_HOME="")
    out = run(bundle, "desktop", "install", env=env)
    assert "Tidewell is in your application menu." in out
    entry = home / ".local" / "share" / "applications" / "org.tidewell.Tidewell.desktop"
    assert f"Exec={bundle}" in entry.read_text().splitlines()
    assert (home / ".local" / "bin" / "tidewell").resolve() == bundle.resolve()
    subprocess.run(["desktop-file-validate", str(entry)], check=True)
    run(bundle, "desktop", "remove", env=env)
    assert not entry.exists()


def test_the_bundle_keeps_a_feed_address_in_the_real_keyring(
    bundle: Path, tmp_path: Path, secret_service: None
) -> None:
    """keyring's Secret Service backend, HTTP and the bounded reader, all from the bundle."""
    server = FeedServer()
    server.feeds["trips.ics"] = ics(("Flight to Lisbon", FLIGHT, FLIGHT + timedelta(hours=2)))
    data = str(tmp_path / "data")
    try:
        added = run(bundle, "--data-dir", data, "calendars", "add", "Trips",
                    server.url("trips.ics"), env=clean_env())  # fmt: skip
        assert added.startswith("Added 'Trips'"), added
        listed = json.loads(
            run(bundle, "--data-dir", data, "calendars", "list", "--json", env=clean_env())
        )
        assert [(c["id"], c["kind"], c["ok"]) for c in listed] == [("trips", "url", True)]
        assert server.requests >= 1
        for path in (tmp_path / "data").rglob("*"):  # the address is only in the keyring
            assert not path.is_file() or TOKEN.encode() not in path.read_bytes(), path
        run(bundle, "--data-dir", data, "calendars", "remove", "Trips", env=clean_env())
    finally:
        server.close()
