"""Where Tidewell keeps its files. ``--data-dir`` and TIDEWELL_DATA_DIR override the default."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "TIDEWELL_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``override``, else $TIDEWELL_DATA_DIR, else the platform's place."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_dir  # only needed when no folder is given

    return Path(user_data_dir("tidewell", appauthor=False, roaming=True))


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by this user only."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and (folder.stat().st_mode & 0o777) != 0o700:
        folder.chmod(0o700)
    return folder
