"""Tidewell's modules compiled to bytecode before anything is timed.

An installed wheel ships its .pyc files (pip compiles them); a checkout run with
PYTHONDONTWRITEBYTECODE=1 would compile every module again on every launch and time that
instead. The bare tray is one small file, so it gains nothing from this.
"""

from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "tidewell"


def compile_tidewell(package: Path | None = None) -> None:
    """This checkout's package, or ``package`` (another checkout's, to compare)."""
    package = package or PACKAGE
    if not compileall.compile_dir(str(package), quiet=1):
        raise SystemExit(f"bench: could not compile {package} to bytecode")
