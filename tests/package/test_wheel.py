"""The wheel and sdist: what they carry, and the wheel working in a fresh environment."""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

import tidewell

from .conftest import Built, clean_env, run


def test_the_wheel_carries_resources_and_the_linux_files(built: Built) -> None:
    assert built.wheel.name == f"tidewell-{tidewell.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = wheel.read(f"tidewell-{tidewell.__version__}.dist-info/entry_points.txt")
    for name in (
        "tidewell/resources/icons/tray-normal.svg",
        "tidewell/resources/examples/starter-rules.json",
        "tidewell/resources/linux/org.tidewell.Tidewell.desktop",
        "tidewell/resources/linux/org.tidewell.Tidewell.metainfo.xml",
        "tidewell/resources/linux/icons/hicolor/512x512/apps/org.tidewell.Tidewell.png",
        "tidewell/calendars/bounded.py",
        "tidewell/self_test.py",
    ):
        assert name in names, name
    assert not [n for n in names if n.startswith(("tests/", "bench/", "tidewell/tests"))]
    assert b"tidewell = tidewell.cli:main" in entry_points


def test_the_sdist_has_what_a_rebuild_needs(built: Built) -> None:
    top = f"tidewell-{tidewell.__version__}"
    with tarfile.open(built.sdist) as sdist:
        names = set(sdist.getnames())
    for name in (
        "CHANGELOG.md",
        "pyproject.toml",
        "packaging/tidewell.spec",
        "resources/icons/tidewell.svg",
    ):
        assert f"{top}/{name}" in names, name


def test_the_wheel_passes_its_self_test_in_a_fresh_environment(
    built: Built, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "-q", built.wheel)
    out = run(venv / "bin" / "tidewell", "--self-test", cwd=tmp_path, env=clean_env())
    site = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    assert f"package at {site / 'site-packages' / 'tidewell'}" in out  # not this checkout
    assert out.splitlines()[-1] == "All 11 checks passed."
