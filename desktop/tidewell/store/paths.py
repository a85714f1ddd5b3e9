"""Where Tidewell keeps its files. ``--data-dir`` and TIDEWELL_DATA_DIR override the default."""

from __future__ import annotations

import os
import stat
from pathlib import Path

ENV_DATA_DIR = "TIDEWELL_DATA_DIR"
_LONGEST_FOLDER = 80  # room for "/tidewell-0123456789abcdef.sock" within a socket's 108 bytes


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


def private_runtime_dir() -> Path | None:
    """A folder only this user can enter, for the command socket: ``$XDG_RUNTIME_DIR/tidewell``
    where the desktop gives one, else ``tidewell-<uid>`` in the temp folder, or ``-2``, ``-3``…
    when another user already holds that name. None where sockets are not files (Windows)."""
    if os.name != "posix":
        return None
    uid = os.getuid()
    candidates: list[Path] = []
    given = os.environ.get("XDG_RUNTIME_DIR")
    if given and _private(Path(given), uid):
        candidates.append(Path(given) / "tidewell")
    temp = Path(os.environ.get("TMPDIR") or "/tmp")
    candidates += [temp / f"tidewell-{uid}", *(temp / f"tidewell-{uid}-{n}" for n in range(2, 10))]
    for folder in candidates:
        if len(os.fsencode(folder)) > _LONGEST_FOLDER:
            continue  # a socket's whole path must fit in 108 bytes
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            continue
        if _private(folder, uid):
            return folder
    raise OSError("no private folder for Tidewell's command socket (all names are taken)")


def _private(folder: Path, uid: int) -> bool:
    """A real folder (no link), this user's, that nobody else may enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == uid and not info.st_mode & 0o077
