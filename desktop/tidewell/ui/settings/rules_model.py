"""The rules as a table (enabled, name, area, when, next time) and a filter over it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from tidewell.core.describe import when_in_words
from tidewell.core.rules import Rule
from tidewell.core.schedule import next_times
from tidewell.core.state import State
from tidewell.core.status import moment_in_words
from tidewell.i18n import _
from tidewell.ui.tooltips import as_tooltip

COLUMNS = (_("On"), _("Name"), _("Area"), _("When"), _("Next"))
ON, NAME, AREA, WHEN, NEXT = range(5)
RULE_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class RulesModel(QAbstractTableModel):
    enabled_toggled = Signal(str, bool)  # rule id, on

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rules: list[Rule] = []
        self._next: dict[str, str] = {}
        self.order = (NAME, Qt.SortOrder.AscendingOrder)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.beginResetModel()
        self._next = _next_times(state, now, home)
        self.rules = self._sorted(list(state.rules))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, with Python's sort on one key per rule: a sorting proxy would call
        ``data`` twice for each of 10,000 comparisons with 1,000 rules."""
        self.order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = [(index, self.rules[index.row()].id) for index in self.persistentIndexList()]
        self.rules = self._sorted(self.rules)
        rows = {rule.id: row for row, rule in enumerate(self.rules)}
        self.changePersistentIndexList(
            [index for index, _id in before],
            [self.index(rows[rule_id], index.column()) for index, rule_id in before],
        )
        self.layoutChanged.emit()

    def _sorted(self, rules: list[Rule]) -> list[Rule]:
        column, order = self.order

        def key(rule: Rule) -> tuple[Any, ...]:
            if column == ON:
                return (not rule.enabled, rule.name.casefold())
            return ((self._text(rule, column) or "").casefold(), rule.name.casefold())

        return sorted(rules, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rules):
            return None
        rule, column = self.rules[index.row()], index.column()
        if role == RULE_ROLE:
            return rule.id
        if role == KIND_ROLE:
            return rule.when.kind
        if role == Qt.ItemDataRole.CheckStateRole and column == ON:
            return Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and column == ON:
            return "on" if rule.enabled else "off"
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(rule, column)  # an item view draws it as plain text
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(rule, column)
            return as_tooltip(text) if text else None
        return None

    def _text(self, rule: Rule, column: int) -> str | None:
        if column == NAME:
            return rule.name
        if column == AREA:
            return rule.area
        if column == WHEN:
            return when_in_words(rule)
        if column == NEXT:
            return self._next.get(rule.id, "when it fits")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ON:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ON or role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        self.enabled_toggled.emit(self.rules[index.row()].id, on)
        return True

    def row_of(self, rule_id: str) -> int:
        return next((i for i, r in enumerate(self.rules) if r.id == rule_id), -1)


class RuleFilter(QSortFilterProxyModel):
    """Search over name, area and 'when'; optional filters by area and trigger kind."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.area: str | None = None
        self.kind: str | None = None
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The rules model sorts itself (see ``RulesModel.sort``); this keeps its order."""
        model = self.sourceModel()
        if isinstance(model, RulesModel) and column >= 0:
            model.sort(column, order)

    def set_filters(self, search: str, area: str | None, kind: str | None) -> None:
        self.beginFilterChange()
        self.search, self.area, self.kind = search.casefold().strip(), area, kind
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RulesModel):
            return True
        rule = model.rules[source_row]
        if self.area and rule.area != self.area:
            return False
        if self.kind and rule.when.kind != self.kind:
            return False
        if self.search:
            haystack = f"{rule.name} {rule.area} {when_in_words(rule)} {rule.nudge.title}"
            return self.search in haystack.casefold()
        return True


def _next_times(state: State, now: datetime, home: tzinfo) -> dict[str, str]:
    """The next time each timed rule fires, in words."""
    return {
        rule_id: moment_in_words(at, now, home) for rule_id, at in next_times(state, now).items()
    }
