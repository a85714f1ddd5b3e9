"""Two computers, two real Syncthing daemons on loopback, two Tidewell data folders: a new
rule on each, the same rule edited on both, an edit against a deletion, journal entries on
both; both converge to the same rules within a bound measured here, and the journal holds
exactly the sum of both, each entry once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from tidewell.core.journal import AnswerEntry
from tidewell.platform.clock import SystemClock
from tidewell.store.datastore import DataStore

from ..shots import TIMINGS
from .syncthing import missing, pair
from .xsession import wait_for

ROOT = Path(__file__).resolve().parents[2]
BOUND = 60.0  # seconds: what a person waits at most to see the other computer's edit


def tidewell(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(data), *args],
        capture_output=True, text=True, check=False, timeout=60, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "desktop"), "PATH": "/usr/bin:/bin", "LANGUAGE": "en"},
    )  # fmt: skip


def rules_file(path: Path, *rules: dict[str, object]) -> Path:
    path.write_text(json.dumps({"rules": list(rules)}))
    return path


def a_rule(rule_id: str, name: str) -> dict[str, object]:
    return {"id": rule_id, "name": name, "when": {"kind": "at", "times": ["09:00"]},
            "nudge": {"title": name}}  # fmt: skip


def rules_of(data: Path) -> dict[str, str]:
    done = tidewell(data, "rules", "list", "--json")
    assert done.returncode == 0, done.stderr
    return {r["id"]: r["name"] for r in json.loads(done.stdout)}


def delete_rule(data: Path, rule_id: str) -> None:
    """As Settings deletes one: through the store, published like any save."""
    store, opened = DataStore.open(data, SystemClock())
    store.save(msgspec.structs.replace(
        opened.state, rules=[r for r in opened.state.rules if r.id != rule_id]))  # fmt: skip


def answers(data: Path, rule_id: str, count: int) -> None:
    store, opened = DataStore.open(data, SystemClock())
    now = datetime.now(UTC)
    entries = [AnswerEntry(at=now - timedelta(minutes=n), rule=rule_id, due=now, answer="done")
               for n in range(count)]  # fmt: skip
    store.record(opened.state, entries)


def every_answer(data: Path) -> int:
    store, _opened = DataStore.open(data, SystemClock())
    assert store.journal is not None and store.sync is not None
    year = datetime.now(UTC).year
    mine = store.journal.entries(year, datetime.now(UTC))
    return sum(isinstance(e, AnswerEntry) for e in [*mine, *store.sync.others_journal([year])])


@pytest.mark.skipif(missing() is not None and not __import__("os").environ.get("CI"),
                    reason="needs syncthing ('bash tools/test' installs it)")  # fmt: skip
def test_two_computers_converge_through_two_real_syncthings(tmp_path: Path) -> None:
    laptop_st, desktop_st = pair(tmp_path)
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    try:
        start = rules_file(tmp_path / "start.json", a_rule("stretch", "Stretch"),
                           a_rule("late", "Late"), a_rule("reflect", "Reflect"))  # fmt: skip
        assert tidewell(laptop, "rules", "import", str(start)).returncode == 0
        assert tidewell(laptop, "sync", "join", str(laptop_st.folder)).returncode == 0
        joined = tidewell(desktop, "sync", "join", str(desktop_st.folder))
        assert joined.returncode == 0, joined.stderr
        wait_for(lambda: "stretch" in rules_of(desktop), BOUND, "the laptop's rules", step=0.5)
        # edits on both sides
        tidewell(laptop, "rules", "import", str(rules_file(tmp_path / "a.json",
                 a_rule("laptop-new", "From the laptop"))))  # fmt: skip
        tidewell(desktop, "rules", "import", str(rules_file(tmp_path / "b.json",
                 a_rule("desktop-new", "From the desktop"))))  # fmt: skip
        tidewell(laptop, "rules", "import", str(rules_file(tmp_path / "c.json",
                 a_rule("stretch", "Stretch, on the laptop"))))  # fmt: skip
        time.sleep(0.05)  # the desktop's edit is the newer one (clocks of one machine)
        tidewell(desktop, "rules", "import", str(rules_file(tmp_path / "d.json",
                 a_rule("stretch", "Stretch, on the desktop"))))  # fmt: skip
        tidewell(desktop, "rules", "import", str(rules_file(tmp_path / "e.json",
                 a_rule("late", "Late, edited on the desktop"))))  # fmt: skip
        time.sleep(0.05)
        delete_rule(laptop, "late")  # newer than the edit: it wins
        answers(laptop, "stretch", 3)
        answers(desktop, "reflect", 2)
        began = time.monotonic()
        expected = {"stretch": "Stretch, on the desktop", "reflect": "Reflect",
                    "laptop-new": "From the laptop", "desktop-new": "From the desktop"}  # fmt: skip
        wait_for(lambda: rules_of(laptop) == expected and rules_of(desktop) == expected,
                 BOUND, "both computers to agree", step=0.5)  # fmt: skip
        wait_for(lambda: every_answer(laptop) == 5 and every_answer(desktop) == 5,
                 BOUND, "every journal entry on both", step=0.5)  # fmt: skip
        converged = time.monotonic() - began
        print(f"converged in {converged:.1f} s")
        TIMINGS.parent.mkdir(parents=True, exist_ok=True)
        found = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
        found["sync: two Syncthings converge (s)"] = round(converged, 1)
        TIMINGS.write_text(json.dumps(found, indent=2))
        status = tidewell(desktop, "sync", "status").stdout
        assert "(this computer): last synced" in status and status.count("last seen") == 1
        conflicts = list(laptop_st.folder.rglob("*sync-conflict*"))
        assert conflicts == []  # no two devices ever wrote the same file
    finally:
        laptop_st.stop()
        desktop_st.stop()
