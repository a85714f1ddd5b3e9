"""Dates and times as the person's locale writes them (QLocale), for the widgets. The core
and the command line keep their own plain forms until the languages work (Babel) lands."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def day_names(short: bool = False) -> list[str]:
    """Monday to Sunday in the locale's words ("Montag", "月曜日"), in this order."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return [QLocale().dayName(day, kind) for day in range(1, 8)]


def week_order() -> list[int]:
    """The days of the week as the locale begins it (0 is Monday): Sunday first in the US."""
    first = QLocale().firstDayOfWeek().value - 1
    return [(first + i) % 7 for i in range(7)]


def day_text(day: date, long: bool = False) -> str:
    """'30/11/2026' or, long, 'Monday, 30 November 2026', as the locale has it."""
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(day.year, day.month, day.day), kind)


def day_and_month(day: date) -> str:
    """'30 Nov' in the locale's order and month names."""
    locale = QLocale()
    month = locale.monthName(day.month, QLocale.FormatType.ShortFormat)
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return f"{month} {day.day}" if pattern.index("M") < pattern.index("d") else f"{day.day} {month}"


def clock_text(moment: datetime) -> str:
    """'18:30' or '6:30 PM', as the locale has it."""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def moment_text(moment: datetime) -> str:
    """A date with its time, short, as the locale has it."""
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)
