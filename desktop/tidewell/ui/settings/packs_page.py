"""Packs: boundaries someone chose to share, each with their why. Open one (a file or a web
address) to preview it and take what fits; make one of your own; leave one you took (what
you took stays yours). Nothing is ever reported back to whoever made a pack."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.packs import make_pack, preview, take
from tidewell.core.state import State
from tidewell.core.validation import Invalid
from tidewell.i18n import _, n_
from tidewell.ui.settings.fields import in_words
from tidewell.ui.settings.pack_dialogs import PRIVACY, MakePack, PackPreview
from tidewell.ui.settings.page import SettingsPage
from tidewell.ui.style import plain_label

if TYPE_CHECKING:
    from tidewell.core.packs import Pack
    from tidewell.ui.hosts import SettingsHostLike


class PacksPage(SettingsPage):
    def __init__(self, host: SettingsHostLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.state = State()
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "A pack holds the boundaries someone keeps, each with why it matters to "
                    "them. Take what fits your life and leave the rest."
                )
            )
        )
        layout.addWidget(plain_label(_(PRIVACY), "muted"))
        row = QHBoxLayout()
        self.source = QLineEdit()
        self.source.setPlaceholderText(_("A pack's web address (https://…), or choose a file"))
        self.source.setAccessibleName(_("A pack's web address or file"))
        self.source.returnPressed.connect(self.open_source)
        choose = QPushButton(_("Choose a file…"))
        choose.clicked.connect(self._choose)
        self.open_button = QPushButton(_("Preview"))
        self.open_button.clicked.connect(self.open_source)
        row.addWidget(self.source, 1)
        row.addWidget(choose)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.message = plain_label(name="muted")
        layout.addWidget(self.message)
        layout.addWidget(plain_label(_("Packs you took"), "section"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Packs you took"))
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.leave_button = QPushButton(_("Leave this pack"))
        self.leave_button.setToolTip(_("What you took from it stays yours."))
        self.leave_button.clicked.connect(self.leave_selected)
        self.list.currentItemChanged.connect(self._selected)
        self.make_button = QPushButton(_("Share a pack of your own…"))
        self.make_button.clicked.connect(self.make)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        layout.addLayout(buttons)

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        self.state = state
        self.list.clear()
        for pack in state.packs:
            taken = sum(1 for i in pack.items if i.mine)
            words = n_(
                "{title}, by {author} · version {version} · {count} item taken",
                "{title}, by {author} · version {version} · {count} items taken",
                taken,
            ).format(title=pack.title, author=pack.author, version=pack.version, count=taken)
            item = QListWidgetItem(words)
            item.setData(256, pack.id)
            self.list.addItem(item)
        if not state.packs:
            self.list.addItem(_("None yet."))
        self._selected()

    # --- taking -----------------------------------------------------------------------------

    def _choose(self) -> None:
        name, _unused = QFileDialog.getOpenFileName(
            self, _("Open a pack"), str(Path.home()), _("Packs (*.json)")
        )
        if name:
            self.source.setText(name)
            self.open_source()

    def open_source(self) -> None:
        source = self.source.text().strip()
        if not source:
            self.message.setText(_("Paste a pack's web address, or choose its file."))
            return
        self.message.setText(_("Reading the pack…"))
        self.open_button.setEnabled(False)
        self.host.load_pack(source, self.show_pack)

    def show_pack(self, pack: Pack | None, problem: str) -> None:
        self.open_button.setEnabled(True)
        if pack is None:
            self.message.setText(_("Nothing was taken: {reason}.").format(reason=problem))
            return
        self.message.setText("")
        dialog = PackPreview(pack, preview(self.state, pack), self)
        dialog.take_button.clicked.connect(lambda: self._take(dialog))
        self.dialog = dialog
        dialog.open()

    def _take(self, dialog: PackPreview) -> None:
        try:
            after = take(self.state, dialog.pack, dialog.chosen())
        except Invalid as err:
            first = err.problems[0]
            dialog.say(_("Nothing was taken: {reason}.").format(reason=in_words(first.message)))
            return
        dialog.accept()
        count = len(dialog.chosen())
        said = n_("Took {count} item. Save to keep it.", "Took {count} items. Save to keep them.",
                  count)  # fmt: skip
        self.message.setText(said.format(count=count))
        self.edited.emit(after)

    def _selected(self) -> None:
        """Leaving is for the pack chosen in the list, never a guess."""
        current = self.list.currentItem()
        self.leave_button.setEnabled(current is not None and bool(current.data(256)))

    def leave_selected(self) -> None:
        current = self.list.currentItem()
        pack_id = current.data(256) if current is not None else None
        if not pack_id:
            return
        from tidewell.core.packs import leave

        self.edited.emit(leave(self.state, str(pack_id)))
        self.message.setText(_("Left the pack. What you took stays yours; save to keep it."))

    # --- making ------------------------------------------------------------------------------

    def make(self) -> None:
        dialog = MakePack(self.state, self)
        dialog.save.clicked.connect(lambda: self._make(dialog))
        self.dialog = dialog
        dialog.open()

    def _make(self, dialog: MakePack) -> None:
        details = dialog.details()
        now, _home = self.host.now_and_home()
        try:
            pack = make_pack(self.state, dialog.chosen(), pack_id=_pack_id(details["title"]),
                             day=now.date(), **details)  # fmt: skip
        except (Invalid, ValueError) as err:
            dialog.say(str(err))
            return
        name, _unused = QFileDialog.getSaveFileName(
            dialog, _("Save the pack"), str(Path.home() / f"{pack.id}.json"), _("Packs (*.json)")
        )
        if not name:
            return
        try:
            self.host.write_pack(pack, Path(name))
        except OSError as err:
            reason = err.strerror or err
            dialog.say(_("Could not write {path}: {reason}").format(path=name, reason=reason))
            return
        dialog.accept()
        self.message.setText(
            _("Saved {path}. Nothing comes back to you from those who take it.").format(path=name)
        )


def _pack_id(title: str) -> str:
    from tidewell.core.fields import free_id

    return free_id(title, set(), "pack")
