"""The week begins where the person's locale begins it: Sunday in the United States, Monday
in Germany, in the day pickers and the week view; the days are named in its words; the
language chosen in General is kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from tidewell.ui.dates import week_order
from tidewell.ui.settings.fields import DayPicker


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_the_week_begins_as_the_locale_begins_it(qtbot, locale: None) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert week_order()[0] == 6  # Sunday
    picker = DayPicker("Days")
    qtbot.addWidget(picker)
    first = picker.layout().itemAt(0).widget()
    assert first is picker.boxes[6] and first.text() == "Sun"
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert week_order()[0] == 0
    german = DayPicker("Tage")
    qtbot.addWidget(german)
    assert german.layout().itemAt(0).widget().toolTip() == "Montag"
    german.boxes[6].setChecked(True)  # the last button is still Sunday's
    assert german.days() == ["sun"]


def test_the_language_is_chosen_in_general(window) -> None:  # type: ignore[no-untyped-def]
    general = window.general
    assert general.language.currentData() == "system"
    codes = [general.language.itemData(i) for i in range(general.language.count())]
    assert {"en", "de", "fr", "es", "pt_BR", "ja", "ar"} <= set(codes)
    general.language.setCurrentIndex(general.language.findData("de"))
    assert general.language.currentText() == "Deutsch"
    window.save()
    assert window.host.runtime.state.settings.language == "de"
