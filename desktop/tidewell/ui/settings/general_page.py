"""General: start at login, popups, breaks, your home zone, and your data (the folder,
export, import with a preview, restore from a backup)."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import Qt, QTime, QUrl, Signal
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

from tidewell.core.state import State
from tidewell.core.validation import Invalid
from tidewell.ui.settings.fields import form_label
from tidewell.ui.settings.people_page import zone_box
from tidewell.ui.style import plain_label

if TYPE_CHECKING:
    from tidewell.shell.settings_host import Preview, SettingsHost

FOLLOW_SYSTEM = "Follow the computer"
PLACES = (
    ("tray", "By the tray icon"),
    ("top-right", "Top right of the screen"),
    ("bottom-right", "Bottom right of the screen"),
    ("top-left", "Top left of the screen"),
    ("bottom-left", "Bottom left of the screen"),
)


class GeneralPage(QWidget):
    edited = Signal(object)
    validity_changed = Signal(bool)

    def __init__(self, host: SettingsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.state = State()
        self._loading = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.autostart = QCheckBox("Start Tidewell when I log in")
        self.autostart.setAccessibleName("Start Tidewell when I log in")
        self.autostart.setChecked(host.starts_at_login())
        self.autostart.toggled.connect(self._autostart)
        form.addRow(form_label("Login"), self.autostart)
        self.autostart_note = plain_label("This one applies right away.", "muted")
        form.addRow(form_label(""), self.autostart_note)
        self.popup_seconds = QSpinBox()
        self.popup_seconds.setRange(5, 3600)
        self.popup_seconds.setSuffix(" seconds")
        self.popup_seconds.setAccessibleName("How long a popup stays")
        form.addRow(form_label("Popups stay"), self.popup_seconds)
        self.popup_place = QComboBox()
        self.popup_place.setAccessibleName("Where popups appear")
        for place, label in PLACES:
            self.popup_place.addItem(label, place)
        form.addRow(form_label("Popups appear"), self.popup_place)
        self.break_seconds = QSpinBox()
        self.break_seconds.setRange(5, 86400)
        self.break_seconds.setSuffix(" seconds")
        self.break_seconds.setAccessibleName("Time away that counts as a break")
        form.addRow(form_label("A break is"), self.break_seconds)
        self.morning = QTimeEdit()
        self.morning.setDisplayFormat("HH:mm")
        self.morning.setAccessibleName("When pauses until tomorrow end")
        form.addRow(form_label("Pauses end at"), self.morning)
        form.addRow(
            form_label(""),
            plain_label(
                "'Until tomorrow' and 'the rest of the weekend' end at this time.", "muted"
            ),
        )
        self.zone = zone_box("Your home time zone")
        self.zone.insertItem(0, FOLLOW_SYSTEM)
        form.addRow(form_label("Home time zone"), self.zone)
        layout.addLayout(form)
        layout.addWidget(plain_label("Your data", "section"))
        self.folder = plain_label(str(host.folder), "muted")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder)
        row = QHBoxLayout()
        self.open_folder = QPushButton("Open folder")
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(host.folder)))
        )
        self.export_button = QPushButton("Export everything…")
        self.export_button.clicked.connect(self._ask_export)
        self.import_button = QPushButton("Import…")
        self.import_button.clicked.connect(self._ask_import)
        for button in (self.open_folder, self.export_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        restore = QHBoxLayout()
        self.backups = QComboBox()
        self.backups.setAccessibleName("Backups of your settings")
        self.restore_button = QPushButton("Restore this backup")
        self.restore_button.clicked.connect(self._restore_selected)
        restore.addWidget(plain_label("Backups:", wrap=False))
        restore.addWidget(self.backups, 1)
        restore.addWidget(self.restore_button)
        layout.addLayout(restore)
        self.message = plain_label(name="muted")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.popup_seconds.valueChanged.connect(self._settings_changed)
        self.break_seconds.valueChanged.connect(self._settings_changed)
        self.popup_place.currentIndexChanged.connect(self._settings_changed)
        self.morning.timeChanged.connect(self._settings_changed)
        self.zone.currentTextChanged.connect(self._settings_changed)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state = state
        self._loading = True
        self.popup_seconds.setValue(state.settings.popup_seconds)
        self.morning.setTime(QTime.fromString(state.settings.morning, "HH:mm"))
        self.popup_place.setCurrentIndex(
            max(0, self.popup_place.findData(state.settings.popup_place))
        )
        self.break_seconds.setValue(state.settings.break_seconds)
        self.zone.setCurrentText(state.settings.zone or FOLLOW_SYSTEM)
        self.backups.clear()
        for label, path in self.host.backups():
            self.backups.addItem(label, path)
        self.restore_button.setEnabled(self.backups.count() > 0)
        self._loading = False

    def _settings_changed(self) -> None:
        if self._loading:
            return
        zone = self.zone.currentText().strip()
        try:
            settings = replace(
                self.state.settings,
                popup_seconds=self.popup_seconds.value(),
                popup_place=self.popup_place.currentData(),
                morning=self.morning.time().toString("HH:mm"),
                break_seconds=self.break_seconds.value(),
                zone=None if zone in ("", FOLLOW_SYSTEM) else zone,
            )
            settings.__post_init__()
        except ValueError as err:
            self.message.setText(f"Home time zone: {err}")
            self.validity_changed.emit(False)
            return
        self.message.setText("")
        self.validity_changed.emit(True)
        if settings != self.state.settings:
            self.edited.emit(replace(self.state, settings=settings))

    def _autostart(self, on: bool) -> None:
        try:
            where = self.host.set_start_at_login(on)
        except OSError as err:
            self.message.setText(f"Start at login could not be changed: {err}")
            return
        done = "will start" if on else "will not start"
        self.message.setText(f"Tidewell {done} at login{f' ({where})' if where else ''}.")

    # --- files --------------------------------------------------------------------------

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export everything", str(Path.home() / "tidewell-export.json"), "JSON (*.json)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        try:
            self.host.export(self.state, path)
        except OSError as err:
            self.message.setText(f"Could not export to {path}: {err.strerror or err}")
            return
        self.message.setText(f"Exported to {path}.")

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import", str(Path.home()), "JSON (*.json)")
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> bool:
        """Preview first; all or nothing. A file with problems changes nothing."""
        try:
            preview = self.host.preview_import(self.state, path)
        except Invalid as err:
            lines = "\n".join(str(p) for p in err.problems[:8])
            self.message.setText(f"Nothing was imported. {path.name} has problems:\n{lines}")
            return False
        except OSError as err:
            self.message.setText(f"Could not read {path}: {err.strerror or err}")
            return False
        if not preview.lines:
            self.message.setText(f"{path.name} holds nothing new.")
            return False
        if not self._confirm(preview, path):
            self.message.setText("Import cancelled; nothing changed.")
            return False
        self.edited.emit(preview.after)
        self.message.setText(f"Imported {path.name}. Save to keep it.")
        return True

    def _confirm(self, preview: Preview, path: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Import",
            f"{path.name} would bring:\n\n" + "\n".join(preview.lines),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Ok).setText("Import")
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
            self.message.setText(f"That backup cannot be used: {err.problems[0]}")
            return False
        restored = replace(backup, progress=self.state.progress, pause=self.state.pause)
        self.edited.emit(restored)
        self.message.setText(
            f"Restored the backup from {self.backups.currentText()}. Save to keep it."
        )
        return True
