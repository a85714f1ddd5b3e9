"""What the quick panel (and the no-tray window) shows: where you stand, what comes next,
and three actions: waiting time, going offline, pausing nudges."""

from __future__ import annotations

from datetime import datetime, time, tzinfo

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.status import Status, moment_in_words
from tidewell.core.waiting import RankedIdea
from tidewell.i18n import _
from tidewell.ui.ideas import IdeaRow
from tidewell.ui.pages import HOME, OFFLINE, WAITING
from tidewell.ui.style import plain_label

WAIT_CHOICES = (10, 20, 30, 60)
CONTEXTS = ("airport", "commute", "waiting room", "other")
CONTEXT_WORDS = {
    "airport": _("Airport"),
    "commute": _("Commute"),
    "waiting room": _("Waiting room"),
    "other": _("Other"),
}


class PanelContent(QWidget):
    wait_requested = Signal(int, str)  # minutes, context ("" for none)
    idea_answered = Signal(str, str)  # idea id, answer
    offline_requested = Signal(object, str)  # a datetime, or a time of day; the reason
    pause_requested = Signal(str)  # "hour" | "tomorrow" | "resume"
    back_requested = Signal()  # "I'm back": end the offline time started here
    settings_requested = Signal()
    quit_requested = Signal()
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idea_rows: list[IdeaRow] = []
        self.offline_buttons: list[QPushButton] = []
        self.pages = [self._home_page(), self._waiting_page(), self._offline_page()]
        self.page = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for page in self.pages:
            layout.addWidget(page)
        self.show_page(HOME)

    # --- pages --------------------------------------------------------------------------

    def _home_page(self) -> QWidget:
        page, layout = self._page()
        self.state_line = plain_label(name="title")
        layout.addWidget(self.state_line)
        layout.addWidget(plain_label(_("Coming up"), "section"))
        self.next_lines = [plain_label(name="muted") for _unused in range(2)]
        for line in self.next_lines:
            layout.addWidget(line)
        actions = QHBoxLayout()
        self.wait_button = QPushButton(_("I have waiting time…"))
        self.wait_button.clicked.connect(lambda: self.show_page(WAITING))
        self.offline_button = QPushButton(_("Going offline…"))
        self.offline_button.clicked.connect(lambda: self.show_page(OFFLINE))
        self.back_button = QPushButton(_("I'm back"))
        self.back_button.setToolTip(_("End your offline time now"))
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.hide()
        actions.addWidget(self.wait_button)
        actions.addWidget(self.offline_button)
        actions.addWidget(self.back_button)
        layout.addLayout(actions)
        layout.addWidget(plain_label(_("Pause nudges"), "section"))
        pausing = QGridLayout()  # two to a row: the words may be long in some languages
        self.pause_hour = QPushButton(_("For an hour"))
        self.pause_hour.clicked.connect(lambda: self.pause_requested.emit("hour"))
        self.pause_tomorrow = QPushButton(_("Until tomorrow"))
        self.pause_tomorrow.clicked.connect(lambda: self.pause_requested.emit("tomorrow"))
        self.resume_button = QPushButton(_("Resume nudges"))
        self.resume_button.clicked.connect(lambda: self.pause_requested.emit("resume"))
        for index, button in enumerate((self.pause_hour, self.pause_tomorrow, self.resume_button)):
            pausing.addWidget(button, index // 2, index % 2)
        pausing.setColumnStretch(2, 1)
        layout.addLayout(pausing)
        footer = QHBoxLayout()
        self.settings_button = QPushButton(_("Settings…"))
        self.settings_button.clicked.connect(self.settings_requested)
        self.quit_button = QPushButton(_("Quit Tidewell"))
        self.quit_button.clicked.connect(self.quit_requested)
        self.quit_button.hide()  # the tray menu has Quit; the no-tray window shows this one
        footer.addWidget(self.settings_button)
        footer.addStretch(1)
        footer.addWidget(self.quit_button)
        layout.addLayout(footer)
        layout.addStretch(1)
        return page

    @staticmethod
    def _page(title: str | None = None) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(8)
        if title:
            layout.addWidget(plain_label(title, "title"))
        return page, layout

    def _waiting_page(self) -> QWidget:
        page, layout = self._page(_("Some waiting time? Use it for someone, or for you."))
        where = QHBoxLayout()
        where.addWidget(plain_label(_("Where:"), wrap=False))
        self.context = QComboBox()
        self.context.addItems([CONTEXT_WORDS[c] for c in CONTEXTS])
        where.addWidget(self.context, 1)
        layout.addLayout(where)
        minutes = QGridLayout()
        self.minute_buttons = QButtonGroup(page)
        for column, value in enumerate(WAIT_CHOICES):
            button = QPushButton(_("{count} min").format(count=value))
            button.setCheckable(True)
            self.minute_buttons.addButton(button, value)
            minutes.addWidget(button, 0, column)
        self.minute_buttons.idClicked.connect(self._ask_for_ideas)
        layout.addLayout(minutes)
        typed = QHBoxLayout()
        typed.addWidget(plain_label(_("Or:"), wrap=False))
        self.typed_minutes = QSpinBox()
        self.typed_minutes.setRange(1, 600)
        self.typed_minutes.setValue(45)
        self.typed_minutes.setSuffix(_(" min"))
        typed.addWidget(self.typed_minutes)
        self.typed_go = QPushButton(_("Show ideas"))
        self.typed_go.clicked.connect(lambda: self._ask_for_ideas(self.typed_minutes.value()))
        typed.addWidget(self.typed_go)
        typed.addStretch(1)
        layout.addLayout(typed)
        self.ideas_heading = plain_label(name="section")
        layout.addWidget(self.ideas_heading)
        self.ideas_box = QWidget()
        self.ideas_layout = QVBoxLayout(self.ideas_box)
        self.ideas_layout.setContentsMargins(0, 0, 0, 0)
        self.ideas_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.ideas_box)
        scroll.setMinimumHeight(180)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        self.ideas_box.setAutoFillBackground(False)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._back_button())
        return page

    def _offline_page(self) -> QWidget:
        page, layout = self._page(_("Going offline. Until when?"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Your reason, in your words (optional)"))
        self.reason.setMaxLength(200)
        layout.addWidget(self.reason)
        until = QHBoxLayout()
        until.addWidget(plain_label(_("Until"), wrap=False))
        self.until_time = QTimeEdit(QTime(21, 0))
        self.until_time.setDisplayFormat("HH:mm")
        until.addWidget(self.until_time)
        self.until_go = QPushButton(_("Go offline"))
        self.until_go.clicked.connect(self._offline_until_time)
        until.addWidget(self.until_go)
        until.addStretch(1)
        layout.addLayout(until)
        self.offline_choices_box = QVBoxLayout()
        layout.addLayout(self.offline_choices_box)
        layout.addStretch(1)
        layout.addWidget(self._back_button())
        return page

    def _back_button(self) -> QPushButton:
        back = QPushButton(_("Back"))
        back.clicked.connect(lambda: self.show_page(HOME))
        return back

    def show_page(self, page: int) -> None:
        """Show one page; hidden pages take no room, so the window fits what it shows."""
        for index, widget in enumerate(self.pages):
            widget.setVisible(index == page)
        changed = page != self.page
        self.page = page
        if page == WAITING:
            self.context.setFocus()
        elif page == OFFLINE:
            self.reason.setFocus()
        if changed:
            self.page_changed.emit(page)

    # --- data in ------------------------------------------------------------------------

    def set_status(self, status: Status, now: datetime, home: tzinfo) -> None:
        self.state_line.setText(status.line)
        for line, nudge in zip(self.next_lines, [*status.next, None, None], strict=False):
            if nudge is None:
                line.setText("")
                line.setVisible(line is self.next_lines[0])
                if line is self.next_lines[0]:
                    line.setText(_("Nothing timed yet."))
                continue
            line.setVisible(True)
            line.setText(f"{moment_in_words(nudge.at, now, home)}  ·  {nudge.title}")
        self.back_button.setVisible(status.offline)
        self.offline_button.setVisible(not status.offline)
        paused = status.mode == "paused"
        self.resume_button.setVisible(paused)
        self.pause_hour.setVisible(not paused)
        self.pause_tomorrow.setVisible(not paused)

    def set_offline_choices(
        self, choices: list[tuple[str, datetime]], now: datetime, home: tzinfo
    ) -> None:
        for button in self.offline_buttons:
            button.deleteLater()
        self.offline_buttons = []
        for label, until in choices:
            button = QPushButton(f"{label} ({moment_in_words(until, now, home)})")
            button.clicked.connect(lambda _unused=False, u=until: self._go_offline(u))
            self.offline_choices_box.addWidget(button)
            self.offline_buttons.append(button)

    def show_ideas(self, minutes: int, context: str | None, ideas: list[RankedIdea]) -> None:
        self.show_page(WAITING)
        if context and context.casefold() in CONTEXTS:
            self.context.setCurrentIndex(CONTEXTS.index(context.casefold()))
        button = self.minute_buttons.button(minutes)
        if button is not None:
            button.setChecked(True)
        else:
            self.typed_minutes.setValue(minutes)
        for row in self.idea_rows:
            row.deleteLater()
        self.idea_rows = []
        place = CONTEXT_WORDS.get(context or "", context) if context != "other" else ""
        if ideas and place:
            heading = _("Ideas that fit {minutes} minutes ({place})")
        elif ideas:
            heading = _("Ideas that fit {minutes} minutes")
        elif place:
            heading = _(
                "None of your ideas fits {minutes} minutes ({place}) yet. Settings can add some."
            )
        else:
            heading = _("None of your ideas fits {minutes} minutes yet. Settings can add some.")
        self.ideas_heading.setText(heading.format(minutes=minutes, place=place))
        for position, ranked in enumerate(ideas):
            row = IdeaRow(ranked)
            row.answered.connect(self.idea_answered)
            self.ideas_layout.insertWidget(position, row)
            self.idea_rows.append(row)

    # --- data out -----------------------------------------------------------------------

    def _ask_for_ideas(self, minutes: int) -> None:
        context = CONTEXTS[self.context.currentIndex()]
        self.wait_requested.emit(minutes, "" if context == "other" else context)

    def _offline_until_time(self) -> None:
        chosen = self.until_time.time()
        self._go_offline(time(chosen.hour(), chosen.minute()))

    def _go_offline(self, until: datetime | time) -> None:
        self.offline_requested.emit(until, self.reason.text().strip())
        self.reason.clear()
        self.show_page(HOME)
