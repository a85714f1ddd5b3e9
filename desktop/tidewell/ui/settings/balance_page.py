"""My balance: the person's own definition, in their words, and the areas of life they name."""

from __future__ import annotations

from datetime import datetime, tzinfo

from msgspec.structs import replace
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.state import State
from tidewell.ui.settings.fields import problem_label
from tidewell.ui.style import plain_label

PROMPT = (
    "What does balance mean for you, in this season of your life? A few sentences are "
    "plenty; nobody else needs to agree."
)
MAX_AREA = 40


class BalancePage(QWidget):
    edited = Signal(object)  # the new draft State
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = State()
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("In your own words", "section"))
        self.definition = QPlainTextEdit()
        self.definition.setPlaceholderText(PROMPT)
        self.definition.setAccessibleName("Your definition of balance")
        self.definition.textChanged.connect(self._definition_changed)
        layout.addWidget(self.definition, 1)
        layout.addWidget(plain_label("The areas of life that matter to you", "section"))
        row = QHBoxLayout()
        self.areas = QListWidget()
        self.areas.setAccessibleName("Your areas of life")
        self.areas.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.areas.model().rowsMoved.connect(self._areas_changed)
        self.areas.itemChanged.connect(self._areas_changed)
        row.addWidget(self.areas, 1)
        buttons = QVBoxLayout()
        self.add_area = QPushButton("Add…")
        self.add_area.clicked.connect(self._add_area)
        self.remove_area = QPushButton("Remove")
        self.remove_area.clicked.connect(self._remove_area)
        self.up = QPushButton("Move up")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton("Move down")
        self.down.clicked.connect(lambda: self._move(1))
        for button in (self.add_area, self.remove_area, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row, 1)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(
            plain_label("Double-click an area to rename it. Your own names are welcome.", "muted")
        )

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state = state
        if self.definition.toPlainText() != state.balance.definition:
            self.definition.blockSignals(True)
            self.definition.setPlainText(state.balance.definition)
            self.definition.blockSignals(False)
        if self._area_names() != list(state.balance.areas):
            self.areas.blockSignals(True)
            self.areas.clear()
            for area in state.balance.areas:
                item = QListWidgetItem(area)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.areas.addItem(item)
            self.areas.blockSignals(False)

    def _area_names(self) -> list[str]:
        return [self.areas.item(i).text().strip() for i in range(self.areas.count())]

    def _definition_changed(self) -> None:
        text = self.definition.toPlainText()
        balance = replace(self.state.balance, definition=text)
        self.edited.emit(replace(self.state, balance=balance))

    def _areas_changed(self, *_: object) -> None:
        names = self._area_names()
        problem = None
        if any(not n for n in names):
            problem = "An area needs a name."
        elif any(len(n) > MAX_AREA for n in names):
            problem = f"Area names fit in {MAX_AREA} characters."
        elif len({n.casefold() for n in names}) != len(names):
            problem = "Two areas have the same name."
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self.validity_changed.emit(problem is None)
        if problem is None:
            balance = replace(self.state.balance, areas=names)
            self.edited.emit(replace(self.state, balance=balance))

    def _add_area(self) -> None:
        name, ok = QInputDialog.getText(self, "New area", "Name of the area:")
        if ok and name.strip():
            self.add_named(name.strip())

    def add_named(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.areas.addItem(item)
        self._areas_changed()

    def _remove_area(self) -> None:
        row = self.areas.currentRow()
        if row >= 0:
            self.areas.takeItem(row)
            self._areas_changed()

    def _move(self, step: int) -> None:
        row = self.areas.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.areas.count():
            return
        item = self.areas.takeItem(row)
        self.areas.insertItem(target, item)
        self.areas.setCurrentRow(target)
        self._areas_changed()
