"""Nudges as the desktop's notifications: the same items and answers as the popup.

One notification at a time, like the popup: several nudges due together wait their turn
("2 more waiting"), so a long lock or Do Not Disturb never ends in a burst. Each answer
reaches the router exactly as the popup's do; a notification closed without an answer is
"skipped", one left unanswered for the popup's time is "missed", quietly.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from tidewell.i18n import _, n_
from tidewell.platform.notifications import Notifier
from tidewell.ui.nudge_item import PopupItem, minutes_in_words

log = logging.getLogger(__name__)
_ANSWERS = {"done": "done", "skip": "skipped", "chose": "chose",
            "less_often": "less_often", "not_again": "not_again"}  # fmt: skip


class NoticeChannel(QObject):
    answered = Signal(object, str, object)  # Due, answer, snooze minutes (or None)
    emptied = Signal()
    refused = Signal(object)  # list[PopupItem]: the server would not show them

    def __init__(self, notifier: Notifier, expire_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.queue: list[PopupItem] = []
        self._serial = 0
        self._key = ""  # the notification on screen now
        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        self.expiry.setInterval(expire_ms)
        self.expiry.timeout.connect(self._expire)
        notifier.action.connect(self._action)
        notifier.gone.connect(self._gone)

    @property
    def current(self) -> PopupItem | None:
        return self.queue[0] if self.queue else None

    def add(self, items: list[PopupItem]) -> None:
        known = {i.due.rule_id for i in self.queue}
        fresh = [i for i in items if i.due.rule_id not in known]
        if not fresh:
            return
        self.queue += fresh
        self._show()  # the one on screen says how many wait now

    def miss_all(self) -> None:
        remaining, self.queue = self.queue, []
        self.expiry.stop()
        if self._key:
            self.notifier.withdraw(self._key)
            self._key = ""
        for item in remaining:
            self.answered.emit(item.due, "missed", None)
        if remaining:
            self.emptied.emit()

    def _show(self) -> None:
        item = self.current
        if item is None:
            return
        if not self._key:
            self._serial += 1
            self._key = f"nudge-{self._serial}"
        self.notifier.show(self._key, item.title, self._body(item), _buttons(item), self._seconds())
        self.expiry.start()

    def _body(self, item: PopupItem) -> str:
        lines = [item.message] if item.message else []
        if item.reason:
            lines.append(_("Your reason: '{reason}'").format(reason=item.reason))
        waiting = len(self.queue) - 1
        if waiting:
            lines.append(
                n_("{count} more waiting", "{count} more waiting", waiting).format(count=waiting)
            )
        return "\n".join(lines)

    def _seconds(self) -> int:
        return max(1, self.expiry.interval() // 1000)

    def _action(self, key: str, action: str) -> None:
        if key != self._key:
            return
        item = self.current
        if item is None:
            return
        offered = {f"snooze-{m}": m for m in item.snooze}
        if item.choices:
            if action in {answer for answer, _words in item.choices}:
                self._answer(action)
        elif action in offered:
            self._answer("snoozed", offered[action])
        elif action in _ANSWERS:
            self._answer(_ANSWERS[action])

    def _gone(self, key: str, why: str) -> None:
        if key != self._key:
            return
        self._key = ""
        if why == "refused":
            refused, self.queue = self.queue, []
            self.expiry.stop()
            self.refused.emit(refused)
        elif why == "expired":
            self._expire()
        else:  # dismissed by the person (or closed for a reason the server did not say)
            self._answer("skipped", shown=False)

    def _answer(self, choice: str, snooze: int | None = None, shown: bool = True) -> None:
        item = self.current
        if item is None:
            return
        self.queue.pop(0)
        if shown and self._key:
            self.notifier.withdraw(self._key)
        self._key = ""
        self.answered.emit(item.due, choice, snooze)
        if self.queue:
            self._show()
        else:
            self.expiry.stop()
            self.emptied.emit()

    def _expire(self) -> None:
        log.info("a notification was not answered in time: missed, quietly")
        self.miss_all()


def _buttons(item: PopupItem) -> list[tuple[str, str]]:
    if item.choices:
        return list(item.choices)
    buttons = [("done", item.done_words)]
    if item.snooze:
        first = item.snooze[0]
        label = _("Snooze {duration}").format(duration=minutes_in_words(first))
        buttons.append((f"snooze-{first}", label))
    buttons.append(("skip", item.skip_words))
    if item.can_choose:
        buttons.append(("chose", _("I chose this")))
    if item.can_quiet:  # servers show what fits; dunst's menu holds them all
        buttons += [("less_often", _("Less often")), ("not_again", _("Not this one again"))]
    return buttons
