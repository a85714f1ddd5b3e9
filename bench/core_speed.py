"""The everyday costs with goals of their own (no bare program does these):

- saving an answer to a nudge (state, ledger and journal, on disk), p50 and p95, with 0, 1
  and 5 years of journal already there (goal: p95 <= 15 ms, flat in history size);
- ``next_wakeup`` over 10,000 rules (goal: <= 50 ms);
- importing 1,000 rules: read and check the file, merge, save (goal: <= 500 ms).

    .venv/bin/python bench/core_speed.py [--runs 7] [--answers 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.core.rules import AtTrigger
from tidewell.core.schedule import Due, NextTimes, next_wakeup
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import write_result  # noqa: E402
from bench.review_open import NoIdle, journal  # noqa: E402
from bench.settings_open import many_rules  # noqa: E402

STARTER = ROOT / "resources" / "examples" / "starter-rules.json"
NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)


def ms(seconds: float) -> float:
    return seconds * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def answer_times(years: int, answers: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    clock = FakeClock(NOW, "Europe/London")
    store, opened = DataStore.open(folder, clock)
    incoming = read_rule_file(STARTER.read_bytes())
    state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
    store.save(merge_file(state, incoming))
    if years:
        assert store.journal is not None
        store.journal.append(journal(clock.now() - timedelta(days=1), years), clock.now())
    store, opened = DataStore.open(folder, clock)  # as the app finds it
    runtime = Runtime(store, opened.state, clock, ActivityTracker(NoIdle()))
    rule = next(r for r in runtime.state.rules if isinstance(r.when, AtTrigger))
    seconds = []
    for n in range(answers):
        clock.advance(timedelta(minutes=7))
        item = Due(rule.id, clock.now())
        started = time.perf_counter()
        runtime.answer(item, "done" if n % 3 else "skipped")
        seconds.append(time.perf_counter() - started)
    return seconds


def wakeup_times(count: int, runs: int, kept: NextTimes | None) -> list[float]:
    """Cold: every rule looked at afresh (the first tick, or a call with nothing kept).
    Kept: as the running app calls it, each rule's next occurrence carried between calls
    (a first call fills it, then the measured ones follow, 13 minutes apart)."""
    folder = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    clock = FakeClock(NOW, "Europe/London")
    _, opened = DataStore.open(folder, clock)
    state, _, _ = merge_rules(opened.state, many_rules(count), clock.now())
    if kept is not None:
        next_wakeup(state, NOW - timedelta(minutes=13), kept)
    seconds = []
    for n in range(runs):
        now = NOW + timedelta(minutes=13 * n)
        started = time.perf_counter()
        next_wakeup(state, now, kept)
        seconds.append(time.perf_counter() - started)
    return seconds


def import_times(count: int, runs: int) -> list[float]:
    rules = [msgspec.to_builtins(r) for r in many_rules(count)]
    data = msgspec.json.encode({"rules": rules})
    seconds = []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
        clock = FakeClock(NOW, "Europe/London")
        store, opened = DataStore.open(folder, clock)
        started = time.perf_counter()
        incoming = read_rule_file(data, known=opened.state)
        state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
        store.save(merge_file(state, incoming))
        seconds.append(time.perf_counter() - started)
        assert len(state.rules) == count
    return seconds


def row(name: str, values: list[float], goal: str, met: bool) -> str:
    p50, p95 = ms(statistics.median(values)), ms(percentile(values, 0.95))
    return (
        f"| {name} | {ms(min(values)):.1f} | {p50:.1f} | {p95:.1f} | {ms(max(values)):.1f} "
        f"| {goal} | {'met' if met else 'missed'} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "core-speed.md")
    args = parser.parse_args()
    rows = []
    p95s = {}
    raw: dict[str, list[float]] = {}
    for years in (0, 1, 5):
        values = answer_times(years, args.answers)
        raw[f"answer, {years} years"] = values
        p95s[years] = percentile(values, 0.95)
        rows.append(
            row(
                f"saving an answer, {years} year{'' if years == 1 else 's'} of journal",
                values,
                "p95 ≤ 15 ms",
                p95s[years] <= 0.015,
            )
        )
    cold = wakeup_times(10_000, args.runs, None)
    rows.append(row("`next_wakeup`, 10,000 rules, cold", cold, "≤ 50 ms", max(cold) <= 0.05))
    warm = wakeup_times(10_000, args.runs, NextTimes())
    rows.append(
        row("`next_wakeup`, 10,000 rules, as the app calls it", warm, "≤ 50 ms", max(warm) <= 0.05)
    )
    imports = import_times(1000, args.runs)
    rows.append(row("importing 1,000 rules", imports, "≤ 500 ms", max(imports) <= 0.5))
    raw.update({"next_wakeup cold": cold, "next_wakeup kept": warm, "import 1000": imports})
    text = "\n".join(
        [
            "# Everyday costs (in process, on disk)",
            "",
            f"Answers: {args.answers} in a row each, the clock moving 7 minutes between them; "
            f"`next_wakeup` and the import: {args.runs} runs each. Milliseconds. "
            "A goal counts as met when p95 (answers) or the slowest run (the others) meets it.",
            "",
            "| what | min | p50 | p95 | max | goal | |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            "History size: p95 with 5 years of journal ÷ p95 with 1 year = "
            f"{p95s[5] / p95s[1]:.2f}; ÷ p95 with none = {p95s[5] / p95s[0]:.2f} (each answer "
            "rewrites the current year's journal file, so a full year costs more than an "
            "empty one; older years are never touched).",
        ]
    )
    print(write_result(args.out, text, raw))
    return 0


if __name__ == "__main__":
    sys.exit(main())
