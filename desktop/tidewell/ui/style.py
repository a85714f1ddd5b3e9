"""The look shared by Tidewell's small windows: calm colours, soft edges, room to breathe."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

SHEET = """
#card {
    background: #fbfaf7;
    border: 1px solid #c9d3d1;
    border-radius: 10px;
}
#card QLabel { color: #26312f; }
#caption { color: #5f6f6c; font-size: 9pt; }
#title { font-size: 12pt; font-weight: 600; }
#reason { color: #34407a; font-style: italic; }
#muted { color: #5f6f6c; }
#section { color: #2f7f7a; font-weight: 600; }
#card QPushButton, #card QToolButton {
    background: #ffffff;
    border: 1px solid #b8c4c2;
    border-radius: 6px;
    padding: 4px 10px;
    color: #26312f;
}
#card QToolButton { padding-right: 20px; }
#card QPushButton:hover, #card QToolButton:hover { background: #eef5f4; }
#card QPushButton:focus, #card QToolButton:focus { border: 2px solid #2f7f7a; }
#card QPushButton:default { background: #2f7f7a; color: #ffffff; border-color: #2f7f7a; }
#card QPushButton#link { border: none; color: #2f7f7a; text-decoration: underline; }
#card QPushButton#more { border: none; color: #2f7f7a; padding: 2px 4px; }
#card QPushButton:checked { background: #d9ecea; border-color: #2f7f7a; }
#idea { background: #ffffff; border: 1px solid #dfe6e5; border-radius: 8px; }
"""


WINDOW_SHEET = """
#section { font-weight: 600; color: palette(highlight); margin-top: 6px; }
#muted { color: palette(placeholder-text); }
#problem { color: #c0562b; }
QPushButton[day="true"]:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(highlight);
    border-radius: 4px;
}
"""


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
    window.setStyleSheet(SHEET)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    box = card(window)
    outer.addWidget(box)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(16, 12, 16, 14)
    return box, layout


def as_tooltip(text: str) -> str:
    """Tooltips guess at rich text: escape everything, so a person's words stay literal
    (an '<img>' in a rule's name is shown as those letters, never loaded)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
