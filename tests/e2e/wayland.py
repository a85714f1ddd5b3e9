"""A real Wayland session for end-to-end tests: sway, headless, with waybar as the tray host
(StatusNotifierItem) and dunst for notifications, on a D-Bus session bus of its own.

sway refuses to run as root, so when the tests run as root (CI) the compositor, the bar and
the notification server run as an unprivileged user made for them; the bus lets both users
in, and Tidewell connects to the compositor's socket by its path. KWin (``--virtual``)
stands in for the compositors that speak ``ext-idle-notify-v1`` (sway 1.7 does not).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .xsession import end_processes, wait_for

USER = "tidewell-e2e"
TOOLS = ("sway", "waybar", "dunst", "dunstctl", "grim", "wtype", "dbus-daemon")
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={path}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
WAYBAR = {
    "layer": "top",
    "position": "top",
    "height": 34,
    "modules-right": ["tray"],
    "tray": {"icon-size": 22, "spacing": 10},
}
WAYBAR_STYLE = "* { font-family: DejaVu Sans; font-size: 13px; } window#waybar { background: #e8e4dc; color: #222; }\n"  # noqa: E501


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass
class WaylandSession:
    runtime: Path  # the compositor's runtime folder (its user's)
    own: Path  # Tidewell's runtime folder
    bus: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    user: str | None = None  # who runs the compositor, when the tests run as root

    @classmethod
    def start(cls) -> WaylandSession:
        user = _make_user() if os.geteuid() == 0 else None
        runtime = Path(tempfile.mkdtemp(prefix="tidewell-wl-"))
        own = Path(tempfile.mkdtemp(prefix="tidewell-app-"))
        if user is not None:
            shutil.chown(runtime, user)
        bus_path = own / "bus"
        config = own / "bus.conf"
        config.write_text(BUS_CONFIG.format(path=bus_path))
        daemon = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        assert daemon.stdout is not None
        address = daemon.stdout.readline().decode().strip()
        own.chmod(0o711)  # the compositor's user may reach the bus, nothing else
        bus_path.chmod(0o777)
        session = cls(runtime, own, address, [daemon], user)
        session._write_configs()
        session.processes.append(session.as_user(["sway", "-c", str(runtime / "sway.conf")],
                                                 log=runtime / "sway.log"))  # fmt: skip
        wait_for(lambda: (runtime / "wayland-1").exists(), 20, "sway's socket")
        bar = ["waybar", "-c", str(runtime / "waybar.json"), "-s", str(runtime / "waybar.css")]
        session.processes.append(session.as_user(bar, log=runtime / "waybar.log"))
        dunst = ["dunst", "-config", str(runtime / "dunstrc")]
        session.processes.append(session.as_user(dunst, log=runtime / "dunst.log"))
        wait_for(session.tray_host_ready, 20, "waybar's tray (a StatusNotifierWatcher)")
        return session

    def _write_configs(self) -> None:
        picker = self.runtime / "pick.sh"
        picker.write_text('#!/bin/sh\ngrep -m1 -F -- "$(cat "$0.choice")"\n')
        picker.chmod(0o755)
        (self.runtime / "waybar.json").write_text(json.dumps(WAYBAR))
        (self.runtime / "waybar.css").write_text(WAYBAR_STYLE)
        (self.runtime / "dunstrc").write_text(
            f"[global]\ndmenu = {picker}\nfont = DejaVu Sans 11\nwidth = 360\n"
            "offset = 16x48\norigin = top-right\nframe_width = 1\n"
        )
        (self.runtime / "sway.conf").write_text("output HEADLESS-1 resolution 1280x800\n")
        for path in self.runtime.iterdir():
            if self.user is not None:
                shutil.chown(path, self.user)

    @property
    def user_env(self) -> dict[str, str]:
        return {
            "HOME": str(Path("~" + (self.user or "")).expanduser()),
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "XDG_RUNTIME_DIR": str(self.runtime),
            "WAYLAND_DISPLAY": "wayland-1",
            "DBUS_SESSION_BUS_ADDRESS": self.bus,
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "XDG_CURRENT_DESKTOP": "sway",
        }

    @property
    def env(self) -> dict[str, str]:
        """For Tidewell (and anything else run as the tests' own user)."""
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.update(
            WAYLAND_DISPLAY=str(self.runtime / "wayland-1"),
            XDG_RUNTIME_DIR=str(self.own),
            DBUS_SESSION_BUS_ADDRESS=self.bus,
            QT_QPA_PLATFORM="wayland",
            XDG_CURRENT_DESKTOP="sway",
        )
        return env

    def user_command(self, *command: str) -> list[str]:
        """``command`` as the compositor's user, in the session's environment only."""
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return [*prefix, "env", "-i", *(f"{k}={v}" for k, v in self.user_env.items()), *command]

    def as_user(self, command: list[str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("ab") as out:  # the child keeps its own copy
            return subprocess.Popen(self.user_command(*command), stdout=out,
                                    stderr=subprocess.STDOUT)  # fmt: skip

    def run_as_user(self, *command: str) -> str:
        done = subprocess.run(
            self.user_command(*command), capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def tray_host_ready(self) -> bool:
        return "true" in self._watcher("IsStatusNotifierHostRegistered")

    def tray_items(self) -> str:
        return self._watcher("RegisteredStatusNotifierItems")

    def _watcher(self, prop: str) -> str:
        done = subprocess.run(
            ["gdbus", "call", "--session", "--dest", "org.kde.StatusNotifierWatcher",
             "--object-path", "/StatusNotifierWatcher", "--method",
             "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher", prop],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.bus},
            capture_output=True, text=True, timeout=10,
        )  # fmt: skip
        return done.stdout

    def screenshot(self, path: Path, area: tuple[int, int, int, int] | None = None) -> Path:
        """grim, as the compositor's user; then copied where the tests keep pictures."""
        inside = self.runtime / "shot.png"
        region = ["-g", f"{area[0]},{area[1]} {area[2]}x{area[3]}"] if area else []
        self.run_as_user("grim", *region, str(inside))
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(inside, path)
        return path

    def notifications_shown(self) -> int:
        return int(self.run_as_user("dunstctl", "count", "displayed").strip() or 0)

    def choose_in_notification(self, label: str) -> None:
        (self.runtime / "pick.sh.choice").write_text(label)
        self.run_as_user("dunstctl", "context")

    def stop(self) -> None:
        end_processes(self.processes)
        if self.user is not None:
            subprocess.run(["pkill", "-u", self.user], check=False)
        shutil.rmtree(self.runtime, ignore_errors=True)
        shutil.rmtree(self.own, ignore_errors=True)


def _make_user() -> str:
    if subprocess.run(["id", USER], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", USER], check=True)
    return USER


def start_kwin(folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """KWin with a virtual screen, for ``ext-idle-notify-v1``. The installed binary carries
    a file capability that a container's root may not use: a copy without it runs."""
    binary = folder / "bin" / "kwin_wayland"  # KWin wants to be called by its own name
    binary.parent.mkdir(parents=True)
    shutil.copyfile("/usr/bin/kwin_wayland", binary)
    binary.chmod(0o755)
    folder.chmod(0o700)
    process = subprocess.Popen(
        [str(binary), "--virtual", "--socket", "wayland-kwin", "--no-lockscreen"],
        env={k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "DISPLAY"))}
        | {"XDG_RUNTIME_DIR": str(folder)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    socket = folder / "wayland-kwin"
    wait_for(socket.exists, 30, "KWin's socket")
    return process, socket
