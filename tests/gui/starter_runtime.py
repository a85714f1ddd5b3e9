"""A runtime on a fresh data folder holding the starter rules, Monday 08:00 in London, for
the scripts that draw windows in a process of their own (scaled_window.py, fit_windows.py)."""

import tempfile
from datetime import datetime
from pathlib import Path

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.platform.idle import Unavailable
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore

STARTER = Path(__file__).resolve().parents[2] / "resources" / "examples" / "starter-rules.json"


def starter_runtime() -> Runtime:
    clock = FakeClock(datetime.fromisoformat("2026-11-23T08:00:00+00:00"), "Europe/London")
    store, opened = DataStore.open(Path(tempfile.mkdtemp()), clock)
    incoming = read_rule_file(STARTER.read_bytes())
    state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
    state = merge_file(state, incoming)
    store.save(state)
    return Runtime(store, state, clock, ActivityTracker(Unavailable("not needed")))
