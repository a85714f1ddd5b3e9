"""A long day in the tray: Tidewell runs for an hour (``--minutes``) on Xvfb with openbox and
trayer while a nudge comes every few minutes (``--every``) and is answered (Done, clicked as
a person clicks it). Its PSS is read every minute; the growth is the last reading less the
first one after the first answer (so start-up and the popup's first showing are not counted
as growth). A bare PySide6 tray runs beside it in the same session and is read the same way.

    .venv/bin/python bench/soak.py [--minutes 60] [--every 3] [--out bench/results/soak.md]
"""

from __future__ import annotations

import argparse
import json
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
from bench.idle_cost import pss_mib, uss_mib  # noqa: E402
from bench.tray_start import tidewell_program  # noqa: E402


def nudging_rules(start: datetime, minutes: int, every: int) -> bytes:
    """One rule whose times come every ``every`` minutes for ``minutes`` minutes (local
    time: the machine's zone is the person's)."""
    local = start.astimezone()
    times = sorted(
        {
            (local + timedelta(minutes=2 + k * every)).strftime("%H:%M")
            for k in range(minutes // every)
        }
    )
    rule = {
        "id": "often",
        "name": "A short pause",
        "area": "rest",
        "when": {"kind": "at", "times": times},
        "nudge": {"title": "A short pause", "message": "Look away from the screen for a moment."},
    }
    return json.dumps({"rules": [rule]}).encode()


def no_ceiling(folder: Path) -> None:
    """Every nudge comes (the daily ceiling would keep most of them back)."""
    from msgspec.structs import replace

    from tidewell.platform.clock import SystemClock
    from tidewell.store.datastore import DataStore

    store, opened = DataStore.open(folder, SystemClock())
    state = opened.state
    store.save(replace(state, settings=replace(state.settings, daily_ceiling=0)))


def answered(data: Path) -> int:
    count = 0
    for shard in (data / "journal").glob("*.json"):
        table = json.loads(shard.read_text()).get("entries", {})
        count += sum(1 for entry in table.values() if entry.get("answer") == "done")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--every", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "soak.md")
    args = parser.parse_args()
    compile_tidewell()
    data = Path(tempfile.mkdtemp(prefix="tidewell-soak-"))
    rules = data.parent / f"{data.name}-rules.json"
    started = datetime.now(UTC)
    rules.write_bytes(nudging_rules(started, args.minutes, args.every))
    subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(data), "rules", "import", str(rules)],
        check=True,
        capture_output=True,
    )
    no_ceiling(data)
    x = XSession.start()
    # minute, Tidewell PSS, bare PSS, nudges answered, Tidewell USS, bare USS
    readings: list[tuple[float, float, float, int, float, float]] = []
    try:
        x.start_window_manager()
        x.start_tray_host()
        bare = x.spawn(sys.executable, str(ROOT / "bench" / "bare_tray.py"))
        ours = x.spawn(tidewell_program(), extra_env={"TIDEWELL_DATA_DIR": str(data)})
        wait_for(lambda: x.embedded_icon("tidewell") and x.embedded_icon("bare-tray"), 30, "icons")
        began = time.monotonic()
        next_reading = began
        while time.monotonic() - began < args.minutes * 60:
            popup = x.visible_window("Tidewell nudge")
            if popup:
                qx, qy, _qw, qh = x.geometry(popup)
                x.click(qx + 40, qy + qh - 26)  # Done: first in the button row
                wait_for(lambda: not x.visible_window("Tidewell nudge"), 20, "the popup to go")
            if time.monotonic() >= next_reading:
                minute = (time.monotonic() - began) / 60
                readings.append((minute, pss_mib(ours.pid), pss_mib(bare.pid), answered(data),
                                 uss_mib(ours.pid), uss_mib(bare.pid)))  # fmt: skip
                _minute, mine, theirs, count, _mine, _theirs = readings[-1]
                said = f"{minute:5.1f} min: Tidewell {mine:.1f} MiB, bare {theirs:.1f} MiB"
                print(f"{said}, {count} answered", flush=True)
                next_reading += 60
            time.sleep(1)
    finally:
        x.stop()
    first = next((r for r in readings if r[3] > 0), readings[0])
    last = readings[-1]
    text = "\n".join(
        [
            f"# A long day in the tray: {args.minutes} minutes, a nudge every {args.every}",
            "",
            "Xvfb + openbox + trayer; Tidewell and a bare PySide6 tray side by side in one "
            "session (their shared libraries are split between them, so the absolute PSS of "
            "each reads lower than alone; the growth is what this measures). Each nudge is "
            "answered Done with a click. Growth: the last reading less the first after the "
            "first answer.",
            "",
            "USS (the pages only that process holds) is read too: it is not split with other "
            "programs as PSS is, so it is the growth to trust on a quiet machine (a library "
            "page another program maps while it runs leaves it for that while).",
            "",
            "| what | PSS first → last, MiB | PSS growth | USS first → last, MiB | USS growth |",
            "|---|---|---|---|---|",
            f"| Tidewell ({last[3]} nudges answered) | {first[1]:.1f} → {last[1]:.1f} | "
            f"{last[1] - first[1]:+.2f} | {first[4]:.1f} → {last[4]:.1f} | "
            f"{last[4] - first[4]:+.2f} |",
            f"| bare PySide6 tray | {first[2]:.1f} → {last[2]:.1f} | {last[2] - first[2]:+.2f} | "
            f"{first[5]:.1f} → {last[5]:.1f} | {last[5] - first[5]:+.2f} |",
            "",
            f"- growth over the soak (USS): {last[4] - first[4]:+.2f} MiB (goal ≤ 1 MiB: "
            f"{'met' if last[4] - first[4] <= 1 else 'missed'})",
            "",
            "Every reading (minute: Tidewell PSS, bare PSS, answered, Tidewell USS, bare USS):",
            "",
            *(
                f"- {r[0]:.0f}: {r[1]:.2f}, {r[2]:.2f}, {r[3]}, {r[4]:.2f}, {r[5]:.2f}"
                for r in readings
            ),
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n")
    args.out.with_suffix(".json").write_text(json.dumps({"readings": readings}))
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
