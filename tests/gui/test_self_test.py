"""`tidewell --self-test`: passes on a good install, and names what is broken on a bad one.
(The wheel and the bundle run it too: tests/package.)"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tidewell import assets
from tidewell.self_test import run_self_test


def test_it_passes_from_this_checkout() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tidewell", "--self-test"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "All 11 checks passed."
    for part in ("resources", "store", "tray", "popup", "settings window", "calendar reader"):
        assert any(line.startswith(f"  ok      {part}:") for line in lines), part


def test_missing_resources_fail_with_what_and_where(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "icons").mkdir()
    monkeypatch.setattr(assets, "resources_dir", lambda: tmp_path)
    out = io.StringIO()
    assert run_self_test(out) == 1
    report = out.getvalue().splitlines()
    failed = [line for line in report if line.startswith("  FAILED")]
    assert any(
        "resources: MissingResource: starter-rules.json is missing" in line
        and str(tmp_path / "examples") in line
        for line in failed
    ), report
    assert any(line.startswith("  FAILED  icons: ValueError: no icons in") for line in failed)
    assert any(line.startswith("  FAILED  tray:") for line in failed)
    assert any(line.startswith("  ok      time zones:") for line in report)  # the rest ran
    assert report[-1] == f"{len(failed)} of 11 checks failed."
