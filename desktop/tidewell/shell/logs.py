"""A small rotating log in the data folder, besides standard error."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "tidewell.log"
MAX_BYTES = 512_000
BACKUPS = 2


class RotatingLog(logging.FileHandler):
    """The log, and its last ``backups`` predecessors (``tidewell.log.1``, ``.2``), each at
    most about ``max_bytes``. The standard library's RotatingFileHandler does the same but
    brings ``logging.handlers`` (socket, pickle and queue handlers), which an idle tray would
    hold for this alone."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, encoding="utf-8")
        self.path, self.max_bytes, self.backups = path, max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._rotate()
        except OSError:
            pass  # a log that cannot turn over keeps growing rather than losing lines
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        for number in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{number}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{number + 1}"))
        if self.backups > 0:
            self.path.replace(self.path.with_name(f"{self.path.name}.1"))
        self.stream = self._open()


def start_logging(folder: Path) -> Path:
    path = folder / LOG_NAME
    handler = RotatingLog(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("tidewell: %(message)s"))
    console.setLevel(logging.WARNING)
    root = logging.getLogger("tidewell")
    root.setLevel(os.environ.get("TIDEWELL_LOG_LEVEL", "INFO").upper())
    root.addHandler(handler)
    root.addHandler(console)
    path.chmod(0o600)
    return path
