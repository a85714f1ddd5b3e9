"""First run: three short steps (what matters to you, your protected time, your people).
Starter ideas are offered, unticked; nothing is switched on without the person's choice."""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.fields import DEFAULT_AREAS
from tidewell.core.life import Balance, Block, Person
from tidewell.core.rules import Rule
from tidewell.core.state import State
from tidewell.ui.settings.balance_page import PROMPT
from tidewell.ui.settings.people_page import zone_box
from tidewell.ui.settings.starters import STARTER_BLOCKS, STARTER_RULES
from tidewell.ui.style import WINDOW_SHEET, plain_label

class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Tidewell")
        self.setStyleSheet(WINDOW_SHEET)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._matters())
        self.steps.addWidget(self._protected())
        self.steps.addWidget(self._people())
        layout.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        self.skip = QPushButton("Not now")
        self.skip.clicked.connect(self.reject)
        self.back = QPushButton("Back")
        self.back.clicked.connect(lambda: self._go(-1))
        self.next = QPushButton("Next")
        self.next.setDefault(True)
        self.next.clicked.connect(self._next)
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout.addLayout(buttons)
        self._go(0)

    def _step(self, number: int, title: str, words: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label(f"Step {number} of 3", "muted"))
        layout.addWidget(plain_label(title, "section"))
        layout.addWidget(plain_label(words))
        return page, layout

    def _matters(self) -> QWidget:
        page, layout = self._step(
            1,
            "What matters to you",
            "Balance is yours to define. Write it down in your own words, if you like, and "
            "keep the areas of life that count for you.",
        )
        self.definition = QPlainTextEdit()
        self.definition.setPlaceholderText(PROMPT)
        self.definition.setAccessibleName("Your definition of balance")
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
            "Your own areas, separated by commas (e.g. music, garden)"
        )
        self.own_areas.setAccessibleName("Your own areas of life")
        layout.addWidget(self.own_areas)
        return page

    def _protected(self) -> QWidget:
        page, layout = self._step(
            2,
            "Your protected time",
            "Time you'd like to keep offline. Tick what fits your life; change it any time.",
        )
        self.block_boxes: list[tuple[QCheckBox, QLineEdit, dict[str, Any]]] = []
        for label, doc in STARTER_BLOCKS:
            box = QCheckBox(label)
            reason = QLineEdit(doc["reason"])
            reason.setAccessibleName(f"Your reason for {label.lower()}")
            reason.setPlaceholderText("your reason, in your words")
            layout.addWidget(box)
            layout.addWidget(reason)
            self.block_boxes.append((box, reason, doc))
        self.gentle = QCheckBox(
            "If I'm at the computer during this time, ask me gently whether it's needed"
        )
        layout.addWidget(self.gentle)
        layout.addStretch(1)
        return page

    def _people(self) -> QWidget:
        page, layout = self._step(
            3,
            "Your people",
            "Someone you'd like to make time for, maybe far away. Their local time will be "
            "shown when you have a moment to spare.",
        )
        self.person_name = QLineEdit()
        self.person_name.setPlaceholderText("Their name (optional)")
        self.person_name.setAccessibleName("Their name")
        self.person_zone = zone_box("Where they live (a city)")
        self.person_zone.setCurrentText("Europe/London")
        layout.addWidget(self.person_name)
        layout.addWidget(self.person_zone)
        layout.addWidget(plain_label("A few starter ideas, to make your own:", "section"))
        self.rule_boxes: list[tuple[QCheckBox, dict[str, Any]]] = []
        for starter in STARTER_RULES:
            if starter["when"]["kind"] == "protected":
                continue  # offered on the protected-time step
            box = QCheckBox(f"{starter['name']}: “{starter['nudge']['title']}”")
            box.setAccessibleName(str(starter["name"]))
            layout.addWidget(box)
            self.rule_boxes.append((box, starter))
        layout.addStretch(1)
        return page

    def _go(self, step: int) -> None:
        index = max(0, min(2, self.steps.currentIndex() + step)) if step else 0
        self.steps.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setText("Start" if index == 2 else "Next")

    def _next(self) -> None:
        if self.steps.currentIndex() == 2:
            self.accept()
        else:
            self._go(1)

    def chosen(self, state: State) -> State:
        """The state with what the person ticked and wrote; nothing they did not choose."""
        areas = [b.text() for b in self.area_boxes if b.isChecked()]
        areas += [a.strip() for a in self.own_areas.text().split(",") if a.strip()]
        balance = Balance(
            definition=self.definition.toPlainText().strip(),
            areas=list(dict.fromkeys(areas)) or list(DEFAULT_AREAS),
        )
        blocks = list(state.blocks)
        for box, reason, doc in self.block_boxes:
            if box.isChecked():
                blocks.append(msgspec.convert({**doc, "reason": reason.text().strip()}, Block))
        rules = list(state.rules)
        if self.gentle.isChecked() and any(box.isChecked() for box, _, _ in self.block_boxes):
            starter = next(r for r in STARTER_RULES if r["when"]["kind"] == "protected")
            rules.append(msgspec.convert({**starter, "id": "offline"}, Rule))
        for box, starter in self.rule_boxes:
            if box.isChecked():
                rule_id = str(starter["name"]).casefold().replace(" ", "-")
                rules.append(msgspec.convert({**starter, "id": rule_id}, Rule))
        people = list(state.people)
        if self.person_name.text().strip():
            people.append(
                msgspec.convert(
                    {
                        "id": "person-1",
                        "name": self.person_name.text().strip(),
                        "zone": self.person_zone.currentText().strip(),
                        "reachable": [{"start": "18:00", "end": "21:00"}],
                    },
                    Person,
                )
            )
        return replace(state, balance=balance, blocks=blocks, rules=rules, people=people)
