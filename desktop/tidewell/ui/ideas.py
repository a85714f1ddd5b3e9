"""Waiting-time ideas as rows: what, for whom and their local time, with Open, Done, Not now."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tidewell.core.fields import zone_city
from tidewell.core.waiting import RankedIdea
from tidewell.i18n import _
from tidewell.ui.dates import clock_text
from tidewell.ui.popup import SAFE_SCHEMES
from tidewell.ui.style import plain_label


def person_line(ranked: RankedIdea) -> str:
    """'Anna, 19:40 in Leeds, usually free' (their time, their place, their hours)."""
    person, their_time = ranked.person, ranked.their_time
    if person is None or their_time is None:
        return ""
    place = person.place or zone_city(person.zone)
    line = f"{person.name}, {clock_text(their_time)} in {place}"
    if ranked.reachable is True:
        line += _(", usually free")
    elif ranked.reachable is False and person.reachable:
        line += _(", likely busy now")
    return line


class IdeaRow(QWidget):
    answered = Signal(str, str)  # idea id, "opened" | "done" | "not_now"

    def __init__(self, ranked: RankedIdea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idea")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.idea = ranked.idea
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        self.what = plain_label(f"{self.idea.what} · {self.idea.minutes} min")
        layout.addWidget(self.what)
        self.who = plain_label(person_line(ranked), "muted")
        self.who.setVisible(bool(self.who.text()))
        layout.addWidget(self.who)
        buttons = QHBoxLayout()
        url = QUrl(self.idea.link or "")
        self.open = QPushButton(_("Open"))
        self.open.setVisible(url.isValid() and url.scheme().lower() in SAFE_SCHEMES)
        self.open.clicked.connect(self._open)
        self.done = QPushButton(_("Done"))
        self.done.clicked.connect(self._done)
        self.not_now = QPushButton(_("Not now"))
        self.not_now.clicked.connect(self._not_now)
        for button in (self.open, self.done, self.not_now):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _open(self) -> None:
        QDesktopServices.openUrl(QUrl(self.idea.link or ""))
        self.answered.emit(self.idea.id, "opened")

    def _done(self) -> None:
        self.answered.emit(self.idea.id, "done")
        self.what.setText(f"{self.idea.what}: done")
        for button in (self.open, self.done, self.not_now):
            button.hide()

    def _not_now(self) -> None:
        self.answered.emit(self.idea.id, "not_now")
        self.hide()
