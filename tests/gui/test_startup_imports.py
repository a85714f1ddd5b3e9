"""Start-up stays light: nothing on the way to the tray icon imports keyring, charts or the
calendar fetcher."""

import subprocess
import sys
from pathlib import Path

DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")
HEAVY = (
    "keyring",
    "PySide6.QtCharts",
    "matplotlib",
    "icalendar",
    "PySide6.QtWebEngineCore",
    "urllib.request",  # calendar fetching: on the sync worker, after start-up
    "tidewell.core.quieter",  # with the first nudge
    "tidewell.core.packs",  # with the Packs page or the command line
    "tidewell.core.describe",  # rules in words: with a window
    "tidewell.store.sync_link",  # only when syncing
    "tidewell.core.sync_records",
    "dateutil.rrule",  # with the first repeat or reflection
    "PySide6.QtNetwork",  # the command socket is a plain Unix socket
    "tidewell.shell.window_process",  # Settings, Review and the welcome: their own process
    "tidewell.ui.settings.window",
    "html",
    "logging.handlers",
    "concurrent.futures",
)


def test_the_tray_path_imports_nothing_heavy() -> None:
    code = (
        f"import sys; sys.path.insert(0, {DESKTOP!r});"
        "import tidewell.cli, tidewell.shell.app, tidewell.store.datastore;"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert "tidewell.shell.app" not in out.stderr


def test_the_way_to_the_icon_loads_only_what_the_icon_needs() -> None:
    """`tidewell` shows its icon before the store, the rules and the windows load (see
    shell/launch.py): none of them, nor msgspec or QtNetwork, is imported on the way."""
    code = (
        f"import sys; sys.path.insert(0, {DESKTOP!r});"
        "import tidewell.cli, tidewell.shell.launch;"
        "later = ('msgspec', 'PySide6.QtNetwork', 'tinydb', 'dateutil', 'tidewell.shell.app',"
        " 'tidewell.store.datastore', 'tidewell.core.schedule', 'hashlib',"
        " 'tidewell.shell.instance', 'tidewell.platform.command_socket');"
        "print([m for m in later if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
