"""The look shared by Tidewell's small windows: calm colours, soft edges, room to breathe."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SEASON_COLOURS = {"busy": "#d08c3c", "steady": "#4f9a93", "recovery": "#7686c8"}  # one table


class Colours(NamedTuple):
    """Tidewell's own colours, one set for light windows and one for dark; every text colour
    here keeps a contrast of at least 4.5:1 (WCAG AA) on its backgrounds (a test checks)."""

    card: str  # the quick panel and popups
    border: str
    text: str
    muted: str
    reason: str  # the person's own words, quoted back
    section: str
    problem: str
    button: str
    button_border: str
    hover: str
    checked: str
    accent: str  # the default button
    on_accent: str
    idea: str
    idea_border: str


LIGHT = Colours(
    card="#fbfaf7", border="#c9d3d1", text="#26312f", muted="#566663", reason="#34407a",
    section="#226b66", problem="#a4421a", button="#ffffff", button_border="#a9b7b5",
    hover="#eef5f4", checked="#d9ecea", accent="#2a746f", on_accent="#ffffff",
    idea="#ffffff", idea_border="#dfe6e5",
)  # fmt: skip
DARK = Colours(
    card="#1e2524", border="#3b4846", text="#e4ebe9", muted="#a6b5b2", reason="#bcc4f4",
    section="#7ccdc6", problem="#f4a27c", button="#293231", button_border="#55635f",
    hover="#33403e", checked="#2c4d4a", accent="#2a746f", on_accent="#ffffff",
    idea="#252e2d", idea_border="#3b4846",
)  # fmt: skip

_CARD = """
#card {{ background: {card}; border: 1px solid {border}; border-radius: 10px; }}
#card QLabel {{ color: {text}; }}
#card #caption {{ color: {muted}; font-size: 9pt; }}
#title {{ font-size: 12pt; font-weight: 600; }}
#card #reason {{ color: {reason}; font-style: italic; }}
#card #muted {{ color: {muted}; }}
#card #section {{ color: {section}; font-weight: 600; }}
#card #problem {{ color: {problem}; }}
#card QPushButton, #card QToolButton {{
    background: {button}; border: 1px solid {button_border}; border-radius: 6px;
    padding: 4px 10px; color: {text};
}}
#card QToolButton {{ padding-right: 20px; }}
#card QPushButton:hover, #card QToolButton:hover {{ background: {hover}; }}
#card QPushButton:focus, #card QToolButton:focus {{ border: 2px solid {section}; }}
#card QPushButton:default {{ background: {accent}; color: {on_accent}; border-color: {accent}; }}
#card QPushButton#link {{ border: none; color: {section}; text-decoration: underline; }}
#card QPushButton#more {{ border: none; color: {section}; padding: 2px 4px; }}
#card QPushButton:checked {{ background: {checked}; border-color: {section}; }}
#card QLineEdit, #card QComboBox, #card QSpinBox, #card QTimeEdit {{
    background: {button}; color: {text}; border: 1px solid {button_border};
    border-radius: 4px; padding: 2px 4px;
}}
#card QComboBox QAbstractItemView {{ background: {button}; color: {text}; }}
#idea {{ background: {idea}; border: 1px solid {idea_border}; border-radius: 8px; }}
"""

_WINDOW = """
#section {{ font-weight: 600; color: {section}; margin-top: 6px; }}
#muted {{ color: {muted}; }}
#reason {{ color: {reason}; font-style: italic; }}
#problem {{ color: {problem}; }}
QPushButton[day="true"]:checked {{
    background: {accent}; color: {on_accent}; border: 1px solid {accent}; border-radius: 4px;
}}
"""
_SHEET_PROPERTY = "tidewellSheet"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours(palette: QPalette | None = None) -> Colours:
    return DARK if is_dark(palette or QApplication.palette()) else LIGHT


def sheet(kind: str) -> str:
    """'card' (panel, popups) or 'window' (settings, review, welcome), in today's colours."""
    return (_CARD if kind == "card" else _WINDOW).format(**colours()._asdict())


def use_sheet(widget: QWidget, kind: str) -> None:
    """Style ``widget`` and remember how, so a change of appearance restyles it."""
    widget.setProperty(_SHEET_PROPERTY, kind)
    widget.setStyleSheet(sheet(kind))


def restyle_all() -> None:
    for widget in QApplication.allWidgets():
        kind = widget.property(_SHEET_PROPERTY)
        if kind:
            widget.setStyleSheet(sheet(str(kind)))


def plain_label(text: str = "", name: str | None = None, wrap: bool = True) -> QLabel:
    """A label that never reads its text as HTML: people's and imported words are plain text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name:
        label.setObjectName(name)
    return label


def card(parent: QWidget | None = None) -> QWidget:
    widget = QWidget(parent)
    widget.setObjectName("card")
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return widget


def card_layout(window: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """Fill ``window`` with one styled card; returns the card and its layout."""
    use_sheet(window, "card")
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    box = card(window)
    outer.addWidget(box)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(16, 12, 16, 14)
    return box, layout


def dialog_buttons(dialog: QDialog, layout: QVBoxLayout, leave: str, main: str) -> QPushButton:
    """The row that ends a small dialog: a way out (it closes, changing nothing) and the main
    answer, the default, on the right. The caller connects the main button."""
    row = QHBoxLayout()
    row.addStretch(1)
    out = QPushButton(leave)
    out.clicked.connect(dialog.reject)
    answer = QPushButton(main)
    answer.setDefault(True)
    row.addWidget(out)
    row.addWidget(answer)
    layout.addLayout(row)
    return answer
