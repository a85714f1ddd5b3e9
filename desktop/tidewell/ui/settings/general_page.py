"""General: start at login, popups, breaks, your home zone, and your data (the folder,
export, import with a preview, restore from a backup)."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.reading import NotReadable
from tidewell.core.state import State
from tidewell.core.validation import Invalid
from tidewell.i18n import _, shipped
from tidewell.ui.place_box import PlaceBox
from tidewell.ui.settings.fields import Field, form_label, in_words, where_in_words
from tidewell.ui.settings.page import SettingsPage
from tidewell.ui.settings.quiet_settings import QuietSettings
from tidewell.ui.settings.sync_row import SyncRow
from tidewell.ui.style import plain_label

if TYPE_CHECKING:
    from tidewell.ui.hosts import ImportPreview, SettingsHostLike

APPEARANCES = (
    ("system", _("As the system has it")),
    ("light", _("Light")),
    ("dark", _("Dark")),
)
LANGUAGE_NAMES = {  # each in its own words
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "pt_BR": "Português (Brasil)",
    "ja": "日本語",
    "ar": "العربية",
    "he": "עברית",
}
NUDGE_WAYS = (
    ("auto", _("Automatic")),
    ("popups", _("Tidewell's popups")),
    ("notifications", _("The desktop's notifications")),
)
NUDGE_WAYS_NOTE = _(
    "Automatic uses the desktop's notifications where a popup can't sit by the tray, "
    "and Tidewell's popups elsewhere."
)
STEPPING_AWAY = {
    True: _("Tidewell notices when you step away, so breaks count."),
    False: _(
        "This desktop doesn't tell Tidewell when you step away, so rules about time at "
        "the computer stay quiet here."
    ),
}
PLACES = (
    ("tray", _("By the tray icon")),
    ("top-right", _("Top right of the screen")),
    ("bottom-right", _("Bottom right of the screen")),
    ("top-left", _("Top left of the screen")),
    ("bottom-left", _("Bottom left of the screen")),
)


class GeneralPage(SettingsPage):
    def __init__(self, host: SettingsHostLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.state = State()
        self._loading = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.autostart = QCheckBox(_("Start Tidewell when I log in"))
        self.autostart.setAccessibleName(_("Start Tidewell when I log in"))
        self.autostart.setChecked(host.starts_at_login())
        self.autostart.toggled.connect(self._autostart)
        form.addRow(form_label(_("Login")), self.autostart)
        self.autostart_note = plain_label(_("This one applies right away."), "muted")
        form.addRow(form_label(""), self.autostart_note)
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        self.language.addItem(_("As the system has it"), "system")
        for code in ["en", *shipped()]:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        form.addRow(form_label(_("Language")), self.language)
        self.language_note = plain_label(_("Tidewell speaks it from its next start."), "muted")
        form.addRow(form_label(""), self.language_note)
        self.appearance = QComboBox()
        self.appearance.setAccessibleName(_("Appearance"))
        for value, label in APPEARANCES:
            self.appearance.addItem(label, value)
        form.addRow(form_label(_("Appearance")), self.appearance)
        self.popup_minutes = QSpinBox()
        self.popup_minutes.setRange(1, 60)
        self.popup_minutes.setSuffix(_(" min"))
        self.popup_minutes.setAccessibleName(_("How long a popup stays"))
        form.addRow(form_label(_("Popups stay")), self.popup_minutes)
        self.popup_place = QComboBox()
        self.popup_place.setAccessibleName(_("Where popups appear"))
        for place, label in PLACES:
            self.popup_place.addItem(label, place)
        form.addRow(form_label(_("Popups appear")), self.popup_place)
        self.nudges_as = QComboBox()
        self.nudges_as.setAccessibleName(_("How nudges come"))
        for value, label in NUDGE_WAYS:
            self.nudges_as.addItem(label, value)
        form.addRow(form_label(_("Nudges come as")), self.nudges_as)
        form.addRow(form_label(""), plain_label(NUDGE_WAYS_NOTE, "muted"))
        self.quiet = QuietSettings(form, self)
        self.break_minutes = QSpinBox()
        self.break_minutes.setRange(1, 240)
        self.break_minutes.setSuffix(_(" min"))
        self.break_minutes.setAccessibleName(_("Time away that counts as a break"))
        form.addRow(form_label(_("A break is")), self.break_minutes)
        self.stepping_away = plain_label(
            STEPPING_AWAY[host.activity_unavailable() is None], "muted"
        )
        form.addRow(form_label(""), self.stepping_away)
        self.morning = QTimeEdit()
        self.morning.setDisplayFormat("HH:mm")
        self.morning.setAccessibleName(_("When pauses until tomorrow end"))
        form.addRow(form_label(_("Pauses end at")), self.morning)
        form.addRow(
            form_label(""),
            plain_label(
                _("'Until tomorrow' and 'the rest of the weekend' end at this time."), "muted"
            ),
        )
        self.zone = PlaceBox(_("Where you live"), empty_means=_("the computer's time zone"))
        self.zone_field = Field(self.zone, _("Where you live"))
        form.addRow(form_label(_("Where you live")), self.zone_field)
        layout.addLayout(form)
        layout.addWidget(plain_label(_("Your data"), "section"))
        self.folder = plain_label(str(host.folder), "muted")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder)
        row = QHBoxLayout()
        self.open_folder = QPushButton(_("Open folder"))
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(host.folder)))
        )
        self.export_button = QPushButton(_("Export everything…"))
        self.export_button.clicked.connect(self._ask_export)
        self.import_button = QPushButton(_("Import…"))
        self.import_button.clicked.connect(self._ask_import)
        for button in (self.open_folder, self.export_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        restore = QHBoxLayout()
        self.backups = QComboBox()
        self.backups.setAccessibleName(_("Backups of your settings"))
        self.restore_button = QPushButton(_("Restore this backup"))
        self.restore_button.clicked.connect(self._restore_selected)
        restore.addWidget(plain_label(_("Backups:"), wrap=False))
        restore.addWidget(self.backups, 1)
        restore.addWidget(self.restore_button)
        layout.addLayout(restore)
        layout.addWidget(plain_label(_("On your other computers"), "section"))
        self.sync = SyncRow(host)
        layout.addWidget(self.sync)
        self.message = plain_label(name="muted")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.popup_minutes.valueChanged.connect(self._settings_changed)
        self.break_minutes.valueChanged.connect(self._settings_changed)
        self.appearance.currentIndexChanged.connect(self._settings_changed)
        self.popup_place.currentIndexChanged.connect(self._settings_changed)
        self.nudges_as.currentIndexChanged.connect(self._settings_changed)
        self.language.currentIndexChanged.connect(self._settings_changed)
        self.quiet.changed.connect(self._settings_changed)
        self.morning.timeChanged.connect(self._settings_changed)
        self.zone.changed.connect(self._settings_changed)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state = state
        self._loading = True
        self.popup_minutes.setValue(max(1, round(state.settings.popup_seconds / 60)))
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(state.settings.appearance)))
        self.morning.setTime(QTime.fromString(state.settings.morning, "HH:mm"))
        self.popup_place.setCurrentIndex(
            max(0, self.popup_place.findData(state.settings.popup_place))
        )
        self.nudges_as.setCurrentIndex(max(0, self.nudges_as.findData(state.settings.nudges_as)))
        self.language.setCurrentIndex(max(0, self.language.findData(state.settings.language)))
        self._popups_apply()
        self.break_minutes.setValue(max(1, round(state.settings.break_seconds / 60)))
        self.quiet.show_settings(state.settings)
        self.zone.set_place(state.settings.zone)
        self.zone.set_now(now)
        self.backups.clear()
        for label, path in self.host.backups():
            self.backups.addItem(label, path)
        self.restore_button.setEnabled(self.backups.count() > 0)
        self._loading = False

    def _popups_apply(self) -> None:
        """Where popups appear means nothing when nudges always come as notifications."""
        self.popup_place.setEnabled(self.nudges_as.currentData() != "notifications")

    def _settings_changed(self) -> None:
        if self._loading:
            return
        self._popups_apply()
        problem = self.zone.problem()
        self.zone_field.show_problem(problem)
        if problem:
            self.validity_changed.emit(False)
            return
        old = self.state.settings
        settings = replace(
            old,
            popup_seconds=_seconds(self.popup_minutes.value(), old.popup_seconds),
            popup_place=self.popup_place.currentData(),
            morning=self.morning.time().toString("HH:mm"),
            break_seconds=_seconds(self.break_minutes.value(), old.break_seconds),
            zone=self.zone.zone(),
            appearance=self.appearance.currentData(),
            nudges_as=self.nudges_as.currentData(),
            language=self.language.currentData(),
            **self.quiet.values(),
        )
        self.message.setText("")
        self.validity_changed.emit(True)
        if settings != self.state.settings:
            self.edited.emit(replace(self.state, settings=settings))

    def _autostart(self, on: bool) -> None:
        try:
            where = self.host.set_start_at_login(on)
        except OSError as err:
            said = _("Start at login could not be changed: {reason}")
            self.message.setText(said.format(reason=err))
            return
        if on and where:
            said = _("Tidewell will start at login ({where}).")
        elif on:
            said = _("Tidewell will start at login.")
        else:
            said = _("Tidewell will not start at login.")
        self.message.setText(said.format(where=where))

    # --- files --------------------------------------------------------------------------

    def _ask_export(self) -> None:
        name, _unused = QFileDialog.getSaveFileName(
            self,
            _("Export everything"),
            str(Path.home() / "tidewell-export.json"),
            _("JSON (*.json)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        try:
            self.host.export(self.state, path)
        except OSError as err:
            said = _("Could not export to {path}: {reason}")
            self.message.setText(said.format(path=path, reason=err.strerror or err))
            return
        self.message.setText(_("Exported to {path}.").format(path=path))

    def _ask_import(self) -> None:
        name, _unused = QFileDialog.getOpenFileName(
            self, _("Import"), str(Path.home()), _("JSON (*.json)")
        )
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> bool:
        """Preview first; all or nothing. A file with problems changes nothing."""
        try:
            preview = self.host.preview_import(self.state, path)
        except Invalid as err:
            lines = "\n".join(
                f"{where_in_words(p.path)}: {in_words(p.message)}" for p in err.problems[:8]
            )
            said = _("Nothing was imported. {file} has problems:").format(file=path.name)
            self.message.setText(f"{said}\n{lines}")
            return False
        except NotReadable as err:
            self.message.setText(_("Nothing was imported: {reason}.").format(reason=err))
            return False
        except OSError as err:
            self.message.setText(
                _("Could not read {path}: {reason}").format(path=path, reason=err.strerror or err)
            )
            return False
        if not preview.lines:
            self.message.setText(_("{file} holds nothing new.").format(file=path.name))
            return False
        if not self._confirm(preview, path):
            self.message.setText(_("Import cancelled; nothing changed."))
            return False
        self.edited.emit(preview.after)
        self.message.setText(_("Imported {file}. Save to keep it.").format(file=path.name))
        return True

    def _confirm(self, preview: ImportPreview, path: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Import"),
            _("{file} would bring:").format(file=path.name) + "\n\n" + "\n".join(preview.lines),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Ok).setText(_("Import"))
        self.question = box
        return box.exec() == QMessageBox.StandardButton.Ok

    def _restore_selected(self) -> None:
        path = self.backups.currentData()
        if path is not None:
            self.restore(Path(path))

    def restore(self, path: Path) -> bool:
        try:
            backup = self.host.read_backup(path)
        except Invalid as err:
            first = err.problems[0]
            self.message.setText(
                _("That backup cannot be used: {reason}").format(reason=in_words(first.message))
            )
            return False
        restored = replace(backup, progress=self.state.progress, pause=self.state.pause)
        self.edited.emit(restored)
        self.message.setText(
            _("Restored the backup from {when}. Save to keep it.").format(
                when=self.backups.currentText()
            )
        )
        return True


def _seconds(minutes: int, old: int) -> int:
    """Minutes on screen; a stored value in seconds is kept while its minutes are unchanged."""
    return old if max(1, round(old / 60)) == minutes else minutes * 60
