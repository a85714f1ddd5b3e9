"""How late a popup is: from a rule's due second until X shows the popup window, with the
real app on Xvfb and trayer (the rule is due a few seconds after the icon is in the tray).

    .venv/bin/python bench/popup_lateness.py [--runs 5] [--lead 6]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.xsession import XSession, wait_for  # noqa: E402

from bench.report import write_result  # noqa: E402


def rule_due_at(due: datetime) -> bytes:
    return json.dumps(
        {
            "rules": [
                {
                    "id": "soon",
                    "name": "Soon",
                    "when": {
                        "kind": "at",
                        "start": due.strftime("%Y-%m-%d"),
                        "rrule": f"FREQ=DAILY;BYHOUR={due.hour};BYMINUTE={due.minute};"
                        f"BYSECOND={due.second}",
                    },
                    "nudge": {"title": "Water the plants?"},
                }
            ]
        }
    ).encode()


def one_popup(lead: float) -> float:
    data = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    tidewell = [sys.executable, "-m", "tidewell", "--data-dir", str(data)]
    x = XSession.start()
    try:
        x.start_tray_host()
        due = (datetime.now().astimezone() + timedelta(seconds=lead + 2)).replace(microsecond=0)
        rules = data.parent / f"{data.name}.json"
        rules.write_bytes(rule_due_at(due))
        subprocess.run([*tidewell, "rules", "import", str(rules)], check=True, capture_output=True)
        x.spawn(*tidewell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: x.embedded_icon("tidewell"), 30, "Tidewell in the tray", step=0.01)
        wait_for(lambda: x.visible_window("Tidewell nudge"), lead + 30, "the popup", step=0.005)
        return time.time() - due.timestamp()
    finally:
        x.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lead", type=float, default=6, help="seconds from start to due")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "popup-lateness.md"
    )
    args = parser.parse_args()
    late = [one_popup(args.lead) for _ in range(args.runs)]
    worst = max(late)
    text = "\n".join(
        [
            "# How late a popup is (Xvfb + trayer)",
            "",
            f"{args.runs} launches; from the rule's due second until X shows the popup window "
            "(polled with xdotool every 5 ms, so about 10 ms of this is the polling).",
            "",
            "| min s | median s | max s | goal | |",
            "|---|---|---|---|---|",
            f"| {min(late):.3f} | {statistics.median(late):.3f} | {worst:.3f} | ≤ 1 s "
            f"| {'met' if worst <= 1 else 'missed'} |",
        ]
    )
    print(write_result(args.out, text, late))
    return 0


if __name__ == "__main__":
    sys.exit(main())
