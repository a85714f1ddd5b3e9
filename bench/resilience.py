"""Resilience at full counts: the same tests CI runs with small counts, run here with the
counts the report names, their figures gathered into bench/results/resilience.md.

    .venv/bin/python bench/resilience.py [--quick]      (or: python -m bench --only resilience)

- SIGKILL at random moments during saves (tests/unit/store/test_crash.py), 500 trials;
- a full tmpfs, then a read-only bind mount, under the running app on Xvfb with trayer
  (tests/e2e/test_resilience_disk.py);
- 20 launches at once on one data folder, 50 rounds (tests/e2e/test_resilience_launches.py);
- 10,000 fuzzed rule files (tests/unit/core/test_rulefile.py);
- untrusted text in every window (tests/gui/test_untrusted_text.py).
The hostile calendar feeds are measured by bench/calendar_feeds.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FULL = {
    "TIDEWELL_CRASH_TRIALS": "500",
    "TIDEWELL_LAUNCH_ROUNDS": "50",
    "TIDEWELL_LAUNCHES_AT_ONCE": "20",
    "TIDEWELL_FUZZ_FILES": "10000",
}
QUICK = {k: v for k, v in zip(FULL, ("20", "3", "6", "600"), strict=True)}
TESTS = [
    "tests/unit/store/test_crash.py",
    "tests/e2e/test_resilience_disk.py",
    "tests/e2e/test_resilience_launches.py",
    "tests/unit/core/test_rulefile.py::test_fuzzed_rule_files_never_raise_and_never_half_import",
    "tests/gui/test_untrusted_text.py",
]


def run(quick: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tidewell-resilience-") as scratch:
        figures = Path(scratch) / "figures.json"
        env = {**os.environ, **(QUICK if quick else FULL), "TIDEWELL_FIGURES": str(figures)}
        env["TIDEWELL_SCREENSHOTS"] = str(Path(scratch) / "shots")
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=ROOT,
            env=env,
        )
        if done.returncode != 0:
            raise SystemExit(f"bench: a resilience test failed (pytest exit {done.returncode})")
        found: dict[str, Any] = json.loads(figures.read_text())
        return found


def table(rows: list[tuple[str, str, str]]) -> list[str]:
    lines = ["| trial | result | goal |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return lines


def report(found: dict[str, Any], quick: bool) -> str:
    crash, disk, launches = found["crash"], found["disk"], found["launches"]
    fuzz, text = found["fuzz"], found["untrusted text"]
    rows = [
        (
            f"SIGKILL during saves, {crash['trials']} kills",
            f"{crash['acknowledged saves']} acknowledged saves: {crash['lost']} lost, "
            f"{crash['unreadable stores']} unreadable stores, "
            f"{crash['stray temp files after restart']} stray temp files after restart "
            f"({crash['temp files left by kills (removed at start)']} left by kills, "
            "all removed at the next start)",
            "all 0",
        ),
    ]
    for trial, seen in disk.items():
        rows.append(
            (
                f"{trial} under the running app",
                f"told after {seen['told after s']:.2f} s; still running and answering; "
                "saved files byte for byte the same; the next change saved once mended",
                "data intact, app running, told within seconds",
            )
        )
    rows += [
        (
            f"{launches['launches at once']} launches at once, {launches['rounds']} rounds",
            f"exactly one app in {launches['rounds with exactly one app']} of "
            f"{launches['rounds']} rounds; command forwarded in p50 "
            f"{launches['forward s p50']:.3f} s, p95 {launches['forward s p95']:.3f} s, "
            f"max {launches['forward s max']:.3f} s",
            "one app every round",
        ),
        (
            f"{fuzz['files']:,} fuzzed rule files",
            f"{fuzz['accepted whole']:,} accepted whole, {fuzz['refused']:,} refused with "
            f"{fuzz['problems reported, each with a JSON path']:,} problems, each with a JSON "
            f"path; {fuzz['uncaught exceptions']} uncaught exceptions, "
            f"{fuzz['partial imports']} partial imports",
            "no exception, no partial import, every error with a path",
        ),
        (
            "untrusted text (" + ", ".join(text["payloads"]) + ")",
            f"rich text shown: {text['rich text shown']} in "
            + ", ".join(text["windows"])
            + f" and the tray; largest stall {text['largest stall s']:.2f} s "
            f"({text['largest stall in']}, of {text['steps timed (windows, pages, rows)']} "
            "steps timed)",
            "never rich text; stall measured",
        ),
    ]
    how = (
        "The same tests CI runs with small counts (`tests/figures.py`), here at full counts"
        f"{' (--quick: small counts)' if quick else ''}; each test asserts its zeros, so a "
        "run that lands here had none. The hostile calendar feeds have their own table."
    )
    return "\n".join(["# Resilience", "", how, "", *table(rows)]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts, to try it")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "resilience.md")
    args = parser.parse_args()
    found = run(args.quick)
    args.out.with_suffix(".json").write_text(json.dumps(found, indent=2) + "\n")
    text = report(found, args.quick)
    args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
