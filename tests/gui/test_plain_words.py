"""Every window speaks plainly: no syntax, ids, JSON paths, library or protocol names in any
visible text, placeholder or tooltip, on every settings page, every rule kind, the welcome,
the review, the panel and a popup."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tidewell.shell.app import TidewellApp
from tidewell.ui.settings.welcome import WelcomeDialog
from tidewell.ui.settings.window import SettingsWindow

from .conftest import settings_views

DEVELOPER_WORDS = re.compile(
    r"(?i:expected (str|int|array|object)|\bkeyring\b|D-?Bus|webcal|\.ics\b|msgspec"
    r"|ValidationError|Traceback|Secret Service|FREQ=)"
    r"|\$\.|\bRRULE\b|\bJSON\b|\bNone\b|\bTrue\b|\bFalse\b|\bIANA\b|\bid\b"
    r"|\b(Europe|America|Asia|Africa|Australia|Pacific)/[A-Z]"
)


def visible_words(root: QWidget) -> list[str]:
    """What a person can read in ``root``: texts, placeholders, tooltips, list items."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        found.append(widget.toolTip())
        found.append(widget.windowTitle() if widget.isWindow() else "")
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
    return [text for text in found if text]


def developer_words(root: QWidget, where: str) -> list[str]:
    return [
        f"{where}: {text[:80]!r}" for text in visible_words(root) if DEVELOPER_WORDS.search(text)
    ]


def test_the_word_list_catches_what_it_should(qtbot) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    label = QLabel("$.rules[0].when: Expected `str`, got `int`", root)
    edit = QLineEdit(root)
    edit.setPlaceholderText("FREQ=MONTHLY;BYDAY=1SA")
    root.setToolTip("Stored in your keyring")
    label.show()
    edit.show()
    assert len(developer_words(root, "test")) == 3
    plain = QWidget()
    qtbot.addWidget(plain)
    QLabel("Your calendar's private address goes to your system's password store.", plain)
    assert developer_words(plain, "test") == []


def test_no_window_speaks_like_a_developer(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    found: list[str] = []
    shell.open_settings()
    window = shell.settings
    assert isinstance(window, SettingsWindow)
    for view in settings_views(window):
        found += developer_words(window, view)
    shell.open_review()
    assert shell.review is not None
    found += developer_words(shell.review, "review")
    welcome = WelcomeDialog(shell.runtime)
    qtbot.addWidget(welcome)
    welcome.show()
    for step in range(3):
        found += developer_words(welcome, f"welcome {step + 1}")
        if step < 2:
            welcome.next.click()
    shell.open_panel()
    for content in shell.contents():
        found += developer_words(content, "panel")
    shell.nudges.try_rule(shell.runtime.state.rules[0])
    found += developer_words(shell.popup, "popup")
    assert found == [], "\n".join(found)
