"""What an idle tray holds, read from the running app on Xvfb with trayer: none of the
windows' code (they run in processes of their own, started when first asked for), PySide's
import hook answering without keeping sources, no QtNetwork (the command socket is a
plain Unix socket), no QtSvg (the icons are PNGs), and none of the modules it never uses.
The figures these keep are in bench/RESULTS.md."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from .conftest import App
from .xsession import XSession, wait_for

ROOT = Path(__file__).resolve().parents[2]
NOT_WHILE_IDLE = (
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "tidewell.ui.settings.window",
    "tidewell.ui.review.window",
    "tidewell.shell.settings_host",
    "tidewell.shell.review_host",
    "tidewell.shell.windows",  # the windows' launcher: with the first window
    "tidewell.ui.popup",  # with the first nudge
    "keyring",
    "dateutil",  # with the first repeat or reflection; this tray has neither
    "html",
    "logging.handlers",
    "concurrent.futures",
    "subprocess",
)
LIBRARIES = ("libQt6Network", "libQt6Svg", "libqsvgicon", "libgssapi_krb5")
# The app as `tidewell` starts it, with a thread that writes the modules it holds once idle.
WATCHED = """
import json, sys, threading
path, after = sys.argv[1], float(sys.argv[2])
def tell():
    hook = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    with open(path + ".part", "w") as out:
        json.dump({"modules": sorted(sys.modules), "hook": hook.__module__}, out)
    import os
    os.replace(path + ".part", path)
threading.Timer(after, tell).start()
sys.argv = ["tidewell"]
from tidewell.cli import main
sys.exit(main())
"""


def test_an_idle_tray_holds_only_what_a_tray_needs(x: XSession, app: App) -> None:
    x.start_tray_host()
    app.data.mkdir(parents=True)
    rules = app.data.parent / "rules.json"
    sys.path.insert(0, str(ROOT))
    from bench.idle_cost import quiet_rules

    rules.write_bytes(quiet_rules(datetime.now(UTC)))
    assert app.run("rules", "import", str(rules)).returncode == 0
    seen = app.data.parent / "modules.json"
    tray = x.spawn(
        sys.executable, "-c", WATCHED, str(seen), "6",
        extra_env={"TIDEWELL_DATA_DIR": str(app.data)},
    )  # fmt: skip
    app.wait_in_tray()
    app.wait_started()
    wait_for(seen.exists, 20, "the idle tray's modules")
    said = json.loads(seen.read_text())
    assert said["hook"] == "tidewell.shell.pyside_import"  # PySide's hook keeps no sources
    held = set(said["modules"])
    assert "tidewell.shell.app" in held  # the tray itself, loaded
    loaded = [m for m in NOT_WHILE_IDLE if m in held or any(h.startswith(f"{m}.") for h in held)]
    assert loaded == []
    maps = Path(f"/proc/{tray.pid}/maps").read_text()
    assert [lib for lib in LIBRARIES if lib in maps] == []
