"""Widgets and the shell on Qt's offscreen platform, with a real store and a FakeClock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes the app

import pytest
from PySide6.QtCore import QLocale

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.app import TidewellApp
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore
from tidewell.ui.settings.window import SettingsWindow

# Dates and times are written as the locale has them; the tests read British English.
QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
STARTER = Path(__file__).resolve().parents[2] / "resources" / "examples" / "starter-rules.json"
MONDAY_MORNING = datetime.fromisoformat("2026-11-23T08:00:00+00:00")  # London: 08:00


class SteadyIdle:
    """Idle time as a test sets it (the real X11 source is tested end to end)."""

    name = "test"

    def __init__(self) -> None:
        self.seconds: float | None = 2.0

    def idle_seconds(self) -> float | None:
        return self.seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_MORNING, "Europe/London")


@pytest.fixture
def idle() -> SteadyIdle:
    return SteadyIdle()


@pytest.fixture
def runtime(tmp_path: Path, clock: FakeClock, idle: SteadyIdle) -> Runtime:
    store, opened = DataStore.open(tmp_path / "data", clock)
    incoming = read_rule_file(STARTER.read_bytes())
    state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
    state = merge_file(state, incoming)
    store.save(state)
    return Runtime(store, state, clock, ActivityTracker(idle))


def started(qtbot, runtime: Runtime) -> TidewellApp:  # type: ignore[no-untyped-def]
    app = TidewellApp(runtime)
    app.start()
    qtbot.waitUntil(lambda: app.ticker.ticks > 0)  # the first tick runs from the event loop
    return app


def stop(app: TidewellApp) -> None:
    """Stop timers and close every window the app made, so nothing outlives the test."""
    app.ticker.timer.stop()
    app.tray_poll.stop()
    for widget in (
        app.nudges._popup,
        app.panels._panel,
        app.window,
        app.settings,
        app.welcome,
        app.review,
    ):
        if widget is not None:
            widget.hide()
            widget.deleteLater()
    app.deleteLater()


@pytest.fixture
def shell(qtbot, runtime: Runtime) -> Iterator[TidewellApp]:  # type: ignore[no-untyped-def]
    app = started(qtbot, runtime)
    yield app
    stop(app)


@pytest.fixture
def window(qtbot, shell: TidewellApp) -> Iterator[SettingsWindow]:  # type: ignore[no-untyped-def]
    """The settings window, opened as the tray menu opens it; unsaved edits dropped after."""
    shell.open_settings()
    assert shell.settings is not None
    yield shell.settings
    if shell.settings is not None:
        shell.settings.revert()
        shell.settings.close()


def settings_views(window: SettingsWindow) -> Iterator[str]:
    """Show every settings page in turn, and on the Rules page every kind of rule in the
    editor with its "More options" open; yields the name of what is shown."""
    from tidewell.ui.settings.rule_editor import KINDS

    for row, (title, page) in enumerate(window.pages):
        window.sidebar.setCurrentRow(row)
        if page is not window.rules:
            yield title
            continue
        window.rules.table.selectRow(0)
        window.rules.editor.more_button.setChecked(True)
        for index, (_, label) in enumerate(KINDS):
            window.rules.editor.kind.setCurrentIndex(index)
            yield f"rules, {label}"
        window.rules.editor.more_button.setChecked(False)
