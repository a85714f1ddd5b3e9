"""First run: three short steps (what matters to you, your protected time, your people).
Starter ideas are offered, unticked; nothing is switched on without the person's choice.

Nothing typed here is lost: each step is checked where it is typed and says what to fix on
that step; Escape, closing the window or "Not now" ask first when something was chosen; and
the welcome only closes once what was chosen is saved."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.fields import DEFAULT_AREAS, free_id
from tidewell.core.life import Balance, Block, Person
from tidewell.core.rules import Rule
from tidewell.core.state import State
from tidewell.core.validation import Problem, problem_from
from tidewell.i18n import _
from tidewell.ui.place_box import PlaceBox
from tidewell.ui.placement import fit_to_screen, scrolling
from tidewell.ui.settings.balance_page import PROMPT
from tidewell.ui.settings.fields import Field, form_label, in_words, problem_label
from tidewell.ui.settings.starters import STARTER_BLOCKS, STARTER_RULES
from tidewell.ui.style import plain_label, use_sheet


class WelcomeHost(Protocol):
    """What the welcome needs: the state to add to, and a way to save it."""

    @property
    def state(self) -> State: ...

    def apply_definitions(self, draft: State) -> list[Problem]: ...

    def now(self) -> datetime: ...


class WelcomeDialog(QDialog):
    answered = Signal()  # finished, or "Not now": the welcome is not offered again

    def __init__(self, host: WelcomeHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._ended = False
        self.question: QMessageBox | None = None  # "Leave the welcome?" while it is asked
        self.setWindowTitle(_("Welcome to Tidewell"))
        use_sheet(self, "window")
        fit_to_screen(self, QSize(620, 560))
        layout = QVBoxLayout(self)
        self.steps = QStackedWidget()
        for step in (self._matters(), self._protected(), self._people()):
            self.steps.addWidget(scrolling(step))  # all of it reachable on a small screen
        layout.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        self.skip = QPushButton(_("Not now"))
        self.skip.clicked.connect(self.leave)
        self.back = QPushButton(_("Back"))
        self.back.clicked.connect(lambda: self._go(-1))
        self.next = QPushButton(_("Next"))
        self.next.setDefault(True)
        self.next.setToolTip(_("Ctrl+Enter"))
        self.next.clicked.connect(self._next)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout.addLayout(buttons)
        # The keyboard alone: Ctrl+Enter is Next (and Start), from any field.
        for keys in (_("Ctrl+Return"), _("Ctrl+Enter")):
            QShortcut(QKeySequence(keys), self, self._next)
        self._go(0)

    def _step(self, number: int, title: str, words: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label(_("Step {number} of 3").format(number=number), "muted"))
        layout.addWidget(plain_label(title, "section"))
        layout.addWidget(plain_label(words))
        return page, layout

    def _matters(self) -> QWidget:
        page, layout = self._step(
            1,
            _("What matters to you"),
            _(
                "Balance is yours to define. Write it down in your own words, if you like, and "
                "keep the areas of life that count for you."
            ),
        )
        self.definition = QPlainTextEdit()
        self.definition.setPlaceholderText(PROMPT)
        self.definition.setAccessibleName(_("Your definition of balance"))
        layout.addWidget(self.definition, 1)
        row = QHBoxLayout()
        self.area_boxes: list[QCheckBox] = []
        for area in DEFAULT_AREAS:
            box = QCheckBox(area)
            box.setChecked(True)
            self.area_boxes.append(box)
            row.addWidget(box)
        row.addStretch(1)
        layout.addLayout(row)
        self.own_areas = QLineEdit()
        self.own_areas.setPlaceholderText(
            _("Your own areas, separated by commas (e.g. music, garden)")
        )
        self.own_areas_field = Field(self.own_areas, _("Your own areas of life"))
        layout.addWidget(self.own_areas_field)
        return page

    def _protected(self) -> QWidget:
        page, layout = self._step(
            2,
            _("Your protected time"),
            _("Time you'd like to keep offline. Tick what fits your life; change it any time."),
        )
        self.block_boxes: list[tuple[QCheckBox, QLineEdit, dict[str, Any]]] = []
        self.reason_fields: list[Field] = []
        for label, doc in STARTER_BLOCKS:
            box = QCheckBox(label)
            reason = QLineEdit(doc["reason"])
            reason.setPlaceholderText(_("your reason, in your words"))
            reason.setMaxLength(200)
            layout.addWidget(box)
            field = Field(
                reason,
                _("Your reason for: {what}").format(what=label),
                _("your reason, in your words"),
            )
            layout.addWidget(field)
            self.reason_fields.append(field)
            self.block_boxes.append((box, reason, doc))
        self.gentle = QCheckBox(
            _("If I'm at the computer during this time, ask me gently whether it's needed")
        )
        layout.addWidget(self.gentle)
        layout.addStretch(1)
        return page

    def _people(self) -> QWidget:
        page, layout = self._step(
            3,
            _("Your people"),
            _(
                "Someone you'd like to make time for, maybe far away. Their local time will be "
                "shown when you have a moment to spare."
            ),
        )
        self.person_name = QLineEdit()
        self.person_name.setPlaceholderText(_("Their name (optional)"))
        self.person_name.setMaxLength(120)
        self.person_name_field = Field(self.person_name, _("Their name"))
        self.person_zone = PlaceBox(_("Where they live"))
        self.person_zone_field = Field(self.person_zone, _("Where they live"))
        form = QFormLayout()
        form.addRow(form_label(_("Their name")), self.person_name_field)
        form.addRow(form_label(_("Where they live")), self.person_zone_field)
        layout.addLayout(form)
        self.person_zone.changed.connect(lambda: self.person_zone.set_now(self.host.now()))
        layout.addWidget(plain_label(_("A few starter ideas, to make your own:"), "section"))
        self.rule_boxes: list[tuple[QCheckBox, dict[str, Any]]] = []
        for starter in STARTER_RULES:
            if starter["when"]["kind"] == "protected":
                continue  # offered on the protected-time step
            box = QCheckBox(f"{starter['name']}: '{starter['nudge']['title']}'")
            box.setAccessibleName(str(starter["name"]))
            layout.addWidget(box)
            self.rule_boxes.append((box, starter))
        layout.addStretch(1)
        return page

    def _go(self, step: int) -> None:
        index = max(0, min(2, self.steps.currentIndex() + step)) if step else 0
        self.steps.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setText(_("Start") if index == 2 else _("Next"))
        self.problem.hide()
        first = (self.definition, self.block_boxes[0][0], self.person_name)[index]
        first.setFocus()  # the keyboard starts where the step does

    def _next(self) -> None:
        if not self.check_step(self.steps.currentIndex()):
            return
        if self.steps.currentIndex() < 2:
            self._go(1)
            return
        self.finish()

    def check_step(self, index: int) -> bool:
        """Say what to fix on this step, beside the field; True when it is all fine."""
        fine = True
        if index == 0:
            long = [a for a in self._own_areas() if len(a) > 40]
            self.own_areas_field.show_problem(
                _("'{area}…' is long for an area; {count} letters at most.").format(
                    area=long[0][:40], count=40
                )
                if long
                else None
            )
            fine = not long
        elif index == 1:
            for (box, reason, _unused), field in zip(
                self.block_boxes, self.reason_fields, strict=True
            ):
                missing = box.isChecked() and not reason.text().strip()
                field.show_problem(_("A few words of your own, so Tidewell can quote them back.")
                                   if missing else None)  # fmt: skip
                fine = fine and not missing
        elif index == 2:
            self.person_zone.settle()
            named = bool(self.person_name.text().strip())
            where = self.person_zone.problem() if named else None
            if not named and self.person_zone.zone():
                self.person_name_field.show_problem(_("Their name, so Tidewell can show it."))
                fine = False
            else:
                self.person_name_field.show_problem(None)
            self.person_zone_field.show_problem(where)
            fine = fine and where is None
        return fine

    def finish(self) -> None:
        """Save what was chosen; the welcome closes only once it is saved."""
        for index in range(3):
            if not self.check_step(index):
                self._go(index - self.steps.currentIndex())
                self.check_step(index)
                return
        try:
            draft = self.chosen(self.host.state)
        except msgspec.ValidationError as err:
            self._show_problems([problem_from(err)])
            return
        problems = self.host.apply_definitions(draft)
        if problems:
            self._show_problems(problems)
            return
        self._end(accepted=True)

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problem.setText(
            _(
                "This could not be saved yet: {problems}. Nothing you chose is lost; "
                "change it here, or try Start again."
            ).format(problems="; ".join(in_words(p.message) for p in problems[:3]))
        )
        self.problem.show()

    def touched(self) -> bool:
        """Has the person chosen or typed anything?"""
        return bool(
            self.definition.toPlainText().strip()
            or self.own_areas.text().strip()
            or not all(b.isChecked() for b in self.area_boxes)
            or any(box.isChecked() for box, _u, _v in self.block_boxes)
            or self.gentle.isChecked()
            or self.person_name.text().strip()
            or self.person_zone.edit.text().strip()
            or any(box.isChecked() for box, _unused in self.rule_boxes)
        )

    def leave(self) -> None:
        """'Not now': when something was chosen, ask whether to keep it first."""
        if not self.touched():
            self._end(accepted=False)
            return
        ask = QMessageBox(self)
        ask.setIcon(QMessageBox.Icon.Question)
        ask.setWindowTitle(_("Leave the welcome?"))
        ask.setText(_("You have chosen a few things here. Keep them?"))
        keep = ask.addButton(_("Keep what I chose"), QMessageBox.ButtonRole.AcceptRole)
        drop = ask.addButton(_("Leave without keeping"), QMessageBox.ButtonRole.DestructiveRole)
        stay = ask.addButton(_("Back to the welcome"), QMessageBox.ButtonRole.RejectRole)
        ask.setDefaultButton(stay)
        ask.setEscapeButton(stay)
        self.question = ask
        ask.exec()
        self.question = None
        if ask.clickedButton() is keep:
            self.finish()
        elif ask.clickedButton() is drop:
            self._end(accepted=False)

    def reject(self) -> None:
        """Escape or the window's close button: nothing chosen is dropped without asking.
        Left untouched, the welcome simply closes and is offered again next time."""
        if self._ended or not self.touched():
            super().reject()
        else:
            self.leave()

    def _end(self, accepted: bool) -> None:
        self._ended = True
        self.answered.emit()
        if accepted:
            self.accept()
        else:
            super().reject()

    def _own_areas(self) -> list[str]:
        return [a.strip() for a in self.own_areas.text().split(",") if a.strip()]

    def chosen(self, state: State) -> State:
        """The state with what the person ticked and wrote; nothing they did not choose."""
        areas = [b.text() for b in self.area_boxes if b.isChecked()]
        areas += self._own_areas()
        balance = Balance(
            definition=self.definition.toPlainText().strip(),
            areas=list(dict.fromkeys(areas)) or list(DEFAULT_AREAS),
        )
        blocks = list(state.blocks)
        for box, reason, doc in self.block_boxes:
            if box.isChecked():
                blocks.append(msgspec.convert({**doc, "reason": reason.text().strip()}, Block))
        rules = list(state.rules)
        if self.gentle.isChecked() and any(
            box.isChecked() for box, _unused, _unused2 in self.block_boxes
        ):
            starter = next(r for r in STARTER_RULES if r["when"]["kind"] == "protected")
            rules.append(msgspec.convert({**starter, "id": "offline"}, Rule))
        for box, starter in self.rule_boxes:
            if box.isChecked():
                rule_id = free_id(str(starter["name"]), {r.id for r in rules}, "rule")
                rules.append(msgspec.convert({**starter, "id": rule_id}, Rule))
        people = list(state.people)
        name = self.person_name.text().strip()
        if name and self.person_zone.zone():
            people.append(
                msgspec.convert(
                    {
                        "id": free_id(name, {p.id for p in people}, "person"),
                        "name": name,
                        "zone": self.person_zone.zone(),
                        "place": self.person_zone.place_name(),
                        "reachable": [{"start": "18:00", "end": "21:00"}],
                    },
                    Person,
                )
            )
        return replace(state, balance=balance, blocks=blocks, rules=rules, people=people)
