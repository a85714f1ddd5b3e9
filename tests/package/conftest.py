"""Builds, once per run: the sdist and the wheel (`python -m build`, the wheel made from the
sdist) and the PyInstaller bundle from packaging/tidewell.spec."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


def clean_env(**extra: str) -> dict[str, str]:
    """No DISPLAY, no PYTHONPATH: what was built must bring everything itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    return {**env, **extra}


def run(
    *command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 900
) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT)
    (sdist,) = out.glob("tidewell-*.tar.gz")
    (wheel,) = out.glob("tidewell-*.whl")
    return Built(sdist, wheel)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle's program, dist/tidewell/tidewell."""
    work = tmp_path_factory.mktemp("pyinstaller")
    run(
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", work / "dist", "--workpath", work / "build",
        ROOT / "packaging" / "tidewell.spec",
    )  # fmt: skip
    program = work / "dist" / "tidewell" / "tidewell"
    assert program.is_file()
    return program
