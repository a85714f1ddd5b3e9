"""The tray after a day's use of its windows, next to a bare PySide6 tray in the same run
(each launch in a fresh Xvfb with openbox and trayer):

- *after use*: Tidewell's PSS after 30 s idle, then Settings and Review opened and closed
  through the window manager ten times (``--cycles``), and its PSS 30 s after the last close;
- *Settings visible*: with 1,000 rules, on the Rules page, from the tray being asked (as a
  click on its menu asks it) until X shows the settings window, against a bare PySide6
  program showing a 1,000-row table, from its start until X shows it.

    .venv/bin/python bench/window_use.py [--runs 3] [--cycles 10] [--visible-runs 7]
        [--program CMD] [--pythonpath DIR]   # to measure another checkout the same way
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.xsession import XSession, wait_for  # noqa: E402

from bench.bytecode import compile_tidewell  # noqa: E402
from bench.idle_cost import pss_mib  # noqa: E402
from bench.tray_start import tidewell_program  # noqa: E402

TITLES = {"settings": "Tidewell settings", "review": "Tidewell review"}
BARE_WINDOW = """
import sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(["bare-table"])
model = QStandardItemModel(1000, 5)
for row in range(1000):
    for column in range(5):
        model.setItem(row, column, QStandardItem(f"cell {row}.{column}"))
table = QTableView()
table.setModel(model)
table.setWindowTitle("bare table")
table.resize(1180, 760)
table.show()
sys.exit(app.exec())
"""


def ask(folder: Path, command: str) -> None:
    """What a click on the tray's menu does: the running Tidewell is asked to open it."""
    from tidewell.platform.command_socket import send_line, server_name  # no Qt here

    reply = send_line(server_name(folder), f'{{"command":"{command}"}}\n'.encode(), 1000, 3000)
    if not reply or not reply.startswith(b"ok"):
        raise RuntimeError(f"Tidewell did not take {command}: {reply!r}")


def close(x: XSession, window: str, title: str) -> None:
    x.run("xdotool", "windowactivate", "--sync", window, check=False)
    x.run("xdotool", "key", "alt+F4")  # through openbox, as a person closes it
    wait_for(lambda: not x.visible_window(title), 20, f"{title} to close", step=0.05)


class Tidewell:
    def __init__(self, program: list[str], env: dict[str, str], data: Path) -> None:
        self.program, self.env, self.data = program, {**env, "TIDEWELL_DATA_DIR": str(data)}, data

    def start(self, x: XSession) -> subprocess.Popen[bytes]:
        log = self.data / "tidewell.log"

        def readies() -> int:
            return log.read_text().count("in the tray") if log.exists() else 0

        seen = readies()
        process = x.spawn(*self.program, extra_env=self.env)
        wait_for(lambda: x.embedded_icon("tidewell"), 30, "Tidewell in the tray", step=0.01)
        wait_for(lambda: readies() > seen, 30, "Tidewell ready")
        return process


def session(run: Callable[[XSession], float | list[float]]) -> float | list[float]:
    x = XSession.start()
    try:
        x.start_window_manager()
        x.start_tray_host()
        return run(x)
    finally:
        x.stop()


def after_use(tidewell: Tidewell, idle: float, cycles: int) -> dict[str, float]:
    found: dict[str, float] = {}

    def run(x: XSession) -> float:
        process = tidewell.start(x)
        time.sleep(idle)
        found["idle"] = pss_mib(process.pid)
        for _cycle in range(cycles):
            for command, title in TITLES.items():
                ask(tidewell.data, command)
                window = str(wait_for(partial(x.visible_window, title), 30, title, step=0.02))
                close(x, window, title)
        found["at_close"] = pss_mib(process.pid)
        time.sleep(30)
        found["after"] = pss_mib(process.pid)
        return 0.0

    session(run)
    return found


def bare_idle(idle: float) -> float:
    def run(x: XSession) -> float:
        process = x.spawn(sys.executable, str(ROOT / "bench" / "bare_tray.py"))
        wait_for(lambda: x.embedded_icon("bare-tray"), 30, "the bare tray", step=0.01)
        time.sleep(idle)
        return pss_mib(process.pid)

    return float(session(run))  # type: ignore[arg-type]


def settings_visible(tidewell: Tidewell, runs: int) -> list[float]:
    def run(x: XSession) -> list[float]:
        tidewell.start(x)
        times = []
        title = TITLES["settings"]
        for _ in range(runs):
            started = time.monotonic()
            ask(tidewell.data, "settings")
            window = str(wait_for(lambda: x.visible_window(title), 30, title, step=0.002))
            times.append(time.monotonic() - started)
            close(x, window, title)
            time.sleep(1)  # the window's process has ended
        return times

    return session(run)  # type: ignore[return-value]


