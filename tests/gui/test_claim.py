"""A launch takes the folder's lock before Qt loads, or hands its command to the Tidewell
holding it; the app takes the lock over once its icon shows."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from tidewell.core.requests import Show
from tidewell.platform.folder_lock import FolderLock
from tidewell.shell import claim as claiming
from tidewell.shell.claim import RUN_LINE, claim
from tidewell.shell.instance import SingleInstance
from tidewell.store.running import LOCK

DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")
LAUNCH = """
import sys
sys.path.insert(0, {desktop!r})
from pathlib import Path
from tidewell.shell.claim import claim
held = claim(Path({folder!r}), sys.argv[1].encode())
print("app" if held is not None else "handed over", "qt" if "PySide6" in sys.modules else "")
"""


def launch_elsewhere(folder: Path, line: str) -> subprocess.Popen[str]:
    code = LAUNCH.format(desktop=DESKTOP, folder=str(folder))
    return subprocess.Popen([sys.executable, "-c", code, line], stdout=subprocess.PIPE, text=True)


def test_the_first_launch_is_the_app_without_loading_qt(tmp_path: Path) -> None:
    launch = launch_elsewhere(tmp_path, RUN_LINE.decode())
    out, _ = launch.communicate(timeout=20)
    assert out.split() == ["app"]  # and PySide6 was never imported on the way


def test_a_later_launch_hands_its_command_over(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    held = claim(tmp_path, RUN_LINE)
    assert held is not None
    app = SingleInstance(tmp_path, held=held)  # the app takes the lock over
    app.listen()
    try:
        with qtbot.waitSignal(app.command_received, timeout=10_000) as got:
            launch = launch_elsewhere(tmp_path, '{"command": "show"}')
        assert got.args == [Show()]
        qtbot.waitUntil(lambda: launch.poll() is not None, timeout=10_000)
        out, _ = launch.communicate()
        assert out.split() == ["handed", "over"]
    finally:
        app.release()
    assert not (tmp_path / LOCK).exists()  # let go: the next launch is the app
    again = claim(tmp_path, RUN_LINE)
    assert again is not None
    again.unlock()


def test_a_holder_that_never_answers_is_named(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(claiming, "STARTING_WAIT_S", 0.3)
    stuck = FolderLock(tmp_path / LOCK)
    assert stuck.try_lock()  # holds the lock, listens nowhere
    try:
        with pytest.raises(OSError, match="does not answer"):
            claim(tmp_path, RUN_LINE)
    finally:
        stuck.unlock()


def test_a_folder_it_cannot_write_is_said_in_words(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refused(self: FolderLock) -> bool:
        raise OSError(errno.EROFS, "Read-only file system", str(self.path))

    monkeypatch.setattr(FolderLock, "try_lock", refused)
    with pytest.raises(OSError) as said:
        claim(tmp_path, RUN_LINE)
    assert str(said.value) == f"Could not write {tmp_path}: Read-only file system"
