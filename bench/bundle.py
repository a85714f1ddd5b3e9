"""The shipped forms of Tidewell, measured in one run: the wheel's size, the bundle's size on
disk, and start to tray icon embedded (Xvfb + trayer) for the one-folder bundle, the one-file
bundle and `tidewell` from a fresh venv with the wheel, next to a bare PySide6 tray app.

    .venv/bin/python bench/bundle.py [--runs 7] [--out bench/results/bundle.md]

It builds everything itself in a temporary folder (about a minute on two cores).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import write_ratio_table  # noqa: E402
from bench.tray_start import STARTER, time_to_tray  # noqa: E402

MB = 1024 * 1024


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(c) for c in command], check=True, capture_output=True, env=env)


def on_disk(path: Path) -> tuple[int, int]:
    """(bytes in files, bytes of disk blocks) under ``path``: what `du` counts."""
    files = [p for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file()]
    unique = {(p.stat().st_dev, p.stat().st_ino): p for p in files if not p.is_symlink()}
    return (
        sum(p.stat().st_size for p in unique.values()),
        sum(p.stat().st_blocks * 512 for p in unique.values()),
    )


def build(work: Path) -> dict[str, Path]:
    py = sys.executable
    run(py, "-m", "build", "--no-isolation", "--outdir", work / "dist", ROOT)
    (wheel,) = (work / "dist").glob("*.whl")
    spec = ROOT / "packaging" / "tidewell.spec"
    pyinstaller = [py, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"]
    run(*pyinstaller, "--distpath", work / "folder", "--workpath", work / "b1", spec)
    run(
        *pyinstaller,
        *("--distpath", work / "onefile", "--workpath", work / "b2", spec),
        env={**os.environ, "TIDEWELL_ONEFILE": "1"},
    )
    run(py, "-m", "venv", work / "venv")
    run(work / "venv" / "bin" / "python", "-m", "pip", "install", "-q", wheel)
    return {
        "wheel": wheel,
        "bundle": work / "folder" / "tidewell" / "tidewell",
        "onefile": work / "onefile" / "tidewell",
        "venv": work / "venv",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "bundle.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tidewell-bundle-bench-"))
    try:
        built = build(work)
        commands = {
            "bare PySide6 tray (this venv)": [sys.executable, str(ROOT / "bench" / "bare_tray.py")],
            "Tidewell, `tidewell` from a venv with the wheel": [
                str(built["venv"] / "bin" / "tidewell")
            ],
            "Tidewell, one-folder bundle": [str(built["bundle"])],
            "Tidewell, one-file bundle": [str(built["onefile"])],
        }
        data = work / "data"
        for name, command in commands.items():  # each its own folder with the starter rules
            if name.startswith("Tidewell"):
                folder = data / str(len(list(data.glob("*"))) if data.exists() else 0)
                run(*command, "--data-dir", folder, "rules", "import", STARTER)
                command += ["--data-dir", str(folder)]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so drift on the machine hits all alike
            for name, command in commands.items():
                wm_class = "bare-tray" if name.startswith("bare") else "tidewell"
                times[name].append(time_to_tray(command, wm_class))
        wheel = built["wheel"].stat().st_size
        folder_bytes, folder_disk = on_disk(built["bundle"].parent)
        onefile_bytes, onefile_disk = on_disk(built["onefile"])
        venv_bytes, venv_disk = on_disk(built["venv"])
        sizes = "\n".join(
            [
                "## Sizes",
                "",
                "| what | MiB in files | MiB on disk |",
                "|---|---|---|",
                f"| wheel ({built['wheel'].name}) | {wheel / MB:.2f} | {wheel / MB:.2f} |",
                f"| one-folder bundle (dist/tidewell/) | {folder_bytes / MB:.1f} "
                f"| {folder_disk / MB:.1f} |",
                f"| one-file bundle | {onefile_bytes / MB:.1f} | {onefile_disk / MB:.1f} |",
                f"| venv with the wheel and what it needs | {venv_bytes / MB:.1f} "
                f"| {venv_disk / MB:.1f} |",
            ]
        )
        how = (
            f"{args.runs} interleaved launches each, medians; from process start until X "
            "shows the icon's window inside trayer's panel (a fresh Xvfb and trayer per "
            "launch). Each Tidewell opens a data folder holding the starter rules. All four "
            "built from this checkout in the same run."
        )
        ordered = list(times.items())
        print(
            write_ratio_table(
                args.out,
                "The wheel and the bundles: size, and start to tray",
                how,
                ordered[0],
                *ordered[1:],
                extra=sizes,
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
