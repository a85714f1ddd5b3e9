"""`python -m bench`: every benchmark in one run, on Xvfb with trayer, then bench/RESULTS.md
(the machine, the date, and each result with its goal).

    .venv/bin/python -m bench [--quick] [--only NAME ...]

--quick runs fewer, shorter rounds (to try the command; the committed figures are full).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.summary import goals_table  # noqa: E402

RESULTS = ROOT / "bench" / "results"

# name: (script, full arguments, quick arguments, result file)
BENCHMARKS: dict[str, tuple[str, list[str], list[str], str]] = {
    "tray-start": ("tray_start.py", ["--runs", "41"], ["--runs", "5"], "tray-start.md"),
    "idle-cost": ("idle_cost.py", [], ["--idle", "5", "--watch", "20"], "idle-cost.md"),
    "popup-lateness": ("popup_lateness.py", [], [], "popup-lateness.md"),
    "core-speed": ("core_speed.py", [], ["--answers", "60"], "core-speed.md"),
    "settings-open": ("settings_open.py", [], ["--runs", "5"], "settings-open.md"),
    "review-open": ("review_open.py", [], ["--runs", "5"], "review-open.md"),
    "calendar-feeds": ("calendar_feeds.py", [], [], "calendar-feeds.md"),
    "bundle": ("bundle.py", [], ["--runs", "5"], "bundle.md"),
    "resilience": ("resilience.py", [], ["--quick"], "resilience.md"),
    "sync-merge": ("sync_merge.py", [], ["--runs", "3"], "sync-merge.md"),
    "window-use": (
        "window_use.py",
        [],
        ["--runs", "1", "--cycles", "3", "--idle", "5", "--visible-runs", "3"],
        "window-use.md",
    ),
    "soak": ("soak.py", [], ["--minutes", "6", "--every", "2"], "soak.md"),  # an hour in full
}


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    from PySide6 import __version__ as pyside

    return (
        f"{platform.system()} {platform.release()} ({platform.machine()}), {cpu}, "
        f"{os.cpu_count()} cores{memory}; Python {platform.python_version()}, "
        f"PySide6 {pyside}"
    )


def demoted(markdown: str) -> str:
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), default=None)
    parser.add_argument(
        "--report", action="store_true", help="only write RESULTS.md from bench/results/"
    )
    args = parser.parse_args()
    chosen = [] if args.report else args.only or list(BENCHMARKS)
    for name in chosen:
        script, full, quick, _ = BENCHMARKS[name]
        started = time.monotonic()
        print(f"bench: {name} …", flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / script), *(quick if args.quick else full)],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        print(f"bench: {name} done in {time.monotonic() - started:.0f} s", flush=True)
    when = (
        f"Rewritten {datetime.now(UTC):%Y-%m-%d} by `python -m bench --report` from the "
        "results kept in `bench/results/`, each section measured on its own run (its date is "
        "in git's history of that folder), on"
        if args.report
        else f"Measured {datetime.now(UTC):%Y-%m-%d} on"
    )
    parts = [
        "# Tidewell: benchmark results",
        "",
        f"{when} {machine()}. Written by `python -m bench`"
        f"{' --quick (short rounds)' if args.quick else ''}; each section's raw numbers are "
        "in `bench/results/`. Ratios are against a bare PySide6 program measured the same "
        "way in the same run.",
    ]
    parts += ["", "## Goals", "", goals_table()]
    changes = ROOT / "bench" / "changes.md"
    if changes.exists():
        parts += ["", demoted(changes.read_text().strip())]
    for _, _, _, result in BENCHMARKS.values():
        path = RESULTS / result
        if path.exists():
            parts += ["", demoted(path.read_text().strip())]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(parts) + "\n")
    print(f"bench: wrote {ROOT / 'bench' / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
