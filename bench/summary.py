"""The goals table at the top of bench/RESULTS.md, from the raw figures in bench/results/."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def _load(name: str) -> Any:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def _spread(values: list[float], scale: float = 1.0, digits: int = 2) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return " / ".join(f"{v * scale:.{digits}f}" for v in (low, mid, high))


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def goal_rows() -> list[tuple[str, str, str, bool]]:
    """(figure, goal, measured, met) for every figure whose raw numbers are here."""
    rows: list[tuple[str, str, str, bool]] = []
    start = _load("tray-start.json")
    if start:
        bare, ours = start["bare PySide6 tray"], start["Tidewell"]
        ratio = statistics.median(ours) / statistics.median(bare)
        rows.append(
            (
                "start to tray icon embedded, Tidewell ÷ bare",
                "≤ 1.05",
                f"{ratio:.3f} (Tidewell {_spread(ours, digits=3)} s, bare "
                f"{_spread(bare, digits=3)} s; {len(ours)} launches each)",
                ratio <= 1.05,
            )
        )
    idle = _load("idle-cost.json")
    if idle:

        def series(who: str, key: str) -> list[float]:
            return [run[key] for run in idle[who]]

        pss = statistics.median(series("tidewell", "pss_mib")) / statistics.median(
            series("bare", "pss_mib")
        )
        floor = ""
        if idle.get("engine"):  # the bare tray holding Tidewell's engine only
            engine = statistics.median(series("engine", "pss_mib")) / statistics.median(
                series("bare", "pss_mib")
            )
            floor = (
                f"; the bare tray with Tidewell's engine only: {engine:.3f}, "
                f"{_spread(series('engine', 'pss_mib'), digits=1)} MiB"
            )
        rows.append(
            (
                "memory (PSS) after 30 s idle, Tidewell ÷ bare",
                "≤ 1.1",
                f"{pss:.2f} (Tidewell {_spread(series('tidewell', 'pss_mib'), digits=1)} MiB, "
                f"bare {_spread(series('bare', 'pss_mib'), digits=1)} MiB{floor})",
                pss <= 1.1,
            )
        )
        extra = statistics.median(series("tidewell", "wakeups_per_min")) - statistics.median(
            series("bare", "wakeups_per_min")
        )
        rows.append(
            (
                "wakeups over 120 s idle, per minute above bare",
                "≤ 1",
                f"{extra:+.1f} (Tidewell {_spread(series('tidewell', 'wakeups_per_min'), digits=1)}"
                f", bare {_spread(series('bare', 'wakeups_per_min'), digits=1)}); CPU "
                f"{_spread(series('tidewell', 'cpu_s'))} s",
                extra <= 1,
            )
        )
    late = _load("popup-lateness.json")
    if late:
        rows.append(
            ("popup lateness after its due time", "≤ 1 s", f"{_spread(late)} s", max(late) <= 1)
        )
    core = _load("core-speed.json")
    if core:
        p95s = {}
        for years in (0, 1, 5):
            values = core[f"answer, {years} years"]
            p95s[years] = _p(values, 0.95)
            rows.append(
                (
                    f"saving an answer, {years} years of journal (p50 / p95)",
                    "p95 ≤ 15 ms",
                    f"{statistics.median(values) * 1000:.1f} / {p95s[years] * 1000:.1f} ms",
                    p95s[years] <= 0.015,
                )
            )
        rows.append(
            (
                "answer p95 flat in history size (5 years ÷ 1 year)",
                "≈ 1",
                f"{p95s[5] / p95s[1]:.2f} (5 years ÷ none: {p95s[5] / p95s[0]:.2f})",
                p95s[5] / p95s[1] <= 1.25,
            )
        )
        for key, name in (
            ("next_wakeup kept", "`next_wakeup`, 10,000 rules, as the app calls it"),
            ("next_wakeup cold", "`next_wakeup`, 10,000 rules, cold (first call)"),
        ):
            rows.append(
                (name, "≤ 50 ms", f"{_spread(core[key], 1000, 1)} ms", max(core[key]) <= 0.05)
            )
        imports = core["import 1000"]
        rows.append(
            (
                "importing 1,000 rules",
                "≤ 500 ms",
                f"{_spread(imports, 1000, 1)} ms",
                max(imports) <= 0.5,
            )
        )
    settings = _load("settings-open.json")
    if settings:
        ours = settings["Tidewell settings"]
        rows.append(
            (
                "opening the settings window with 1,000 rules",
                "≤ 300 ms",
                f"{_spread(ours, 1000, 0)} ms",
                statistics.median(ours) <= 0.3,
            )
        )
    rows += _window_rows()
    return rows


def _window_rows() -> list[tuple[str, str, str, bool]]:
    rows: list[tuple[str, str, str, bool]] = []
    used = _load("window-use.json")
    if used:
        idle = [run["idle"] for run in used["used"]]
        after = [run["after"] for run in used["used"]]
        back = statistics.median(after) / statistics.median(idle)
        rows.append(
            (
                "PSS 30 s after Settings and Review were opened and closed 10 times ÷ idle",
                "≤ 1.05",
                f"{back:.3f} (after {_spread(after, digits=1)} MiB, idle "
                f"{_spread(idle, digits=1)} MiB; bare {_spread(used['bare'], digits=1)} MiB)",
                back <= 1.05,
            )
        )
        visible = used["visible"]
        rows.append(
            (
                "Settings visible after the click, 1,000 rules (p50)",
                "≤ 400 ms",
                f"{_spread(visible, 1000, 0)} ms (a bare PySide6 table of 1,000 rows from its "
                f"start: {_spread(used['bare_visible'], 1000, 0)} ms)",
                statistics.median(visible) <= 0.4,
            )
        )
    soak = _load("soak.json")
    if soak:
        readings = soak["readings"]
        first = next((r for r in readings if r[3] > 0), readings[0])
        last = readings[-1]
        growth = last[4] - first[4]
        rows.append(
            (
                f"growth over a {last[0]:.0f}-minute soak, {last[3]} nudges answered (USS)",
                "≤ 1 MiB",
                f"{growth:+.2f} MiB (PSS {last[1] - first[1]:+.2f}; bare tray beside it: USS "
                f"{last[5] - first[5]:+.2f})",
                growth <= 1,
            )
        )
    return rows


def goals_table() -> str:
    lines = [
        "| figure | goal | measured (min / median / max) | |",
        "|---|---|---|---|",
    ]
    for figure, goal, measured, met in goal_rows():
        lines.append(f"| {figure} | {goal} | {measured} | {'met' if met else '**missed**'} |")
    return "\n".join(lines)
