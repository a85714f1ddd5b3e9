"""The editor for one rule, simple first: what, when (a time box that takes "6:30pm" and
"18:30", the days, a repeat chosen from a list with its sentence), and the message. "More
options" opens the rest: the area, the popup's title and answer words, a link or number,
snooze lengths and the conditions, all as choices. A preview shows the next five times;
"Try it now" shows the popup.

It checks as the person types: a problem is shown beside its field, in words, and the rule
is only passed on (``rule_edited``) when it is valid."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any, TypeVar

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
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.describe import when_in_words
from tidewell.core.fields import WEEKDAYS, clock_time, link_text, reach_link
from tidewell.core.repeats import ORDINALS, Repeat, ordinal_words, repeat_of
from tidewell.core.rules import ACTIVITY_KINDS, DONE_WORDS, Rule
from tidewell.core.schedule import upcoming
from tidewell.core.state import State
from tidewell.core.status import moment_in_words
from tidewell.core.validation import problem_from
from tidewell.i18n import N_, _, clock
from tidewell.ui.dates import day_names
from tidewell.ui.nudge_item import minutes_in_words
from tidewell.ui.place_box import PlaceBox
from tidewell.ui.settings.fields import (
    DayPicker,
    Field,
    Toggles,
    field_for,
    form_label,
    in_words,
    problem_label,
    split_list,
)
from tidewell.ui.style import plain_label

KINDS = (
    ("at", _("At set times")),
    ("protected", _("In protected time")),
    ("waiting", _("When I have waiting time")),
    ("late", _("Late at the computer")),
    ("active", _("After a long stretch at the computer")),
    ("reflect", _("Every few weeks, to reflect")),
)
KIND_IDS = tuple(k for k, _unused in KINDS)
W = TypeVar("W", bound=QWidget)
REPEATS = (  # (label, data): weeks between, or "monthly", or "text" for a rule's own RRULE
    (_("Every week"), 1),
    (_("Every other week"), 2),
    (_("Every 3 weeks"), 3),
    (_("Every 4 weeks"), 4),
    (_("Once a month"), "monthly"),
)
AS_WRITTEN = (_("As written below"), "text")
SNOOZES = (5, 10, 15, 30, 60, 120)
PLACES = ("airport", "commute", "waiting room")
PLACE_WORDS = {"airport": _("Airport"), "commute": _("Commute"), "waiting room": _("Waiting room")}
SEASON_KINDS = ((_("Busy seasons"), "busy"), (_("Steady"), "steady"), (_("Recovery"), "recovery"))


class FormProblem(ValueError):
    """A value the form can name before the rule is checked: a time that is not one."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _clock_times(key: str, text: str) -> list[str]:
    try:
        return [clock_time(part) for part in split_list(text)]
    except ValueError as err:
        raise FormProblem(key, str(err)) from None


