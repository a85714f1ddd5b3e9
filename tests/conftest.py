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
from tidewell import i18n

# The tests read English with a 24-hour clock, whatever this machine's locale says.
i18n.use_language("en")
i18n.use_clock(False)

_session_start = time.time()
_FOLDER_MARKS = ("unit", "gui", "e2e", "package")  # a test's folder is its kind


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by its folder, so `-m unit` or `-m "not e2e"` picks a kind."""
    here = Path(__file__).resolve().parent
    for item in items:
        parts = item.path.resolve().relative_to(here).parts
        if parts and parts[0] in _FOLDER_MARKS:
            item.add_marker(getattr(pytest.mark, parts[0]))


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
