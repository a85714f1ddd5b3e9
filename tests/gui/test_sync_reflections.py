"""Reflections on two computers through one sync folder: written on one, read on the other;
edited there, the edit comes back; deleted on one, gone from both; each shown once."""

from __future__ import annotations

from pathlib import Path

from tidewell.core.clock import FakeClock
from tidewell.platform.idle import Unavailable
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.review_host import ReviewHost
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore
from tidewell.store.sync_link import SyncLink

from ..helpers import utc


def computer(data: Path, folder: Path, clock: FakeClock) -> ReviewHost:
    store, opened = DataStore.open(data, clock)
    store.sync = SyncLink.join(data, folder, opened.state, [], clock.now())
    return ReviewHost(Runtime(store, opened.state, clock, ActivityTracker(Unavailable("-"))))


def answers(host: ReviewHost) -> list[list[str]]:
    return [r.answers for _id, r in host.all_reflections()]


def test_reflections_travel_and_each_shows_once(tmp_path: Path) -> None:
    clock = FakeClock(utc(2026, 11, 30, 9), "Europe/London")
    folder = tmp_path / "sync"
    folder.mkdir()
    laptop = computer(tmp_path / "laptop", folder, clock)
    desktop = computer(tmp_path / "desktop", folder, clock)
    laptop.keep_reflection(["Evenings felt like mine.", "", ""])
    assert answers(desktop) == [["Evenings felt like mine.", "", ""]]
    assert answers(desktop) == [["Evenings felt like mine.", "", ""]]  # once, however often
    clock.advance(minutes=5)
    doc_id = desktop.all_reflections()[0][0]
    desktop.keep_reflection(["Evenings felt like mine.", "Habit, mostly.", ""], doc_id)
    assert answers(laptop) == [["Evenings felt like mine.", "Habit, mostly.", ""]]
    clock.advance(minutes=5)
    desktop.keep_reflection(["A second one.", "", ""])
    assert len(answers(laptop)) == 2
    laptop.delete_reflection(laptop.all_reflections()[-1][0])  # the first, oldest
    assert answers(desktop) == [["A second one.", "", ""]]
    assert answers(laptop) == [["A second one.", "", ""]]
