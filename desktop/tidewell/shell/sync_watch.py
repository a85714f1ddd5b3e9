"""Watches the sync folder while Tidewell runs: when a sync tool brings another device's
file, the scheduler looks at once (and merges), instead of at its next tick."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from tidewell.shell.runtime import Runtime

SETTLE_MS = 1500  # a sync tool writes a file in a few steps: look once it has settled


class SyncWatch(QObject):
    def __init__(
        self, runtime: Runtime, poke: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(poke)
        self.watcher.directoryChanged.connect(self._moved)
        self.watcher.fileChanged.connect(self._moved)
        self.follow()

    def follow(self) -> None:
        """Watch every device's folder (a new device's appears while running)."""
        sync = self.runtime.store.sync
        if sync is None:
            return
        devices = sync.folder.root / "devices"
        wanted = [devices, *(p for p in _children(devices))]
        paths = [str(p) for p in wanted if p.is_dir()]
        known = set(self.watcher.directories())
        fresh = [p for p in paths if p not in known]
        if fresh:
            self.watcher.addPaths(fresh)

    def _moved(self, _path: str) -> None:
        self.follow()
        self.settle.start()


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []
