"""Time to open the review window on a year view with five years of journal (about 11,000
entries) in the store, next to a bare PySide6 window painting a 365-cell grid, measured the
same way in the same run (offscreen). Each open reads the journal from disk afresh.

    .venv/bin/python bench/review_open.py [--years 5] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.journal import AnswerEntry, JournalEntry, ShownEntry
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.review_host import ReviewHost
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore
from tidewell.ui.review.window import ReviewWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.painted import seconds_to_paint  # noqa: E402
from bench.report import write_ratio_table  # noqa: E402

STARTER = ROOT / "resources" / "examples" / "starter-rules.json"


class NoIdle:
    name = "none"

    def idle_seconds(self) -> float | None:
        return None


class Grid(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for n in range(365):
            col, row = divmod(n, 7)
            painter.fillRect(col * 16, row * 16, 13, 13, QColor("#2f8f88"))
        painter.end()


def journal(now: datetime, years: int) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    rules = ("stretch", "offline", "airport", "late", "reflect")
    for n in range(years * 365):
        day = now - timedelta(days=n)
        for k in range(3):
            rule = rules[(n + k) % len(rules)]
            at = day - timedelta(hours=3 * k)
            entries.append(ShownEntry(at=at, rule=rule, due=at))
            answer = ("done", "snoozed", "chose", "skipped", "done")[(n + k) % 5]
            entries.append(AnswerEntry(at=at, rule=rule, due=at, answer=answer))  # type: ignore[arg-type]
    return entries


def review_on_a_year(runtime: Runtime) -> ReviewWindow:
    window = ReviewWindow(ReviewHost(runtime))
    window.kind.setCurrentIndex(3)  # the year
    return window


def bare_grid() -> Grid:
    window = Grid()
    window.resize(900, 820)
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "review-open.md")
    args = parser.parse_args()
    app = QApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    clock = FakeClock(datetime(2026, 11, 23, 8, tzinfo=UTC), "Europe/London")
    store, opened = DataStore.open(folder, clock)
    incoming = read_rule_file(STARTER.read_bytes())
    state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
    store.save(merge_file(state, incoming))
    entries = journal(clock.now(), args.years)
    assert store.journal is not None
    store.journal.append(entries, clock.now())
    ours, bare = [], []
    for _ in range(args.runs):
        store, opened = DataStore.open(folder, clock)  # a fresh read of the journal each time
        runtime = Runtime(store, opened.state, clock, ActivityTracker(NoIdle()))
        bare.append(seconds_to_paint(bare_grid, app))
        ours.append(seconds_to_paint(lambda rt=runtime: review_on_a_year(rt), app))
    how = (
        f"{args.runs} runs each, medians; {len(entries):,} journal entries over {args.years} "
        "years; from making the window (journal read from disk) until the year view is painted."
    )
    print(
        write_ratio_table(
            args.out,
            f"Opening the review window on a year, {args.years} years of journal (offscreen)",
            how,
            ("bare window painting 365 cells", bare),
            ("Tidewell review", ours),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
