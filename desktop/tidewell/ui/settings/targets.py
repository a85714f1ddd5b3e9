"""Your own numbers: what to count (nudges of an area done, protected time kept, days off),
how many, per week, month or year, and what is enough in a busy season."""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tidewell.core.life import Target
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.settings.item_list import ItemList

KINDS = (
    ("done", _("Nudges of an area, answered Done")),
    ("kept", _("Protected time kept")),
    ("days_off", _("Days off (vacation)")),
)
PERS = (("week", _("a week")), ("month", _("a month")), ("year", _("a year")))


class TargetsList(ItemList):
    field_name = "targets"
    noun = "number"
    add_words = _("Add number")
    list_words = _("Your numbers")
    invite = _(
        "Numbers of your own for the review, if you like them: family time three times a "
        "week, two free weekends a month. Never a score, only a mirror."
    )
    invite_button = _("Add a number of your own")
    kind = Target

    @property
    def items(self) -> list[Any]:
        return list(self.state.balance.targets)

    def with_items(self, items: list[Any]) -> State:
        return replace(self.state, balance=replace(self.state.balance, targets=items))

    def build_form(self, form: QFormLayout) -> None:
        self.name = self.field("name", _("Name"), QLineEdit(), _("e.g. family time"))
        self.what = QComboBox()
        for _unused, label in KINDS:
            self.what.addItem(label)
        self.field("kind", _("Counts"), self.what)
        self.area = QComboBox()
        self.field("area", _("Area"), self.area)
        self.block = QComboBox()
        self.field("block", _("Which"), self.block)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.count = QSpinBox()
        self.count.setRange(0, 366)
        self.count.setAccessibleName(_("How many"))
        self.per = QComboBox()
        self.per.setAccessibleName(_("Per"))
        for _unused, label in PERS:
            self.per.addItem(label)
        line.addWidget(self.count)
        line.addWidget(self.per)
        line.addStretch(1)
        self.field("count", _("How many"), row)
        busy = QWidget()
        busy_line = QHBoxLayout(busy)
        busy_line.setContentsMargins(0, 0, 0, 0)
        self.relax = QCheckBox(_("In a busy season,"))
        self.busy_count = QSpinBox()
        self.busy_count.setRange(0, 366)
        self.busy_count.setAccessibleName(_("Enough in a busy season"))
        self.relax.toggled.connect(self.busy_count.setEnabled)
        busy_line.addWidget(self.relax)
        busy_line.addWidget(self.busy_count)
        busy_line.addWidget(self.relax_words())
        busy_line.addStretch(1)
        self.field("busy_count", _("Seasons"), busy)
        self.name.textEdited.connect(self.form_changed)
        for box in (self.what, self.area, self.block, self.per):
            box.currentIndexChanged.connect(self.form_changed)
        for spin in (self.count, self.busy_count):
            spin.valueChanged.connect(self.form_changed)
        self.relax.toggled.connect(self.form_changed)
        self.what.currentIndexChanged.connect(self._show_kind)

    def relax_words(self) -> QWidget:
        from tidewell.ui.style import plain_label

        return plain_label(_("is enough"), wrap=False)

    def set_state(self, state: State, now: Any, home: Any) -> None:
        areas = list(state.balance.areas)
        blocks = [(b.reason or b.id, b.id) for b in state.blocks]
        current_areas = [self.area.itemText(i) for i in range(self.area.count())]
        current_blocks = [
            (self.block.itemText(i), self.block.itemData(i)) for i in range(1, self.block.count())
        ]
        if areas != current_areas or blocks != current_blocks:
            self._loading = True
            self.area.clear()
            self.area.addItems(areas)
            self.block.clear()
            self.block.addItem(_("Any protected time"), None)
            for label, block_id in blocks:
                self.block.addItem(label, block_id)
            self._loading = False
            self.loaded = None
        super().set_state(state, now, home)

    def _show_kind(self) -> None:
        kind = KINDS[self.what.currentIndex()][0]
        self.fields["area"].setVisible(kind == "done")
        self.fields["block"].setVisible(kind == "kept")

    def load(self, item: Target) -> None:
        self.name.setText(item.name)
        self.what.setCurrentIndex([k for k, _unused in KINDS].index(item.kind))
        self.area.setCurrentIndex(max(0, self.area.findText(item.area or "")))
        self.block.setCurrentIndex(max(0, self.block.findData(item.block)))
        self.count.setValue(item.count)
        self.per.setCurrentIndex([p for p, _unused in PERS].index(item.per))
        self.relax.setChecked(item.busy_count is not None)
        self.busy_count.setValue(item.busy_count if item.busy_count is not None else item.count)
        self.busy_count.setEnabled(item.busy_count is not None)
        self._show_kind()

    def document(self, item: Target) -> dict[str, Any]:
        doc: dict[str, Any] = msgspec.to_builtins(item)
        kind = KINDS[self.what.currentIndex()][0]
        doc.update(
            name=self.name.text().strip(),
            kind=kind,
            area=self.area.currentText() if kind == "done" else None,
            block=self.block.currentData() if kind == "kept" else None,
            count=self.count.value(),
            per=PERS[self.per.currentIndex()][0],
            busy_count=self.busy_count.value() if self.relax.isChecked() else None,
        )
        return {k: v for k, v in doc.items() if v is not None}

    def blank(self) -> dict[str, Any]:
        today = (
            self.now.astimezone(self.home).date().isoformat() if self.now and self.home else None
        )
        doc: dict[str, Any] = {"id": "number", "name": _("Family time"), "kind": "done", "count": 3}
        doc["area"] = self.state.balance.areas[0] if self.state.balance.areas else "family"
        if today:
            doc["since"] = today  # counted from today: a new number starts fresh
        return doc

    def label(self, item: Target) -> str:
        per = dict(PERS)[item.per]
        return f"{item.name} · {item.count} {per}"
