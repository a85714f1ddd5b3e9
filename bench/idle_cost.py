"""What Tidewell costs while it waits, next to a bare PySide6 tray, in the same run: memory
(PSS) after 30 s idle, then CPU seconds and wakeups (voluntary context switches, all
threads) over the next 120 s. Tidewell has one rule, due days away, and no activity rule, so
nothing is due. Each launch gets a fresh Xvfb with trayer; the contestants alternate.

A third, the bare tray holding Tidewell's engine and nothing of its shell
(``engine_tray.py``), is measured for memory only: the floor under Tidewell's figure.

    .venv/bin/python bench/idle_cost.py [--runs 5] [--idle 30] [--watch 120]
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.xsession import XSession, wait_for  # noqa: E402

from bench.bytecode import compile_tidewell  # noqa: E402
from bench.tray_start import tidewell_program  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


def uss_mib(pid: int) -> float:
    """Memory only this process holds (its private pages): unlike PSS, it is not split with
    other processes using the same libraries (though a page they map too leaves it)."""
    total = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime, all threads


def wakeups(pid: int) -> int:
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            status = (task / "status").read_text()
        except FileNotFoundError:
            continue  # a thread that ended
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def one_launch(
    command: list[str], wm_class: str, idle: float, watch: float, env: dict[str, str] | None = None
) -> dict[str, float]:
    """PSS after ``idle`` seconds; CPU and wakeups over the ``watch`` seconds after (none
    when ``watch`` is 0)."""
    x = XSession.start()
    try:
        x.start_tray_host()
        process = x.spawn(
            *command, extra_env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(lambda: x.embedded_icon(wm_class), 30, f"{wm_class} in the tray", step=0.01)
        time.sleep(idle)  # the measurement itself: it is idle time
        memory = pss_mib(process.pid)
        if not watch:
            return {"pss_mib": memory}
        cpu, woke = cpu_seconds(process.pid), wakeups(process.pid)
        time.sleep(watch)
        return {
            "pss_mib": memory,
            "cpu_s": cpu_seconds(process.pid) - cpu,
            "wakeups_per_min": (wakeups(process.pid) - woke) / (watch / 60),
        }
    finally:
        x.stop()


def quiet_rules(now: datetime) -> bytes:
    """One rule, on a weekday three days from now at 03:00: nothing due while measuring."""
    day = (now + timedelta(days=3)).strftime("%a").lower()[:3]
    rule = {
        "id": "far",
        "name": "Far away",
        "area": "rest",
        "when": {"kind": "at", "times": ["03:00"], "days": [day]},
        "nudge": {"title": "Not now"},
    }
    return json.dumps({"rules": [rule]}).encode()


def summary(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=30)
    parser.add_argument("--watch", type=float, default=120)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "idle-cost.md")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    rules = data.parent / f"{data.name}-rules.json"
    rules.write_bytes(quiet_rules(datetime.now(UTC)))
    compile_tidewell()
    subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(data), "rules", "import", str(rules)],
        check=True,
        capture_output=True,
    )
    tidewell, env = [tidewell_program()], {"TIDEWELL_DATA_DIR": str(data)}  # as the menu does
    bare = [sys.executable, str(ROOT / "bench" / "bare_tray.py")]
    engine = [sys.executable, str(ROOT / "bench" / "engine_tray.py")]
    found: dict[str, list[dict[str, float]]] = {"bare": [], "tidewell": [], "engine": []}
    for _ in range(args.runs):  # alternating, so drift on the machine hits all alike
        found["bare"].append(one_launch(bare, "bare-tray", args.idle, args.watch))
        found["tidewell"].append(one_launch(tidewell, "tidewell", args.idle, args.watch, env))
        found["engine"].append(one_launch(engine, "engine-tray", args.idle, 0, env))

    def series(who: str, key: str) -> list[float]:
        return [run[key] for run in found[who]]

    pss_ratio = statistics.median(series("tidewell", "pss_mib")) / statistics.median(
        series("bare", "pss_mib")
    )
    engine_ratio = statistics.median(series("engine", "pss_mib")) / statistics.median(
        series("bare", "pss_mib")
    )
    extra_wakeups = statistics.median(series("tidewell", "wakeups_per_min")) - statistics.median(
        series("bare", "wakeups_per_min")
    )
    text = "\n".join(
        [
            "# Waiting costs: memory, CPU and wakeups (Xvfb + trayer)",
            "",
            f"{args.runs} alternating launches each; PSS after {args.idle:.0f} s idle in the "
            f"tray, then CPU and voluntary context switches over {args.watch:.0f} s. "
            "Tidewell holds one rule due days away and no activity rule. min / median / max.",
            "",
            "| what | PSS MiB | CPU s | wakeups per minute |",
            "|---|---|---|---|",
            *(
                f"| {name} | {summary(series(who, 'pss_mib'))} | {summary(series(who, 'cpu_s'))}"
                f" | {summary(series(who, 'wakeups_per_min'))} |"
                for who, name in (("bare", "bare PySide6 tray"), ("tidewell", "Tidewell"))
            ),
            f"| the bare tray with Tidewell's engine only | {summary(series('engine', 'pss_mib'))}"
            " | | |",
            "",
            f"- PSS, Tidewell ÷ bare (medians): {pss_ratio:.2f} (goal ≤ 1.1: "
            f"{'met' if pss_ratio <= 1.1 else 'missed'})",
            f"- PSS, the engine alone in the bare tray ÷ bare (medians): {engine_ratio:.3f}: the "
            "floor under Tidewell's figure while the rules are kept in the tray's process",
            f"- wakeups per minute above the bare tray (medians): {extra_wakeups:.1f} "
            f"(goal ≤ 1: {'met' if extra_wakeups <= 1 else 'missed'})",
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n")
    args.out.with_suffix(".json").write_text(json.dumps(found, indent=1))
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
