"""People: who matters, where they live (their time zone), when they are usually free."""

from __future__ import annotations

import re
from typing import Any

import msgspec
from PySide6.QtWidgets import QFormLayout, QLineEdit

from tidewell.core.conditions import is_reachable
from tidewell.core.fields import clock_time, link_text, reach_link
from tidewell.core.life import Person
from tidewell.i18n import _
from tidewell.ui.place_box import PlaceBox
from tidewell.ui.settings.fields import DayPicker, split_list
from tidewell.ui.settings.item_list import ItemList
from tidewell.ui.style import plain_label


def hours_text(person: Person) -> str:
    return ", ".join(f"{h.start}-{h.end}" for h in person.reachable)


def hours_docs(text: str, days: list[str]) -> list[dict[str, Any]]:
    """'5pm-9pm, 7-8am' as hours; a part that is no time is kept as typed, for the check
    to name it beside the field."""
    docs = []
    for part in split_list(text):
        start, _unused, end = part.replace("–", "-").replace(" to ", "-").partition("-")
        half = re.search(r"[ap]\.?m\.?\s*$", end, re.IGNORECASE)
        if half and not re.search(r"[ap]\.?m", start, re.IGNORECASE):
            start += half.group(0)  # '7-10pm' is 19:00 to 22:00
        docs.append({"start": _clock(start), "end": _clock(end), "days": days})
    return docs


def _clock(text: str) -> str:
    try:
        return clock_time(text)
    except ValueError:
        return text.strip()


class PeoplePage(ItemList):
    field_name = "people"
    noun = "person"
    add_words = _("Add person")
    list_words = _("Your people")
    invite = _(
        "The people you want to make time for, maybe far away. Add where they live, and "
        "Tidewell shows their local time and whether they are usually free when a moment "
        "comes."
    )
    invite_button = _("Add someone")
    kind = Person

    def build_form(self, form: QFormLayout) -> None:
        self.name = self.field("name", _("Name"), QLineEdit())
        self.zone = self.field("zone", _("Where they live"), PlaceBox(_("Where they live")))
        self.hours = self.field(
            "reachable",
            _("Usually free"),
            QLineEdit(),
            _("their local time, like 6pm-10pm, 7-8am"),
        )
        self.days = self.field(
            "reachable.days", _("On"), DayPicker(_("Usually free on")), _("none ticked: every day")
        )
        self.reach = self.field(
            "reach",
            _("How to reach them"),
            QLineEdit(),
            _("a phone number, an e-mail address or a web address"),
        )
        self.live = plain_label(name="section")
        self.live.setAccessibleName(_("Their time now"))
        form.addRow("", self.live)
        for edit in (self.name, self.hours, self.reach):
            edit.textEdited.connect(self.form_changed)
        self.zone.changed.connect(self.form_changed)
        for box in self.days.boxes:
            box.toggled.connect(self.form_changed)

    def load(self, item: Person) -> None:
        self.name.setText(item.name)
        self.zone.set_place(item.zone, item.place)
        self.hours.setText(hours_text(item))
        self.days.set_days(list(item.reachable[0].days) if item.reachable else [])
        self.reach.setText(link_text(item.reach))

    def document(self, item: Person) -> dict[str, Any]:
        doc: dict[str, Any] = msgspec.to_builtins(item)
        doc.update(
            name=self.name.text().strip(),
            zone=self.zone.zone() or "",
            place=self.zone.place_name(),
            reachable=hours_docs(self.hours.text(), self.days.days()),
            reach=reach_link(self.reach.text()),
        )
        return {k: v for k, v in doc.items() if v is not None}

    def blank(self) -> dict[str, Any]:
        return {"id": "someone", "name": _("Someone dear"), "zone": "Europe/London",
                "place": "London"}  # fmt: skip

    def label(self, item: Person) -> str:
        return f"{item.name} ({item.place or item.zone})"

    def form_problems(self) -> dict[str, str]:
        problem = self.zone.problem()
        return {"zone": problem} if problem else {}

    def changed_hook(self, item: Person) -> None:
        self.zone.set_now(self.now)
        if self.now is None or not item.reachable:
            self.live.setText("")
            return
        free = is_reachable(item, self.now)
        self.live.setText(_("Usually free now") if free else _("Likely busy now"))
