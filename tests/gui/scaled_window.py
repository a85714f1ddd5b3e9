"""The settings window at 200% scaling, in its own process (scaling is fixed at start):
``python scaled_window.py OUT_DIR``. Prints the window's logical size and pixel ratio."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
app = QApplication(["tidewell"])

from starter_runtime import starter_runtime  # noqa: E402  (beside this script)

from tidewell.shell.settings_host import SettingsHost  # noqa: E402
from tidewell.ui.settings.window import SettingsWindow  # noqa: E402

out = Path(sys.argv[1])
runtime = starter_runtime()
state, store = runtime.state, runtime.store
window = SettingsWindow(state, SettingsHost(runtime), store.folder / "window.ini")
window.show()
for row, (title, _page) in enumerate(window.pages):
    window.sidebar.setCurrentRow(row)
    app.processEvents()
    window.grab().save(str(out / f"{row + 1}-{title.lower().replace(' ', '-')}-200.png"))
print(window.width(), window.height(), app.primaryScreen().devicePixelRatio())
