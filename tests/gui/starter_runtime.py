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


def after_actions(runtime: Runtime, check: Callable[[str, QWidget], None], folder: Path) -> None:
    """The words shown after something is done: an export, an import with problems and one
    of a missing file, a rule that needs a fix, a save the parts refuse, a calendar not
    added, a review export; each window checked with its message showing."""
    from tidewell.core.packs import make_pack, preview
    from tidewell.core.state import State
    from tidewell.core.validation import Problem
    from tidewell.i18n import _
    from tidewell.shell.review_host import ReviewHost
    from tidewell.shell.settings_host import SettingsHost
    from tidewell.ui.review.window import ReviewWindow
    from tidewell.ui.settings.add_calendar import AddCalendarDialog
    from tidewell.ui.settings.pack_dialogs import MakePack, PackPreview
    from tidewell.ui.settings.window import SettingsWindow

    host = SettingsHost(runtime)
    settings = SettingsWindow(runtime.state, host, runtime.store.folder / "window.ini")
    settings.show()
    general = settings.page_row(settings.general)
    settings.sidebar.setCurrentRow(general)
    settings.general.export_to(folder / "export.json")
    check("settings, after an export", settings)
    bad = folder / "bad-rules.json"
    bad.write_text('{"rules": [{"id": "a", "name": "", "when": {"kind": "daily", "times": []}}]}')
    settings.general.import_from(bad)
    check("settings, after an import with problems", settings)
    settings.general.import_from(folder / "missing.json")
    check("settings, after an import of a missing file", settings)
    settings.sidebar.setCurrentRow(settings.page_row(settings.rules))
    settings.rules.table.selectRow(0)
    settings.rules.editor.name.setText("")
    check("settings, a rule without a name", settings)
    settings.revert()
    twice = _("the id '{id}' is used twice").format(id="a")
    host.apply = lambda draft: [Problem("$.rules[0].id", twice)]  # type: ignore[method-assign]
    settings.rules.editor.name.setText("A new name")
    settings.save()
    check("settings, a save the parts refuse", settings)
    adding = AddCalendarDialog(host, runtime.state, None, settings)
    adding.show()
    adding.accept_choice()
    check("add a calendar, nothing chosen", adding)
    adding.close()
    settings.revert()
    settings.close()
    from msgspec.structs import replace

    balance = replace(runtime.state.balance, definition="Evenings are ours.")
    kept = replace(runtime.state, balance=balance)
    again = SettingsWindow(runtime.state, host, runtime.store.folder / "window.ini")
    again.show()
    again._offer_kept(kept)  # as when the last Settings ended without asking
    assert again.kept_question is not None
    check("settings, changes kept from last time", again.kept_question)
    again.kept_question.reject()
    again.close()
    picks = [("protected", b.id, "Mine, and why it matters.") for b in runtime.state.blocks]
    picks.append(("rule", runtime.state.rules[0].id, ""))
    pack = make_pack(runtime.state, picks, pack_id="p", title="Evenings", author="Maya",
                     note="Take what fits.", day=runtime.now().date())  # fmt: skip
    previewing = PackPreview(pack, preview(State(), pack))
    previewing.show()
    check("a pack's preview", previewing)
    previewing.close()
    making = MakePack(runtime.state)
    making.show()
    making.picks[0][2].setChecked(True)
    check("share a pack", making)
    making.close()
    review = ReviewWindow(ReviewHost(runtime))
    review.show()
    review.export_to(folder / "journal.csv", journal=True)
    check("review, after an export", review)
    review.open_card()
    review.card.reach.setPlainText("A message is fine until six.")
    check("working with me", review.card)
    review.card.close()
    review.close()