def bare_visible(runs: int) -> list[float]:
    def run(x: XSession) -> list[float]:
        times = []
        for _ in range(runs):
            started = time.monotonic()
            process = x.spawn(sys.executable, "-c", BARE_WINDOW)
            window = str(wait_for(lambda: x.visible_window("bare table"), 30, "bare", step=0.002))
            times.append(time.monotonic() - started)
            close(x, window, "bare table")
            process.wait(10)
        return times

    return session(run)  # type: ignore[return-value]


def rules_folder(count: int) -> Path:
    from datetime import UTC, datetime

    from bench.settings_open import many_rules
    from tidewell.core.clock import FakeClock
    from tidewell.core.commands import merge_rules
    from tidewell.store.datastore import DataStore

    folder = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    clock = FakeClock(datetime.now(UTC), "UTC")
    store, opened = DataStore.open(folder, clock)
    state, _, _ = merge_rules(opened.state, many_rules(count), clock.now())
    store.save(state)
    # Last closed on the Rules page, so the window opens on the 1,000 rules themselves.
    (folder / "window.ini").write_text("[window]\npage=1\n")
    return folder


def spread(values: list[float], unit: str = "", scale: float = 1) -> str:
    v = [x * scale for x in values]
    return f"{min(v):.1f} / {statistics.median(v):.1f} / {max(v):.1f}{unit}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--idle", type=float, default=30)
    parser.add_argument("--visible-runs", type=int, default=7)
    parser.add_argument("--program", help="how to start Tidewell (default: the tidewell command)")
    parser.add_argument("--pythonpath", help="put this first on Tidewell's PYTHONPATH")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "window-use.md")
    args = parser.parse_args()
    compile_tidewell()
    program = args.program.split() if args.program else [tidewell_program()]
    env = {"PYTHONPATH": args.pythonpath} if args.pythonpath else {}
    starter = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(starter), "rules", "import",
         str(ROOT / "resources" / "examples" / "starter-rules.json")],
        check=True, capture_output=True,
    )  # fmt: skip
    bare: list[float] = []
    used: list[dict[str, float]] = []
    for _ in range(args.runs):  # alternating, so drift on the machine hits both alike
        bare.append(bare_idle(args.idle))
        used.append(after_use(Tidewell(program, env, starter), args.idle, args.cycles))
    many = rules_folder(1000)
    bare_times = bare_visible(args.visible_runs)
    ours_times = settings_visible(Tidewell(program, env, many), args.visible_runs)

    def series(key: str) -> list[float]:
        return [run[key] for run in used]

    bare_mid = statistics.median(bare)
    idle_mid, after_mid = statistics.median(series("idle")), statistics.median(series("after"))
    back = after_mid / idle_mid
    visible_p50 = statistics.median(ours_times)
    text = "\n".join(
        [
            "# The tray after using its windows, and Settings' opening (Xvfb, openbox, trayer)",
            "",
            f"{args.runs} alternating launches each; PSS after {args.idle:.0f} s idle; then "
            f"Settings and Review opened (asked of the tray as its menu asks) and closed "
            f"through openbox {args.cycles} times; PSS at the last close and 30 s later. "
            "min / median / max.",
            "",
            "| what | PSS MiB | ÷ bare (medians) |",
            "|---|---|---|",
            f"| bare PySide6 tray, idle | {spread(bare)} | 1.00 |",
            f"| Tidewell, idle | {spread(series('idle'))} | {idle_mid / bare_mid:.2f} |",
            f"| Tidewell, at the last close | {spread(series('at_close'))} | "
            f"{statistics.median(series('at_close')) / bare_mid:.2f} |",
            f"| Tidewell, 30 s after the last close | {spread(series('after'))} | "
            f"{after_mid / bare_mid:.2f} |",
            "",
            f"- 30 s after use ÷ idle (medians): {back:.3f} (goal ≤ 1.05: "
            f"{'met' if back <= 1.05 else 'missed'})",
            "",
            f"Settings visible with 1,000 rules, {args.visible_runs} openings: "
            f"{spread(ours_times, ' ms', 1000)} (p50 goal ≤ 400 ms: "
            f"{'met' if visible_p50 <= 0.4 else 'missed'}); a bare PySide6 program showing a "
            f"1,000-row table, from its start: {spread(bare_times, ' ms', 1000)}; "
            f"÷ bare {visible_p50 / statistics.median(bare_times):.2f}.",
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n")
    args.out.with_suffix(".json").write_text(
        json.dumps({"bare": bare, "used": used, "visible": ours_times, "bare_visible": bare_times})
    )
    print(text)
    return 0


if __name__ == "__main__":
    os.environ.pop("TIDEWELL_DATA_DIR", None)
    sys.exit(main())
