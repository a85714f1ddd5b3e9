import json
import os
import sys
import time
from pathlib import Path

import pytest

# The import package lives under desktop/ (a src layout); make it importable without
# an install too, so a bare `pytest` from a checkout works.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))


# Pictures the gui and end-to-end tests save for a person to look at.
SCREENSHOTS = Path(
    os.environ.get("TIDEWELL_SCREENSHOTS", Path(__file__).resolve().parents[1] / "build" / "e2e")
)
_session_start = time.time()


def pytest_sessionstart(session: pytest.Session) -> None:
    (SCREENSHOTS / "timings.json").unlink(missing_ok=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    fresh = (
        sorted(p for p in SCREENSHOTS.rglob("*.png") if p.stat().st_mtime >= _session_start)
        if SCREENSHOTS.is_dir()
        else []
    )
    if fresh:
        terminalreporter.section("screenshots from this run (look at them)")
        for path in fresh:
            terminalreporter.write_line(str(path))
    timings = SCREENSHOTS / "timings.json"
    if timings.exists():
        terminalreporter.write_line(f"start-up timings: {timings}")
        for name, values in json.loads(timings.read_text()).items():
            terminalreporter.write_line(f"  {name}: {values} s")
