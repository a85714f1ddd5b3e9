"""Adding a calendar: a feed's private address (kept in the keyring, never in a file) or a
local .ics file, with a name the person chooses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.calendar import CalendarSource
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.ui.settings.fields import form_label
from tidewell.ui.style import plain_label, use_sheet

if TYPE_CHECKING:
    from tidewell.ui.hosts import SettingsHostLike


class AddCalendarDialog(QDialog):
    chosen = Signal(object)  # CalendarSource, ready for the draft

    def __init__(
        self,
        host: SettingsHostLike,
        draft: State,
        no_feeds: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a calendar"))
        use_sheet(self, "window")
        self.host, self.draft = host, draft
        self.waiting_for: CalendarSource | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Your calendar app can share a private address for a calendar (in Google "
                    "Calendar: 'Secret address in iCal format'; in Outlook: 'Publish "
                    "calendar'). Or choose a calendar file saved on this computer."
                )
            )
        )
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.name.setPlaceholderText(_("e.g. Work, Family trips"))
        form.addRow(form_label(_("Name")), self.name)
        self.as_feed = QRadioButton(_("A private address"))
        self.as_file = QRadioButton(_("A file on this computer"))
        group = QButtonGroup(self)
        for button in (self.as_feed, self.as_file):
            group.addButton(button)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.as_feed)
        kind_row.addWidget(self.as_file)
        kind_row.addStretch(1)
        form.addRow(form_label(_("Kind")), kind_row)
        self.url = QLineEdit()
        self.url.setAccessibleName(_("Your calendar's private address"))
        self.url.setPlaceholderText(_("Paste the address your calendar app gave you"))
        form.addRow(form_label(_("Address")), self.url)
        file_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(_("Calendar file"))
        self.browse = QPushButton(_("Choose…"))
        self.browse.clicked.connect(self._browse)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form.addRow(form_label(_("File")), file_row)
        layout.addLayout(form)
        self.no_feeds = plain_label(name="muted")
        self.no_feeds.setText(
            _(
                "A private address can't be kept safely here: your system's password store is "
                "not open. A calendar file works."
            )
            if no_feeds
            else ""
        )
        self.no_feeds.setVisible(bool(no_feeds))
        layout.addWidget(self.no_feeds)
        self.problem = plain_label(name="problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = QPushButton(_("Cancel"))
        self.cancel.clicked.connect(self.reject)
        self.add = QPushButton(_("Add"))
        self.add.setDefault(True)
        self.add.clicked.connect(self.accept_choice)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.add)
        layout.addLayout(buttons)
        self.as_feed.setEnabled(not no_feeds)
        self.as_feed.toggled.connect(self._kind_changed)
        (self.as_file if no_feeds else self.as_feed).setChecked(True)
        self._kind_changed()
        keeper = host.calendars
        if keeper is not None:
            keeper.secret_stored.connect(self._secret_stored)
        self.resize(520, self.sizeHint().height())

    def _kind_changed(self, *_unused: object) -> None:
        feed = self.as_feed.isChecked()
        self.url.setEnabled(feed)
        self.path.setEnabled(not feed)
        self.browse.setEnabled(not feed)

    def _browse(self) -> None:
        path, _unused = QFileDialog.getOpenFileName(
            self,
            _("Choose a calendar file"),
            str(Path.home()),
            _("Calendars (*.ics);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def accept_choice(self) -> None:
        name = self.name.text().strip()
        try:
            if self.as_feed.isChecked():
                if not self.url.text().strip():
                    raise ValueError(_("paste the calendar's private address"))
                source = self.host.new_feed(self.draft, name, self.url.text())
                self.waiting_for = source
                self.add.setEnabled(False)
                self._say(_("Keeping the address in your system's password store…"))
                return
            if not self.path.text().strip():
                raise ValueError(_("choose a calendar file"))
            source = self.host.new_file(self.draft, name, Path(self.path.text().strip()))
        except ValueError as err:
            self._say(_("Not added: {reason}.").format(reason=err))
            return
        self.chosen.emit(source)
        self.accept()

    def _secret_stored(self, source_id: str, problem: str | None) -> None:
        source = self.waiting_for
        if source is None or source.id != source_id:
            return
        self.waiting_for = None
        self.add.setEnabled(True)
        if problem:
            self._say(
                _(
                    "Not added: your system's password store did not take the address. "
                    "Is it locked? Unlock it and press Add again."
                )
            )
            return
        self.url.clear()  # the address leaves this window as soon as it is safe
        self.chosen.emit(source)
        self.accept()
