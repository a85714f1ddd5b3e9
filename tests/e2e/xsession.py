"""A real X session for end-to-end tests and benchmarks: Xvfb, the trayer tray host, xdotool.

Nothing here is mocked: the app runs as its own process on the virtual display, and every
check reads what X itself reports (windows, their parents, their geometry).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GRAB = Path(__file__).with_name("grab.py")
TOOLS = ("Xvfb", "trayer", "xdotool", "xwininfo", "openbox", "syncthing", "rsync")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def end_processes(processes: list[subprocess.Popen[bytes]]) -> None:
    """The newest first: asked to end, made to after five seconds; their pipes closed."""
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()


def wait_for(check: Callable[[], object], timeout: float, what: str, step: float = 0.02) -> object:
    """Poll ``check`` until it returns something truthy (a process outside Qt: no qtbot)."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        time.sleep(step)


@dataclass
class XSession:
    display: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # a session bus, once started

    @classmethod
    def start(cls, width: int = 1280, height: int = 800) -> XSession:
        read, write = os.pipe()
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            server.kill()
            raise RuntimeError("Xvfb did not start")
        return cls(f":{number}", [server])

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", **self.extra)
        return env

    def run(self, *command: str, check: bool = True) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()}")
        return done.stdout

    def spawn(
        self, *command: str, extra_env: dict[str, str] | None = None, **kwargs: object
    ) -> subprocess.Popen[bytes]:
        env = {**self.env, **(extra_env or {})}
        process = subprocess.Popen(command, env=env, **kwargs)  # type: ignore[call-overload]
        self.processes.append(process)
        return process

    def start_window_manager(self) -> subprocess.Popen[bytes]:
        """openbox, as a person's desktop has one: frames, focus, stacking."""
        manager = self.spawn("openbox", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(
            lambda: "_NET_SUPPORTING_WM_CHECK" in self.run("xprop", "-root", check=False),
            10,
            "openbox",
        )
        return manager

    def start_tray_host(self) -> subprocess.Popen[bytes]:
        host = self.spawn(
            "trayer",
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "request",
            "--height",
            "32",
            "--transparent",
            "false",
            "--tint",
            "0xe8e4dc",
            "--SetDockType",
            "true",
            "--expand",
            "true",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.tray_panel, 10, "trayer's panel")
        return host

    def start_session_bus(self, home: Path) -> str:
        """A D-Bus session bus of the session's own, as a desktop has one."""
        bus = self.spawn(
            "dbus-daemon", "--session", "--nofork", "--print-address=1",
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        address = bus.stdout.readline().strip()  # type: ignore[union-attr]
        runtime = home / "run"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.extra.update(DBUS_SESSION_BUS_ADDRESS=address, XDG_RUNTIME_DIR=str(runtime))
        return address

    def start_dunst(self, config_home: Path, pick: str) -> subprocess.Popen[bytes]:
        """dunst, the notification server; its context menu (``dunstctl context``) picks
        the button whose label holds ``pick``, as a person choosing it from the menu."""
        picker = config_home / "pick.sh"
        picker.parent.mkdir(parents=True, exist_ok=True)
        picker.write_text(f"#!/bin/sh\ngrep -m1 -F -- '{pick}'\n")
        picker.chmod(0o755)
        (config_home / "dunst").mkdir(exist_ok=True)
        (config_home / "dunst" / "dunstrc").write_text(
            f"[global]\ndmenu = {picker}\nfont = DejaVu Sans 11\nwidth = 360\n"
            "offset = 16x48\norigin = top-right\nframe_width = 1\n"
        )
        server = self.spawn(
            "dunst", extra_env={"XDG_CONFIG_HOME": str(config_home)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(
            lambda: self.run("dunstctl", "is-paused", check=False).strip() == "false",
            10,
            "dunst",
        )
        return server

    def notifications_shown(self) -> int:
        return int(self.run("dunstctl", "count", "displayed", check=False).strip() or 0)

    def tree(self, window: str = "-root") -> str:
        args = ["xwininfo", "-tree"] + (["-root"] if window == "-root" else ["-id", window])
        return self.run(*args, check=False)

    def tray_panel(self) -> str | None:
        match = re.search(r'^\s+(0x[0-9a-f]+) "panel": \("panel" "trayer"\)', self.tree(), re.M)
        return match.group(1) if match else None

    def embedded_icons(self, wm_class: str = "tidewell") -> list[str]:
        """Ids of the windows of class ``wm_class`` inside trayer's panel."""
        panel = self.tray_panel()
        if panel is None:
            return []
        pattern = rf'^\s+(0x[0-9a-f]+) .*\("{re.escape(wm_class)}" '
        return re.findall(pattern, self.tree(panel), re.M)

    def embedded_icon(self, wm_class: str = "tidewell") -> str | None:
        icons = self.embedded_icons(wm_class)
        return icons[0] if icons else None

    def visible_window(self, name: str) -> str | None:
        pattern = f"^{re.escape(name)}$"  # a title such as "Leave the welcome?" is literal
        out = self.run("xdotool", "search", "--onlyvisible", "--name", pattern, check=False)
        ids = out.split()
        return ids[0] if ids else None

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        out = self.run("xdotool", "getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in out.split())
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.run("xdotool", "mousemove", str(x), str(y), "click", str(button))

    def screenshot(self, path: Path, area: tuple[int, int, int, int] | None = None) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        extra = [str(v) for v in area] if area else []
        self.run(sys.executable, str(GRAB), str(path), *extra)
        return path

    def stop(self) -> None:
        end_processes(self.processes)
