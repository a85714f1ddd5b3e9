"""A full disk, then a read-only data folder, under the running app (a real small tmpfs):
what it had saved stays intact, it keeps running and answering, the person is told within
seconds, and the next change is saved once there is room again."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tidewell.core.clock import FakeClock
from tidewell.store.atomic import stray_temp_files
from tidewell.store.datastore import DataStore

from ..figures import record
from .conftest import App
from .xsession import XSession, wait_for

TOLD = "could not save to"


class SmallDisk:
    """A tmpfs of ``size`` mounted at ``where``, to fill up or make read-only."""

    def __init__(self, where: Path, size: str = "2m") -> None:
        self.where = where
        where.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            reason = f"cannot mount a tmpfs here: {done.stderr.strip()}"
            if os.environ.get("CI"):
                pytest.fail(reason)  # CI runs as root on a machine that allows it
            pytest.skip(reason)

    def fill(self) -> None:
        with (self.where / "filler").open("wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError as err:
                assert err.errno == 28  # ENOSPC: the disk is full now

    def free(self) -> None:
        (self.where / "filler").unlink()

    def read_only(self, folder: Path, on: bool) -> None:
        """``folder`` read-only from now on, through a read-only bind mount over it (a
        remount of the whole disk is refused while the app has its log open)."""
        if on:
            subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        else:
            subprocess.run(["umount", str(folder)], check=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], check=False)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    small = SmallDisk(tmp_path / "disk")
    yield small
    small.unmount()


def told_within(output: Path, since: int, asked: float, timeout: float = 10) -> float:
    """Seconds from ``asked`` until the app's warning appears in its output after byte
    ``since``."""
    wait_for(lambda: TOLD in output.read_text()[since:], timeout, "the person to be told")
    return time.monotonic() - asked


def test_a_full_disk_and_a_read_only_folder_lose_nothing(
    x: XSession, disk: SmallDisk, tmp_path: Path
) -> None:
    x.start_tray_host()
    data = disk.where / "data"
    app = App(x, data, output=tmp_path / "app-output.txt")  # the output off the small disk
    assert app.run("rules", "import", str(starter_rules())).returncode == 0
    process = app.launch()
    app.wait_in_tray()
    output = tmp_path / "app-output.txt"
    figures: dict[str, object] = {}
    try:
        for trial, break_it, mend_it in (
            ("full disk", disk.fill, disk.free),
            (
                "read-only folder",
                lambda: disk.read_only(data, True),
                lambda: disk.read_only(data, False),
            ),
        ):
            before = saved_files(data)
            break_it()
            since = len(output.read_text())
            asked_at = time.monotonic()
            asked = app.run("pause", "1h")  # a change the app must save
            assert asked.returncode == 0, asked.stderr
            told = told_within(output, since, asked_at)
            assert process.poll() is None, f"{trial}: the app stopped"
            answered = app.run("resume")  # still running, still taking commands
            assert answered.returncode == 0 and process.poll() is None
            assert saved_files(data) == before, f"{trial}: saved data changed"
            mend_it()
            assert app.run("pause", "1h").returncode == 0
            wait_for(lambda b=before: saved_files(data) != b, 10, "the next save")
            _, opened = DataStore.open(data, FakeClock(datetime.now(UTC)))
            assert opened.events == [] and opened.problems == []
            assert opened.state.pause is not None  # the change made after mending was kept
            assert stray_temp_files(data) == []
            assert app.run("resume").returncode == 0
            figures[trial] = {
                "told after s": round(told, 2),
                "app still running": True,
                "saved data intact": True,
                "saved again after": True,
            }
    finally:
        app.run("quit")
        process.wait(15)
        app.output.close()
    record("disk", figures)


def saved_files(data: Path) -> dict[str, bytes]:
    """Every file Tidewell keeps (the main file, the ledger, the journal, backups), not its
    log or lock."""
    return {
        str(path.relative_to(data)): path.read_bytes()
        for path in sorted(data.rglob("*"))
        if path.is_file() and not path.name.startswith(("tidewell.log", "tidewell.lock"))
    }


def starter_rules() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "examples" / "starter-rules.json"
