"""Sync, in General: the folder your sync tool keeps in step (Syncthing, Nextcloud, Dropbox,
OneDrive, iCloud Drive), the computers seen there, and the way in and out. It applies at
once, like start at login: it is about this computer, not a draft."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tidewell.core.status import moment_in_words
from tidewell.i18n import _
from tidewell.ui.style import plain_label

if TYPE_CHECKING:
    from tidewell.ui.hosts import SettingsHostLike


class SyncRow(QWidget):
    def __init__(self, host: SettingsHostLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.words = plain_label(name="muted")
        layout.addWidget(self.words)
        row = QHBoxLayout()
        self.join_button = QPushButton(_("Choose a sync folder…"))
        self.join_button.clicked.connect(self._choose)
        self.leave_button = QPushButton(_("Stop syncing"))
        self.leave_button.clicked.connect(self.leave)
        row.addWidget(self.join_button)
        row.addWidget(self.leave_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = plain_label(name="muted")
        layout.addWidget(self.message)
        self.show_status()

    def show_status(self) -> None:
        folder, seen = self.host.sync_status()
        now, home = self.host.now_and_home()
        if folder is None:
            self.words.setText(_(
                "Use Tidewell on more than one computer: choose a folder your sync tool keeps "
                "in step. Each computer writes only its own files there; no account, no "
                "server of ours."
            ))  # fmt: skip
        else:
            lines = [_("Syncing through {path}.").format(path=folder)]
            for name, when, mine in seen:
                said = _("{name} (this computer): last synced {when}") if mine else _(
                    "{name}: last seen {when}")  # fmt: skip
                lines.append(said.format(name=name, when=moment_in_words(when, now, home)))
            self.words.setText("\n".join(lines))
        self.join_button.setVisible(folder is None)
        self.leave_button.setVisible(folder is not None)

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Choose a sync folder"), str(Path.home()))
        if name:
            self.join(Path(name))

    def join(self, folder: Path) -> None:
        try:
            self.host.join_sync(folder)
        except OSError as err:
            said = _("Could not write {path}: {reason}").format(
                path=folder, reason=err.strerror or err
            )
            self.message.setText(said)
            return
        self.message.setText(_("Your settings were backed up first. Other computers join the "
                               "same folder the same way."))  # fmt: skip
        self.show_status()

    def leave(self) -> None:
        self.host.leave_sync()
        self.message.setText(_("Everything stays on this computer; the folder stays as it is "
                               "for your other computers."))  # fmt: skip
        self.show_status()
