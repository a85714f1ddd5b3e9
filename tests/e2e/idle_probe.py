"""Reads idle time from the compositor as Tidewell does, in a process of its own: waits
seven seconds, then (given a command that types) measures input to "active" seen.
Prints one JSON line: the source, idle after the wait, input to active (seconds)."""

import json
import subprocess
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer

from tidewell.platform.wayland_idle import WaylandIdle


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    source = WaylandIdle()
    found: dict[str, object] = {"source": source.name}

    def typed() -> None:
        found["idle_after_wait"] = source.idle_seconds()
        if len(sys.argv) < 2:
            app.quit()
            return
        began = time.monotonic()
        subprocess.run(json.loads(sys.argv[1]), check=True)

        def seen() -> None:
            if source.idle_seconds() == 0.0:
                found["input_to_active"] = time.monotonic() - began
                app.quit()
            else:
                QTimer.singleShot(2, seen)

        seen()

    QTimer.singleShot(7000, typed)
    QTimer.singleShot(30000, app.quit)
    app.exec()
    source.close()
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
