"""The log turns over at its size and keeps two before it (shell/logs.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from tidewell.shell.logs import RotatingLog


def test_the_log_turns_over_and_keeps_two(tmp_path: Path) -> None:
    path = tmp_path / "tidewell.log"
    handler = RotatingLog(path, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test-rotating-log")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(100):
            logger.warning("line %03d of the log", number)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["tidewell.log", "tidewell.log.1", "tidewell.log.2"]
    for name in files:
        assert (tmp_path / name).stat().st_size <= 200 + len("line 000 of the log\n")
    assert path.read_text().splitlines()[-1] == "line 099 of the log"
    kept = [line for name in reversed(files) for line in (tmp_path / name).read_text().splitlines()]
    assert kept == sorted(kept) and kept[-1].endswith("099 of the log")  # in order, none twice
