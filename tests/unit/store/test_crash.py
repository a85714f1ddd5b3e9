"""SIGKILL a process in the middle of saving, again and again: nothing acknowledged is lost."""

import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tidewell.core.clock import FakeClock
from tidewell.store.atomic import stray_temp_files
from tidewell.store.check import check_folder
from tidewell.store.datastore import DataStore

from ...figures import count, record

ROOT = Path(__file__).resolve().parents[3]
TRIALS = count("crash_trials", 100)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_saves_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    rng = random.Random(20261123)
    acknowledged: set[str] = set()
    stray_seen = 0
    for trial in range(TRIALS):
        with subprocess.Popen(
            [sys.executable, "-m", "tests.unit.store.crash_child", str(folder), f"t{trial}"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            # Let it finish a random number of saves, then kill it while it is in the next.
            for _ in range(rng.randint(0, 12)):
                line = child.stdout.readline().strip()
                assert line.startswith("saved ")
                acknowledged.add(line.removeprefix("saved "))
            child.send_signal(signal.SIGKILL)
            rest = child.stdout.read()
            acknowledged.update(
                line.removeprefix("saved ")
                for line in rest.splitlines()
                if line.startswith("saved ")
            )
        stray_seen += len(stray_temp_files(folder))

        _, opened = DataStore.open(folder, FakeClock(datetime(2026, 11, 24, tzinfo=UTC)))
        assert opened.events == [], f"trial {trial}: the store needed repair: {opened.events}"
        stored = {r.id for r in opened.state.rules}
        missing = acknowledged - stored
        assert not missing, f"trial {trial}: acknowledged saves lost: {sorted(missing)}"
        assert acknowledged <= set(opened.state.progress)
        assert stray_temp_files(folder) == []
        assert check_folder(folder) == []
    record(
        "crash",
        {
            "trials": TRIALS,
            "acknowledged saves": len(acknowledged),
            "lost": 0,  # each trial above asserts this, and the next two
            "unreadable stores": 0,
            "stray temp files after restart": 0,
            "temp files left by kills (removed at start)": stray_seen,
        },
    )
    print(
        f"\ncrash test: {TRIALS} kills, {len(acknowledged)} acknowledged saves, 0 lost, "
        f"0 unreadable stores, {stray_seen} temp files left by kills and all removed at start"
    )
