"""`tidewell desktop install|remove` on real folders: a temporary home stands in for ~."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tidewell.assets import APP_ID
from tidewell.platform.autostart import set_start_at_login, xdg_autostart_file
from tidewell.platform.desktop_install import Places, install, uninstall

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    return tmp_path


@pytest.fixture
def program(tmp_path: Path) -> Path:
    path = tmp_path / "opt" / "tidewell" / "tidewell"
    path.parent.mkdir(parents=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def ours(home: Path) -> list[Path]:
    """Every file in the home that names Tidewell (the caches menus keep are not ours)."""
    return sorted(p for p in home.rglob("*") if "idewell" in p.name and not p.is_dir())


def test_install_puts_the_entry_icons_metainfo_and_link_in_place(home: Path, program: Path) -> None:
    places = Places.for_this_user()
    report = install([str(program)], places)
    share = home / ".local" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={program}" in entry.read_text().splitlines()
    subprocess.run(["desktop-file-validate", str(entry)], check=True)
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    icons = sorted(share.glob(f"icons/hicolor/*/apps/{APP_ID}.*"))
    assert len(icons) == 10  # nine PNG sizes and the SVG
    link = home / ".local" / "bin" / "tidewell"
    assert link.is_symlink() and link.resolve() == program
    assert set(report.written) == {
        entry,
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        *icons,
        link,
    }
    assert any("not on your PATH" in note for note in report.notes)


def test_remove_takes_away_exactly_what_install_put(home: Path, program: Path) -> None:
    data = home / ".local" / "share" / "tidewell"
    data.mkdir(parents=True)
    (data / "tidewell.json").write_text("{}")  # the person's data: never touched
    install([str(program)], Places.for_this_user())
    set_start_at_login(True)
    assert xdg_autostart_file().exists()
    report = uninstall([str(program)], Places.for_this_user())
    assert ours(home) == [data / "tidewell.json", program]
    assert xdg_autostart_file() in report.removed
    assert uninstall([str(program)], Places.for_this_user()).removed == []  # twice is fine


def test_a_foreign_tidewell_on_the_path_is_left_alone(home: Path, program: Path) -> None:
    foreign = home / ".local" / "bin" / "tidewell"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\necho mine\n")
    report = install([str(program)], Places.for_this_user())
    assert foreign.read_text() == "#!/bin/sh\necho mine\n"
    assert any("is not Tidewell's link" in note for note in report.notes)
    uninstall([str(program)], Places.for_this_user())
    assert foreign.exists()


def test_a_link_to_a_tidewell_that_is_gone_is_replaced(home: Path, program: Path) -> None:
    link = home / ".local" / "bin" / "tidewell"
    link.parent.mkdir(parents=True)
    link.symlink_to(home / "old-bundle" / "tidewell")
    install([str(program)], Places.for_this_user())
    assert link.resolve() == program


def test_install_moves_start_at_login_to_this_install(home: Path, program: Path) -> None:
    set_start_at_login(True)
    install([str(program)], Places.for_this_user())
    assert f"Exec={program}" in xdg_autostart_file().read_text().splitlines()


def test_the_command_line_says_what_it_did(home: Path) -> None:
    run = [sys.executable, "-m", "tidewell", "desktop"]
    done = subprocess.run([*run, "install"], capture_output=True, text=True, check=True)
    assert "Tidewell is in your application menu." in done.stdout
    assert "10 icons in" in done.stdout
    gone = subprocess.run([*run, "remove"], capture_output=True, text=True, check=True)
    assert "stay in the data folder" in gone.stdout
    again = subprocess.run([*run, "remove"], capture_output=True, text=True, check=True)
    assert "Nothing to remove" in again.stdout
    assert ours(home) == []
