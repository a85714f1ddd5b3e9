"""Saves rules in a loop and reports each completed save; the crash test kills it."""

import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "desktop"))

from tests.helpers import rule
from tidewell.core.clock import FakeClock
from tidewell.core.commands import put_rule
from tidewell.store.datastore import DataStore


def main(folder: str, prefix: str) -> None:
    clock = FakeClock(datetime(2026, 11, 23, tzinfo=UTC))
    store, opened = DataStore.open(Path(folder), clock)
    state = opened.state
    print("ready", flush=True)
    index = 0
    while True:
        rule_id = f"{prefix}-{index}"
        state = put_rule(state, rule(rule_id), clock.now())
        store.save(state)
        print(f"saved {rule_id}", flush=True)
        index += 1
        clock.advance(seconds=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
