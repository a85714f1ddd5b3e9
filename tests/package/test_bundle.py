"""The PyInstaller bundle: its self-test, the real tray under Xvfb with trayer, and the menu
entry it installs pointing at itself."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import App
from tests.e2e.xsession import XSession, missing_tools, wait_for

from .conftest import run


def clean_env(**extra: str) -> dict[str, str]:
    """No DISPLAY, no PYTHONPATH: the bundle must bring everything itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    return {**env, **extra}


def test_the_bundle_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    out = run(bundle, "--self-test", cwd=tmp_path, env=clean_env())
    assert f"bundle at {bundle.parent}" in out
    assert out.splitlines()[-1] == "All 10 checks passed.", out


def test_the_bundle_reaches_the_tray_and_takes_commands(bundle: Path, tmp_path: Path) -> None:
    missing = missing_tools()
    if missing and not os.environ.get("CI"):
        pytest.skip(f"needs {', '.join(missing)}; 'bash tools/test' installs them")
    x = XSession.start()
    try:
        x.start_tray_host()
        app = App(x, tmp_path / "data", program=[str(bundle)])
        process = app.launch()
        app.wait_in_tray()
        assert "in the tray" in app.log()
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
