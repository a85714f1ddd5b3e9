"""The Rules page: a searchable table of rules beside the editor for the selected one."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import partial
from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.fields import free_id
from tidewell.core.rules import Rule
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.settings.needs_fix import NeedsFix
from tidewell.ui.settings.page import SettingsPage
from tidewell.ui.settings.rule_editor import KINDS, RuleEditor
from tidewell.ui.settings.rules_model import NAME, RULE_ROLE, RuleFilter, RulesModel
from tidewell.ui.settings.starters import STARTER_RULES
from tidewell.ui.style import plain_label

BLANK = {
    "name": _("A new rule"),
    "area": "self",
    "when": {"kind": "at", "times": ["09:00"], "days": ["mon", "tue", "wed", "thu", "fri"]},
    "nudge": {"title": _("A new rule")},
}


class RulesPage(SettingsPage):
    try_requested = Signal(object)  # Rule

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = State()
        self.model = RulesModel(self)
        self.model.enabled_toggled.connect(self._toggle)
        self.proxy = RuleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.selected: str | None = None
        self.fresh: set[str] = set()  # rules made in this window, not yet named for good
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search rules"))
        self.search.setAccessibleName(_("Search rules"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.area_filter = QComboBox()
        self.area_filter.setAccessibleName(_("Show the rules of an area"))
        self.area_filter.currentIndexChanged.connect(self._filter)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(_("Show the rules of a kind"))
        self.kind_filter.addItem(_("Every kind"), None)
        for kind, label in KINDS:
            self.kind_filter.addItem(label, kind)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        tools.addWidget(self.search, 2)
        tools.addWidget(self.area_filter, 1)
        tools.addWidget(self.kind_filter, 1)
        layout.addLayout(tools)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add rule"))
        add_menu = QMenu(self.add_button)
        add_menu.addAction(_("Blank rule (Ctrl+N)"), self.add_blank)
        for starter in STARTER_RULES:
            add_menu.addAction(
                _("Idea: {name}").format(name=starter["name"]), partial(self.add, starter)
            )
        self.add_button.setMenu(add_menu)
        self.duplicate_button = QPushButton(_("Duplicate"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setAccessibleName(_("Your rules"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # one Tab stop: arrows move inside it
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 44)
        self.table.setColumnWidth(1, 170)
        self.table.setColumnWidth(2, 64)
        self.table.setColumnWidth(3, 200)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._select)
        split.addWidget(self.table)
        self.editor = RuleEditor()
        self.editor.rule_edited.connect(self._rule_edited)
        self.editor.validity_changed.connect(self.validity_changed)
        self.editor.try_requested.connect(self.try_requested)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setMinimumWidth(440)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = plain_label(_("No rules yet. 'Add rule' starts one, blank or from an idea."))
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([500, 520])
        layout.addWidget(split, 1)
        self.needs_fix = NeedsFix()
        self.needs_fix.mended.connect(self._mended)
        layout.addWidget(self.needs_fix)
        layout.addWidget(self.empty)

    # --- state in -----------------------------------------------------------------------

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state = state
        self.model.set_state(state, now, home)
        self.editor.set_context(state, now, home)
        areas = sorted({*state.balance.areas, *(r.area for r in state.rules)})
        current = self.area_filter.currentData()
        self.area_filter.blockSignals(True)
        self.area_filter.clear()
        self.area_filter.addItem(_("Every area"), None)
        for area in areas:
            self.area_filter.addItem(area, area)
        self.area_filter.setCurrentIndex(max(0, self.area_filter.findData(current)))
        self.area_filter.blockSignals(False)
        self.empty.setVisible(not state.rules)
        self._reselect()

    def show_rule(self, rule_id: str) -> None:
        """Select this rule (the filters cleared so it can be seen), its editor open."""
        self.search.clear()
        self.area_filter.setCurrentIndex(0)
        self.kind_filter.setCurrentIndex(0)
        self.selected = rule_id
        self._reselect()

    def _reselect(self) -> None:
        row = self.model.row_of(self.selected) if self.selected else -1
        if row < 0 and self.model.rules:
            row = self.proxy.mapToSource(self.proxy.index(0, 0)).row()
        if row < 0:
            self.selected = None
            self.editor.setEnabled(False)
            return
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self._load(self.model.rules[row])

    def _select(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        rule_id = self.proxy.data(current, RULE_ROLE)
        rule = self.state.rule(rule_id)
        if rule is not None and rule_id != self.selected:
            self._load(rule)

    def _load(self, rule: Rule) -> None:
        self.selected = rule.id
        self.editor.setEnabled(True)
        if self.editor.original != rule:
            self.editor.load(rule, list(self.state.balance.areas))

    def _filter(self) -> None:
        self.proxy.set_filters(
            self.search.text(), self.area_filter.currentData(), self.kind_filter.currentData()
        )

    # --- changes out --------------------------------------------------------------------

    def _rules(self, rules: list[Rule]) -> None:
        self.edited.emit(replace(self.state, rules=rules))

    def _rule_edited(self, rule: Rule) -> None:
        old_id = rule.id
        if old_id in self.fresh:  # a rule made here: its id follows its name
            others = {r.id for r in self.state.rules if r.id != old_id}
            wanted = free_id(rule.name, others, "rule")
            if wanted != old_id:
                rule = replace(rule, id=wanted)
                self.fresh = (self.fresh - {old_id}) | {wanted}
                self.editor.original = rule
                self.selected = wanted
        self._rules([rule if r.id == old_id else r for r in self.state.rules])

    def _mended(self, rule: Rule) -> None:
        others = [r for r in self.state.rules if r.id != rule.id]
        self.selected = rule.id
        self._rules([*others, rule])

    def _toggle(self, rule_id: str, on: bool) -> None:
        self._rules([replace(r, enabled=on) if r.id == rule_id else r for r in self.state.rules])

    def add(self, template: dict[str, Any]) -> None:
        doc = {**template, "id": self._free_id(str(template["name"]))}
        rule = msgspec.convert(doc, Rule)
        self.selected = rule.id
        self.fresh.add(rule.id)
        self._rules([*self.state.rules, rule])
        self.editor.name.setFocus()
        self.editor.name.selectAll()

    def add_blank(self) -> None:
        self.add(BLANK)

    def duplicate(self) -> None:
        rule = self.state.rule(self.selected or "")
        if rule is not None:
            name = _("{name} (copy)").format(name=rule.name)[:120]
            copy = replace(rule, id=self._free_id(rule.name), name=name)
            self.selected = copy.id
            self._rules([*self.state.rules, copy])

    def delete(self) -> None:
        """Deleting is undoable from the window (Undo, Ctrl+Z)."""
        if self.selected is None:
            return
        rules = [r for r in self.state.rules if r.id != self.selected]
        self.selected = None
        self._rules(rules)

    def _free_id(self, name: str) -> str:
        return free_id(name, {r.id for r in self.state.rules}, "rule")
