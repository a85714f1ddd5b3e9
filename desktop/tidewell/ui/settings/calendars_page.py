"""Calendars: feeds and .ics files, what their events mean (the person's own words), the
last time each was read, and the events coming up with what Tidewell will do about them."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec.structs import replace
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from tidewell.core.calendar import CalendarSource, Span
from tidewell.core.state import State
from tidewell.core.status import moment_in_words
from tidewell.i18n import _
from tidewell.ui.settings.add_calendar import AddCalendarDialog
from tidewell.ui.settings.fields import Field, form_label, split_list
from tidewell.ui.settings.item_list import ItemList
from tidewell.ui.style import plain_label

if TYPE_CHECKING:
    from tidewell.ui.hosts import SettingsHostLike

COMING_UP = 12  # events listed under "Coming up"
_MEANINGS = (
    ("travel", _("Trips"), _("flight, train, layover")),
    ("offline", _("Time off"), _("vacation, out of office")),
    ("busy", _("Meetings"), _("empty: every other event with a time")),
)


class CalendarsPage(ItemList):
    field_name = "calendars"
    noun = "calendar"
    add_words = _("Add calendar")
    list_words = _("Your calendars")
    kind = CalendarSource

    def __init__(self, host: SettingsHostLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.add_button.setText(_("Add calendar…"))
        self.add_button.setAccessibleName(_("Add a calendar"))
        self.dialog: AddCalendarDialog | None = None
        self.notice = plain_label(name="muted")
        self.layout().itemAt(0).layout().insertWidget(0, self.notice)  # type: ignore[union-attr]
        keeper = host.calendars
        if keeper is not None:
            keeper.results_changed.connect(self._show_results)
            keeper.keyring_checked.connect(self._show_notice)
            keeper.check_keyring()
        self._show_notice()

    # --- the form -----------------------------------------------------------------------

    def build_form(self, form: QFormLayout) -> None:
        self.name = self.field("name", _("Name"), QLineEdit())
        self.name.textEdited.connect(self.form_changed)
        self.where = plain_label()
        form.addRow(form_label(_("Reads")), self.where)
        self.toggles: dict[str, QCheckBox] = {}
        self.words: dict[str, QLineEdit] = {}
        for key, title, hint in _MEANINGS:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            toggle = QCheckBox(_("On"))
            toggle.setAccessibleName(_("{meaning}: read from this calendar").format(meaning=title))
            words = QLineEdit()
            words.setPlaceholderText(hint)
            words.setAccessibleName(_("{meaning}: words").format(meaning=title))
            toggle.toggled.connect(words.setEnabled)
            toggle.toggled.connect(self.form_changed)
            words.textEdited.connect(self.form_changed)
            line.addWidget(toggle)
            line.addWidget(words, 1)
            field = Field(row, title, _explain(key))
            self.fields[f"readings.{key}"] = field
            form.addRow(form_label(title), field)
            self.toggles[key], self.words[key] = toggle, words
        self.lead = QSpinBox()
        self.lead.setRange(10, 600)
        self.lead.setSingleStep(15)
        self.lead.setSuffix(_(" min before"))
        self.lead.valueChanged.connect(self.form_changed)
        self.field("readings.lead_minutes", _("Ideas for a trip"), self.lead)
        self.result = plain_label(name="muted")
        self.extra.addWidget(self.result)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(_("Read it now"))
        self.sync_button.setAccessibleName(_("Read this calendar now"))
        self.sync_button.clicked.connect(self._sync_now)
        buttons.addWidget(self.sync_button)
        buttons.addStretch(1)
        self.extra.addLayout(buttons)
        self.extra.addWidget(plain_label(_("Coming up, and what Tidewell will do"), "section"))
        self.coming = QListWidget()
        self.coming.setAccessibleName(_("Events coming up"))
        self.coming.setMinimumHeight(160)
        self.extra.addWidget(self.coming)

    def load(self, item: CalendarSource) -> None:
        self.name.setText(item.name)
        self.where.setText(
            _("Read from {host}; its private address is kept in your system's password store")
            .format(host=item.host)
            if item.kind == "url"
            else _("The file {path}").format(path=item.path)
        )  # fmt: skip
        for key, _unused, _unused in _MEANINGS:
            reading = item.readings.of(key)  # type: ignore[arg-type]
            self.toggles[key].setChecked(reading.on)
            self.words[key].setText(", ".join(reading.words))
            self.words[key].setEnabled(reading.on)
        self.lead.setValue(item.readings.lead_minutes)

    def document(self, item: CalendarSource) -> dict[str, Any]:
        doc: dict[str, Any] = msgspec.to_builtins(item)
        readings: dict[str, Any] = {"lead_minutes": self.lead.value()}
        for key, _unused, _unused in _MEANINGS:
            readings[key] = {
                "on": self.toggles[key].isChecked(),
                "words": split_list(self.words[key].text()),
            }
        doc.update(name=self.name.text().strip(), readings=readings)
        return doc

    def label(self, item: CalendarSource) -> str:
        return f"{item.name} · {item.where if item.kind == 'url' else Path(item.where).name}"

    def changed_hook(self, item: CalendarSource) -> None:
        self._show_results()

    # --- adding -------------------------------------------------------------------------

    def add(self) -> None:
        dialog = AddCalendarDialog(self.host, self.state, self.host.feeds_unavailable(), self)
        dialog.chosen.connect(self._added)
        self.dialog = dialog
        dialog.open()

    def _added(self, source: CalendarSource) -> None:
        self.selected = source.id
        self.edited.emit(replace(self.state, calendars=[*self.state.calendars, source]))

    # --- results ------------------------------------------------------------------------

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        super().set_state(state, now, home)
        self._show_results()

    def _show_notice(self, *_unused: object) -> None:
        problem = self.host.feeds_unavailable()
        self.notice.setText(
            _(
                "To keep a calendar's private address safe, Tidewell needs your system's "
                "password store, and none is open here. A calendar file on this computer works."
            )
            if problem
            else _(
                "Tidewell reads your calendars to know when you travel, take time off and "
                "meet. Private addresses stay in your system's password store."
            )
        )

    def _sync_now(self) -> None:
        if self.selected is not None:
            self.host.sync_calendars([self.selected])
            self._show_results()

    def _show_results(self) -> None:
        saved = self.host.saved_calendar_ids()
        results = self.host.calendar_results()
        selected = self.selected
        now, home = self.host.now_and_home()
        if selected is None:
            self.result.setText("")
        elif self.host.syncing(selected):
            self.result.setText(_("Reading it now…"))
        elif selected not in saved:
            self.result.setText(_("Not read yet: it is read once you save."))
        elif selected in results:
            done = results[selected]
            when = moment_in_words(done.at, now, home)
            self.result.setText(
                _("Read at {time}: {result}.").format(time=when, result=done.message)
                if done.ok
                else _(
                    "Could not be read at {time}: {result}. Tidewell keeps using what it "
                    "read before."
                ).format(time=when, result=done.message)
            )
        else:
            self.result.setText(_("Not read yet."))
        self.sync_button.setEnabled(selected in saved and not self.host.syncing(selected or ""))
        self._show_coming(now, home)

    def _show_coming(self, now: datetime, home: tzinfo) -> None:
        view = self.host.understood(self.state)
        names = {s.id: s.name for s in self.state.calendars}
        lines = [
            _what_happens(span, names.get(span.source, ""), now, home)
            for span in view.spans
            if span.end > now
        ][:COMING_UP]
        self.coming.clear()
        self.coming.addItems(lines or [_("Nothing Tidewell understood yet.")])


def _explain(key: str) -> str:
    return {
        "travel": _("Offers your waiting-time ideas before the trip."),
        "offline": _("Protected time, with the event's title as your reason."),
        "busy": _("No popups during it; they wait until it ends."),
    }[key]


def _what_happens(span: Span, source: str, now: datetime, home: tzinfo) -> str:
    words = {"when": moment_in_words(span.start, now, home), "event": span.title,
             "calendar": source}  # fmt: skip
    if span.meaning == "travel":
        return _("{when} · {event} ({calendar}): waiting-time ideas from {from_when}").format(
            from_when=moment_in_words(span.notice, now, home), **words
        )
    if span.meaning == "offline":
        return _("{when} · {event} ({calendar}): protected time until {until}").format(
            until=moment_in_words(span.end, now, home), **words
        )
    return _("{when} · {event} ({calendar}): popups wait until it ends").format(**words)
