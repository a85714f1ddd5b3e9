"""The editor for one rule: a trigger-kind chooser showing only that kind's fields, the
nudge, a few conditions, a preview of the next five times, and "Try it now".

It checks as the person types: a problem is shown beside its field, in words, and the rule
is only passed on (``rule_edited``) when it is valid."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.fields import WEEKDAYS
from tidewell.core.rules import ACTIVITY_KINDS, Rule
from tidewell.core.schedule import upcoming
from tidewell.core.state import State
from tidewell.core.status import moment_in_words
from tidewell.core.validation import problem_from
from tidewell.ui.settings.fields import (
    DayPicker,
    Field,
    field_for,
    form_label,
    problem_label,
    split_list,
)
from tidewell.ui.style import plain_label

KINDS = (
    ("at", "At set times"),
    ("protected", "In protected time"),
    ("waiting", "When I have waiting time"),
    ("late", "Late at the computer"),
    ("active", "After a long stretch at the computer"),
    ("reflect", "Every few weeks, to reflect"),
)
KIND_IDS = tuple(k for k, _ in KINDS)


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _spin(low: int, high: int, suffix: str = " min", special: str | None = None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    if special:
        spin.setSpecialValueText(special)
    return spin


class RuleEditor(QWidget):
    rule_edited = Signal(object)  # a valid Rule
    validity_changed = Signal(bool)
    try_requested = Signal(object)  # a valid Rule: show its popup now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original: Rule | None = None
        self.activity_missing: str | None = None  # why idle time can't be read here
        self.valid = True
        self._loading = False
        self._context: tuple[State, datetime, tzinfo] | None = None
        self.fields: dict[str, Field] = {}
        self._build()

    # --- building -----------------------------------------------------------------------

    def _field(
        self, form: QFormLayout, key: str, label: str, control: QWidget, hint: str = ""
    ) -> QWidget:
        field = Field(control, label, hint)
        self.fields[key] = field
        form.addRow(form_label(label), field)
        return control

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = self._field(form, "name", "Name", _line("What this rule is about"))
        self.area = QComboBox()
        self.area.setEditable(True)
        self._field(form, "area", "Area of life", self.area)
        self.enabled = QCheckBox("On")
        self.enabled.setAccessibleName("Rule is on")
        form.addRow(form_label(""), self.enabled)
        self.kind = QComboBox()
        self.kind.addItems([label for _, label in KINDS])
        self._field(form, "kind", "When", self.kind)
        layout.addLayout(form)
        builders = (
            self._at_page,
            self._protected_page,
            self._waiting_page,
            self._late_page,
            self._active_page,
            self._reflect_page,
        )
        self.kind_pages = [build() for build in builders]
        for page in self.kind_pages:  # only the chosen kind's page shows (and takes room)
            layout.addWidget(page)
        nudge = QFormLayout()
        self.title = self._field(nudge, "nudge.title", "Popup title", _line("A short question"))
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText("A line or two, in your words")
        self.message.setFixedHeight(60)
        self._field(nudge, "nudge.message", "Message", self.message)
        self.link = self._field(nudge, "nudge.link", "Link", _line("https://…, mailto:…, tel:…"))
        self.snooze = self._field(
            nudge,
            "nudge.snooze",
            "Snooze choices",
            _line("10, 30, 60"),
            "minutes, separated by commas",
        )
        self.only_days = DayPicker("Only on")
        self._field(nudge, "only_if.days", "Only on", self.only_days, "none ticked: any day")
        between = QWidget()
        row = QHBoxLayout(between)
        row.setContentsMargins(0, 0, 0, 0)
        self.between_start = _line("from 09:00")
        self.between_end = _line("to 17:00")
        self.between_start.setAccessibleName("Only between, from")
        self.between_end.setAccessibleName("Only between, to")
        row.addWidget(self.between_start)
        row.addWidget(self.between_end)
        self._field(nudge, "only_if.between", "Only between", between, "empty: any time")
        self.in_season = self._field(
            nudge,
            "only_if.in_season",
            "Only in seasons",
            _line("e.g. busy (a season's name or kind)"),
        )
        self.not_in_season = self._field(
            nudge, "only_if.not_in_season", "Not in seasons", _line("e.g. recovery")
        )
        self.reachable = QComboBox()
        self._field(
            nudge,
            "only_if.reachable",
            "Only when free",
            self.reachable,
            "inside this person's usual free hours",
        )
        self.not_done_days = _spin(0, 3650, " days", special="no limit")
        self._field(
            nudge, "only_if.not_done_within_days", "Not if done in the last", self.not_done_days
        )
        layout.addLayout(nudge)
        self.general_problem = problem_label()
        layout.addWidget(self.general_problem)
        self.activity_note = plain_label(name="problem")
        self.activity_note.hide()
        layout.addWidget(self.activity_note)
        layout.addWidget(plain_label("The next five times", "section"))
        self.preview = plain_label(name="muted")
        layout.addWidget(self.preview)
        self.try_button = QPushButton("Try it now")
        self.try_button.setAccessibleName("Try it now: show this rule's popup")
        self.try_button.clicked.connect(self._try)
        layout.addWidget(self.try_button)
        layout.addStretch(1)
        self._connect()

    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        return page, form

    def _at_page(self) -> QWidget:
        page, form = self._page()
        self.times = self._field(form, "when.times", "Times", _line("09:00, 15:30"))
        self.days = DayPicker("On")
        self._field(form, "when.days", "On", self.days, "none ticked: every day")
        self.rrule = self._field(
            form,
            "when.rrule",
            "Or a repeat rule",
            _line("FREQ=MONTHLY;BYDAY=1SA;BYHOUR=10;BYMINUTE=0"),
        )
        self.zone = self._field(form, "when.zone", "Time zone", _line("empty: follow the computer"))
        return page

    def _protected_page(self) -> QWidget:
        page, form = self._page()
        self.at_start = QCheckBox("When protected time starts")
        self.at_start.setAccessibleName("Remind when protected time starts")
        self._field(form, "when.at_start", "Remind", self.at_start)
        self.protected_minutes = _spin(0, 600, special="never")
        self._field(
            form,
            "when.active_minutes",
            "And after",
            self.protected_minutes,
            "at the computer inside protected time",
        )
        self.blocks = self._field(
            form, "when.blocks", "Which blocks", _line("empty: all protected time")
        )
        return page

    def _waiting_page(self) -> QWidget:
        page, form = self._page()
        self.min_minutes = _spin(1, 600)
        self._field(form, "when.min_minutes", "At least", self.min_minutes)
        self.contexts = self._field(
            form, "when.contexts", "Where", _line("airport, commute (empty: anywhere)")
        )
        return page

    def _late_page(self) -> QWidget:
        page, form = self._page()
        self.after = self._field(form, "when.after", "After", _line("22:00"))
        self.until = self._field(form, "when.until", "Until", _line("05:00"))
        self.late_minutes = _spin(1, 600)
        self._field(form, "when.active_minutes", "Once active for", self.late_minutes)
        return page

    def _active_page(self) -> QWidget:
        page, form = self._page()
        self.stretch_minutes = _spin(1, 600)
        self._field(form, "when.minutes", "After", self.stretch_minutes, "without a break")
        return page

    def _reflect_page(self) -> QWidget:
        page, form = self._page()
        self.every_weeks = _spin(1, 52, " weeks")
        self._field(form, "when.every_weeks", "Every", self.every_weeks)
        self.reflect_day = QComboBox()
        self.reflect_day.addItems(
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        )
        self._field(form, "when.day", "On", self.reflect_day)
        self.reflect_time = self._field(form, "when.time", "At", _line("18:00"))
        return page

    def _connect(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._changed)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._changed)
        self.area.editTextChanged.connect(self._changed)
        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(self._changed)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self._changed)
        self.message.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._show_kind)

    def _show_kind(self, index: int) -> None:
        for number, page in enumerate(self.kind_pages):
            page.setVisible(number == index)
        needs_activity = KIND_IDS[index] in ACTIVITY_KINDS
        if needs_activity and self.activity_missing:
            self.activity_note.setText(
                "Tidewell can't see keyboard and mouse activity on this desktop "
                f"({self.activity_missing}), so the part of this rule about being at the "
                "computer won't fire here."
            )
        self.activity_note.setVisible(bool(needs_activity and self.activity_missing))

    # --- loading ------------------------------------------------------------------------

    def load(self, rule: Rule, areas: list[str]) -> None:
        self._loading = True
        try:
            self.original = rule
            self.area.clear()
            self.area.addItems(list(dict.fromkeys([*areas, rule.area])))
            self.area.setCurrentText(rule.area)
            self.name.setText(rule.name)
            self.enabled.setChecked(rule.enabled)
            kind = rule.when.__struct_config__.tag
            self.kind.setCurrentIndex(KIND_IDS.index(kind))
            self._show_kind(KIND_IDS.index(kind))
            self._load_trigger(msgspec.to_builtins(rule.when))
            self.title.setText(rule.nudge.title)
            self.message.setPlainText(rule.nudge.message)
            self.link.setText(rule.nudge.link or "")
            self.snooze.setText(", ".join(str(m) for m in rule.nudge.snooze))
            self.only_days.set_days(list(rule.only_if.days))
            between = rule.only_if.between
            self.between_start.setText(between.start if between else "")
            self.between_end.setText(between.end if between else "")
            self.in_season.setText(", ".join(rule.only_if.in_season))
            self.not_in_season.setText(", ".join(rule.only_if.not_in_season))
            self.reachable.setCurrentIndex(max(0, self.reachable.findData(rule.only_if.reachable)))
            self.not_done_days.setValue(rule.only_if.not_done_within_days or 0)
        finally:
            self._loading = False
        self._check()

    def _load_trigger(self, when: dict[str, Any]) -> None:
        defaults: dict[str, Any] = {}
        for kind in KIND_IDS:
            defaults.update(msgspec.to_builtins(_default_trigger(kind)))
        values = {**defaults, **when}
        self.times.setText(", ".join(values.get("times", [])))
        self.days.set_days(values.get("days", []) if when.get("kind") == "at" else [])
        self.rrule.setText(values.get("rrule") or "")
        self.zone.setText(values.get("zone") or "")
        self.at_start.setChecked(bool(values.get("at_start", True)))
        active = values.get("active_minutes")
        self.protected_minutes.setValue(int(active or 0) if when.get("kind") == "protected" else 10)
        self.blocks.setText(", ".join(values.get("blocks", [])))
        self.min_minutes.setValue(int(values.get("min_minutes", 10)))
        self.contexts.setText(", ".join(values.get("contexts", [])))
        self.after.setText(values.get("after", "22:00"))
        self.until.setText(values.get("until", "05:00"))
        self.late_minutes.setValue(int(active or 5) if when.get("kind") == "late" else 5)
        self.stretch_minutes.setValue(int(values.get("minutes", 90)))
        self.every_weeks.setValue(int(values.get("every_weeks", 4)))
        self.reflect_day.setCurrentIndex(WEEKDAYS.index(values.get("day", "sun")))
        self.reflect_time.setText(values.get("time", "18:00"))

    def set_context(self, state: State, now: datetime, home: tzinfo) -> None:
        """What the preview needs: the rest of the state (blocks, seasons) and the time."""
        self._context = (state, now, home)
        people = [(p.name, p.id) for p in state.people]
        known = [
            (self.reachable.itemText(i), self.reachable.itemData(i))
            for i in range(1, self.reachable.count())
        ]
        if people != known or self.reachable.count() == 0:
            loading, self._loading = self._loading, True
            chosen = self.reachable.currentData()
            self.reachable.clear()
            self.reachable.addItem("Anyone, any time", None)
            for name, person_id in people:
                self.reachable.addItem(name, person_id)
            self.reachable.setCurrentIndex(max(0, self.reachable.findData(chosen)))
            self._loading = loading
        self._preview()

    # --- reading ------------------------------------------------------------------------

    def document(self) -> dict[str, Any]:
        """The rule as the form has it, on top of what the form does not show."""
        assert self.original is not None
        doc: dict[str, Any] = msgspec.to_builtins(self.original)
        kind = KIND_IDS[self.kind.currentIndex()]
        doc.update(
            name=self.name.text().strip(),
            area=self.area.currentText().strip(),
            enabled=self.enabled.isChecked(),
            when=self._trigger(kind),
        )
        doc["nudge"] = {
            **doc.get("nudge", {}),
            "title": self.title.text().strip(),
            "message": self.message.toPlainText().strip(),
            "link": self.link.text().strip() or None,
            "snooze": _numbers(self.snooze.text()),
        }
        only_if = dict(doc.get("only_if", {}))
        only_if["days"] = self.only_days.days()
        start, end = self.between_start.text().strip(), self.between_end.text().strip()
        only_if["between"] = {"start": start, "end": end} if start or end else None
        only_if["in_season"] = split_list(self.in_season.text())
        only_if["not_in_season"] = split_list(self.not_in_season.text())
        only_if["reachable"] = self.reachable.currentData()
        only_if["not_done_within_days"] = self.not_done_days.value() or None
        doc["only_if"] = {k: v for k, v in only_if.items() if v not in (None, [])}
        return doc

    def _trigger(self, kind: str) -> dict[str, Any]:
        if kind == "at":
            rrule = self.rrule.text().strip()
            when: dict[str, Any] = {"kind": "at", "zone": self.zone.text().strip() or None}
            if rrule:
                when["rrule"] = rrule
            else:
                when.update(times=split_list(self.times.text()), days=self.days.days())
            old = self.original.when if self.original else None
            if old is not None and old.__struct_config__.tag == "at" and rrule:
                when["start"] = msgspec.to_builtins(old).get("start")
            return {k: v for k, v in when.items() if v is not None}
        if kind == "protected":
            minutes = self.protected_minutes.value()
            return {
                "kind": "protected",
                "at_start": self.at_start.isChecked(),
                "active_minutes": minutes or None,
                "blocks": split_list(self.blocks.text()),
            }
        if kind == "waiting":
            return {
                "kind": "waiting",
                "min_minutes": self.min_minutes.value(),
                "contexts": split_list(self.contexts.text()),
            }
        if kind == "late":
            return {
                "kind": "late",
                "after": self.after.text().strip(),
                "until": self.until.text().strip(),
                "active_minutes": self.late_minutes.value(),
            }
        if kind == "active":
            return {"kind": "active", "minutes": self.stretch_minutes.value()}
        return {
            "kind": "reflect",
            "every_weeks": self.every_weeks.value(),
            "day": WEEKDAYS[self.reflect_day.currentIndex()],
            "time": self.reflect_time.text().strip(),
        }

    def current_rule(self) -> Rule | None:
        if self.original is None:
            return None
        try:
            return msgspec.convert(self.document(), Rule)
        except (msgspec.ValidationError, ValueError):
            return None

    # --- checking -----------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self.original is None:
            return
        rule = self._check()
        if rule is not None and rule != self.original:
            self.original = rule
            self.rule_edited.emit(rule)

    def _check(self) -> Rule | None:
        for field in self.fields.values():
            field.show_problem(None)
        self.general_problem.hide()
        rule: Rule | None = None
        try:
            rule = msgspec.convert(self.document(), Rule)
        except msgspec.ValidationError as err:
            self._show(problem_from(err, "$"))
        valid = rule is not None
        if valid != self.valid:
            self.valid = valid
            self.validity_changed.emit(valid)
        self.try_button.setEnabled(valid)
        self._preview(rule)
        return rule

    def _show(self, problem: Any) -> None:
        target = field_for(problem.path, self.fields)
        if target is None or not target.isVisibleTo(self):
            self.general_problem.setText(f"{problem.path.removeprefix('$.')}: {problem.message}")
            self.general_problem.show()
        else:
            target.show_problem(problem.message)

    def _preview(self, rule: Rule | None = None) -> None:
        rule = rule or self.current_rule()
        if rule is None or self._context is None:
            self.preview.setText("")
            return
        state, now, home = self._context
        alone = replace(state, rules=[replace(rule, enabled=True)], progress={}, pause=None)
        times = [moment_in_words(u.at, now, home) for u in upcoming(alone, now, 5)]
        if times:
            self.preview.setText(", ".join(times))
        elif rule.when.__struct_config__.tag in ("at", "reflect"):
            self.preview.setText("Not in the coming months: its times and conditions never meet.")
        else:
            self.preview.setText("It comes when it fits, not at set times.")

    def _try(self) -> None:
        rule = self.current_rule()
        if rule is not None:
            self.try_requested.emit(rule)


def _default_trigger(kind: str) -> Any:
    doc: dict[str, Any] = {"kind": kind}
    if kind == "at":
        doc["times"] = ["09:00"]
    rule = msgspec.convert({"id": "x", "name": "x", "when": doc, "nudge": {"title": "x"}}, Rule)
    return rule.when


def _numbers(text: str) -> list[Any]:
    out: list[Any] = []
    for part in split_list(text):
        out.append(int(part) if part.isdigit() else part)  # words fail validation, with a path
    return out
