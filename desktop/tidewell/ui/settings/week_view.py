"""A week drawn as seven columns of 24 hours, protected time shaded, for the Protected page."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from tidewell.core.occurrences import block_intervals
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.dates import day_names, week_order
from tidewell.ui.style import is_dark

SHADE = QColor(52, 64, 122, 150)
SHADE_ON_DARK = QColor(140, 152, 220, 170)  # the same indigo, light enough on a dark window
SELECTED = QColor(47, 127, 122, 220)


class WeekView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setAccessibleName(_("This week's protected time"))
        self.runs: list[tuple[int, float, float, bool]] = []  # day, from hour, to hour, chosen

    def show_week(self, state: State, now: datetime, home: tzinfo, chosen: str | None) -> None:
        local = now.astimezone(home)
        monday = (local - timedelta(days=local.weekday())).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        start, end = monday, monday + timedelta(days=7)
        runs: list[tuple[int, float, float, bool]] = []
        for block in state.blocks:
            for run_start, run_end in block_intervals(block, home, start, end):
                a, b = max(run_start, start), min(run_end, end)
                while a < b:  # split at midnights
                    day_start = a.astimezone(home).replace(hour=0, minute=0, second=0)
                    day_end = min(b, day_start + timedelta(days=1))
                    day = (day_start.date() - monday.date()).days
                    runs.append(
                        (day, _hours(a, day_start), _hours(day_end, day_start), block.id == chosen)
                    )
                    a = day_end
        self.runs = runs
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(50)
        top, left = 18.0, 34.0
        width = (self.width() - left - 4) / 7
        height = self.height() - top - 4
        painter.setPen(text)
        order, labels = week_order(), day_names(short=True)  # the locale's first day first
        for column, day in enumerate(order):
            painter.drawText(
                QRectF(left + column * width, 0, width, top),
                Qt.AlignmentFlag.AlignCenter,
                labels[day],
            )
        for hour in (0, 6, 12, 18, 24):
            y = top + height * hour / 24
            painter.setPen(grid)
            painter.drawLine(int(left), int(y), int(self.width() - 4), int(y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 8, left - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{hour:02d}",
            )
        painter.setPen(Qt.PenStyle.NoPen)
        shade = SHADE_ON_DARK if is_dark(self.palette()) else SHADE
        for day, start, end, chosen in self.runs:
            painter.setBrush(SELECTED if chosen else shade)
            rect = QRectF(
                left + order.index(day) * width + 2,
                top + height * start / 24,
                width - 4,
                max(2.0, height * (end - start) / 24),
            )
            painter.drawRoundedRect(rect, 3, 3)
        painter.end()


def _hours(moment: datetime, day_start: datetime) -> float:
    return (moment - day_start).total_seconds() / 3600