def _clock(key: str, text: str) -> str:
    if not text.strip():
        return ""
    try:
        return clock_time(text)
    except ValueError as err:
        raise FormProblem(key, str(err)) from None


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
        self.rows: dict[str, QFormLayout] = {}  # the form each field sits in
        self._build()

    # --- building -----------------------------------------------------------------------

    def _field(self, form: QFormLayout, key: str, label: str, control: W, hint: str = "") -> W:
        field = Field(control, label, hint)
        self.fields[key] = field
        self.rows[key] = form
        form.addRow(form_label(label), field)
        return control

    def _show_row(self, key: str, visible: bool) -> None:
        """Show or hide a field with its label."""
        self.rows[key].setRowVisible(self.fields[key], visible)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = self._field(form, "name", _("What"), _line(_("Like: Call Mum and Dad")))
        self.kind = QComboBox()
        self.kind.addItems([label for _unused, label in KINDS])
        self._field(form, "kind", _("When"), self.kind)
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
        simple = QFormLayout()
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText(_("What the popup says, in your words"))
        self.message.setFixedHeight(60)
        self._field(simple, "nudge.message", _("Message"), self.message)
        self.enabled = QCheckBox(_("On"))
        self.enabled.setAccessibleName(_("Rule is on"))
        simple.addRow(form_label(""), self.enabled)
        layout.addLayout(simple)
        self.more_button = QPushButton(_("More options"))
        self.more_button.setCheckable(True)
        self.more_button.setAccessibleName(_("More options: area, answers, snooze, conditions"))
        self.more_button.toggled.connect(self._show_more)
        layout.addWidget(self.more_button)
        self.more = QWidget()
        nudge = QFormLayout(self.more)
        nudge.setContentsMargins(0, 0, 0, 0)
        self.area = QComboBox()
        self.area.setEditable(True)
        self._field(nudge, "area", _("Area of life"), self.area)
        self.title = self._field(
            nudge, "nudge.title", _("Popup title"), _line(_("Empty: the rule's name, as above"))
        )
        self.done_words = self._field(nudge, "nudge.done", _("Answer button"), _line(_("Done")))
        self.link = self._field(
            nudge,
            "nudge.link",
            _("Link or number"),
            _line(_("A web address, a phone number or an e-mail address")),
        )
        self.snooze = Toggles(_("Snooze for"), [(minutes_in_words(m), m) for m in SNOOZES])
        self._field(nudge, "nudge.snooze", _("Snooze for"), self.snooze, _("up to six"))
        self.zone = PlaceBox(_("Its time zone"), empty_means=_("the computer's time zone"))
        self._field(nudge, "when.zone", _("In the time of"), self.zone)
        self.only_days = DayPicker(_("Only on"))
        self._field(nudge, "only_if.days", _("Only on"), self.only_days, _("none ticked: any day"))
        between = QWidget()
        row = QHBoxLayout(between)
        row.setContentsMargins(0, 0, 0, 0)
        self.between_start = _line(_("from 9am"))
        self.between_end = _line(_("to 5pm"))
        self.between_start.setAccessibleName(_("Only between, from"))
        self.between_end.setAccessibleName(_("Only between, to"))
        row.addWidget(self.between_start)
        row.addWidget(self.between_end)
        self._field(nudge, "only_if.between", _("Only between"), between, _("empty: any time"))
        self.in_season = Toggles(_("Only in"), list(SEASON_KINDS))
        self._field(
            nudge, "only_if.in_season", _("Only in"), self.in_season, _("none ticked: always")
        )
        self.not_in_season = Toggles(_("Not in"), list(SEASON_KINDS))
        self._field(nudge, "only_if.not_in_season", _("Not in"), self.not_in_season)
        self.reachable = QComboBox()
        self._field(
            nudge,
            "only_if.reachable",
            _("Only when free"),
            self.reachable,
            _("inside this person's usual free hours"),
        )
        self.not_done_days = _spin(0, 3650, _(" days"), special=_("no limit"))
        self._field(
            nudge, "only_if.not_done_within_days", _("Not if done in the last"), self.not_done_days
        )
        self.digest = QCheckBox(_("Wait for my digest"))
        self.digest.setAccessibleName(_("Digest: this rule's nudges wait for the digest"))
        when = _("it comes once a day; the time is in General")
        self._field(nudge, "digest", _("Digest"), self.digest, when)
        self.more.hide()
        layout.addWidget(self.more)
        self.general_problem = problem_label()
        layout.addWidget(self.general_problem)
        self.activity_note = plain_label(name="problem")
        self.activity_note.hide()
        layout.addWidget(self.activity_note)
        layout.addWidget(plain_label(_("The next five times"), "section"))
        self.preview = plain_label(name="muted")
        layout.addWidget(self.preview)
        self.try_button = QPushButton(_("Try it now"))
        self.try_button.setAccessibleName(_("Try it now: show this rule's popup"))
        self.try_button.clicked.connect(self._try)
        layout.addWidget(self.try_button)
        layout.addStretch(1)
        self._connect()

    def _show_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self.more_button.setText(_("Fewer options") if shown else _("More options"))
        self._show_row("when.zone", KIND_IDS[self.kind.currentIndex()] == "at")

    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        return page, form

    def _at_page(self) -> QWidget:
        page, form = self._page()
        self.times = self._field(
            form, "when.times", _("At"), _line(_("6:30pm, or 18:30; several: 9am, 3:30pm"))
        )
        self.repeat = QComboBox()
        for label, data in REPEATS:
            self.repeat.addItem(label, data)
        self._field(form, "when.repeat", _("Repeats"), self.repeat)
        self.days = DayPicker(_("On"))
        self._field(form, "when.days", _("On"), self.days, _("none ticked: every day"))
        monthly = QWidget()
        row = QHBoxLayout(monthly)
        row.setContentsMargins(0, 0, 0, 0)
        self.ordinal = QComboBox()
        self.ordinal.setAccessibleName(_("Which one of the month"))
        for number in ORDINALS:
            self.ordinal.addItem(ordinal_words(number), number)
        self.month_day = QComboBox()
        self.month_day.setAccessibleName(_("Which day of the week"))
        self.month_day.addItems(day_names())
        row.addWidget(self.ordinal)
        row.addWidget(self.month_day)
        row.addStretch(1)
        self._field(form, "when.monthly", _("On"), monthly)
        self.sentence = plain_label(name="muted")
        self.sentence.setAccessibleName(_("The repeat, in words"))
        form.addRow(form_label(""), self.sentence)
        self.as_text_button = QPushButton(_("Edit as text"))
        self.as_text_button.setCheckable(True)
        self.as_text_button.setFlat(True)
        self.as_text_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.as_text_button.setAccessibleName(_("Edit the repeat as text, for experts"))
        self.as_text_button.toggled.connect(self._show_repeat_kind)
        self.as_text_button.toggled.connect(self._changed)
        form.addRow(form_label(""), self.as_text_button)
        self.rrule = self._field(
            form,
            "when.rrule",
            _("Repeat, as text"),
            _line(),
            _("the calendar standard's repeat line, for experts"),
        )
        self.repeat.currentIndexChanged.connect(self._show_repeat_kind)
        return page

    def _show_repeat_kind(self, *_unused: object) -> None:
        data = self.repeat.currentData()
        as_text = data == "text" or self.as_text_button.isChecked()
        self._show_row("when.days", isinstance(data, int) and not as_text)
        self._show_row("when.monthly", data == "monthly" and not as_text)
        self._show_row("when.times", not as_text)
        self._show_row("when.repeat", not as_text or data == "text")
        self._show_row("when.rrule", as_text)
        if as_text and not self.rrule.text().strip() and not self._loading:
            self.rrule.setText(self._repeat_line())  # the choice so far, to edit from

    def _repeat_line(self) -> str:
        """The chosen repeat as the calendar standard writes it; empty when the form does
        not make one yet (two times, say)."""
        try:
            repeat = self._chosen_repeat()
            times = _clock_times("when.times", self.times.text())
        except FormProblem:
            return ""
        if repeat is None and len(times) == 1:  # every week
            days = tuple(self.days.days()) or WEEKDAYS
            repeat = Repeat("weekly", 1, days, 0, times[0])  # type: ignore[arg-type]
        return repeat.rrule() if repeat is not None else ""

    def _protected_page(self) -> QWidget:
        page, form = self._page()
        self.at_start = QCheckBox(_("When protected time starts"))
        self.at_start.setAccessibleName(_("Remind when protected time starts"))
        self._field(form, "when.at_start", _("Remind"), self.at_start)
        self.protected_minutes = _spin(0, 600, special="never")
        self._field(
            form,
            "when.active_minutes",
            _("And after"),
            self.protected_minutes,
            _("at the computer inside protected time"),
        )
        self.blocks = Toggles(_("Which protected time"))
        self._field(
            form,
            "when.blocks",
            _("Which"),
            self.blocks,
            _("none ticked: all of your protected time"),
        )
        return page

    def _waiting_page(self) -> QWidget:
        page, form = self._page()
        self.min_minutes = _spin(1, 600)
        self._field(form, "when.min_minutes", _("At least"), self.min_minutes)
        self.contexts = Toggles(_("Where"), [(PLACE_WORDS[p], p) for p in PLACES])
        self._field(form, "when.contexts", _("Where"), self.contexts, _("none ticked: anywhere"))
        return page

    def _late_page(self) -> QWidget:
        page, form = self._page()
        self.after = self._field(form, "when.after", _("After"), _line("10:30pm"))
        self.until = self._field(form, "when.until", _("Until"), _line("5am"))
        self.late_minutes = _spin(1, 600)
        self._field(form, "when.active_minutes", _("Once active for"), self.late_minutes)
        return page

    def _active_page(self) -> QWidget:
        page, form = self._page()
        self.stretch_minutes = _spin(1, 600)
        self._field(form, "when.minutes", _("After"), self.stretch_minutes, _("without a break"))
        return page

    def _reflect_page(self) -> QWidget:
        page, form = self._page()
        self.every_weeks = _spin(1, 52, _(" weeks"))
        self._field(form, "when.every_weeks", _("Every"), self.every_weeks)
        self.reflect_day = QComboBox()
        self.reflect_day.addItems(day_names())
        self._field(form, "when.day", _("On"), self.reflect_day)
        self.reflect_time = self._field(form, "when.time", _("At"), _line("6pm"))
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
        for toggles in self.findChildren(Toggles):
            toggles.toggled.connect(self._changed)
        for picker in self.findChildren(DayPicker):
            for day in picker.boxes:
                day.toggled.connect(self._changed)
        self.zone.changed.connect(self._changed)
        self.message.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._show_kind)

    def _show_kind(self, index: int) -> None:
        for number, page in enumerate(self.kind_pages):
            page.setVisible(number == index)
        self._show_row("when.zone", KIND_IDS[index] == "at")
        self.done_words.setPlaceholderText(_(DONE_WORDS.get(KIND_IDS[index], N_("Done"))))
        needs_activity = KIND_IDS[index] in ACTIVITY_KINDS
        if needs_activity and self.activity_missing:
            self.activity_note.setText(
                _(
                    "Tidewell can't see keyboard and mouse activity on this desktop, so the "
                    "part of this rule about being at the computer won't fire here."
                )
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
            kind = rule.when.kind
            self.kind.setCurrentIndex(KIND_IDS.index(kind))
            self._show_kind(KIND_IDS.index(kind))
            self._load_trigger(msgspec.to_builtins(rule.when))
            self.title.setText("" if rule.nudge.title == rule.name else rule.nudge.title)
            self.done_words.setText(rule.nudge.done or "")
            self.message.setPlainText(rule.nudge.message)
            self.link.setText(link_text(rule.nudge.link))
            self.snooze.set_values(list(rule.nudge.snooze))
            self.only_days.set_days(list(rule.only_if.days))
            between = rule.only_if.between
            self.between_start.setText(between.start if between else "")
            self.between_end.setText(between.end if between else "")
            self.in_season.set_values(list(rule.only_if.in_season))
            self.not_in_season.set_values(list(rule.only_if.not_in_season))
            self.reachable.setCurrentIndex(max(0, self.reachable.findData(rule.only_if.reachable)))
            self.not_done_days.setValue(rule.only_if.not_done_within_days or 0)
            self.digest.setChecked(rule.digest)
        finally:
            self._loading = False
        self._check()

    def _load_trigger(self, when: dict[str, Any]) -> None:
        defaults: dict[str, Any] = {}
        for kind in KIND_IDS:
            defaults.update(msgspec.to_builtins(_default_trigger(kind)))
        values = {**defaults, **when}
        self._load_repeat(when if when.get("kind") == "at" else {})
        self.zone.set_place(values.get("zone"))
        self.at_start.setChecked(bool(values.get("at_start", True)))
        active = values.get("active_minutes")
        self.protected_minutes.setValue(int(active or 0) if when.get("kind") == "protected" else 10)
        self.blocks.set_values(list(values.get("blocks", [])))
        self.min_minutes.setValue(int(values.get("min_minutes", 10)))
        self.contexts.set_values(list(values.get("contexts", [])))
        self.after.setText(values.get("after", "22:00"))
        self.until.setText(values.get("until", "05:00"))
        self.late_minutes.setValue(int(active or 5) if when.get("kind") == "late" else 5)
        self.stretch_minutes.setValue(int(values.get("minutes", 90)))
        self.every_weeks.setValue(int(values.get("every_weeks", 4)))
        self.reflect_day.setCurrentIndex(WEEKDAYS.index(values.get("day", "sun")))
        self.reflect_time.setText(values.get("time", "18:00"))

    def _load_repeat(self, when: dict[str, Any]) -> None:
        """Times, days and the repeat: chosen from the list when the rule's repeat is one of
        those; any other repeat line is kept as written and shown as text."""
        rrule = when.get("rrule") or ""
        repeat = repeat_of(rrule) if rrule else None
        if self.repeat.findData("text") >= 0:
            self.repeat.removeItem(self.repeat.findData("text"))
        self.as_text_button.setChecked(False)
        self.rrule.setText(rrule if rrule and repeat is None else "")
        if repeat is None and rrule:
            self.repeat.addItem(*AS_WRITTEN)
            self.repeat.setCurrentIndex(self.repeat.findData("text"))
        elif repeat is not None and repeat.kind == "monthly":
            self.repeat.setCurrentIndex(self.repeat.findData("monthly"))
            self.ordinal.setCurrentIndex(max(0, self.ordinal.findData(repeat.ordinal)))
            self.month_day.setCurrentIndex(WEEKDAYS.index(repeat.days[0]))
        else:
            every = repeat.every if repeat is not None else 1
            self.repeat.setCurrentIndex(max(0, self.repeat.findData(every)))
        times = [repeat.time] if repeat is not None else list(when.get("times", ["09:00"]))
        self.times.setText(", ".join(times))
        days = list(repeat.days) if repeat is not None else list(when.get("days", []))
        self.days.set_days(days if repeat is None or repeat.kind == "weekly" else [])
        self._show_repeat_kind()

    def _chosen_repeat(self) -> Repeat | None:
        """The repeat the list, the days and the one time make; None for a plain week."""
        data = self.repeat.currentData()
        if data == 1 or data == "text":
            return None
        times = _clock_times("when.times", self.times.text())
        if len(times) != 1:
            raise FormProblem("when.times", _("One time for a repeat like this, like {example}.")
                              .format(example=clock(18, 30)))  # fmt: skip
        if data == "monthly":
            day = WEEKDAYS[self.month_day.currentIndex()]
            return Repeat("monthly", 1, (day,), int(self.ordinal.currentData()), times[0])
        days = tuple(self.days.days())
        if not days:
            raise FormProblem("when.days", _("Pick the days it repeats on."))
        return Repeat("weekly", int(data), days, 0, times[0])  # type: ignore[arg-type]

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
            self.reachable.addItem(_("Anyone, any time"), None)
            for name, person_id in people:
                self.reachable.addItem(name, person_id)
            self.reachable.setCurrentIndex(max(0, self.reachable.findData(chosen)))
            self._loading = loading
        loading, self._loading = self._loading, True
        self.blocks.set_options([(b.reason or b.id, b.id) for b in state.blocks])
        seasons = [(f"'{s.name}'", s.name) for s in state.seasons]
        self.in_season.set_options([*SEASON_KINDS, *seasons])
        self.not_in_season.set_options([*SEASON_KINDS, *seasons])
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
            digest=self.digest.isChecked(),
        )
        doc["nudge"] = {
            **doc.get("nudge", {}),
            "title": self.title.text().strip() or self.name.text().strip(),
            "message": self.message.toPlainText().strip(),
            "link": reach_link(self.link.text()),
            "snooze": self.snooze.values(),
            "done": self.done_words.text().strip() or None,
        }
        only_if = dict(doc.get("only_if", {}))
        only_if["days"] = self.only_days.days()
        start = _clock("only_if.between", self.between_start.text())
        end = _clock("only_if.between", self.between_end.text())
        only_if["between"] = {"start": start, "end": end} if start or end else None
        only_if["in_season"] = self.in_season.values()
        only_if["not_in_season"] = self.not_in_season.values()
        only_if["reachable"] = self.reachable.currentData()
        only_if["not_done_within_days"] = self.not_done_days.value() or None
        doc["only_if"] = {k: v for k, v in only_if.items() if v not in (None, [])}
        return doc

    def _trigger(self, kind: str) -> dict[str, Any]:
        if kind == "at":
            if not self.zone.is_valid():
                raise FormProblem("when.zone", self.zone.problem() or "")
            when: dict[str, Any] = {"kind": "at", "zone": self.zone.zone()}
            as_text = self.repeat.currentData() == "text" or self.as_text_button.isChecked()
            repeat = None if as_text else self._chosen_repeat()
            rrule = self.rrule.text().strip() if as_text else (repeat.rrule() if repeat else "")
            if rrule:
                when["rrule"] = rrule
            else:
                when.update(
                    times=_clock_times("when.times", self.times.text()), days=self.days.days()
                )
            old = self.original.when if self.original else None
            start = msgspec.to_builtins(old).get("start") if old is not None else None
            if rrule and old is not None and old.kind == "at" and start:
                when["start"] = start  # the repeat keeps its rhythm
            elif rrule and self._context is not None:  # every other week: from this one
                _unused, now, home = self._context
                when["start"] = now.astimezone(home).date().isoformat()
            return {k: v for k, v in when.items() if v is not None}
        if kind == "protected":
            minutes = self.protected_minutes.value()
            return {
                "kind": "protected",
                "at_start": self.at_start.isChecked(),
                "active_minutes": minutes or None,
                "blocks": self.blocks.values(),
            }
        if kind == "waiting":
            return {
                "kind": "waiting",
                "min_minutes": self.min_minutes.value(),
                "contexts": self.contexts.values(),
            }
        if kind == "late":
            return {
                "kind": "late",
                "after": _clock("when.after", self.after.text()),
                "until": _clock("when.until", self.until.text()),
                "active_minutes": self.late_minutes.value(),
            }
        if kind == "active":
            return {"kind": "active", "minutes": self.stretch_minutes.value()}
        return {
            "kind": "reflect",
            "every_weeks": self.every_weeks.value(),
            "day": WEEKDAYS[self.reflect_day.currentIndex()],
            "time": _clock("when.time", self.reflect_time.text()),
        }

    def current_rule(self) -> Rule | None:
        if self.original is None:
            return None
        try:
            return msgspec.convert(self.document(), Rule)
        except (msgspec.ValidationError, ValueError):  # FormProblem is a ValueError
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
        except FormProblem as problem:
            self._show_at(problem.key, str(problem))
        except msgspec.ValidationError as err:
            self._show(problem_from(err, "$"))
        valid = rule is not None
        if valid != self.valid:
            self.valid = valid
            self.validity_changed.emit(valid)
        self.try_button.setEnabled(valid)
        is_at = rule is not None and rule.when.kind == "at"
        self.sentence.setText(when_in_words(rule) if rule is not None and is_at else "")
        self._preview(rule)
        return rule

    def _show_at(self, key: str, message: str) -> None:
        field = self.fields.get(key)
        if field is not None and field.isVisibleTo(self):
            field.show_problem(message)
        else:
            self.general_problem.setText(message)
            self.general_problem.show()

    def _show(self, problem: Any) -> None:
        target = field_for(problem.path, self.fields)
        if target is None or not target.isVisibleTo(self):
            self.general_problem.setText(in_words(problem.message))
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
        elif rule.when.kind in ("at", "reflect"):
            self.preview.setText(
                _("Not in the coming months: its times and conditions never meet.")
            )
        else:
            self.preview.setText(_("It comes when it fits, not at set times."))

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
