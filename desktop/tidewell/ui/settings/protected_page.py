"""Protected time: weekly blocks and dated ones (a vacation), each with its reason and how
firm it is, drawn on this week."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout, QLineEdit, QSpinBox

from tidewell.core.describe import days_in_words
from tidewell.core.fields import parse_hhmm
from tidewell.core.life import Block, DatedBlock
from tidewell.core.rules import ProtectedTrigger, Rule
from tidewell.core.state import State
from tidewell.i18n import _, clock
from tidewell.ui.dates import day_and_month
from tidewell.ui.settings.fields import DayPicker
from tidewell.ui.settings.item_list import ItemList
from tidewell.ui.settings.week_view import WeekView

FIRMNESS = (
    ("general", _("As my rule for all protected time")),
    ("start", _("A reminder when it starts")),
    ("active", _("When it starts, and if I'm at the computer inside it")),
    ("quiet", _("No reminders: I just want it marked")),
)


def firmness_rule_id(block_id: str) -> str:
    return f"protect-{block_id}"


class ProtectedPage(ItemList):
    field_name = "blocks"
    noun = "block"
    add_words = _("Add block")
    list_words = _("Your protected time")
    kind = Block

    def build_form(self, form: QFormLayout) -> None:
        self.reason = self.field(
            "reason", _("Reason"), QLineEdit(), _("in your words, e.g. time with the kids")
        )
        self.block_kind = QComboBox()
        self.block_kind.addItems([_("Every week"), _("Once (dates)")])
        self.field("kind", _("Repeats"), self.block_kind)
        self.days = self.field("days", _("Days"), DayPicker(_("Protected on")))
        self.start = self.field("start", _("From"), QLineEdit(), _("a time like 19:00"))
        self.end = self.field(
            "end",
            _("Until"),
            QLineEdit(),
            _("earlier than From: the next morning; 00:00 to 00:00: all day"),
        )
        self.from_date = QDateTimeEdit()
        self.from_date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.from_date.setCalendarPopup(True)
        self.field("dated_start", _("From"), self.from_date)
        self.to_date = QDateTimeEdit()
        self.to_date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.to_date.setCalendarPopup(True)
        self.field("dated_end", _("Until"), self.to_date)
        self.firmness = QComboBox()
        for _unused, label in FIRMNESS:
            self.firmness.addItem(label)
        self.field("firmness", _("How firm"), self.firmness)
        self.active_minutes = QSpinBox()
        self.active_minutes.setRange(1, 600)
        self.active_minutes.setValue(10)
        self.active_minutes.setSuffix(_(" min at the computer"))
        self.field("active_minutes", _("Ask after"), self.active_minutes)
        self.week = WeekView()
        self.extra.addWidget(self.week)
        for edit in (self.reason, self.start, self.end):
            edit.textEdited.connect(self.form_changed)
        for box in self.days.boxes:
            box.toggled.connect(self.form_changed)
        self.block_kind.currentIndexChanged.connect(self._kind_changed)
        self.from_date.dateTimeChanged.connect(self.form_changed)
        self.to_date.dateTimeChanged.connect(self.form_changed)
        self.firmness.currentIndexChanged.connect(self._firmness_changed)
        self.active_minutes.valueChanged.connect(self._firmness_changed)

    def _kind_changed(self) -> None:
        self._show_kind_fields()
        self.form_changed()

    def _show_kind_fields(self) -> None:
        weekly = self.block_kind.currentIndex() == 0
        for key in ("days", "start", "end"):
            self.fields[key].setVisible(weekly)
            self.form.labelForField(self.fields[key]).setVisible(weekly)
        for key in ("dated_start", "dated_end"):
            self.fields[key].setVisible(not weekly)
            self.form.labelForField(self.fields[key]).setVisible(not weekly)
        active = self.firmness.currentIndex() == 2
        self.fields["active_minutes"].setVisible(active)
        self.form.labelForField(self.fields["active_minutes"]).setVisible(active)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        super().set_state(state, now, home)
        self.week.show_week(state, now, home, self.selected)

    def load(self, item: Block) -> None:
        dated = isinstance(item, DatedBlock)
        self.block_kind.setCurrentIndex(1 if dated else 0)
        self.reason.setText(item.reason)
        if isinstance(item, DatedBlock):
            self.from_date.setDateTime(_qt_moment(item.start))
            self.to_date.setDateTime(_qt_moment(item.end))
        else:
            self.days.set_days(list(item.days))
            self.start.setText(item.start)
            self.end.setText(item.end)
        rule = self.state.rule(firmness_rule_id(item.id))
        choice, minutes = "general", 10
        if rule is not None and isinstance(rule.when, ProtectedTrigger):
            if not rule.enabled:
                choice = "quiet"
            elif rule.when.active_minutes is not None:
                choice, minutes = "active", rule.when.active_minutes
            else:
                choice = "start"
        self.firmness.setCurrentIndex([k for k, _unused in FIRMNESS].index(choice))
        self.active_minutes.setValue(minutes)
        self._show_kind_fields()

    def document(self, item: Block) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": item.id, "reason": self.reason.text().strip()}
        if item.zone:
            doc["zone"] = item.zone
        if self.block_kind.currentIndex() == 0:
            doc.update(
                kind="weekly",
                days=self.days.days(),
                start=self.start.text().strip(),
                end=self.end.text().strip(),
            )
        else:
            doc.update(kind="dated", start=_naive(self.from_date), end=_naive(self.to_date))
        return doc

    def blank(self) -> dict[str, Any]:
        return {
            "kind": "weekly",
            "id": "protected",
            "reason": "",
            "days": ["sat", "sun"],
            "start": "00:00",
            "end": "00:00",
        }

    def label(self, item: Block) -> str:
        reason = item.reason or _("(no reason written yet)")
        if isinstance(item, DatedBlock):
            return _("{reason} · {start} to {end}").format(
                reason=reason, start=day_and_month(item.start), end=day_and_month(item.end)
            )
        days = days_in_words(list(item.days))
        if item.start == item.end == "00:00":
            return _("{reason} · {days}, all day").format(reason=reason, days=days)
        return _("{reason} · {days}, {start} to {end}").format(
            reason=reason, days=days, start=_hhmm(item.start), end=_hhmm(item.end),
        )  # fmt: skip

    def delete(self) -> None:
        """A block goes with its own reminder rule, if it had one."""
        if self.selected is None:
            return
        rule_id = firmness_rule_id(self.selected)
        items = [i for i in self.items if i.id != self.selected]
        rules = [r for r in self.state.rules if r.id != rule_id]
        self.selected = None
        self.edited.emit(replace(self.state, blocks=items, rules=rules))

    def _firmness_changed(self) -> None:
        self._show_kind_fields()
        if self._loading or self.selected is None:
            return
        choice = FIRMNESS[self.firmness.currentIndex()][0]
        rule_id = firmness_rule_id(self.selected)
        rules = [r for r in self.state.rules if r.id != rule_id]
        if choice != "general":
            block = next(b for b in self.items if b.id == self.selected)
            rule = msgspec.convert(
                {
                    "id": rule_id,
                    "name": _("Protected: {reason}").format(reason=block.reason or block.id)[:120],
                    "area": "rest",
                    "enabled": choice != "quiet",
                    "when": {
                        "kind": "protected",
                        "blocks": [block.id],
                        "at_start": True,
                        "active_minutes": self.active_minutes.value()
                        if choice == "active"
                        else None,
                    },
                    "nudge": {
                        "title": _("You planned to be offline"),
                        "message": _("Is something really waiting, or is it habit?"),
                    },
                },
                Rule,
            )
            old = self.state.rule(rule_id)
            rule = replace(rule, nudge=old.nudge) if old is not None else rule
            rules.append(rule)
        if rules != self.state.rules:
            self.edited.emit(replace(self.state, rules=rules))


def _naive(edit: QDateTimeEdit) -> str:
    moment = edit.dateTime()
    day, clock = moment.date(), moment.time()
    return (
        f"{day.year():04d}-{day.month():02d}-{day.day():02d}"
        f"T{clock.hour():02d}:{clock.minute():02d}:00"
    )


def _qt_moment(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def _hhmm(text: str) -> str:
    """'18:30' as the locale's clock shows it ('6:30 PM')."""
    at = parse_hhmm(text)
    return clock(at.hour, at.minute)
