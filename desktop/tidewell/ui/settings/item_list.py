"""A list of items (protected blocks, people, ideas, seasons) beside a form for the selected
one. Subclasses say which State field they edit, how to build the form, and how to turn it
into a document; checking, problems beside fields, add and delete are shared."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.fields import free_id
from tidewell.core.state import State
from tidewell.core.validation import problem_from
from tidewell.i18n import _
from tidewell.ui.settings.fields import Field, field_for, form_label, in_words, problem_label
from tidewell.ui.settings.page import SettingsPage
from tidewell.ui.style import plain_label


class ItemList(SettingsPage):
    field_name = ""  # the State field: "blocks", "people", "ideas", "seasons"
    noun = "item"
    kind: Any = None  # the msgspec type (or union) an item converts to
    invite = ""  # what the page is for, shown with one button while the list is empty
    invite_button = ""  # that button's words; add_words when empty
    add_words = ""  # "Add idea": each page says it whole (no words glued from a noun)
    list_words = ""  # the list's name for screen readers: "Your ideas"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = State()
        self.now: datetime | None = None
        self.home: tzinfo | None = None
        self.selected: str | None = None
        self.loaded: Any = None  # the item the form shows
        self.valid = True
        self._loading = False
        self.fields: dict[str, Field] = {}
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.list_words)
        self.list.currentRowChanged.connect(self._select)
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.add_words)
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)
        outer.addLayout(left, 2)
        right = QVBoxLayout()
        self.form = QFormLayout()
        right.addLayout(self.form)
        self.general_problem = problem_label()
        right.addWidget(self.general_problem)
        self.extra = QVBoxLayout()  # below the form: a week view, a timeline
        self.build_form(self.form)
        right.addLayout(self.extra)
        right.addStretch(1)
        self.form_box = QWidget()
        self.form_box.setLayout(right)
        outer.addWidget(self.form_box, 3)
        self.invitation = self._invitation()
        outer.addWidget(self.invitation, 5)
        self.left = left

    def _invitation(self) -> QWidget:
        """An empty page invites: what it is for, and one button. Never a greyed form."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addWidget(plain_label(self.invite))
        row = QHBoxLayout()
        self.invite_add = QPushButton(self.invite_button or self.add_words)
        self.invite_add.clicked.connect(self.add)
        row.addWidget(self.invite_add)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        box.hide()
        return box

    # --- for subclasses -----------------------------------------------------------------

    def build_form(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def load(self, item: Any) -> None:
        raise NotImplementedError

    def document(self, item: Any) -> dict[str, Any]:
        """The form's values on top of ``item`` (so fields the form lacks are kept)."""
        raise NotImplementedError

    def blank(self) -> dict[str, Any]:
        raise NotImplementedError

    def label(self, item: Any) -> str:
        return str(item.id)

    def extra_check(self, item: Any) -> str | None:
        """A problem between this item and the others, in words; None when it fits."""
        return None

    def form_problems(self) -> dict[str, str]:
        """Problems the form knows before checking the item (a place not found), by field."""
        return {}

    def changed_hook(self, item: Any) -> None:
        """After a valid edit; e.g. a live line about the person's time."""

    def field(self, key: str, label: str, control: QWidget, hint: str = "") -> Any:
        field = Field(control, label, hint)
        self.fields[key] = field
        self.form.addRow(form_label(label), field)
        return control

    # --- shared -------------------------------------------------------------------------

    @property
    def items(self) -> list[Any]:
        return list(getattr(self.state, self.field_name))

    def with_items(self, items: list[Any]) -> State:
        """The draft with this list replaced (a list inside a part overrides this)."""
        return replace(self.state, **{self.field_name: items})

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state, self.now, self.home = state, now, home
        labels = [self.label(i) for i in self.items]
        if [self.list.item(r).text() for r in range(self.list.count())] != labels:
            self.list.blockSignals(True)
            self.list.clear()
            self.list.addItems(labels)
            self.list.blockSignals(False)
        ids = [i.id for i in self.items]
        row = ids.index(self.selected) if self.selected in ids else (0 if ids else -1)
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.form_box.setEnabled(row >= 0)
        self.delete_button.setEnabled(row >= 0)
        inviting = not ids and bool(self.invite)
        self.invitation.setVisible(inviting)
        self.form_box.setVisible(not inviting)
        for index in range(self.left.count()):
            item = self.left.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(not inviting)
        for button in (self.add_button, self.delete_button):
            button.setVisible(not inviting)
        if row >= 0 and self.items[row] != self.loaded:  # never reload under the cursor
            self.selected = ids[row]
            self._load(self.items[row])

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.selected = self.items[row].id
            self._load(self.items[row])

    def _load(self, item: Any) -> None:
        self.loaded = item
        self._loading = True
        try:
            self.load(item)
        finally:
            self._loading = False
        self._set_valid(True)
        for field in self.fields.values():
            field.show_problem(None)
        self.general_problem.hide()
        self.changed_hook(item)

    def form_changed(self, *_unused: object) -> None:
        if self._loading or self.selected is None:
            return
        index = next((i for i, x in enumerate(self.items) if x.id == self.selected), None)
        if index is None:
            return
        for field in self.fields.values():
            field.show_problem(None)
        self.general_problem.hide()
        known = self.form_problems()
        for key, words in known.items():
            self.fields[key].show_problem(words)
        if known:
            self._set_valid(False)
            return
        try:
            item = msgspec.convert(self.document(self.items[index]), self.kind)
        except msgspec.ValidationError as err:
            self._show(problem_from(err, "$"))
            self._set_valid(False)
            return
        clash = self.extra_check(item)
        if clash:
            self.general_problem.setText(clash)
            self.general_problem.show()
            self._set_valid(False)
            return
        self._set_valid(True)
        self.changed_hook(item)
        self.loaded = item
        if item != self.items[index]:
            items = self.items
            items[index] = item
            self.edited.emit(self.with_items(items))

    def _set_valid(self, valid: bool) -> None:
        if valid != self.valid:
            self.valid = valid
            self.validity_changed.emit(valid)

    def _show(self, problem: Any) -> None:
        target = field_for(problem.path, self.fields)
        if target is not None:
            target.show_problem(problem.message)
        else:
            self.general_problem.setText(in_words(problem.message))
            self.general_problem.show()

    def add(self) -> None:
        doc = self.blank()
        doc["id"] = self.free_id(str(doc.get("id") or self.noun))
        item = msgspec.convert(doc, self.kind)
        self.selected = item.id
        self.edited.emit(self.with_items([*self.items, item]))

    def delete(self) -> None:
        if self.selected is None:
            return
        items = [i for i in self.items if i.id != self.selected]
        self.selected = None
        self.edited.emit(self.with_items(items))

    def free_id(self, wanted: str) -> str:
        return free_id(wanted, {i.id for i in self.items}, self.noun)
