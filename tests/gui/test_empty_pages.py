"""Empty pages invite: a sentence on what the page is for and one button, never a greyed
form with a made-up date in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QLabel, QLineEdit, QWidget

from tidewell.core.clock import FakeClock
from tidewell.shell.activity import ActivityTracker
from tidewell.shell.app import TidewellApp
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import DataStore
from tidewell.ui.settings.item_list import ItemList
from tidewell.ui.settings.window import SettingsWindow

from .conftest import SteadyIdle, started, stop


@pytest.fixture
def empty(qtbot, tmp_path: Path, clock: FakeClock) -> Iterator[SettingsWindow]:  # type: ignore[no-untyped-def]
    store, opened = DataStore.open(tmp_path / "empty", clock)
    shell: TidewellApp = started(
        qtbot, Runtime(store, opened.state, clock, ActivityTracker(SteadyIdle()))
    )
    shell.open_settings()
    assert shell.settings is not None
    yield shell.settings
    shell.settings.revert()
    stop(shell)


def lists_of(window: SettingsWindow) -> list[ItemList]:
    assert len(window.pages) == 8  # every page built (each is built when first shown)
    return [w for w in window.findChildren(ItemList) if w.invite]


def shown_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QDateEdit):
            texts.append(widget.date().toString("yyyy-MM-dd"))
    return texts


def test_each_empty_list_invites_with_one_button(qtbot, empty: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    lists = lists_of(empty)
    assert {type(page).__name__ for page in lists} == {
        "IdeasPage",
        "PeoplePage",
        "SeasonsList",
        "TargetsList",
    }
    for page in lists:
        assert page.invitation.isVisibleTo(page)
        assert not page.form_box.isVisibleTo(page)
        assert not page.list.isVisibleTo(page)
        assert "2000-01-01" not in shown_texts(page)
        buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
        assert buttons == [page.invite_add]


def test_the_invitation_starts_the_first_one(qtbot, empty: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    page = empty.people
    empty.sidebar.setCurrentRow(empty.page_row(page))
    page.invite_add.click()
    assert len(empty.draft.people) == 1
    assert not page.invitation.isVisibleTo(page)
    assert page.form_box.isVisibleTo(page) and page.form_box.isEnabled()
