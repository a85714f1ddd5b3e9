"""The real app as a process on Xvfb, with trayer as its tray host."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..shots import SCREENSHOTS, TIMINGS
from .xsession import XSession, missing_tools, wait_for


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    missing = missing_tools()
    if missing and os.environ.get("CI"):
        raise pytest.UsageError(f"end-to-end tests need {', '.join(missing)} (see tools/test)")


@pytest.fixture
def x() -> Iterator[XSession]:
    missing = missing_tools()
    if missing:  # on a developer machine without them; CI installs them and refuses to skip
        pytest.skip(f"needs {', '.join(missing)}; 'bash tools/test' installs them")
    session = XSession.start()
    yield session
    session.stop()


def shot(x: XSession, name: str, area: tuple[int, int, int, int] | None = None) -> Path:
    return x.screenshot(SCREENSHOTS / f"{name}.png", area)


def record_timing(name: str, seconds: float) -> None:
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    found = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
    found.setdefault(name, []).append(round(seconds, 3))
    TIMINGS.write_text(json.dumps(found, indent=2))


class App:
    """``tidewell --data-dir DIR`` as the person would start it (``program``: how Tidewell
    is started, by default this checkout under this Python; a bundle's program for tests of
    the bundle)."""

    def __init__(
        self,
        x: XSession,
        data: Path,
        program: list[str] | None = None,
        output: Path | None = None,
    ) -> None:
        self.x = x
        self.data = data
        self.program = program or [sys.executable, "-m", "tidewell"]
        self.output = (output or data.parent / "app-output.txt").open("ab")

    def command(self, *args: str) -> list[str]:
        return [*self.program, "--data-dir", str(self.data), *args]

    def launch(self, *args: str) -> subprocess.Popen[bytes]:
        return self.x.spawn(*self.command(*args), stdout=self.output, stderr=subprocess.STDOUT)

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*args), env=self.x.env, capture_output=True, text=True, timeout=timeout
        )

    def log(self) -> str:
        path = self.data / "tidewell.log"
        return path.read_text() if path.exists() else ""

    def journal(self) -> list[dict[str, object]]:
        entries: list[dict[str, object]] = []
        for shard in sorted((self.data / "journal").glob("*.json")):
            table = json.loads(shard.read_text()).get("entries", {})
            entries += [table[k] for k in sorted(table, key=int)]
        return entries

    def wait_in_tray(self, timeout: float = 15) -> str:
        return str(wait_for(self.x.embedded_icon, timeout, "the Tidewell icon in the tray"))

    def wait_started(self, timeout: float = 15) -> None:
        """The app behind the icon loaded: the icon shows first (shell/launch.py), and a
        click before the rest has loaded goes nowhere."""
        wait_for(lambda: "in the tray" in self.log(), timeout, "Tidewell to finish starting")


@pytest.fixture
def app(x: XSession, tmp_path: Path) -> Iterator[App]:
    running = App(x, tmp_path / "data")
    yield running
    x.stop()  # before the output file closes
    running.output.close()
