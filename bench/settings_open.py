"""Time to open the settings window with 1,000 rules in the store, next to a bare PySide6
window holding a 1,000-row table, measured the same way in the same run (offscreen).

    .venv/bin/python bench/settings_open.py [--rules 1000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import msgspec
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QVBoxLayout, QWidget

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.rules import Rule
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.runtime import Runtime
from tidewell.shell.settings_host import SettingsHost
from tidewell.store.datastore import DataStore
from tidewell.ui.settings.window import SettingsWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.painted import seconds_to_paint  # noqa: E402
from bench.report import write_ratio_table  # noqa: E402

TRIGGERS = (
    {"kind": "at", "times": ["09:00", "17:30"], "days": ["mon", "wed", "fri"]},
    {"kind": "waiting", "min_minutes": 20},
    {"kind": "late", "after": "22:00"},
    {"kind": "reflect", "every_weeks": 4},
    {"kind": "at", "rrule": "FREQ=MONTHLY;BYDAY=1SA;BYHOUR=10;BYMINUTE=0"},
)


def many_rules(count: int) -> list[Rule]:
    return [
        msgspec.convert(
            {
                "id": f"r{i}",
                "name": f"Rule number {i}",
                "area": ("family", "health", "rest")[i % 3],
                "when": TRIGGERS[i % len(TRIGGERS)],
                "nudge": {"title": f"Nudge {i}"},
            },
            Rule,
        )
        for i in range(count)
    ]


class NoIdle:
    name = "none"

    def idle_seconds(self) -> float | None:
        return None


def bare_table(count: int) -> QWidget:
    window = QWidget()
    model = QStandardItemModel(count, 5, window)
    for row in range(count):
        for column in range(5):
            model.setItem(row, column, QStandardItem(f"cell {row}.{column}"))
    table = QTableView()
    table.setModel(model)
    QVBoxLayout(window).addWidget(table)
    window.resize(1180, 760)
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "settings-open.md")
    args = parser.parse_args()
    app = QApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    clock = FakeClock(datetime(2026, 11, 23, 8, tzinfo=UTC), "Europe/London")
    store, opened = DataStore.open(folder, clock)
    state, _, _ = merge_rules(opened.state, many_rules(args.rules), clock.now())
    store.save(state)
    store, opened = DataStore.open(folder, clock)  # as the app finds it
    runtime = Runtime(store, opened.state, clock, ActivityTracker(NoIdle()))
    ours, bare = [], []
    for _ in range(args.runs):
        bare.append(seconds_to_paint(lambda: bare_table(args.rules), app))
        ours.append(
            seconds_to_paint(
                lambda: SettingsWindow(runtime.state, SettingsHost(runtime), folder / "window.ini"),
                app,
            )
        )
    how = f"{args.runs} runs each, medians; from making the window until it is painted."
    print(
        write_ratio_table(
            args.out,
            f"Opening the settings window with {args.rules:,} rules (offscreen)",
            how,
            (f"bare table, {args.rules:,} rows", bare),
            ("Tidewell settings", ours),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
