"""A runtime on a fresh data folder holding the starter rules, Monday 08:00 in London, and a
walk through every window, for the scripts that draw windows in a process of their own
(scaled_window.py, fit_windows.py, pseudo_windows.py)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tidewell.core.clock import FakeClock
from tidewell.core.commands import merge_rules
from tidewell.core.rulefile import merge_file, read_rule_file
from tidewell.platform.idle import Unavailable
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

STARTER = Path(__file__).resolve().parents[2] / "resources" / "examples" / "starter-rules.json"


def starter_runtime() -> Runtime:
    clock = FakeClock(datetime.fromisoformat("2026-11-23T08:00:00+00:00"), "Europe/London")
    store, opened = DataStore.open(Path(tempfile.mkdtemp()), clock)
    incoming = read_rule_file(STARTER.read_bytes())
    state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
    state = merge_file(state, incoming)
    store.save(state)
    return Runtime(store, state, clock, ActivityTracker(Unavailable("not needed")))


def walk_windows(runtime: Runtime, check: Callable[[str, QWidget], None], kinds: bool) -> None:
    """Open every top-level window in turn and ``check`` each view: every settings page (and,
    with ``kinds``, every kind of rule with More options open), the review, the welcome's
    three steps and the quick panel's three pages. Windows load here, after the QApplication."""
    from PySide6.QtCore import QRect

    from tidewell.shell.review_host import ReviewHost
    from tidewell.shell.settings_host import SettingsHost
    from tidewell.ui.quick_panel import QuickPanel
    from tidewell.ui.review.window import ReviewWindow
    from tidewell.ui.settings.rule_editor import KINDS
    from tidewell.ui.settings.welcome import WelcomeDialog
    from tidewell.ui.settings.window import SettingsWindow

    settings = SettingsWindow(
        runtime.state, SettingsHost(runtime), runtime.store.folder / "window.ini"
    )
    settings.show()
    for row, (title, page) in enumerate(settings.pages):
        settings.sidebar.setCurrentRow(row)
        if not kinds or page is not settings.rules:
            check(f"settings, {title}", settings)
            continue
        settings.rules.table.selectRow(0)
        settings.rules.editor.more_button.setChecked(True)
        for index, (_kind, label) in enumerate(KINDS):
            settings.rules.editor.kind.setCurrentIndex(index)
            check(f"settings, rules, {label}", settings)
    settings.revert()
    settings.close()
    review = ReviewWindow(ReviewHost(runtime))
    review.show()
    check("review", review)
    review.close()
    welcome = WelcomeDialog(runtime)
    welcome.show()
    for step in range(3):
        check(f"welcome, step {step + 1}", welcome)
        welcome.next.click()
    welcome.hide()
    panel = QuickPanel()
    for page_number in range(3):
        panel.open_at(QRect(), page_number)
        check(f"quick panel, page {page_number + 1}", panel)
    panel.hide()
