"""Many launches at once on one data folder, round after round: exactly one app each time,
and every other launch hands its command to it and exits."""

from __future__ import annotations

import statistics
import subprocess
import time

from ..figures import count, record
from .conftest import App
from .test_resilience_disk import starter_rules
from .xsession import XSession, wait_for

ROUNDS = count("launch_rounds", 3)
AT_ONCE = count("launches_at_once", 6)


def test_launches_at_once_make_exactly_one_app(x: XSession, app: App) -> None:
    x.start_tray_host()
    assert app.run("rules", "import", str(starter_rules())).returncode == 0
    forwarded: list[float] = []
    for round_ in range(ROUNDS):
        started = time.monotonic()
        launches = [app.launch() for _ in range(AT_ONCE)]
        exited: dict[int, float] = {}

        def settled(
            launches: list[subprocess.Popen[bytes]] = launches,
            exited: dict[int, float] = exited,
            started: float = started,
        ) -> bool:
            for i, launch in enumerate(launches):
                if i not in exited and launch.poll() is not None:
                    exited[i] = time.monotonic() - started
            return len(exited) >= AT_ONCE - 1

        wait_for(settled, 60, f"round {round_}: all launches but one to hand over", step=0.005)
        running = [launch for launch in launches if launch.poll() is None]
        assert len(running) == 1, f"round {round_}: {len(running)} apps running"
        assert all(launches[i].returncode == 0 for i in exited), f"round {round_}: a failure"
        app.wait_in_tray()
        assert len(x.embedded_icons()) == 1, f"round {round_}: more than one icon"
        forwarded += exited.values()
        assert app.run("quit").returncode == 0
        running[0].wait(15)
        wait_for(lambda: not x.embedded_icons(), 10, "the icon to leave the tray")
    ordered = sorted(forwarded)
    record(
        "launches",
        {
            "rounds": ROUNDS,
            "launches at once": AT_ONCE,
            "rounds with exactly one app": ROUNDS,
            "forward s p50": round(statistics.median(ordered), 3),
            "forward s p95": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
            "forward s max": round(ordered[-1], 3),
        },
    )
