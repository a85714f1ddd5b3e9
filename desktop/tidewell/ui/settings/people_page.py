"""People: who matters, where they live (their time zone), when they are usually free."""

from __future__ import annotations

from functools import cache
from typing import Any
from zoneinfo import available_timezones

import msgspec
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLineEdit

from tidewell.core.conditions import is_reachable
from tidewell.core.fields import zone_named
from tidewell.core.life import Person
from tidewell.ui.settings.fields import DayPicker, split_list
from tidewell.ui.settings.item_list import ItemList
from tidewell.ui.style import plain_label


@cache
def zone_names() -> list[str]:
    """Every IANA zone with a city in it ('Europe/London'); searching 'london' finds it."""
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))


def zone_box(accessible: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(zone_names())
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(zone_names(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    box.setAccessibleName(accessible)
    return box


def hours_text(person: Person) -> str:
    return ", ".join(f"{h.start}-{h.end}" for h in person.reachable)


def hours_docs(text: str, days: list[str]) -> list[dict[str, Any]]:
    docs = []
    for part in split_list(text):
        start, _, end = part.replace("–", "-").partition("-")
        docs.append({"start": start.strip(), "end": end.strip(), "days": days})
    return docs


class PeoplePage(ItemList):
    field_name = "people"
    noun = "person"
    kind = Person

    def build_form(self, form: QFormLayout) -> None:
        self.name = self.field("name", "Name", QLineEdit())
        self.zone = self.field(
            "zone",
            "Time zone",
            zone_box("Their time zone"),
            "type a city: 'Toronto', 'Leeds' finds Europe/London",
        )
        self.place = self.field("place", "Place", QLineEdit(), "shown beside their time")
        self.hours = self.field(
            "reachable",
            "Usually free",
            QLineEdit(),
            "their local time, like 18:00-22:00, 07:00-08:00",
        )
        self.days = self.field(
            "reachable.days", "On", DayPicker("Usually free on"), "none ticked: every day"
        )
        self.reach = self.field(
            "reach", "How to reach them", QLineEdit(), "tel:…, mailto:…, https://…"
        )
        self.live = plain_label(name="section")
        self.live.setAccessibleName("Their time now")
        form.addRow("", self.live)
        for edit in (self.name, self.place, self.hours, self.reach):
            edit.textEdited.connect(self.form_changed)
        self.zone.currentTextChanged.connect(self.form_changed)
        for box in self.days.boxes:
            box.toggled.connect(self.form_changed)

    def load(self, item: Person) -> None:
        self.name.setText(item.name)
        self.zone.setCurrentText(item.zone)
        self.place.setText(item.place or "")
        self.hours.setText(hours_text(item))
        self.days.set_days(list(item.reachable[0].days) if item.reachable else [])
        self.reach.setText(item.reach or "")

    def document(self, item: Person) -> dict[str, Any]:
        doc: dict[str, Any] = msgspec.to_builtins(item)
        doc.update(
            name=self.name.text().strip(),
            zone=self.zone.currentText().strip(),
            place=self.place.text().strip() or None,
            reachable=hours_docs(self.hours.text(), self.days.days()),
            reach=self.reach.text().strip() or None,
        )
        return {k: v for k, v in doc.items() if v is not None}

    def blank(self) -> dict[str, Any]:
        return {"id": "someone", "name": "Someone dear", "zone": "Europe/London"}

    def label(self, item: Person) -> str:
        return f"{item.name} ({item.place or item.zone})"

    def changed_hook(self, item: Person) -> None:
        if self.now is None:
            return
        there = self.now.astimezone(zone_named(item.zone))
        line = f"Now {there:%H:%M} there"
        if item.reachable:
            line += ", usually free" if is_reachable(item, self.now) else ", likely busy"
        self.live.setText(line)
