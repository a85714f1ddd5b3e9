"""Rolling backups of the main file, kept in ``backups/`` beside it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tidewell.store.atomic import atomic_write
from tidewell.store.paths import ensure_private_dir

KEEP = 10
STAMP = "%Y%m%dT%H%M%S%fZ"


def stamp(moment: datetime) -> str:
    return moment.strftime(STAMP)


def backup_time(path: Path) -> datetime | None:
    """When a backup was taken, from its name; None for a name Tidewell did not give."""
    try:
        return datetime.strptime(path.stem.rsplit("-", 1)[-1], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def backups_of(target: Path) -> list[Path]:
    """Backups of ``target``, newest first."""
    folder = target.parent / "backups"
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{target.stem}-*{target.suffix}"), reverse=True)


def back_up(target: Path, data: bytes, moment: datetime) -> Path | None:
    """Keep ``data`` as the newest backup unless it equals the newest one; prune old ones."""
    existing = backups_of(target)
    if existing and existing[0].read_bytes() == data:
        return None
    folder = ensure_private_dir(target.parent / "backups")
    path = folder / f"{target.stem}-{stamp(moment)}{target.suffix}"
    atomic_write(path, data)
    for old in backups_of(target)[KEEP:]:
        old.unlink(missing_ok=True)
    return path
