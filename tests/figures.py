"""Counts and figures shared by the resilience tests and ``python -m bench --only resilience``.

CI runs the tests with small counts; the bench command runs the same tests with the full
counts (``TIDEWELL_<NAME>`` environment variables) and collects what each one measured from
the JSON file named by TIDEWELL_FIGURES."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def count(name: str, small: int) -> int:
    """How many trials: ``TIDEWELL_<NAME>`` when the bench sets it, else ``small``."""
    return int(os.environ.get(f"TIDEWELL_{name.upper()}", small))


def record(name: str, figures: dict[str, Any]) -> None:
    """Keep ``figures`` under ``name`` for the bench's report (only when it asked)."""
    target = os.environ.get("TIDEWELL_FIGURES")
    if not target:
        return
    path = Path(target)
    found = json.loads(path.read_text()) if path.exists() else {}
    found[name] = figures
    path.write_text(json.dumps(found, indent=2))
