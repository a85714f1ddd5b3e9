"""The language Tidewell speaks: its own catalogue (tidewell.i18n), Qt's words for its own
dialogs (``qtbase_*.qm`` through a QTranslator), the locale for dates and numbers when the
person chose a language, and right-to-left layout for Arabic and Hebrew."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tidewell.i18n import use_clock, use_language

log = logging.getLogger(__name__)
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})


def speak(language: str) -> str:
    """Speak ``language`` ("system" for the system's); returns the one spoken."""
    spoken = use_language(language)
    if language != "system":
        os.environ["LANGUAGE"] = spoken  # the calendar reader and other children speak it too
    app = QCoreApplication.instance()
    if language != "system":
        QLocale.setDefault(QLocale(spoken))  # dates, numbers, the week's first day
    pattern = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    use_clock("h" in pattern.replace("hh", "h") and "H" not in pattern)  # 12- or 24-hour
    if app is not None and spoken != "en":
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{spoken}", folder) or translator.load(
            f"qtbase_{spoken.split('_')[0]}", folder
        ):
            app.installTranslator(translator)
    if spoken.split("_")[0] in RIGHT_TO_LEFT and app is not None:
        from PySide6.QtCore import Qt  # its enums cost ~1 MiB: only for these languages

        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # type: ignore[attr-defined]
    log.info("speaking %s", spoken)
    return spoken
