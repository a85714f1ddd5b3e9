"""The keyboard alone: the rules table is one Tab stop, and every input says what it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tidewell.shell.app import TidewellApp
from tidewell.ui.settings.welcome import WelcomeDialog
from tidewell.ui.settings.window import SettingsWindow

from .conftest import settings_views

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


def unnamed_inputs(root: QWidget) -> list[str]:
    """Visible inputs a screen reader could not name (buttons and boxes name themselves)."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), QComboBox | QAbstractSpinBox
        ):
            continue  # the box's own editor: the box carries the name
        if isinstance(widget, QAbstractButton):
            if not (widget.text().strip() or widget.accessibleName()):
                missing.append(f"{type(widget).__name__} without words")
        elif isinstance(widget, INPUTS) and not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName() or ''}".strip())
    return missing


def test_a_checker_that_can_fail(qtbot) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    QLineEdit(root)
    assert unnamed_inputs(root) == ["QLineEdit"]


def test_every_settings_page_and_rule_kind_names_its_inputs(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    shell.open_settings()
    window = shell.settings
    assert isinstance(window, SettingsWindow)
    found = {view: unnamed_inputs(window) for view in settings_views(window)}
    assert {k: v for k, v in found.items() if v} == {}


def test_the_welcome_names_its_inputs(qtbot, runtime) -> None:  # type: ignore[no-untyped-def]
    dialog = WelcomeDialog(runtime)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(3):
        assert unnamed_inputs(dialog) == []
        if dialog.next.text() == "Next":
            dialog.next.click()


def test_the_review_names_its_inputs(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    shell.open_review()
    assert shell.review is not None
    assert unnamed_inputs(shell.review) == []


def test_the_rules_table_is_one_tab_stop(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    """Bug: Tab walked the table cell by cell (20 stops for 4 rules), moving the selection."""
    shell.open_settings()
    window = shell.settings
    assert isinstance(window, SettingsWindow)
    window.sidebar.setCurrentRow(window.page_row(window.rules))
    table = window.rules.table
    table.setFocus()
    table.selectRow(0)
    selected = table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # arrows move inside
    assert table.currentIndex().row() == selected + 1
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert table.currentIndex().row() == selected + 1
