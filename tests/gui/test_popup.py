"""The nudge popup: every answer, the keyboard, expiry, the queue, plain text, safe links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QUrl, Slot
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import QApplication

from tidewell.core.schedule import Due
from tidewell.ui.popup import NudgePopup, PopupItem

AT = datetime(2026, 11, 23, 9, tzinfo=UTC)


def item(rule_id: str = "a", **extra: object) -> PopupItem:
    return PopupItem(due=Due(rule_id, AT), title=f"Title {rule_id}", **extra)  # type: ignore[arg-type]


@pytest.fixture
def popup(qtbot) -> NudgePopup:  # type: ignore[no-untyped-def]
    widget = NudgePopup(expire_ms=60_000)
    qtbot.addWidget(widget)
    return widget


def answers_of(qtbot, popup: NudgePopup, action) -> list[tuple[str, str, object]]:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str, object]] = []
    popup.answered.connect(lambda due, choice, minutes: seen.append((due.rule_id, choice, minutes)))
    action()
    return seen


@pytest.mark.parametrize(
    ("button", "expected"),
    [("done", "done"), ("skip", "skipped"), ("chose", "chose")],
)
def test_each_button_answers(qtbot, popup: NudgePopup, button: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    popup.add([item(can_choose=True)], QRect())
    with qtbot.waitSignal(popup.emptied):
        seen = answers_of(
            qtbot,
            popup,
            lambda: qtbot.mouseClick(getattr(popup, button), Qt.MouseButton.LeftButton),
        )
    assert seen == [("a", expected, None)]
    assert not popup.isVisible()


def test_snooze_offers_the_rules_own_choices(qtbot, popup: NudgePopup) -> None:  # type: ignore[no-untyped-def]
    popup.add([item(snooze=[5, 90, 1440])], QRect())
    labels = [a.text() for a in popup.snooze_menu.actions()]
    assert labels == ["For 5 min", "For 90 min", "For 1 day"]
    seen = answers_of(qtbot, popup, lambda: popup.snooze_menu.actions()[1].trigger())
    assert seen == [("a", "snoozed", 90)]


def test_i_chose_this_only_on_offline_and_late_nudges(popup: NudgePopup) -> None:
    popup.add([item("timed"), item("late", can_choose=True)], QRect())
    assert popup.chose.isHidden()
    popup.step()
    assert not popup.chose.isHidden()


def test_keyboard_enter_escape_and_tab(qtbot, popup: NudgePopup) -> None:  # type: ignore[no-untyped-def]
    popup.add([item("a"), item("b"), item("c")], QRect())
    popup.activateWindow()
    popup.done.setFocus()
    seen = answers_of(qtbot, popup, lambda: qtbot.keyClick(popup, Qt.Key.Key_Return))
    assert seen[-1] == ("a", "done", None)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert seen[-1] == ("b", "skipped", None)
    popup.done.setFocus()
    qtbot.keyClick(popup.done, Qt.Key.Key_Tab)
    assert popup.focusWidget() is popup.snooze
    qtbot.keyClick(popup.snooze, Qt.Key.Key_Tab)
    assert popup.focusWidget() is popup.skip
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # Enter presses the focused button
    assert seen[-1] == ("c", "skipped", None)


def test_unanswered_nudges_close_quietly_as_missed(qtbot) -> None:  # type: ignore[no-untyped-def]
    popup = NudgePopup(expire_ms=50)
    qtbot.addWidget(popup)
    QCursor.setPos(0, 0)  # not hovering: reading under the pointer pauses the expiry
    seen: list[tuple[str, str]] = []
    popup.answered.connect(lambda due, choice, _m: seen.append((due.rule_id, choice)))
    with qtbot.waitSignal(popup.emptied, timeout=5000):
        popup.add([item("a"), item("b")], QRect())
    assert seen == [("a", "missed"), ("b", "missed")]
    assert not popup.isVisible()


def test_several_at_once_share_one_popup(qtbot, popup: NudgePopup) -> None:  # type: ignore[no-untyped-def]
    popup.add([item("a"), item("b")], QRect())
    popup.add([item("c"), item("a")], QRect())  # "a" is already waiting: not twice
    assert [i.due.rule_id for i in popup.queue] == ["a", "b", "c"]
    assert popup.more.text() == "+2 more" and not popup.more.isHidden()
    qtbot.mouseClick(popup.more, Qt.MouseButton.LeftButton)
    assert popup.title.text() == "Title b"
    qtbot.mouseClick(popup.done, Qt.MouseButton.LeftButton)
    assert popup.title.text() == "Title c" and popup.more.text() == "+1 more"


def test_titles_and_messages_are_plain_text(popup: NudgePopup) -> None:
    html = "<table><tr><td><b>Hi</b></td></tr></table><a href='file:///etc'>x</a>"
    popup.add([item(message=html, reason="<i>kids</i>")], QRect())
    assert popup.message.text() == html
    assert popup.message.textFormat() == Qt.TextFormat.PlainText
    assert popup.title.textFormat() == Qt.TextFormat.PlainText
    assert popup.reason.text() == "Your reason: '<i>kids</i>'"
    assert popup.reason.textFormat() == Qt.TextFormat.PlainText


class LinkCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        ("https://example.org/call", True),
        ("mailto:anna@example.org", True),
        ("tel:+441234", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        (None, False),
    ],
)
def test_only_safe_links_get_a_button(popup: NudgePopup, link: str | None, shown: bool) -> None:
    popup.add([item(link=link)], QRect())
    assert popup.link.isHidden() is not shown


def test_the_link_button_opens_the_link(qtbot, popup: NudgePopup) -> None:  # type: ignore[no-untyped-def]
    catcher = LinkCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        popup.add([item(link="https://example.org/call")], QRect())
        qtbot.mouseClick(popup.link, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.opened == ["https://example.org/call"]


def test_hovering_pauses_the_expiry(qtbot, popup: NudgePopup) -> None:  # type: ignore[no-untyped-def]
    popup.add([item()], QRect())
    assert popup.expiry.isActive()
    QCursor.setPos(popup.mapToGlobal(popup.rect().center()))
    QApplication.sendEvent(popup, QEvent(QEvent.Type.Enter))
    assert not popup.expiry.isActive()
    QCursor.setPos(0, 0)
    QApplication.sendEvent(popup, QEvent(QEvent.Type.Leave))
    assert popup.expiry.isActive()
