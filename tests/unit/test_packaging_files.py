"""The files that make Tidewell a desktop app: checked by the real validators, and the
version, icons and desktop entry held to one source each."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

import tidewell
from tidewell.assets import APP_ID, linux_dir, resources_dir
from tidewell.platform.desktop_entry import entry_text, exec_value

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ENTRY = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def validate(*command: str) -> str:
    assert shutil.which(command[0]), f"{command[0]} is needed (tools/test installs it)"
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    assert validate("desktop-file-validate", str(ENTRY)) == ""  # not even a hint


def test_the_metainfo_passes_appstreamcli() -> None:
    out = validate("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert "Validation was successful" in out


def test_the_written_entries_pass_too(tmp_path: Path) -> None:
    command = ["/opt/My Apps/tidewell/tidewell"]  # a space, as some people's folders have
    for name, text in (
        ("menu", entry_text(command)),
        ("login", entry_text(command, autostart=True)),
    ):
        written = tmp_path / f"{name}.desktop"
        written.write_text(text)
        validate("desktop-file-validate", str(written))
    assert 'Exec="/opt/My Apps/tidewell/tidewell" settings' in entry_text(command)


@pytest.mark.parametrize(
    ("command", "value"),
    [
        (["/usr/bin/tidewell"], "/usr/bin/tidewell"),
        (["/a b/tidewell", "run"], '"/a b/tidewell" run'),
        (['/we"ird$/t'], '"/we\\\\"ird\\\\$/t"'),  # escaped twice: quoting, then the string
        (["/100%/t"], "/100%%/t"),
    ],
)
def test_exec_values_follow_the_desktop_entry_rules(command: list[str], value: str) -> None:
    assert exec_value(command) == value


def test_the_version_lives_in_one_place_and_the_notes_agree() -> None:
    version = tidewell.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text()
    released = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d\d-\d\d)$", changelog, re.MULTILINE)
    assert released and released[0][0] == version, "CHANGELOG.md's newest release"
    assert "## [Unreleased]" in changelog
    metainfo = METAINFO.read_text()
    newest = re.search(r'<release version="([^"]+)" date="([^"]+)"', metainfo)
    assert newest is not None and (newest[1], newest[2]) == released[0]
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject and "\nversion =" not in pyproject


def test_hicolor_has_every_size_from_the_one_drawing() -> None:
    hicolor = LINUX / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png.read_bytes()) == (size, size), png
    svg = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "tidewell.svg").read_bytes()


def test_the_windows_icon_holds_png_entries_up_to_256() -> None:
    data = (ROOT / "packaging" / "windows" / "tidewell.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        w, h, _, _, _, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        image = data[offset : offset + length]
        assert png_size(image) == (w or 256, h or 256) and bits == 32
        sizes.append(w or 256)
    assert min(sizes) == 16 and max(sizes) == 256


def test_the_macos_icon_holds_png_entries_up_to_1024() -> None:
    data = (ROOT / "packaging" / "macos" / "tidewell.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    at, sizes = 8, {}
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        sizes[kind] = png_size(data[at + 8 : at + length])[0]
        at += length
    assert sizes[b"icp4"] == 16 and sizes[b"ic10"] == 1024 and sizes[b"ic14"] == 512


def test_a_checkout_finds_its_resources_at_the_top() -> None:
    assert resources_dir() == ROOT / "resources"
    assert linux_dir() == LINUX


def test_the_icons_pngs_match_their_svgs() -> None:
    """The running app reads only the PNGs (no SVG support loaded); they are drawn from the
    SVGs by packaging/make_icons.py and must not drift from them."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
