"""Waiting time: the person's own ideas for it, quick to add; the quick panel ranks them."""

from __future__ import annotations

from typing import Any

import msgspec
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox

from tidewell.core.life import WaitingIdea
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.settings.fields import split_list
from tidewell.ui.settings.item_list import ItemList


class IdeasPage(ItemList):
    field_name = "ideas"
    noun = "idea"
    add_words = _("Add idea")
    list_words = _("Your ideas")
    invite = _(
        "Waiting time is yours to use: an airport, a commute, a waiting room. Keep a few "
        "ideas here for it (a call home, a walk, a chapter of a book), and Tidewell offers "
        "the ones that fit when you say you are waiting."
    )
    invite_button = _("Add an idea for waiting time")
    kind = WaitingIdea

    def build_form(self, form: QFormLayout) -> None:
        self.what = self.field("what", _("What"), QLineEdit(), _("e.g. a long e-mail to my sister"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 600)
        self.minutes.setSuffix(_(" min"))
        self.field("minutes", _("Takes about"), self.minutes)
        self.person = self.field("person", _("For"), QComboBox())
        self.area = QComboBox()
        self.area.setEditable(True)
        self.field("area", _("Area of life"), self.area)
        self.link = self.field("link", _("Link"), QLineEdit(), _("tel:…, mailto:…, https://…"))
        self.contexts = self.field(
            "contexts", _("Where"), QLineEdit(), _("airport, commute (empty: anywhere)")
        )
        for edit in (self.what, self.link, self.contexts):
            edit.textEdited.connect(self.form_changed)
        self.minutes.valueChanged.connect(self.form_changed)
        self.person.currentIndexChanged.connect(self.form_changed)
        self.area.currentTextChanged.connect(self.form_changed)

    def set_state(self, state: State, now: Any, home: Any) -> None:
        people = [(p.name, p.id) for p in state.people]
        current = [
            (self.person.itemText(i), self.person.itemData(i))
            for i in range(1, self.person.count())
        ]
        if people != current:
            self._loading = True
            self.person.clear()
            self.person.addItem(_("Nobody in particular"), None)
            for name, person_id in people:
                self.person.addItem(name, person_id)
            self.area.clear()
            self.area.addItems(list(state.balance.areas))
            self._loading = False
            self.loaded = None  # reload the form with the new choices
        super().set_state(state, now, home)

    def load(self, item: WaitingIdea) -> None:
        self.what.setText(item.what)
        self.minutes.setValue(item.minutes)
        self.person.setCurrentIndex(max(0, self.person.findData(item.person)))
        self.area.setCurrentText(item.area)
        self.link.setText(item.link or "")
        self.contexts.setText(", ".join(item.contexts))

    def document(self, item: WaitingIdea) -> dict[str, Any]:
        doc: dict[str, Any] = msgspec.to_builtins(item)
        doc.update(
            what=self.what.text().strip(),
            minutes=self.minutes.value(),
            person=self.person.currentData(),
            area=self.area.currentText().strip(),
            link=self.link.text().strip() or None,
            contexts=split_list(self.contexts.text()),
        )
        return {k: v for k, v in doc.items() if v is not None}

    def blank(self) -> dict[str, Any]:
        return {"id": "idea", "what": _("Something for the wait"), "minutes": 15}

    def label(self, item: WaitingIdea) -> str:
        return f"{item.what} · {item.minutes} min"
