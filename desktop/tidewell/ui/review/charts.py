"""The review's pictures, drawn with QPainter in the window's palette (light or dark), each
with a text alternative for screen readers: targets as bars, the days as a heat map with
season bands, and life areas week by week."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from tidewell.core.review import Day, TargetProgress
from tidewell.i18n import _
from tidewell.ui.dates import day_text, week_order
from tidewell.ui.style import SEASON_COLOURS
from tidewell.ui.tooltips import as_tooltip

TEAL = QColor("#2f8f88")
AMBER = QColor("#d49a3a")
INDIGO = QColor("#5b64b0")
SEASONS = {kind: QColor(colour) for kind, colour in SEASON_COLOURS.items()}
AREA_COLORS = ["#2f8f88", "#d49a3a", "#5b64b0", "#b5657a", "#6f9a4a", "#8a7f70", "#4b89b8"]


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * share),
        round(a.green() + (b.green() - a.green()) * share),
        round(a.blue() + (b.blue() - a.blue()) * share),
    )


class TargetBars(QWidget):
    ROW = 46

    def __init__(self) -> None:
        super().__init__()
        self.items: list[TargetProgress] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Your own numbers"))

    def set_items(self, items: list[TargetProgress]) -> None:
        self.items = items
        self.setFixedHeight(max(1, len(items)) * self.ROW)
        self.setAccessibleDescription(" ".join(target_in_words(t) for t in items))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text, track = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Mid)
        width = self.width()
        for n, item in enumerate(self.items):
            top = n * self.ROW
            painter.setPen(text)
            painter.drawText(
                QRect(0, top, width, 20),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                item.target.name,
            )
            words = _("{count} of {goal}").format(count=item.count, goal=_number(item.goal))
            if item.goal < 1:  # a monthly number seen over a week
                words = _your_number(item.count, item.target.count, item.target.per)
            if item.note:
                words += f" · {item.note}"
            painter.drawText(
                QRect(0, top, width, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                words,
            )
            bar = QRectF(0, top + 24, width, 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(track, pal.color(QPalette.ColorRole.Base), 0.5))
            painter.drawRoundedRect(bar, 5, 5)
            painter.setBrush(TEAL)
            painter.drawRoundedRect(QRectF(0, bar.top(), width * item.share, 10), 5, 5)
        painter.end()


def target_in_words(item: TargetProgress) -> str:
    words = _("{target}: {count} of your {goal}.").format(
        target=item.target.name, count=item.count, goal=_number(item.goal)
    )
    return f"{words} ({item.note})" if item.note else words


def _number(value: float) -> str:
    """A goal as a person counts: whole times ('13', not '12.9'); below one, one decimal."""
    return str(round(value)) if value >= 1 else f"{value:.1f}"


class DayMap(QWidget):
    """One cell a day, a column a week; seasons as a band above. Teal: protected time kept
    (deeper with more nudges done); indigo: a day off; amber edge: protected time with
    activity the person did not choose. Never red: nothing here is a failure."""

    GAP, BAND, HEAD = 3, 8, 16

    def __init__(self) -> None:
        super().__init__()
        self.days: list[Day] = []
        self.CELL = 13
        self.setAccessibleName(_("Your days"))
        self.setMouseTracking(True)

    def set_days(self, days: list[Day]) -> None:
        self.days = days
        self.CELL = 13 if len(days) > 62 else 30  # a year in small squares, a month in big ones
        self.setAccessibleDescription(days_in_words(days))
        self.setFixedSize(self.sizeHint())
        self.update()

    def _origin(self) -> date | None:
        return self.days[0].day if self.days else None

    def _cell(self, day: Day) -> QRect:
        """A year: a column a week (the locale's first day on top). A week or a month: a row a
        week, like a wall calendar, under the names of the weekdays in the locale's order."""
        first = self.days[0].day
        start = week_order()[0]  # the locale's first day of the week heads each row
        offset = (first.weekday() - start) % 7 + (day.day - first).days
        col, row = divmod(offset, 7)
        if self.CELL > 20:
            col, row = row, col
        step = self.CELL + self.GAP
        return QRect(col * step, self._top() + row * step, self.CELL, self.CELL)

    def _top(self) -> int:
        """Room above the cells: the seasons' band, and weekday names on a month."""
        return self.BAND + 4 + (self.HEAD if self.CELL > 20 else 0)

    def sizeHint(self) -> QSize:
        if not self.days:
            return QSize(100, 40)
        cells = [self._cell(d) for d in self.days]
        return QSize(max(c.right() for c in cells) + 1, max(c.bottom() for c in cells) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        empty = _mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Mid), 0.35)
        base = pal.color(QPalette.ColorRole.Base)
        if self.CELL > 20 and self.days:  # weekday names above the columns
            painter.setPen(pal.color(QPalette.ColorRole.WindowText))
            locale = QLocale()
            for column in range(7):
                weekday = week_order()[column] + 1
                name = locale.dayName(weekday, QLocale.FormatType.ShortFormat)
                step = self.CELL + self.GAP
                head = QRect(column * step, self.BAND, self.CELL, self.HEAD)
                painter.drawText(head, Qt.AlignmentFlag.AlignCenter, name[:3])
        for day in self.days:
            cell = self._cell(day)
            if day.season is not None and self.CELL <= 20:  # a year: the band above its weeks
                band = QRect(cell.x(), 0, cell.width() + self.GAP, self.BAND)
                painter.fillRect(band, SEASONS[day.season])
            color = empty
            if day.off:
                color = INDIGO
            elif day.kept or day.done:
                color = _mix(base, TEAL, min(1.0, 0.35 + 0.2 * (day.done + 2 * day.kept)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(cell), 3, 3)
            if day.broken:
                painter.setPen(AMBER)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(cell).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            if day.season is not None and self.CELL > 20:  # a month: a strip on the day
                strip = QRect(cell.x() + 3, cell.y() + 2, cell.width() - 6, 4)
                painter.fillRect(strip, SEASONS[day.season])
            if self.CELL > 20:  # big enough for the day of the month
                dark = color.lightnessF() < 0.55
                painter.setPen(QColor("#ffffff") if dark else pal.color(QPalette.ColorRole.Text))
                painter.drawText(QRectF(cell), Qt.AlignmentFlag.AlignCenter, str(day.day.day))
        painter.end()

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            day = self._day_at(event.pos())
            if day is not None:
                QToolTip.showText(event.globalPos(), as_tooltip(day_in_words(day)), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def _day_at(self, point: QPoint) -> Day | None:
        return next((d for d in self.days if self._cell(d).contains(point)), None)


def day_in_words(day: Day) -> str:
    parts = [day_text(day.day, long=True)]
    if day.off:
        parts.append(_("a day off"))
    if day.kept:
        parts.append(_("protected time kept"))
    if day.broken:
        parts.append(_("online in protected time"))
    if day.done:
        parts.append(f"{day.done} nudge{'s' if day.done != 1 else ''} done")
    if day.season:
        parts.append(f"{day.season} season")
    return ", ".join(parts)


def days_in_words(days: list[Day]) -> str:
    off = sum(d.off for d in days)
    kept = sum(d.kept for d in days)
    broken = sum(d.broken for d in days)
    return _(
        "Days shown: {days}. Protected stretches kept: {kept}. With time online: {broken}. "
        "Days off: {off}."
    ).format(days=len(days), kept=kept, broken=broken, off=off)


class AreaWeeks(QWidget):
    """Stacked bars, one a week: what got attention (nudges done, by area)."""

    def __init__(self) -> None:
        super().__init__()
        self.weeks: list[tuple[date, dict[str, int]]] = []
        self.areas: list[str] = []
        self.setMinimumHeight(120)
        self.setAccessibleName(_("Areas of life, week by week"))

    def set_weeks(self, weeks: list[tuple[date, dict[str, int]]], areas: list[str]) -> None:
        self.weeks = weeks
        seen = {a for _unused, counts in weeks for a in counts}
        self.areas = [a for a in areas if a in seen] + sorted(seen - set(areas))
        totals = {a: sum(c.get(a, 0) for _unused, c in weeks) for a in self.areas}
        self.setAccessibleDescription(
            ", ".join(f"{a}: {n} done" for a, n in totals.items()) or _("Nothing done yet.")
        )
        self.update()

    def color(self, area: str) -> QColor:
        return QColor(AREA_COLORS[self.areas.index(area) % len(AREA_COLORS)])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self.areas:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Nothing done yet here."))
            painter.end()
            return
        highest = max([sum(c.values()) for _unused, c in self.weeks] + [1])
        legend = 18
        height = self.height() - legend - 4
        step = self.width() / len(self.weeks)
        bar = max(2.0, min(28.0, step * 0.7))
        for n, (_unused, counts) in enumerate(self.weeks):
            bottom = float(height)
            for area in self.areas:
                value = counts.get(area, 0)
                if not value:
                    continue
                top = bottom - height * value / highest
                painter.fillRect(
                    QRectF(n * step + (step - bar) / 2, top, bar, bottom - top), self.color(area)
                )
                bottom = top
        x = 0
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        for area in self.areas:
            painter.fillRect(QRect(x, self.height() - 12, 10, 10), self.color(area))
            painter.drawText(QPoint(x + 14, self.height() - 3), area)
            x += 24 + painter.fontMetrics().horizontalAdvance(area)
        painter.end()


class Legend(QWidget):
    """Colour swatches with their meaning, under a chart: (colour, words, outlined)."""

    def __init__(self, items: list[tuple[QColor, str, bool]], accessible: str) -> None:
        super().__init__()
        self.items = items
        self.setAccessibleName(accessible)
        self.setAccessibleDescription("; ".join(words for _unused, words, _unused2 in items))
        self.setFixedHeight(20)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        x = 0
        for colour, words, outlined in self.items:
            swatch = QRectF(x + 0.5, 4.5, 11, 11)
            if outlined:
                painter.setPen(colour)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
            painter.drawRoundedRect(swatch, 2, 2)
            painter.setPen(pal.color(QPalette.ColorRole.WindowText))
            painter.drawText(QPoint(x + 16, 14), words)
            x += 30 + painter.fontMetrics().horizontalAdvance(words)
        painter.end()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = sum(
            30 + metrics.horizontalAdvance(words) for _unused, words, _unused2 in self.items
        )
        return QSize(width, 20)


def days_legend() -> Legend:
    return Legend(
        [
            (TEAL, _("protected time kept"), False),
            (INDIGO, _("a day off"), False),
            (AMBER, _("online in protected time"), True),
            (SEASONS["busy"], _("a busy season"), False),
            (SEASONS["recovery"], _("a recovery season"), False),
        ],
        _("What the colours of your days mean"),
    )


def _your_number(count: int, goal: int, per: str) -> str:
    """'0 (your number: 2 a month)', whole, for each period."""
    if per == "week":
        words = _("{count} (your number: {goal} a week)")
    elif per == "month":
        words = _("{count} (your number: {goal} a month)")
    else:
        words = _("{count} (your number: {goal} a year)")
    return words.format(count=count, goal=goal)
