import json
import sys
import time
from pathlib import Path

import pytest

# The import package lives under desktop/ (a src layout); make it importable without
# an install too, so a bare `pytest` from a checkout works.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # so `tests.shots` imports


from tests.services import secret_service  # noqa: F401  (a fixture for every test folder)
from tests.shots import SCREENSHOTS, TIMINGS

_session_start = time.time()


def pytest_sessionstart(session: pytest.Session) -> None:
    TIMINGS.unlink(missing_ok=True)


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
    if TIMINGS.exists():
        terminalreporter.write_line(f"start-up timings: {TIMINGS}")
        for name, values in json.loads(TIMINGS.read_text()).items():
            terminalreporter.write_line(f"  {name}: {values} s")
