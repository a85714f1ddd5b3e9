"""The cost of a sync merge with five years of journal on two devices (6 entries a day each,
as bench/review_open.py's journal; 400 edits of definitions each):

- a merge as the running app does it when another device's file moved (every device's
  change records, and this year's journal of the others, for the schedule);
- the review of one year, counting the other device's entries too;
- joining: publishing a computer's five years of journal into the folder.

    .venv/bin/python bench/sync_merge.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "desktop"))

from bench.report import write_result  # noqa: E402
from bench.review_open import journal  # noqa: E402
from tidewell.core.state import State  # noqa: E402
from tidewell.store.sync_folder import SyncFolder  # noqa: E402
from tidewell.store.sync_link import LinkFile, SyncLink  # noqa: E402

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)
YEARS = 5
EDITS = 400


def edits(folder: SyncFolder, offset: int) -> None:
    for n in range(EDITS):
        doc = {"id": f"r{n % 40}", "name": f"Rule {n}", "when": {"kind": "at", "times": ["09:00"]},
               "nudge": {"title": "A nudge"}}  # fmt: skip
        folder.publish([("rules", f"r{n % 40}", doc)], NOW - timedelta(minutes=offset + n))


def median(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="tidewell-sync-bench-"))
    entries = journal(NOW, YEARS)
    joins: list[float] = []
    for name in ("aaaa0001", "bbbb0002"):
        folder = SyncFolder(root, name)
        began = time.perf_counter()
        folder.append_journal(entries)
        joins.append(time.perf_counter() - began)
        edits(folder, 0 if name.startswith("a") else 7)
    link = SyncLink(root / "data", LinkFile(str(root), "aaaa0001", "laptop"))
    (root / "data").mkdir()
    merges, reviews = [], []
    for _run in range(args.runs):
        link._signature = None  # as if another device's file moved
        began = time.perf_counter()
        merged = link.merge(State(), NOW)
        merges.append(time.perf_counter() - began)
        began = time.perf_counter()
        year = link.others_journal([NOW.year - 1])
        reviews.append(time.perf_counter() - began)
    size = sum(p.stat().st_size for p in (root / "Tidewell").rglob("*.jsonl"))
    text = "\n".join([
        "# Sync: a merge with five years of journal on two devices",
        "",
        f"Two devices, each {len(entries):,} journal entries over {YEARS} years (6 a day) and "
        f"{EDITS} edits of 40 rules; {size / 2**20:.1f} MiB in the folder. Medians of "
        f"{args.runs} runs.",
        "",
        "| what | median ms | max ms |",
        "|---|---|---|",
        f"| a merge (all change records; the other's journal of this year) | "
        f"{median(merges):.0f} | {max(merges) * 1000:.0f} |",
        f"| the review of one year: the other device's entries | {median(reviews):.0f} | "
        f"{max(reviews) * 1000:.0f} |",
        f"| joining: five years of one device's journal into the folder | "
        f"{median(joins):.0f} | {max(joins) * 1000:.0f} |",
        "",
        f"The merge found {len(merged.state.rules)} rules and {len(year):,} entries of the other "
        "device for one year. A merge runs only when a device's file moved (a stat of each "
        "file tells), so an idle tray pays nothing for it.",
    ])  # fmt: skip
    print(write_result(ROOT / "bench" / "results" / "sync-merge.md", text,
                       {"merge": merges, "review_year": reviews, "join": joins}))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
