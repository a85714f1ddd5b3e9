"""Small form pieces for the settings pages: a field with its problem shown beside it,
weekday pickers, and text lists ('09:00, 15:30')."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.fields import WEEKDAYS
from tidewell.i18n import _, n_
from tidewell.ui.dates import day_names, week_order
from tidewell.ui.style import plain_label

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
        text = in_words(text) if text else text
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self.control.setAccessibleDescription(text or "")


class DayPicker(QWidget):
    """Seven small toggle buttons, in the order the locale begins its week, named as the
    locale names the days."""

    def __init__(self, accessible: str) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.boxes: list[QPushButton] = []
        short, names = day_names(short=True), day_names()
        for index in range(7):
            box = QPushButton(short[index].rstrip("."))
            box.setCheckable(True)
            box.setProperty("day", True)
            box.setFixedWidth(max(32, box.fontMetrics().horizontalAdvance(box.text()) + 16))
            box.setToolTip(names[index])
            box.setAccessibleName(_("{field}: {day}").format(field=accessible, day=names[index]))
            self.boxes.append(box)
        for index in week_order():
            layout.addWidget(self.boxes[index])
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


class Toggles(QWidget):
    """A row of toggle buttons for choices, not syntax: snooze lengths, places, seasons, the
    person's own protected blocks. ``values()`` are the ticked ones, in the order offered."""

    toggled = Signal()

    def __init__(
        self,
        accessible: str,
        options: list[tuple[str, object]] | None = None,
        columns: int = 3,
    ) -> None:
        super().__init__()
        self.accessible = accessible
        self.columns = columns  # a grid, so a narrow form never cuts a choice off
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self.buttons: list[tuple[QPushButton, object]] = []
        self.set_options(options or [])

    def set_options(self, options: list[tuple[str, object]]) -> None:
        """Offer these (label, value) choices; what was ticked stays ticked."""
        ticked = self.values()
        known = {value for _unused, value in options}
        options = [*options, *((str(v), v) for v in ticked if v not in known)]
        if [(b.text(), v) for b, v in self.buttons] == options:
            return
        for button, _unused in self.buttons:
            self.grid.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        for index, (label, value) in enumerate(options):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setProperty("day", True)  # drawn like the day toggles
            button.setAccessibleName(_("{field}: {day}").format(field=self.accessible, day=label))
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(label) + 16)
            button.setChecked(value in ticked)
            button.toggled.connect(self._toggled)
            self.grid.addWidget(button, *divmod(index, self.columns))
            self.buttons.append((button, value))

    def values(self) -> list[object]:
        return [value for button, value in self.buttons if button.isChecked()]

    def set_values(self, values: list[object]) -> None:
        known = {value for _unused, value in self.buttons}
        extra = [(str(v), v) for v in values if v not in known]
        if extra:
            self.set_options([*((b.text(), v) for b, v in self.buttons), *extra])
        for button, value in self.buttons:
            button.blockSignals(True)
            button.setChecked(value in values)
            button.blockSignals(False)

    def _toggled(self, _on: bool) -> None:
        self.toggled.emit()


_WORDS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    # the checker's words, as a person says them (the command line keeps the exact ones)
    (re.compile(r"^expected str of length <= (\d+)$"),
     lambda m: n_("at most {count} letter, please", "at most {count} letters, please",
                  int(m[1])).format(count=m[1])),
    (re.compile(r"^expected str of length >= 1$"), lambda m: _("this cannot be empty")),
    (re.compile(r"^expected str \((.+)\)$"), lambda m: _(m[1])),
    (re.compile(r"^expected (?:int|float) >= (\d+)$"),
     lambda m: _("a number of {number} or more").format(number=m[1])),
    (re.compile(r"^expected (?:int|float) <= (\d+)$"),
     lambda m: _("a number of {number} or less").format(number=m[1])),
    (re.compile(r"^expected array of length <= (\d+)$"),
     lambda m: _("at most {number} of these").format(number=m[1])),
    (re.compile(r"^expected \w+, got null$"), lambda m: _("this needs to be filled in")),
    (re.compile(r"^object missing required field \w+$"),
     lambda m: _("this needs to be filled in")),
    (re.compile(r"^expected (?:int|float|str|bool|array|object)(?:, got \w+)?$"),
     lambda m: _("this does not fit here; try again in words or numbers like the example")),
)  # fmt: skip


def in_words(message: str) -> str:
    """A problem in the person's words: no type names from the checker. The core's own
    problems are already in the person's language."""
    for pattern, words in _WORDS:
        found = pattern.match(message)
        if found:
            return words(found)
    return message


_ITEM = re.compile(r"^\$\.(?P<section>[a-z]+)\[(?P<index>\d+)\]")
_NOUNS = {"rules": _("Rule"), "protected": _("Protected time"), "people": _("Person"),
          "seasons": _("Season"), "ideas": _("Idea"), "balance": _("Your balance")}  # fmt: skip


def where_in_words(path: str) -> str:
    """Where a problem is, for a window: '$.rules[1].when' -> 'Rule 2' (paths are for the
    command line)."""
    found = _ITEM.match(path)
    if found:
        noun = _NOUNS.get(found["section"], found["section"].capitalize())
        return f"{noun} {int(found['index']) + 1}"
    section = path.removeprefix("$.").split(".", 1)[0].split("[", 1)[0]
    return _NOUNS.get(section, "The file") if path != "$" else _("The file")
