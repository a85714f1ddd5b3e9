"""Start to tray icon embedded: Tidewell next to a bare PySide6 tray app, measured the same
way in the same run (a fresh Xvfb and trayer per launch; X itself says when trayer takes the
icon's window, read from xev as it happens: tests/e2e/reparents.py).

    .venv/bin/python bench/tray_start.py [--runs 7] [--out bench/results/tray-start.md]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.reparents import Reparents  # noqa: E402
from tests.e2e.xsession import XSession, wait_for  # noqa: E402

from bench.bytecode import compile_tidewell  # noqa: E402
from bench.report import write_ratio_table  # noqa: E402

STARTER = ROOT / "resources" / "examples" / "starter-rules.json"
READY = "in the tray"  # what Tidewell logs once the full tray has taken over the icon


def time_to_tray(command: list[str], wm_class: str, env: dict[str, str] | None = None) -> float:
    return tray_and_ready(command, wm_class, env)[0]


def tray_and_ready(
    command: list[str],
    wm_class: str,
    env: dict[str, str] | None = None,
    ready: Callable[[], bool] | None = None,
) -> tuple[float, float]:
    """Seconds from process start to the icon embedded, and to ``ready`` (if given; else
    the same)."""
    x = XSession.start()
    try:
        x.start_tray_host()
        reparents = Reparents(x)  # X's word when the icon is taken, as it happens
        started = time.monotonic()
        x.spawn(*command, extra_env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reparents.wait_for_any(30)  # no polling while the program starts
        readied = None
        if ready is not None:
            wait_for(ready, 30, f"{wm_class} ready", step=0.005)
            readied = time.monotonic() - started
        icon = wait_for(lambda: x.embedded_icon(wm_class), 30, f"{wm_class} in the tray")
        embedded = reparents.moved_at(str(icon)) - started
        return embedded, (readied if readied is not None else embedded)
    finally:
        x.stop()


def readies_logged(log: Path) -> int:
    return log.read_text().count(READY) if log.exists() else 0


def tidewell_program() -> str:
    """The `tidewell` command installed beside this Python (pip's console script)."""
    program = Path(sys.executable).with_name("tidewell")
    if not program.exists():
        raise SystemExit(f"bench: {program} is missing; install Tidewell into this venv first")
    return str(program)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tray-start.md")
    parser.add_argument("--pythonpath", type=Path, help="measure the Tidewell in this folder")
    args = parser.parse_args()
    compile_tidewell(args.pythonpath / "tidewell" if args.pythonpath else None)
    data = Path(tempfile.mkdtemp(prefix="tidewell-bench-"))
    subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(data), "rules", "import", STARTER],
        check=True,
        capture_output=True,
    )
    # As the menu entry and start-at-login start it: the `tidewell` command, no arguments.
    tidewell_cmd, env = [tidewell_program()], {"TIDEWELL_DATA_DIR": str(data)}
    if args.pythonpath:  # another checkout's desktop/, first on the path (before and after)
        env["PYTHONPATH"] = str(args.pythonpath)
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_tray.py")]
    bare: list[float] = []
    ours: list[float] = []
    readies: list[float] = []
    log = data / "tidewell.log"
    for _ in range(args.runs):  # interleaved, so drift on the machine hits both alike
        bare.append(time_to_tray(bare_cmd, "bare-tray"))
        seen = readies_logged(log)
        embedded, ready = tray_and_ready(
            tidewell_cmd, "tidewell", env, lambda s=seen: readies_logged(log) > s
        )
        ours.append(embedded)
        readies.append(ready)
    shutil.rmtree(data, ignore_errors=True)
    how = (
        f"{args.runs} interleaved launches each, medians; from process start until X moves "
        "the icon's window into trayer's panel (told by xev as it happens, no polling). "
        "Tidewell is started as its menu entry starts it (`tidewell`, no arguments, "
        "compiled to bytecode as an install is) on a data folder holding the starter rules. "
        "The icon shows first; *until ready* is until the store, the rules and the tray menu "
        "are loaded behind it (its log says 'in the tray')."
    )
    print(
        write_ratio_table(
            args.out,
            "Start to tray icon embedded (Xvfb + trayer)",
            how,
            ("bare PySide6 tray", bare),
            ("Tidewell", ours),
            ("Tidewell, until ready", readies),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
