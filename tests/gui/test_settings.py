"""The settings window through the shell: edit, check as you type, save, undo, the guard."""

from __future__ import annotations

import msgspec
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tidewell.shell.app import TidewellApp
from tidewell.ui.settings.rule_editor import KIND_IDS
from tidewell.ui.settings.rules_model import NAME, RULE_ROLE
from tidewell.ui.settings.window import SettingsWindow


def select(window: SettingsWindow, rule_id: str) -> None:
    window.sidebar.setCurrentRow(1)
    page = window.rules
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, NAME)
        if page.proxy.data(index, RULE_ROLE) == rule_id:
            page.table.setCurrentIndex(index)
            return
    raise AssertionError(f"no row for {rule_id}")


def visible_rows(window: SettingsWindow) -> list[str]:
    proxy = window.rules.proxy
    return [proxy.data(proxy.index(r, NAME), RULE_ROLE) for r in range(proxy.rowCount())]


def test_the_models_pass_qt_model_tester(qtmodeltester, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.rules.model)
    qtmodeltester.check(window.rules.proxy)


def test_editing_a_rule_and_saving_writes_it(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    select(window, "stretch")
    editor = window.rules.editor
    assert editor.name.text() == "Stand up and stretch"
    assert not window.save_button.isEnabled()
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Walk around the block")
    assert window.dirty and window.save_button.isEnabled()
    assert window.status.text() == "Unsaved changes."
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert shell.runtime.state.rule("stretch").name == "Walk around the block"  # type: ignore[union-attr]
    saved = msgspec.json.decode((shell.runtime.store.folder / "tidewell.json").read_bytes())
    assert "Walk around the block" in str(saved["rules"])
    assert window.status.text() == "Saved." and not window.save_button.isEnabled()


@pytest.mark.parametrize(
    ("field", "text", "key", "message"),
    [
        ("times", "09:00, 25:00", "when.times", "'25:00' is not a time; try 18:30 or 6:30pm"),
        ("name", "", "name", "this cannot be empty"),
        (
            "link",
            "file:///etc/passwd",
            "nudge.link",
            "a link starts with one of http, https, mailto, tel",
        ),
        ("link", "javascript:alert(1)", "nudge.link", "a link starts with one of"),
        ("between_start", "noonish", "only_if.between", "'noonish' is not a time"),
    ],
)
def test_problems_show_beside_their_field_and_block_saving(  # type: ignore[no-untyped-def]
    qtbot, window: SettingsWindow, field: str, text: str, key: str, message: str
) -> None:
    select(window, "stretch")
    editor = window.rules.editor
    editor.more_button.setChecked(True)
    edit = getattr(editor, field)
    original = edit.text()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    problem = editor.fields[key].problem
    assert not problem.isHidden()
    assert message in problem.text()
    assert not window.save_button.isEnabled()
    assert "Rules" in window.status.text()
    edit.selectAll()  # putting it right lets the person save again
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if original:
        qtbot.keyClicks(edit, original)
    assert problem.isHidden()
    assert "Rules" not in window.status.text()
    assert window.save_button.isEnabled() is window.dirty  # saving is up to the changes again


def test_the_kind_chooser_shows_only_that_kinds_fields(window: SettingsWindow) -> None:
    select(window, "stretch")
    editor = window.rules.editor
    editor.kind.setCurrentIndex(KIND_IDS.index("waiting"))
    shown = [KIND_IDS[i] for i, page in enumerate(editor.kind_pages) if not page.isHidden()]
    assert shown == ["waiting"]
    assert window.draft.rule("stretch").when.__struct_config__.tag == "waiting"  # type: ignore[union-attr]


def test_preview_lists_the_next_five_times(window: SettingsWindow) -> None:
    select(window, "stretch")
    assert window.rules.editor.preview.text() == (
        "11:00, 15:30, tomorrow 11:00, tomorrow 15:30, Wed 11:00"
    )


def test_add_delete_and_undo(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.rules
    page.add({"name": "Call Dad", "when": {"kind": "waiting"}, "nudge": {"title": "Dad?"}})
    assert "call-dad" in visible_rows(window)
    assert page.selected == "call-dad"
    page.delete()
    assert "call-dad" not in visible_rows(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "call-dad" in visible_rows(window)
    page.selected = "call-dad"
    page.duplicate()
    assert "call-dad-2" in visible_rows(window)


def test_search_and_filters(window: SettingsWindow) -> None:
    page = window.rules
    page.search.setText("stretch")
    assert visible_rows(window) == ["stretch"]
    page.search.clear()
    page.area_filter.setCurrentIndex(page.area_filter.findData("family"))
    assert sorted(visible_rows(window)) == ["airport", "offline"]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("waiting"))
    assert visible_rows(window) == ["airport"]


def test_enable_and_disable_from_the_table(window: SettingsWindow) -> None:
    select(window, "late")
    model = window.rules.model
    index = model.index(model.row_of("late"), 0)
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.draft.rule("late").enabled is False  # type: ignore[union-attr]


def test_try_it_now_shows_the_popup_without_journaling(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    select(window, "late")
    qtbot.mouseClick(window.rules.editor.try_button, Qt.MouseButton.LeftButton)
    assert shell.popup.isVisible() and shell.popup.title.text() == "Still here at this hour?"
    assert not shell.popup.chose.isHidden()
    before = shell.runtime.store.journal.entries(2026, shell.runtime.clock.now())  # type: ignore[union-attr]
    shell.popup.done.click()
    after = shell.runtime.store.journal.entries(2026, shell.runtime.clock.now())  # type: ignore[union-attr]
    assert after == before


def test_balance_in_your_own_words_and_areas(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    page = window.balance
    page.definition.selectAll()
    qtbot.keyClicks(page.definition, "Slow mornings, no laptop at dinner.")
    page.add_named("garden")
    assert window.draft.balance.areas[-1] == "garden"
    page.add_named("Garden")
    assert not page.problem.isHidden() and "same name" in page.problem.text()
    assert not window.save_button.isEnabled()
    page.areas.setCurrentRow(page.areas.count() - 1)
    page.remove_area.click()
    assert window.save_button.isEnabled()
    window.save()
    assert shell.runtime.state.balance.definition == "Slow mornings, no laptop at dinner."
    assert shell.runtime.state.balance.areas[-1] == "garden"


def answer_close_question(window: SettingsWindow, button: QMessageBox.StandardButton) -> None:
    QTimer.singleShot(0, lambda: window.close_question.button(button).click())


def test_closing_with_unsaved_changes_asks_first(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    select(window, "stretch")
    window.rules.editor.name.setText("x")
    window.rules.editor.name.textEdited.emit("x")
    assert window.dirty
    answer_close_question(window, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and window.dirty
    answer_close_question(window, QMessageBox.StandardButton.Discard)
    assert window.close()
    assert shell.runtime.state.rule("stretch").name == "Stand up and stretch"  # type: ignore[union-attr]


def test_the_window_remembers_its_size_and_page(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    shell.open_settings()
    first = shell.settings
    assert first is not None
    first.resize(760, 540)  # within the offscreen screen (800x600)
    size = (first.width(), first.height())
    assert size != (1180, 760)
    first.sidebar.setCurrentRow(1)
    first.close()
    qtbot.waitUntil(lambda: shell.settings is None)
    shell.open_settings()
    again = shell.settings
    assert again is not None
    assert again.sidebar.currentRow() == 1
    assert (again.width(), again.height()) == size
    again.close()


def test_every_control_has_an_accessible_name(window: SettingsWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (*kinds, QAbstractButton)):
            continue
        if widget.window() is not window:  # a combo box's popup list, Qt's own
            continue
        if isinstance(
            widget.parent(), QComboBox | QAbstractSpinBox | QLineEdit | QAbstractItemView
        ):
            continue  # parts of a control (its editor, clear button, headers) speak through it
        named = widget.accessibleName() or (
            isinstance(widget, QAbstractButton) and widget.text().strip()
        )
        if not named:
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert unnamed == [], "\n".join(unnamed)


def test_ctrl_n_starts_a_blank_rule_ready_to_name(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    window.sidebar.setCurrentRow(0)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.rules
    assert window.rules.selected == "a-new-rule"
    assert window.rules.editor.name.selectedText() == "A new rule"


def test_conditions_seasons_a_person_and_not_done_lately(window: SettingsWindow) -> None:
    select(window, "stretch")
    editor = window.rules.editor
    next(b for b, v in editor.not_in_season.buttons if v == "busy").click()
    editor.reachable.setCurrentIndex(editor.reachable.findData("sister"))
    editor.not_done_days.setValue(3)
    only_if = window.draft.rule("stretch").only_if  # type: ignore[union-attr]
    assert (only_if.not_in_season, only_if.reachable, only_if.not_done_within_days) == (
        ["busy"],
        "sister",
        3,
    )
    # Anna is free 18:00-22:00; stretches are at 11:00 and 15:30: they never meet.
    assert editor.preview.text().startswith("Not in the coming months")
    editor.reachable.setCurrentIndex(0)
    # Outside the busy season (until 19 Dec) it fires again; the preview shows when.
    assert editor.preview.text().startswith("Mon 21 Dec 11:00")


def test_activity_rules_say_so_where_activity_cannot_be_read(qtbot, runtime) -> None:  # type: ignore[no-untyped-def]
    from tidewell.platform.idle import Unavailable

    from .conftest import started, stop

    runtime.activity.source = Unavailable("no input-idle information on this display")
    shell = started(qtbot, runtime)
    try:
        shell.open_settings()
        window = shell.settings
        assert window is not None
        select(window, "late")
        note = window.rules.editor.activity_note
        assert not note.isHidden()
        assert "can't see keyboard and mouse activity on this desktop" in note.text()
        assert "input-idle" not in note.text()  # the technical reason is for the log
        assert "doesn't tell Tidewell when you step away" in window.general.stepping_away.text()
        select(window, "stretch")
        assert note.isHidden()
    finally:
        stop(shell)


def test_how_nudges_come_is_chosen_in_general(window) -> None:  # type: ignore[no-untyped-def]
    general = window.general
    assert general.nudges_as.currentData() == "auto" and general.popup_place.isEnabled()
    general.nudges_as.setCurrentIndex(general.nudges_as.findData("notifications"))
    assert window.draft.settings.nudges_as == "notifications"
    assert not general.popup_place.isEnabled()  # popups' place means nothing then
    window.save()
    assert window.host.runtime.state.settings.nudges_as == "notifications"
