"""Small form pieces for the settings pages: a field with its problem shown beside it,
weekday pickers, and text lists ('09:00, 15:30')."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tidewell.core.fields import WEEKDAYS
from tidewell.ui.style import plain_label

DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LABEL_WIDTH = 130


def form_label(text: str) -> QLabel:
    """Labels of one width, so the editor's separate forms line up as one."""
    label = plain_label(text, wrap=True)
    label.setFixedWidth(LABEL_WIDTH)
    return label


class Field(QWidget):
    """A control with a line under it for its problem, in words, when there is one."""

    def __init__(self, control: QWidget, accessible: str, hint: str = "") -> None:
        super().__init__()
        self.control = control
        control.setAccessibleName(accessible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(control)
        self.hint = plain_label(hint, "muted")
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.problem = plain_label(name="problem")
        self.problem.hide()
        layout.addWidget(self.problem)

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self.control.setAccessibleDescription(text or "")


class DayPicker(QWidget):
    """Seven small toggle buttons, Mo to Su."""

    def __init__(self, accessible: str) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.boxes: list[QPushButton] = []
        for label, name in zip(DAY_LABELS, DAY_NAMES, strict=True):
            box = QPushButton(label[:2])
            box.setCheckable(True)
            box.setProperty("day", True)
            box.setFixedWidth(36)
            box.setToolTip(name)
            box.setAccessibleName(f"{accessible}: {name}")
            self.boxes.append(box)
            layout.addWidget(box)
        layout.addStretch(1)

    def days(self) -> list[str]:
        return [day for day, box in zip(WEEKDAYS, self.boxes, strict=True) if box.isChecked()]

    def set_days(self, days: list[str]) -> None:
        for day, box in zip(WEEKDAYS, self.boxes, strict=True):
            box.setChecked(day in days)


def field_for(path: str, fields: dict[str, Field]) -> Field | None:
    """The visible field a problem's path belongs to ('when.times[0]' -> 'when.times'),
    walking up to the nearest field that exists; None when none is shown."""
    key = re.sub(r"\[\d+\]", "", path.removeprefix("$."))
    while key and key not in fields:
        key = key.rpartition(".")[0]
    field = fields.get(key)
    return field if field is not None and not field.isHidden() else None


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def problem_label() -> QLabel:
    label = plain_label(name="problem")
    label.hide()
    return label
