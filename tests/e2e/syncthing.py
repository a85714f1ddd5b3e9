"""Two real Syncthing daemons on loopback, for the sync tests: each with its own home (keys
and config made by ``syncthing generate``), its GUI and REST API on 127.0.0.1 with a key of
the test's, no discovery, no relays, no NAT; each knows the other by address, and both share
one folder, configured through the REST API. Syncthing refuses nothing as root here."""

from __future__ import annotations

import json
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

from .xsession import wait_for


def missing() -> str | None:
    return None if shutil.which("syncthing") else "syncthing"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Daemon:
    def __init__(self, home: Path, folder: Path) -> None:
        self.home, self.folder = home, folder
        self.gui, self.listen = free_port(), free_port()
        self.key = secrets.token_hex(16)
        home.mkdir(parents=True)
        folder.mkdir(parents=True)
        subprocess.run(["syncthing", "generate", f"--home={home}"], check=True,
                       capture_output=True)  # fmt: skip
        done = subprocess.run(["syncthing", "serve", f"--home={home}", "--device-id"],
                              check=True, capture_output=True, text=True)  # fmt: skip
        self.device = done.stdout.strip()
        self.log = (home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={home}", "--no-browser", "--no-restart",
             "--no-default-folder", f"--gui-address=127.0.0.1:{self.gui}",
             f"--gui-apikey={self.key}"],
            stdout=self.log, stderr=subprocess.STDOUT,
            env={"PATH": "/usr/bin:/bin", "HOME": str(home), "STNOUPGRADE": "1"},
        )  # fmt: skip
        wait_for(self._up, 30, "Syncthing's REST API")

    def rest(self, method: str, path: str, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}", data=data, method=method,
            headers={"X-API-Key": self.key, "Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as answer:
            text = answer.read()
        return json.loads(text) if text.strip() else None

    def _up(self) -> bool:
        try:
            return bool(self.rest("GET", "/rest/system/ping"))
        except OSError:
            return False

    def configure(self, other: Daemon) -> None:
        """Loopback only; the other device by its address; the one shared folder."""
        options = self.rest("GET", "/rest/config/options")
        options.update(
            globalAnnounceEnabled=False, localAnnounceEnabled=False, relaysEnabled=False,
            natEnabled=False, urAccepted=-1, autoUpgradeIntervalH=0,
            listenAddresses=[f"tcp://127.0.0.1:{self.listen}"],
        )  # fmt: skip
        self.rest("PUT", "/rest/config/options", options)
        self.rest("POST", "/rest/config/devices", {
            "deviceID": other.device, "name": "other",
            "addresses": [f"tcp://127.0.0.1:{other.listen}"],
        })  # fmt: skip
        self.rest("POST", "/rest/config/folders", {
            "id": "tidewell", "label": "Tidewell", "path": str(self.folder),
            "devices": [{"deviceID": self.device}, {"deviceID": other.device}],
            "fsWatcherEnabled": True, "fsWatcherDelayS": 1, "rescanIntervalS": 5,
        })  # fmt: skip

    def connected(self) -> bool:
        found = self.rest("GET", "/rest/system/connections").get("connections", {})
        return any(c.get("connected") for c in found.values())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def pair(root: Path) -> tuple[Daemon, Daemon]:
    one = Daemon(root / "st-laptop", root / "laptop-sync")
    two = Daemon(root / "st-desktop", root / "desktop-sync")
    one.configure(two)
    two.configure(one)
    start = time.monotonic()
    wait_for(lambda: one.connected() and two.connected(), 60, "the two Syncthings to connect")
    print(f"connected after {time.monotonic() - start:.1f} s")
    return one, two
