"""My balance: the person's own definition, in their words, and the areas of life they name."""

from __future__ import annotations

from datetime import datetime, tzinfo

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.rules import ReflectTrigger, Rule
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.settings.fields import problem_label
from tidewell.ui.settings.page import SettingsPage
from tidewell.ui.settings.seasons import SeasonsList
from tidewell.ui.settings.starters import STARTER_RULES
from tidewell.ui.settings.targets import TargetsList
from tidewell.ui.style import plain_label

PROMPT = _(
    "What does balance mean for you, in this season of your life? A few sentences are "
    "plenty; nobody else needs to agree."
)
MAX_AREA = 40
REFLECT_RULE = {**next(r for r in STARTER_RULES if r["when"]["kind"] == "reflect"), "id": "reflect"}


class BalancePage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = State()
        self._syncing = False
        self._areas_ok = True
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        words = QVBoxLayout()
        words.addWidget(plain_label(_("In your own words"), "section"))
        self.definition = QPlainTextEdit()
        self.definition.setPlaceholderText(PROMPT)
        self.definition.setAccessibleName(_("Your definition of balance"))
        self.definition.textChanged.connect(self._definition_changed)
        words.addWidget(self.definition, 1)
        top.addLayout(words, 3)
        areas_box = QVBoxLayout()
        areas_box.addWidget(plain_label(_("Areas of life that matter to you"), "section"))
        row = QHBoxLayout()
        self.areas = QListWidget()
        self.areas.setAccessibleName(_("Your areas of life"))
        self.areas.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.areas.model().rowsMoved.connect(self._areas_changed)
        self.areas.itemChanged.connect(self._areas_changed)
        row.addWidget(self.areas, 1)
        buttons = QVBoxLayout()
        self.add_area = QPushButton(_("Add…"))
        self.add_area.clicked.connect(self._add_area)
        self.remove_area = QPushButton(_("Remove"))
        self.remove_area.clicked.connect(self._remove_area)
        self.up = QPushButton(_("Move up"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton(_("Move down"))
        self.down.clicked.connect(lambda: self._move(1))
        for button in (self.add_area, self.remove_area, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        areas_box.addLayout(row, 1)
        self.problem = problem_label()
        areas_box.addWidget(self.problem)
        areas_box.addWidget(
            plain_label(
                _("Double-click an area to rename it. Your own names are welcome."), "muted"
            )
        )
        top.addLayout(areas_box, 2)
        layout.addLayout(top, 2)
        reflect = QHBoxLayout()
        self.reflect_on = QCheckBox(_("Ask me now and then whether this still fits: every"))
        self.reflect_on.setAccessibleName(_("Ask me to reflect on my balance"))
        self.reflect_weeks = QSpinBox()
        self.reflect_weeks.setRange(1, 52)
        self.reflect_weeks.setSuffix(_(" weeks"))
        self.reflect_weeks.setAccessibleName(_("How often to reflect, in weeks"))
        reflect.addWidget(self.reflect_on)
        reflect.addWidget(self.reflect_weeks)
        reflect.addStretch(1)
        layout.addLayout(reflect)
        self.reflect_on.toggled.connect(self._reflect_changed)
        self.reflect_weeks.valueChanged.connect(self._reflect_changed)
        self.seasons = SeasonsList()
        self.seasons.edited.connect(self.edited)
        self.seasons.validity_changed.connect(self._seasons_valid)
        self.targets = TargetsList()
        self.targets.edited.connect(self.edited)
        self.targets.validity_changed.connect(self._seasons_valid)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Seasons and your own numbers"))
        self.tabs.addTab(self.seasons, _("Seasons: busy stretches are fine when you know them"))
        self.tabs.addTab(self.targets, _("Your own numbers, for the review"))
        layout.addWidget(self.tabs, 3)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state = state
        self.seasons.set_state(state, now, home)
        self.targets.set_state(state, now, home)
        rule = self._reflect_rule()
        self._syncing = True
        self.reflect_on.setChecked(rule is not None and rule.enabled)
        weeks = rule.when.every_weeks if rule and isinstance(rule.when, ReflectTrigger) else 4
        self.reflect_weeks.setValue(weeks)
        self.reflect_weeks.setEnabled(self.reflect_on.isChecked())
        self._syncing = False
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

    def _seasons_valid(self, _unused: bool) -> None:
        self.validity_changed.emit(self.seasons.valid and self.targets.valid and self._areas_ok)

    def _reflect_rule(self) -> Rule | None:
        return next((r for r in self.state.rules if isinstance(r.when, ReflectTrigger)), None)

    def _reflect_changed(self) -> None:
        if self._syncing:
            return
        on, weeks = self.reflect_on.isChecked(), self.reflect_weeks.value()
        self.reflect_weeks.setEnabled(on)
        rule = self._reflect_rule()
        if rule is None:
            if not on:
                return
            rule = msgspec.convert(REFLECT_RULE, Rule)
        assert isinstance(rule.when, ReflectTrigger)
        new = replace(rule, enabled=on, when=replace(rule.when, every_weeks=weeks))
        rules = [new if r.id == new.id else r for r in self.state.rules]
        if new.id not in {r.id for r in rules}:
            rules.append(new)
        if rules != self.state.rules:
            self.edited.emit(replace(self.state, rules=rules))

    def _area_names(self) -> list[str]:
        return [self.areas.item(i).text().strip() for i in range(self.areas.count())]

    def _definition_changed(self) -> None:
        text = self.definition.toPlainText()
        balance = replace(self.state.balance, definition=text)
        self.edited.emit(replace(self.state, balance=balance))

    def _areas_changed(self, *_unused: object) -> None:
        names = self._area_names()
        problem = None
        if any(not n for n in names):
            problem = _("An area needs a name.")
        elif any(len(n) > MAX_AREA for n in names):
            problem = _("Area names fit in {count} letters.").format(count=MAX_AREA)
        elif len({n.casefold() for n in names}) != len(names):
            problem = _("Two areas have the same name.")
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self._areas_ok = problem is None
        self.validity_changed.emit(self._areas_ok and self.seasons.valid and self.targets.valid)
        if problem is None:
            balance = replace(self.state.balance, areas=names)
            self.edited.emit(replace(self.state, balance=balance))

    def _add_area(self) -> None:
        name, ok = QInputDialog.getText(self, _("New area"), _("Name of the area:"))
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
