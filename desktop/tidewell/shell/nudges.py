"""Nudge routing: turns what is due (rules, a trip's waiting time, "Try it now") into nudge
items, shows them as Tidewell's popup or as the desktop's notifications (as chosen in
General), and turns each answer, from either, into what follows it (a core command, the
waiting-time panel, a reflection). Both are made on first use: an idle tray holds less."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QGuiApplication

from tidewell.core.calendar import Span, offered_minutes, waiting_place
from tidewell.core.quiet import waited_words
from tidewell.core.rules import LateTrigger, ProtectedTrigger, ReflectTrigger, Rule, WaitingTrigger
from tidewell.core.schedule import Due
from tidewell.core.state import TRAVEL_PROGRESS
from tidewell.core.status import moment_in_words
from tidewell.i18n import _
from tidewell.shell.runtime import Runtime
from tidewell.ui.nudge_item import PopupItem

if TYPE_CHECKING:
    from tidewell.shell.notices import NoticeChannel
    from tidewell.ui.popup import NudgePopup

log = logging.getLogger(__name__)


class NudgeRouter(QObject):
    waiting_chosen = Signal(int, str)  # a trip's offer taken: minutes, place ("" for none)
    reflect_chosen = Signal()  # "Reflect now" on a reflection nudge
    move_chosen = Signal(str)  # "Move it" in the kind question: the rule's id, for Settings
    changed = Signal()  # the popup's queue changed: the tray shows whether one waits

    def __init__(self, runtime: Runtime, anchor: Callable[[], QRect], parent: QObject) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.anchor = anchor  # where the popup goes: by the tray, or under the open panel
        self._popup: NudgePopup | None = None
        self._notices: NoticeChannel | None = None
        self._looked_for_notices = False
        self.shown_as = ""  # how the last nudges came: "popups" or "notifications"
        self.offers: dict[Due, tuple[int, str | None]] = {}  # trips: waiting minutes, place
        self.trials: set[Due] = set()  # "Try it now" popups: never journaled
        self.questions: dict[Due, str] = {}  # the kind question: its item, the rule's id
        self.undos: dict[Due, Rule] = {}  # "Less often" or "Not this one again": the rule before

    @property
    def popup(self) -> NudgePopup:
        if self._popup is None:
            from tidewell.ui.popup import NudgePopup

            settings = self.runtime.state.settings
            self._popup = NudgePopup(settings.popup_seconds * 1000)
            self._popup.corner = settings.popup_place
            self._popup.answered.connect(self._answered)
            self._popup.emptied.connect(self.changed)
        return self._popup

    @property
    def notices(self) -> NoticeChannel | None:
        """The desktop's notifications, when they have buttons; looked for once."""
        if not self._looked_for_notices:
            self._looked_for_notices = True
            from tidewell.platform.notifications import notifier
            from tidewell.shell.notices import NoticeChannel

            found = notifier(self)
            if found is not None:
                expire = self.runtime.state.settings.popup_seconds * 1000
                self._notices = NoticeChannel(found, expire, self)
                self._notices.answered.connect(self._answered)
                self._notices.emptied.connect(self.changed)
                self._notices.refused.connect(self._to_popup)
        return self._notices

    def way(self) -> str:
        """How nudges come now: "notifications" or "popups"."""
        wanted = self.runtime.state.settings.nudges_as
        if wanted == "popups":
            return "popups"
        if wanted == "auto" and not QGuiApplication.platformName().startswith("wayland"):
            return "popups"  # on X11 the popup can sit by the tray; on Wayland it cannot
        return "notifications" if self.notices is not None else "popups"

    def waiting(self) -> int:
        """How many nudges wait on screen."""
        shown = len(self._popup.queue) if self._popup is not None else 0
        return shown + (len(self._notices.queue) if self._notices is not None else 0)

    def follow_settings(self) -> None:
        settings = self.runtime.state.settings
        if self._popup is not None:
            self._popup.expiry.setInterval(settings.popup_seconds * 1000)
            self._popup.corner = settings.popup_place
        if self._notices is not None:
            self._notices.expiry.setInterval(settings.popup_seconds * 1000)

    def _present(self, items: list[PopupItem]) -> None:
        if not items:
            return
        if self.way() == "notifications" and self._notices is not None:
            self.shown_as = "notifications"
            self._notices.add(items)
        else:
            self.shown_as = "popups"
            self.popup.add(items, self.anchor())

    def _to_popup(self, items: list[PopupItem]) -> None:
        log.warning("the desktop would not show a notification: Tidewell's popup instead")
        self.popup.add(items, self.anchor())

    def show_nudges(self, items: list[Due]) -> None:
        log.info("nudges due: %s", ", ".join(item.rule_id for item in items))
        shown = [self._item(i) for i in items if not self._in_the_panel(i)]
        asking = [self._question(i.rule_id) for i in items if self.runtime.wants_a_word(i.rule_id)]
        self._present([p for p in [*shown, *asking] if p is not None])
        self.changed.emit()

    def offer_waiting(self, span: Span) -> None:
        """A trip is near: offer its waiting time, the ideas one click away."""
        now, home = self.runtime.now(), self.runtime.home()
        item = Due(TRAVEL_PROGRESS, span.start)
        self.offers[item] = (offered_minutes(span, now), waiting_place(span))
        log.info("waiting time offered before a trip at %s", span.start.isoformat())
        offer = PopupItem(
            due=item,
            title=_("You may have some waiting time soon"),
            message=_("'{title}', {moment}. Your ideas for waiting time are ready.").format(
                title=span.title, moment=moment_in_words(span.start, now, home)
            ),
            snooze=[],
            done_text=_("Show my ideas"),
            skip_text=_("Not now"),
        )
        self._present([offer])
        self.changed.emit()

    def try_rule(self, rule: Rule) -> None:
        """Show a rule's popup now, as a preview: its answers are not journaled."""
        item = Due(rule.id, self.runtime.clock.now())
        self.trials.add(item)
        shown = self._item(item, rule)
        if shown is not None:
            self._present([shown])

    def miss_all(self) -> None:
        if self._popup is not None:
            self._popup.miss_all()  # open nudges count as missed, quietly
        if self._notices is not None:
            self._notices.miss_all()

    def _in_the_panel(self, item: Due) -> bool:
        """A waiting-time nudge for a wait the person just declared: the panel already shows
        the ideas that fit (or says none do), so no popup repeats or contradicts it."""
        rule = self.runtime.state.rule(item.rule_id)
        if rule is None or not isinstance(rule.when, WaitingTrigger):
            return False
        self.runtime.showing.discard(item.rule_id)
        return True

    def _item(self, item: Due, rule: Rule | None = None) -> PopupItem | None:
        rule = rule or self.runtime.state.rule(item.rule_id)
        if rule is None:
            return None
        message = rule.nudge.message
        waited = waited_words(item)
        if waited:
            message = f"{message}\n{waited}".strip()
        return PopupItem(
            due=item,
            title=rule.nudge.title,
            message=message,
            reason=item.reason,
            snooze=list(rule.nudge.snooze),
            link=rule.nudge.link,
            can_choose=isinstance(rule.when, ProtectedTrigger | LateTrigger),
            done_text=rule.nudge.done_words(rule.when.kind),
            can_quiet=True,
        )

    def _question(self, rule_id: str) -> PopupItem | None:
        """Asked once, kindly, after a rule was let pass several times in a row."""
        rule = self.runtime.state.rule(rule_id)
        if rule is None:
            return None
        self.runtime.asked(rule_id)  # not asked again soon, answered or not
        item = Due(f"ask:{rule_id}", self.runtime.clock.now())
        self.questions[item] = rule_id
        return PopupItem(
            due=item,
            title=_("How is '{name}' working for you?").format(name=rule.name),
            message=_(
                "It has gone by a few times lately, and that is fine. Would you like to keep "
                "it as it is, move it, make it rarer, or turn it off?"
            ),
            snooze=[],
            choices=(
                ("keep", _("Keep it")),
                ("move", _("Move it")),
                ("rarer", _("Less often")),
                ("off", _("Turn it off")),
            ),
        )

    def _changed(self, rule_id: str, how: str) -> None:
        """The rule is rarer or off: say how, with an undo."""
        before = self.runtime.change_rule(rule_id, how)
        after = self.runtime.state.rule(rule_id)
        if before is None or after is None:
            return
        item = Due(f"undo:{rule_id}", self.runtime.clock.now())
        self.undos[item] = before
        if how == "less_often":
            from tidewell.core.describe import when_in_words  # only when a rule changes

            title = _("Less often: {name}").format(name=after.name)
            message = _("Now: {when}.").format(when=when_in_words(after))
        else:
            title = _("Turned off: {name}").format(name=after.name)
            message = _("It stays in Settings, where you can turn it on again.")
        self._present([PopupItem(due=item, title=title, message=message, snooze=[],
                                 choices=(("keep", _("Good")), ("undo", _("Undo"))))])  # fmt: skip
        self.changed.emit()

    def _answered(self, item: Due, choice: str, snooze: int | None) -> None:
        if item in self.trials:
            self.trials.discard(item)
            return
        if item in self.questions:
            self._said(self.questions.pop(item), choice)
            return
        if item in self.undos:
            before = self.undos.pop(item)
            if choice == "undo":
                self.runtime.undo_change(before)
            return
        if item in self.offers:
            minutes, place = self.offers.pop(item)
            if choice == "done":
                self.waiting_chosen.emit(minutes, place or "")
            return
        self.runtime.answer(item, choice, snooze)  # type: ignore[arg-type]
        rule = self.runtime.state.rule(item.rule_id)
        if choice == "done" and rule is not None and isinstance(rule.when, ReflectTrigger):
            self.reflect_chosen.emit()
        elif choice in ("less_often", "not_again"):
            self._changed(item.rule_id, choice)
        elif choice == "skipped" and self.runtime.wants_a_word(item.rule_id):
            self._present([q for q in [self._question(item.rule_id)] if q is not None])

    def _said(self, rule_id: str, choice: str) -> None:
        """The answer to the kind question; gone by unanswered, it was still asked once."""
        if choice not in ("keep", "move", "rarer", "off"):
            return
        self.runtime.asked(rule_id, choice)
        if choice == "move":
            self.move_chosen.emit(rule_id)
        elif choice in ("rarer", "off"):
            self._changed(rule_id, "less_often" if choice == "rarer" else "not_again")
