"""A stored rule that does not fit stays visible in Settings with why, and can be mended as
text; it is never dropped, and never breaks a window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from tidewell.core.clock import FakeClock
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.app import TidewellApp
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import MAIN, DataStore
from tidewell.ui.settings.window import SettingsWindow

from ..helpers import rule
from .conftest import SteadyIdle, started, stop

BROKEN = {"id": "broken", "name": "Call Dad", "when": {"kind": "at", "times": ["9am"]},
          "nudge": {"title": "Dad?"}}  # fmt: skip


@pytest.fixture
def mixed(qtbot, tmp_path: Path, clock: FakeClock) -> Iterator[TidewellApp]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mixed"
    folder.mkdir()
    doc = {"meta": {"1": {"schema_version": 1}},
           "rules": {"1": msgspec.to_builtins(rule("fine")), "2": BROKEN}}  # fmt: skip
    (folder / MAIN).write_text(json.dumps(doc))
    store, opened = DataStore.open(folder, clock)
    shell = started(qtbot, Runtime(store, opened.state, clock, ActivityTracker(SteadyIdle())))
    yield shell
    stop(shell)


def test_a_rule_that_does_not_fit_is_listed_with_why_and_mended_as_text(
    qtbot, mixed: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    mixed.open_settings()
    window = mixed.settings
    assert isinstance(window, SettingsWindow)
    window.sidebar.setCurrentRow(window.page_row(window.rules))
    fix = window.rules.needs_fix
    assert fix.isVisibleTo(window)
    assert fix.list.item(0).text() == "Call Dad: a time like 09:00"
    fix.open_chosen()
    dialog = fix.dialog
    assert dialog is not None
    dialog.text.setPlainText(dialog.text.toPlainText().replace('"9am"', '"9 o\'clock"'))
    dialog.keep.click()
    assert dialog.isVisible() and "Not yet: a time like 09:00" in dialog.problem.text()
    dialog.text.setPlainText(dialog.text.toPlainText().replace('"9 o\'clock"', '"09:00"'))
    dialog.keep.click()
    assert not dialog.isVisible() and fix.isHidden()
    assert [r.id for r in window.draft.rules] == ["fine", "broken"]
    assert window.save()
    stored = json.loads((mixed.runtime.store.folder / MAIN).read_text())["rules"]
    assert [r["when"].get("times") for r in stored.values()] == [["09:00"], ["09:00"]]
