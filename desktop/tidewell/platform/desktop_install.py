"""Puts Tidewell in this user's application menu (Linux, XDG): the desktop entry, the
AppStream metainfo, the hicolor icons, and ``tidewell`` on the PATH. Removing takes away
exactly what installing put there, plus the start-at-login entry; the data folder stays."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tidewell.assets import APP_ID, linux_dir
from tidewell.platform.autostart import write_xdg, xdg_autostart_file
from tidewell.platform.desktop_entry import ENTRY_FILE, entry_text
from tidewell.platform.desktop_words import localized_metainfo

METAINFO_FILE = f"{APP_ID}.metainfo.xml"


@dataclass(frozen=True)
class Places:
    data_home: Path  # $XDG_DATA_HOME: applications/, icons/, metainfo/
    bin_dir: Path  # where `tidewell` goes on the PATH

    @classmethod
    def for_this_user(cls) -> Places:
        home = Path.home()
        data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        return cls(data, home / ".local" / "bin")

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / ENTRY_FILE

    @property
    def metainfo(self) -> Path:
        return self.data_home / "metainfo" / METAINFO_FILE

    @property
    def hicolor(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    @property
    def link(self) -> Path:
        return self.bin_dir / "tidewell"


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def install(command: list[str], places: Places) -> Report:
    """Install the menu entry starting ``command`` (absolute, so it works from any PATH)."""
    report = Report()
    _write(places.entry, entry_text(command), report)
    metainfo = localized_metainfo((linux_dir() / METAINFO_FILE).read_text(encoding="utf-8"))
    _write(places.metainfo, metainfo, report)
    for icon in sorted((linux_dir() / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.*")):
        target = places.hicolor / icon.relative_to(linux_dir() / "icons" / "hicolor")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon, target)
        report.written.append(target)
    _link_program(command, places, report)
    if xdg_autostart_file().exists():  # it starts this install from now on
        write_xdg(xdg_autostart_file(), command)
        report.written.append(xdg_autostart_file())
    _refresh_caches(places, report)
    return report


def uninstall(command: list[str], places: Places) -> Report:
    report = Report()
    icons = sorted(places.hicolor.glob(f"*/apps/{APP_ID}.*")) if places.hicolor.is_dir() else []
    for path in [places.entry, places.metainfo, *icons, xdg_autostart_file()]:
        if path.exists():
            path.unlink()
            report.removed.append(path)
    link = places.link
    if link.is_symlink():
        target = link.resolve()
        if not target.exists() or (len(command) == 1 and target == Path(command[0]).resolve()):
            link.unlink()
            report.removed.append(link)
        else:
            report.notes.append(f"{link} starts another Tidewell ({target}), so it stays.")
    _refresh_caches(places, report)
    return report


def _write(path: Path, text: str, report: Report) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report.written.append(path)


def _link_program(command: list[str], places: Places, report: Report) -> None:
    if len(command) != 1:
        report.notes.append("Tidewell runs through Python here, so no `tidewell` link was made.")
        return
    program, link = Path(command[0]).resolve(), places.link
    if link.resolve() == program:
        return  # already there (pipx puts its own link in ~/.local/bin)
    if link.exists() or link.is_symlink():
        if not (link.is_symlink() and not link.resolve().exists()):
            report.notes.append(f"{link} already exists and is not Tidewell's link; left as it is.")
            return
        link.unlink()  # a link to a Tidewell that is gone
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(program)
    report.written.append(link)
    on_path = [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    if places.bin_dir not in on_path:
        report.notes.append(f"{places.bin_dir} is not on your PATH yet; add it to run `tidewell`.")


def _refresh_caches(places: Places, report: Report) -> None:
    """Menus and icon themes notice new files by themselves; these make it immediate."""
    for command in (
        ["update-desktop-database", "-q", str(places.entry.parent)],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(places.hicolor)],
    ):
        if shutil.which(command[0]) is None or not Path(command[-1]).is_dir():
            continue
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            report.notes.append(f"{command[0]} said: {done.stderr.strip() or done.returncode}")
