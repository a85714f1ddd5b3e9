"""The nudge popup: small, by the tray, on top, never grabbing focus, answered in a click.

Several nudges due at once share one popup ("+2 more" steps through them). If nobody
answers in time it closes quietly and the remaining nudges are journaled as missed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCursor, QDesktopServices, QEnterEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from tidewell.i18n import _, n_, p_
from tidewell.ui.nudge_item import PopupItem, minutes_in_words
from tidewell.ui.placement import place_near
from tidewell.ui.style import card_layout, plain_label
from tidewell.ui.tooltips import as_tooltip

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


class NudgePopup(QWidget):
    answered = Signal(object, str, object)  # Due, answer, snooze minutes (or None)
    emptied = Signal()

    def __init__(self, expire_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setWindowTitle(_("Tidewell nudge"))
        self.queue: list[PopupItem] = []
        self.anchor = QRect()
        self.corner = "tray"  # or a screen corner, as the person set it
        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        self.expiry.setInterval(expire_ms)
        self.expiry.timeout.connect(self._expire)
        self._build()

    def _build(self) -> None:
        _card, layout = card_layout(self)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(plain_label(_("Tidewell"), "caption", wrap=False))
        top.addStretch(1)
        self.more = QPushButton()
        self.more.setObjectName("more")
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(self.step)
        top.addWidget(self.more)
        layout.addLayout(top)
        self.title = plain_label(name="title")
        self.message = plain_label()
        self.reason = plain_label(name="reason")
        for label in (self.title, self.message, self.reason):
            label.setMinimumWidth(300)
            layout.addWidget(label)
        self.link = QPushButton(_("Open link"))
        self.link.setObjectName("link")
        self.link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.link.clicked.connect(self._open_link)
        layout.addWidget(self.link, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.done = QPushButton(p_("answer", "Done"))
        self.done.setDefault(True)
        self.done.clicked.connect(lambda: self._answer("done"))
        self.snooze = QToolButton()
        self.snooze.setText(p_("answer", "Snooze"))
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze)
        self.snooze.setMenu(self.snooze_menu)
        self.skip = QPushButton(p_("answer", "Skip"))
        self.skip.clicked.connect(lambda: self._answer("skipped"))
        self.chose = QPushButton(_("I chose this"))
        self.chose.setToolTip(_("A full answer: you decided, and that counts."))
        self.chose.clicked.connect(lambda: self._answer("chose"))
        self.quieter = QToolButton()
        self.quieter.setText("⋯")
        self.quieter.setAccessibleName(_("More answers"))
        self.quieter.setToolTip(_("Less often, or not this one again"))
        self.quieter.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        quieter_menu = QMenu(self.quieter)
        quieter_menu.addAction(_("Less often"), lambda: self._answer("less_often"))
        quieter_menu.addAction(_("Not this one again"), lambda: self._answer("not_again"))
        self.quieter.setMenu(quieter_menu)
        self.standard = (self.done, self.snooze, self.skip, self.chose, self.quieter)
        for button in self.standard:
            buttons.addWidget(button)
        self.choice_buttons: list[QPushButton] = []
        self.choice_row = buttons
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.done, self.snooze)
        self.setTabOrder(self.snooze, self.skip)
        self.setTabOrder(self.skip, self.chose)
        self.setTabOrder(self.chose, self.quieter)
        self.setTabOrder(self.quieter, self.link)

    # --- the queue ----------------------------------------------------------------------

    @property
    def current(self) -> PopupItem | None:
        return self.queue[0] if self.queue else None

    def add(self, items: list[PopupItem], anchor: QRect | None = None) -> None:
        known = {i.due.rule_id for i in self.queue}
        self.queue += [i for i in items if i.due.rule_id not in known]
        if anchor is not None:
            self.anchor = anchor
        self._refresh()
        self.expiry.start()
        if not self.isVisible():
            self.show()
        place_near(self, self.anchor, self.corner)
        self.raise_()

    def step(self) -> None:
        """Show the next nudge; the current one waits at the back of the queue."""
        if len(self.queue) > 1:
            self.queue.append(self.queue.pop(0))
            self._refresh()
            self.expiry.start()

    def _refresh(self) -> None:
        item = self.current
        if item is None:
            return
        self.title.setText(item.title)
        self.message.setText(item.message)
        self.message.setVisible(bool(item.message))
        self.reason.setText(
            _("Your reason: '{reason}'").format(reason=item.reason) if item.reason else ""
        )
        self.reason.setVisible(bool(item.reason))
        self.link.setVisible(_safe_link(item.link) is not None)
        self.link.setToolTip(as_tooltip(item.link or ""))
        self.done.setText(item.done_words)
        self.skip.setText(item.skip_words)
        self.snooze_menu.clear()
        for minutes in item.snooze:
            action = self.snooze_menu.addAction(
                _("For {duration}").format(duration=minutes_in_words(minutes))
            )
            action.triggered.connect(lambda _checked=False, m=minutes: self._answer("snoozed", m))
        self._show_choices(item)
        waiting = len(self.queue) - 1
        self.more.setText(
            n_("+{count} more", "+{count} more", waiting).format(count=waiting) if waiting else ""
        )
        self.more.setVisible(waiting > 0)
        self._fit()

    def _fit(self) -> None:
        """As wide as the answers need, and as tall as the wrapped words then are (an item
        with other buttons can change the width: adjustSize alone keeps the old height)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.sizeHint().width()
        self.resize(width, layout.totalHeightForWidth(width))

    def _show_choices(self, item: PopupItem) -> None:
        """The usual answers, or the item's own choices (a question, an undo)."""
        for button in self.choice_buttons:
            self.choice_row.removeWidget(button)
            button.hide()  # gone from the size now, not when Qt gets round to deleting it
            button.deleteLater()
        self.choice_buttons = []
        for index, (answer, words) in enumerate(item.choices):
            button = QPushButton(words)
            button.setDefault(index == 0)
            button.clicked.connect(lambda _checked=False, a=answer: self._answer(a))
            self.choice_row.insertWidget(len(self.standard) + index, button)
            button.show()  # now, not queued: the popup's size counts it at once
            self.choice_buttons.append(button)
        usual = not item.choices
        self.done.setVisible(usual)
        self.skip.setVisible(usual)
        self.snooze.setVisible(usual and bool(item.snooze))
        self.chose.setVisible(usual and item.can_choose)
        self.quieter.setVisible(usual and item.can_quiet)

    # --- answers ------------------------------------------------------------------------

    def _answer(self, choice: str, snooze_minutes: int | None = None) -> None:
        item = self.current
        if item is None:
            return
        self.queue.pop(0)
        self.answered.emit(item.due, choice, snooze_minutes)
        if self.queue:
            self._refresh()
            self.expiry.start()
            place_near(self, self.anchor, self.corner)
        else:
            self.expiry.stop()
            self.hide()
            self.emptied.emit()

    def _expire(self) -> None:
        """Nobody answered: close without a fuss; every waiting nudge counts as missed."""
        remaining, self.queue = self.queue, []
        self.hide()
        for item in remaining:
            self.answered.emit(item.due, "missed", None)
        self.emptied.emit()

    def miss_all(self) -> None:
        if self.queue:
            self._expire()

    def _open_link(self) -> None:
        item = self.current
        url = _safe_link(item.link) if item else None
        if url is not None:
            QDesktopServices.openUrl(url)

    # --- keyboard and hovering ----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._answer("skipped")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton | QToolButton) and focused.isVisible():
                focused.click()
            elif self.choice_buttons:
                self.choice_buttons[0].click()
            else:
                self.done.click()
        else:
            super().keyPressEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        # Reading is not ignoring: no expiry while the pointer is really over the popup
        # (some platforms send an enter when a window merely appears).
        if self.rect().contains(self.mapFromGlobal(QCursor.pos())):
            self.expiry.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.queue:
            self.expiry.start()
        super().leaveEvent(event)


def _safe_link(link: str | None) -> QUrl | None:
    if not link:
        return None
    url = QUrl(link, QUrl.ParsingMode.StrictMode)
    return url if url.isValid() and url.scheme().lower() in SAFE_SCHEMES else None
