"""First run: three steps, starter ideas unticked, only what the person chose is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tidewell.core.clock import FakeClock
from tidewell.core.state import State
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.app import TidewellApp
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore
from tidewell.ui.settings.welcome import WelcomeDialog

from .conftest import SteadyIdle, started, stop


@pytest.fixture
def fresh(qtbot, tmp_path: Path, clock: FakeClock) -> Iterator[TidewellApp]:  # type: ignore[no-untyped-def]
    """Tidewell on an empty data folder: a first run."""
    store, opened = DataStore.open(tmp_path / "fresh", clock)
    shell = started(qtbot, Runtime(store, opened.state, clock, ActivityTracker(SteadyIdle())))
    qtbot.waitUntil(lambda: shell.welcome is not None)
    yield shell
    stop(shell)


def test_nothing_is_chosen_for_the_person(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    chosen = dialog.chosen(State())
    assert chosen.rules == [] and chosen.blocks == [] and chosen.people == []
    assert all(not box.isChecked() for box, _ in dialog.rule_boxes)


def test_the_welcome_saves_what_was_ticked(qtbot, fresh: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    shell = fresh
    dialog = shell.welcome
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.definition, "Mornings are slow and the weekend is ours.")
    dialog.own_areas.setText("music")
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    weekend_box, reason, _ = dialog.block_boxes[0]
    weekend_box.setChecked(True)
    reason.setText("pancakes and the park")
    dialog.gentle.setChecked(True)
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    dialog.person_name.setText("Dad")
    dialog.person_zone.setCurrentText("America/Toronto")
    dialog.rule_boxes[-1][0].setChecked(True)  # reflect now and then
    assert dialog.next.text() == "Start"
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    state = shell.runtime.state
    assert state.balance.definition == "Mornings are slow and the weekend is ours."
    assert state.balance.areas[-1] == "music"
    assert [(b.id, b.reason) for b in state.blocks] == [("weekend", "pancakes and the park")]
    assert sorted(r.id for r in state.rules) == ["offline", "revisit-my-balance"]
    assert [(p.name, p.zone) for p in state.people] == [("Dad", "America/Toronto")]


def test_asked_once_only(qtbot, fresh: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    assert fresh.welcome is not None
    fresh.welcome.reject()  # "Not now"
    again = started(qtbot, fresh.runtime)
    try:
        again.welcome_if_new()
        assert again.welcome is None
        assert fresh.welcome is None  # closed and gone
    finally:
        stop(again)
