"""Nothing typed in Settings is lost when its process ends without asking (a crash, a power
cut): the unsaved draft is kept beside the data and offered back by the next Settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tidewell.shell.app import TidewellApp
from tidewell.shell.settings_host import DRAFTS, SETTINGS_DRAFT, SettingsHost
from tidewell.ui.settings.window import SettingsWindow

WORDS = "Slow mornings, no laptop at dinner."


def _kept(shell: TidewellApp) -> Path:
    return shell.runtime.store.folder / DRAFTS / SETTINGS_DRAFT


def _typed(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.balance
    page.definition.selectAll()
    qtbot.keyClicks(page.definition, WORDS)
    assert window.dirty


def _next_window(shell: TidewellApp) -> SettingsWindow:
    """Settings opened again, as a new process opens it after the last one died."""
    rt = shell.runtime
    return SettingsWindow(rt.state, SettingsHost(rt), rt.store.folder / "window.ini")


def _answer(qtbot, window: SettingsWindow, label: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.kept_question is not None and window.kept_question.isVisible())
    box = window.kept_question
    assert isinstance(box, QMessageBox)
    button = next(b for b in box.buttons() if b.text() == label)
    button.click()
    qtbot.waitUntil(lambda: window.kept_question is None)


def test_unsaved_changes_come_back_after_a_crash(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    _typed(qtbot, window)
    qtbot.waitUntil(_kept(shell).exists)  # on disk within moments of the typing
    # The process ends here without closing the window; the next Settings offers it back.
    again = _next_window(shell)
    qtbot.addWidget(again)
    _answer(qtbot, again, "Pick up my changes")
    assert again.draft.balance.definition == WORDS and again.dirty
    assert shell.runtime.state.balance.definition != WORDS  # offered, never saved unasked
    again.save()
    assert shell.runtime.state.balance.definition == WORDS
    qtbot.waitUntil(lambda: not _kept(shell).exists())  # saved: nothing left to keep
    window.revert()


def test_starting_from_what_is_saved_lets_the_kept_changes_go(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    _typed(qtbot, window)
    qtbot.waitUntil(_kept(shell).exists)
    again = _next_window(shell)
    qtbot.addWidget(again)
    _answer(qtbot, again, "Start from what is saved")
    assert not again.dirty and not _kept(shell).exists()
    window.revert()


def test_a_window_closed_on_purpose_keeps_nothing(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    _typed(qtbot, window)
    qtbot.waitUntil(_kept(shell).exists)
    window.revert()
    qtbot.waitUntil(lambda: not _kept(shell).exists())  # nothing unsaved: nothing kept
    _typed(qtbot, window)
    qtbot.waitUntil(_kept(shell).exists)
    window.save()
    window.close()
    assert not _kept(shell).exists()
    again = _next_window(shell)
    qtbot.addWidget(again)
    assert again.kept_question is None


def test_a_damaged_kept_draft_is_ignored(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    path = _kept(shell)
    path.parent.mkdir(parents=True, exist_ok=True)
    for damaged in (b"{not json", b"[" * 100_000, b'{"rules": {"1": {"id": 7}}}', b"[]"):
        path.write_bytes(damaged)
        again = _next_window(shell)
        qtbot.addWidget(again)
        assert again.kept_question is None and not again.dirty
