"""A small rotating log in the data folder, besides standard error."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "tidewell.log"


def start_logging(folder: Path) -> Path:
    path = folder / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=512_000, backupCount=2, encoding="utf-8")
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
