"""First run: three steps, starter ideas unticked, only what the person chose is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from tidewell.core.clock import FakeClock
from tidewell.core.state import State
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.app import WINDOW_PREFS, TidewellApp
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


def test_nothing_is_chosen_for_the_person(qtbot, runtime: Runtime) -> None:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(runtime)
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
    dialog.person_zone.edit.setFocus()
    qtbot.keyClicks(dialog.person_zone.edit, "Leeds")  # a city, not a zone: pressed Start
    dialog.rule_boxes[-1][0].setChecked(True)  # reflect now and then
    assert dialog.next.text() == "Start"
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.welcome is None)
    state = shell.runtime.state
    assert state.balance.definition == "Mornings are slow and the weekend is ours."
    assert state.balance.areas[-1] == "music"
    assert [(b.id, b.reason) for b in state.blocks] == [("weekend", "pancakes and the park")]
    assert sorted(r.id for r in state.rules) == ["offline", "revisit-my-balance"]
    assert [(p.id, p.name, p.zone, p.place) for p in state.people] == [
        ("dad", "Dad", "Europe/London", "Leeds")
    ]
    assert _asked(shell)


def test_asked_once_only(qtbot, fresh: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    assert fresh.welcome is not None
    qtbot.mouseClick(fresh.welcome.skip, Qt.MouseButton.LeftButton)  # "Not now", untouched
    again = started(qtbot, fresh.runtime)
    try:
        again.welcome_if_new()
        assert again.welcome is None
        assert fresh.welcome is None  # closed and gone
    finally:
        stop(again)


def _asked(shell: TidewellApp) -> bool:
    prefs = QSettings(str(shell.runtime.store.folder / WINDOW_PREFS), QSettings.Format.IniFormat)
    return prefs.contains("welcome/asked")


def _answer(qtbot, dialog: WelcomeDialog, button_text: str) -> None:  # type: ignore[no-untyped-def]
    """Answer the "Leave the welcome?" question once it is asked."""

    def click() -> None:
        question = dialog.question
        assert question is not None, "the welcome did not ask"
        chosen = next(b for b in question.buttons() if b.text() == button_text)
        chosen.click()

    QTimer.singleShot(0, click)


def _fill_three_steps(qtbot, dialog: WelcomeDialog, place: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.definition, "Family first, most days.")
    dialog.next.click()
    dialog.block_boxes[1][0].setChecked(True)
    dialog.next.click()
    dialog.person_name.setText("Mum")
    dialog.person_zone.edit.setFocus()
    qtbot.keyClicks(dialog.person_zone.edit, place)


def test_an_unknown_place_is_named_on_its_step_and_nothing_is_lost(
    qtbot, fresh: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    """Bug: a city the zone box did not know raised in the log, closed the welcome and lost
    all three steps, and 'asked' was already saved so it never came back."""
    dialog = fresh.welcome
    assert isinstance(dialog, WelcomeDialog)
    _fill_three_steps(qtbot, dialog, "Xyzzyville")
    dialog.next.click()  # Start
    assert dialog.isVisible() and fresh.welcome is dialog
    problem = dialog.person_zone_field.problem
    assert problem.isVisibleTo(dialog) and "Xyzzyville" in problem.text()
    assert fresh.runtime.state.people == [] and not _asked(fresh)
    # Mended where it was typed, Start saves all three steps.
    dialog.person_zone.edit.clear()
    qtbot.keyClicks(dialog.person_zone.edit, "Tokyo")
    qtbot.keyClick(dialog.person_zone.edit, Qt.Key.Key_Return)  # Enter takes the top one
    assert dialog.person_zone.zone() == "Asia/Tokyo"
    dialog.next.click()
    qtbot.waitUntil(lambda: fresh.welcome is None)
    state = fresh.runtime.state
    assert state.balance.definition == "Family first, most days."
    assert [b.id for b in state.blocks] == ["evenings"]
    assert [(p.name, p.zone) for p in state.people] == [("Mum", "Asia/Tokyo")]
    assert _asked(fresh)


def test_escape_asks_before_anything_is_dropped(qtbot, fresh: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    dialog = fresh.welcome
    assert isinstance(dialog, WelcomeDialog)
    _fill_three_steps(qtbot, dialog, "Leeds")
    _answer(qtbot, dialog, "Back to the welcome")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.person_name.text() == "Mum"
    assert not _asked(fresh)
    _answer(qtbot, dialog, "Keep what I chose")
    dialog.close()  # the window's close button asks the same
    qtbot.waitUntil(lambda: fresh.welcome is None)
    assert [(p.name, p.zone) for p in fresh.runtime.state.people] == [("Mum", "Europe/London")]
    assert _asked(fresh)


def test_leaving_without_keeping_is_a_choice_and_closing_untouched_comes_back(
    qtbot, fresh: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    dialog = fresh.welcome
    assert isinstance(dialog, WelcomeDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing chosen: it just closes...
    qtbot.waitUntil(lambda: fresh.welcome is None)
    assert not _asked(fresh)  # ...and is offered again next time
    fresh.welcome_if_new()
    dialog = fresh.welcome
    assert isinstance(dialog, WelcomeDialog)
    _fill_three_steps(qtbot, dialog, "Leeds")
    _answer(qtbot, dialog, "Leave without keeping")
    dialog.skip.click()
    qtbot.waitUntil(lambda: fresh.welcome is None)
    assert fresh.runtime.state.people == [] and _asked(fresh)
