"""One Tidewell per data folder: commands from another process arrive; stale locks clear."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtNetwork import QLocalServer

from tidewell.core.requests import Wait
from tidewell.platform.command_socket import server_name
from tidewell.shell.claim import forward_to
from tidewell.shell.instance import SingleInstance

DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")
CLIENT = """
import json, sys
sys.path.insert(0, {desktop!r})
from pathlib import Path
from tidewell.shell.claim import forward_to
took = forward_to(Path({folder!r}), sys.argv[1].encode())
sys.exit(0 if took else 3)
"""


def forward_from_another_process(folder: Path, command: str) -> subprocess.Popen[bytes]:
    code = CLIENT.format(desktop=DESKTOP, folder=str(folder))
    return subprocess.Popen([sys.executable, "-c", code, command])


def test_a_second_process_forwards_its_command(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    primary = SingleInstance(tmp_path)
    assert primary.become_primary()
    try:
        with qtbot.waitSignal(primary.command_received, timeout=10_000) as got:
            client = forward_from_another_process(tmp_path, '{"command": "wait", "minutes": 30}')
        assert got.args == [Wait(30)]
        qtbot.waitUntil(lambda: client.poll() is not None, timeout=10_000)
        assert client.returncode == 0
    finally:
        primary.release()


def test_only_one_holds_the_lock(tmp_path: Path) -> None:
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.become_primary()
    try:
        assert not second.become_primary()
    finally:
        first.release()
    assert second.become_primary()
    second.release()


def test_a_lock_and_socket_left_by_a_crash_are_recovered(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = socket.gethostname()
    (tmp_path / "tidewell.lock").write_text(f"{dead.pid}\npython\n{host}\n")
    leftover = QLocalServer()
    assert leftover.listen(server_name(tmp_path))
    leftover.close()  # a stale name, as after SIGKILL
    instance = SingleInstance(tmp_path)
    assert instance.become_primary()
    instance.release()


def test_nobody_running_means_nobody_takes_the_command(tmp_path: Path) -> None:
    assert not forward_to(tmp_path, b'{"command": "quit"}')


def test_the_socket_lives_in_a_folder_nobody_else_can_squat(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Bug: the socket sat at a predictable path in /tmp; another user who made it first
    stopped Tidewell from starting. Now it lives in a folder of this user's alone, and a name
    someone else holds is passed over."""
    import os
    import tempfile

    temp = Path(tempfile.mkdtemp(prefix="tw-"))  # short: a socket's path has 108 bytes
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    squatted = temp / f"tidewell-{os.getuid()}"
    squatted.mkdir(mode=0o777)
    squatted.chmod(0o777)  # someone else's, or open to all: not private
    data = tmp_path / "data"
    data.mkdir()
    name = server_name(data)
    assert Path(name).parent == temp / f"tidewell-{os.getuid()}-2"
    assert Path(name).parent.stat().st_mode & 0o777 == 0o700
    (squatted / Path(name).name).write_text("in the way")  # the old place, taken
    primary = SingleInstance(data)
    assert primary.become_primary()
    try:
        with qtbot.waitSignal(primary.command_received, timeout=10_000):
            client = forward_from_another_process(data, '{"command": "show"}')
        qtbot.waitUntil(lambda: client.poll() is not None, timeout=10_000)
        assert client.returncode == 0
    finally:
        primary.release()


def test_xdg_runtime_dir_is_used_when_it_is_private(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(server_name(tmp_path)).parent == runtime / "tidewell"
    runtime.chmod(0o755)  # not private: not trusted
    import tempfile

    temp = Path(tempfile.mkdtemp(prefix="tw-"))
    monkeypatch.setenv("TMPDIR", str(temp))
    assert Path(server_name(tmp_path)).parent.parent == temp


def test_a_bad_line_at_the_socket_is_answered_with_why_and_never_acted_on(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tidewell.shell.claim import CommandRefused

    primary = SingleInstance(tmp_path)
    assert primary.become_primary()
    got: list[object] = []
    primary.command_received.connect(got.append)
    try:
        for line in (
            b'{"command": "wait", "minutes": "x"}',
            b'{"command": "offline", "until": "99:99"}',
        ):
            client = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CLIENT.format(desktop=DESKTOP, folder=str(tmp_path)),
                    line.decode(),
                ],
                stderr=subprocess.PIPE,
            )
            qtbot.waitUntil(lambda c=client: c.poll() is not None, timeout=10_000)
            _, said = client.communicate()
            assert client.returncode == 1  # CommandRefused raised in the client
            assert b"CommandRefused" in said
        endless = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CLIENT.format(desktop=DESKTOP, folder=str(tmp_path)),
                "x" * 10_000,
            ],
            stderr=subprocess.PIPE,
        )
        qtbot.waitUntil(lambda: endless.poll() is not None, timeout=10_000)
        endless.communicate()
        assert endless.returncode == 1
        assert got == []
        assert issubclass(CommandRefused, ValueError)
    finally:
        primary.release()
