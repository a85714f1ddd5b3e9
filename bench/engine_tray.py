"""The floor under Tidewell's idle memory: the bare tray of ``bare_tray.py`` holding Tidewell's
engine and nothing else of its shell. It opens the data folder (``TIDEWELL_DATA_DIR``) as the
app does, makes the runtime, looks once for what is due, and gives memory back as the app does
after start. No menu, no socket, no D-Bus watches, no calendars, no nudges.

What this holds above the bare tray is what any tray keeping Tidewell's rules in the same
process must hold; what Tidewell holds above this is its shell."""

import os
import sys
from pathlib import Path

import tidewell.shell.pyside_import  # noqa: F401  (first, as in the app)

# isort: split
from bare_tray import bare_tray  # beside this file, first on the path when run


def main() -> int:
    app, _tray = bare_tray("engine-tray")

    from tidewell.platform.clock import SystemClock
    from tidewell.platform.idle import Unavailable
    from tidewell.shell.activity import ActivityTracker
    from tidewell.shell.memory import trim_memory
    from tidewell.shell.runtime import Runtime
    from tidewell.store.datastore import DataStore

    clock = SystemClock()
    store, opened = DataStore.open(Path(os.environ["TIDEWELL_DATA_DIR"]), clock)
    runtime = Runtime(store, opened.state, clock, ActivityTracker(Unavailable("not asked")))
    runtime.tick()
    trim_memory()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
