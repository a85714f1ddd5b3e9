"""The settings window at 200% scaling, in its own process (scaling is fixed at start):
``python scaled_window.py OUT_DIR``. Prints the window's logical size and pixel ratio."""

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
app = QApplication(["tidewell"])

from tidewell.core.clock import FakeClock  # noqa: E402
from tidewell.core.commands import merge_rules  # noqa: E402
from tidewell.core.rulefile import merge_file, read_rule_file  # noqa: E402
from tidewell.platform.idle import Unavailable  # noqa: E402
from tidewell.shell.activity import ActivityTracker  # noqa: E402
from tidewell.shell.runtime import Runtime  # noqa: E402
from tidewell.shell.settings_host import SettingsHost  # noqa: E402
from tidewell.store.datastore import DataStore  # noqa: E402
from tidewell.ui.settings.window import SettingsWindow  # noqa: E402

out = Path(sys.argv[1])
clock = FakeClock(datetime.fromisoformat("2026-11-23T08:00:00+00:00"), "Europe/London")
store, opened = DataStore.open(Path(tempfile.mkdtemp()), clock)
incoming = read_rule_file((ROOT / "resources" / "examples" / "starter-rules.json").read_bytes())
state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
state = merge_file(state, incoming)
store.save(state)
runtime = Runtime(store, state, clock, ActivityTracker(Unavailable("not needed")))
window = SettingsWindow(state, SettingsHost(runtime), store.folder / "window.ini")
window.show()
for row, (title, _page) in enumerate(window.pages):
    window.sidebar.setCurrentRow(row)
    app.processEvents()
    window.grab().save(str(out / f"{row + 1}-{title.lower().replace(' ', '-')}-200.png"))
print(window.width(), window.height(), app.primaryScreen().devicePixelRatio())
