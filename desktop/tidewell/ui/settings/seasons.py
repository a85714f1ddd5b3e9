"""Seasons: busy, steady and recovery stretches of the year, listed and drawn on a timeline."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

import msgspec
from PySide6.QtCore import QDate, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from tidewell.core.life import Season
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.dates import day_and_month
from tidewell.ui.settings.item_list import ItemList
from tidewell.ui.style import SEASON_COLOURS

KIND_LABELS = (("busy", _("Busy")), ("steady", _("Steady")), ("recovery", _("Recovery")))
KIND_COLOURS = {kind: QColor(colour) for kind, colour in SEASON_COLOURS.items()}
MONTHS = "JFMAMJJASOND"


class SeasonsList(ItemList):
    field_name = "seasons"
    noun = "season"
    add_words = _("Add season")
    list_words = _("Your seasons")
    invite = _(
        "Life has seasons: a busy launch, a calm summer, a stretch of recovery. Name yours, "
        "and rules can be gentler or quieter during them."
    )
    invite_button = _("Add a season")
    kind = Season

    def build_form(self, form: QFormLayout) -> None:
        self.name = self.field("name", _("Name"), QLineEdit(), _("e.g. year-end push"))
        self.season_kind = QComboBox()
        for _unused, label in KIND_LABELS:
            self.season_kind.addItem(label)
        self.field("kind", _("Kind"), self.season_kind)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.field("start", _("From"), self.start)
        self.end = QDateEdit()
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.field("end", _("To"), self.end)
        self.timeline = YearTimeline()
        self.extra.addWidget(self.timeline)
        self.name.textEdited.connect(self.form_changed)
        self.season_kind.currentIndexChanged.connect(self.form_changed)
        self.start.dateChanged.connect(self.form_changed)
        self.end.dateChanged.connect(self.form_changed)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        super().set_state(state, now, home)
        self.timeline.show_year(state, now.astimezone(home).date())

    def load(self, item: Season) -> None:
        self.name.setText(item.name)
        self.season_kind.setCurrentIndex([k for k, _unused in KIND_LABELS].index(item.kind))
        self.start.setDate(QDate(item.start.year, item.start.month, item.start.day))
        self.end.setDate(QDate(item.end.year, item.end.month, item.end.day))

    def document(self, item: Season) -> dict[str, Any]:
        doc: dict[str, Any] = msgspec.to_builtins(item)
        doc.update(
            name=self.name.text().strip(),
            kind=KIND_LABELS[self.season_kind.currentIndex()][0],
            start=self.start.date().toString("yyyy-MM-dd"),
            end=self.end.date().toString("yyyy-MM-dd"),
        )
        return doc

    def blank(self) -> dict[str, Any]:
        today = self.now.date() if self.now else date.today()  # noqa: DTZ011
        return {
            "id": "season",
            "name": _("A new season"),
            "kind": "steady",
            "start": today.isoformat(),
            "end": (today + timedelta(days=30)).isoformat(),
        }

    def extra_check(self, item: Season) -> str | None:
        """A busy season and a recovery season cannot share days: which one would hold?"""
        for other in self.items:
            if other.id == item.id or {other.kind, item.kind} != {"busy", "recovery"}:
                continue
            if other.start <= item.end and item.start <= other.end:
                return _(
                    "This overlaps '{name}'; a busy and a recovery season can't share days."
                ).format(name=other.name)
        return None

    def label(self, item: Season) -> str:
        kind = dict(KIND_LABELS).get(item.kind, item.kind)
        end = _("{day} {year}").format(day=day_and_month(item.end), year=item.end.year)
        when = _("{start} to {end}").format(start=day_and_month(item.start), end=end)
        return f"{item.name} ({kind}) · {when}"


class YearTimeline(QWidget):
    """This year as twelve months with each season as a coloured bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(64)
        self.setAccessibleName(_("Your seasons on this year's timeline"))
        self.year = date(2026, 1, 1)
        self.seasons: list[Season] = []

    def show_year(self, state: State, today: date) -> None:
        self.year = date(today.year, 1, 1)
        self.seasons = list(state.seasons)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        days = (date(self.year.year + 1, 1, 1) - self.year).days
        width = self.width() - 8
        for month, letter in enumerate(MONTHS):
            x = 4 + width * (date(self.year.year, month + 1, 1) - self.year).days / days
            painter.setPen(text)
            painter.drawText(QRectF(x, 0, width / 12, 16), Qt.AlignmentFlag.AlignLeft, letter)
        lanes = max(1, len(self.seasons))
        lane = min(14.0, (self.height() - 22) / lanes)
        painter.setPen(Qt.PenStyle.NoPen)
        for number, season in enumerate(self.seasons):
            start = max(0, (season.start - self.year).days)
            end = min(days, (season.end - self.year).days + 1)
            if end <= 0 or start >= days:
                continue
            painter.setBrush(KIND_COLOURS[season.kind])
            painter.drawRoundedRect(
                QRectF(
                    4 + width * start / days,
                    20 + number * lane,
                    max(3.0, width * (end - start) / days),
                    lane - 3,
                ),
                3,
                3,
            )
        painter.end()
