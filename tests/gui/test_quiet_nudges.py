"""Nudges that know when to be quiet, through the real app: "Less often" and "Not this one
again" from the popup (with undo), the kind question after three passes (asked once; "Move
it" opens the rule), the settings that hold the ceiling, the question and the digest."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tidewell.core.clock import FakeClock
from tidewell.core.journal import AnswerEntry, AskedEntry
from tidewell.shell.app import TidewellApp
from tidewell.shell.notices import _buttons
from tidewell.ui.nudge_item import PopupItem

from ..helpers import local


def stretch_due(shell: TidewellApp, clock: FakeClock, day: int = 23) -> None:
    """The starter 'stretch' rule comes up at 11:00 on a weekday."""
    clock.set(local("Europe/London", 2026, 11, day, 11, 0))
    shell.ticker.fire()
    assert shell.popup.current is not None and shell.popup.current.due.rule_id == "stretch"


def journal(shell: TidewellApp, clock: FakeClock) -> list[object]:
    store = shell.runtime.store.journal
    assert store is not None
    return list(store.entries(2026, clock.now()))


def test_less_often_from_the_popup_says_how_and_can_be_undone(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    before = shell.runtime.state.rule("stretch")
    assert before is not None and before.when.times == ["11:00", "15:30"]  # type: ignore[union-attr]
    stretch_due(shell, clock)
    popup = shell.popup
    assert popup.quieter.isVisibleTo(popup)
    labels = [a.text() for a in popup.quieter.menu().actions()]
    assert labels == ["Less often", "Not this one again"]
    popup.quieter.menu().actions()[0].trigger()
    rarer = shell.runtime.state.rule("stretch")
    assert rarer is not None and rarer.when.times == ["11:00"]  # type: ignore[union-attr]
    assert popup.current is not None
    assert popup.current.title == "Less often: Stand up and stretch"
    assert popup.message.text() == "Now: Weekdays at 11:00."
    assert [b.text() for b in popup.choice_buttons] == ["Good", "Undo"]
    assert popup.done.isHidden() and popup.quieter.isHidden()
    qtbot.mouseClick(popup.choice_buttons[1], Qt.MouseButton.LeftButton)
    assert shell.runtime.state.rule("stretch") == before
    answers = [e for e in journal(shell, clock) if isinstance(e, AnswerEntry)]
    assert [a.answer for a in answers] == ["less_often"]


def test_not_this_one_again_turns_it_off_and_keeps_it(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    stretch_due(shell, clock)
    shell.popup.quieter.menu().actions()[1].trigger()
    rule = shell.runtime.state.rule("stretch")
    assert rule is not None and rule.enabled is False
    assert shell.popup.current is not None
    assert shell.popup.current.title == "Turned off: Stand up and stretch"
    qtbot.mouseClick(shell.popup.choice_buttons[0], Qt.MouseButton.LeftButton)  # "Good"
    assert not shell.popup.isVisible()
    clock.set(local("Europe/London", 2026, 11, 24, 11, 0))
    shell.ticker.fire()
    assert shell.popup.current is None  # off: it stays quiet, and stays in Settings
    assert shell.runtime.state.rule("stretch") is not None


def test_the_kind_question_after_three_passes_is_asked_once_and_move_opens_the_rule(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    for day, hour, minute in ((23, 11, 0), (23, 15, 30), (24, 11, 0)):
        clock.set(local("Europe/London", 2026, 11, day, hour, minute))
        shell.ticker.fire()
        assert shell.popup.current is not None and shell.popup.current.due.rule_id == "stretch"
        qtbot.keyClick(shell.popup, Qt.Key.Key_Escape)  # let it pass: the third time, it asks
    popup = shell.popup
    assert popup.current is not None
    assert popup.current.title == "How is 'Stand up and stretch' working for you?"
    assert "and that is fine" in popup.message.text()
    assert [b.text() for b in popup.choice_buttons] == [
        "Keep it", "Move it", "Less often", "Turn it off"
    ]  # fmt: skip
    with qtbot.waitSignal(shell.nudges.move_chosen) as moved:
        qtbot.mouseClick(popup.choice_buttons[1], Qt.MouseButton.LeftButton)
    assert moved.args == ["stretch"]
    assert shell.settings is not None
    assert shell.settings.current_page() is shell.settings.rules
    assert shell.settings.rules.editor.name.text() == "Stand up and stretch"
    shell.settings.close()
    asked = [e for e in journal(shell, clock) if isinstance(e, AskedEntry)]
    assert [a.said for a in asked] == [None, "move"]
    for day in (25, 26, 27):  # it goes by again: not asked again soon
        stretch_due(shell, clock, day)
        qtbot.keyClick(shell.popup, Qt.Key.Key_Escape)
        assert shell.popup.current is None


def test_the_desktops_notifications_offer_the_same_answers() -> None:
    from datetime import UTC, datetime

    from tidewell.core.schedule import Due

    nudge = PopupItem(Due("r", datetime(2026, 11, 23, tzinfo=UTC)), "T", can_quiet=True)
    assert [key for key, _words in _buttons(nudge)] == [
        "done", "snooze-10", "skip", "less_often", "not_again"
    ]  # fmt: skip
    question = PopupItem(nudge.due, "Q", choices=(("keep", "Keep it"), ("off", "Turn it off")))
    assert _buttons(question) == [("keep", "Keep it"), ("off", "Turn it off")]


def test_general_holds_the_ceiling_the_question_and_the_digest(window) -> None:  # type: ignore[no-untyped-def]
    general = window.general
    window.sidebar.setCurrentRow(window.page_row(general))
    assert general.quiet.ceiling.value() == 8 and general.quiet.ask_after.value() == 3
    assert not general.quiet.digest_at.isEnabled()
    general.quiet.ceiling.setValue(0)
    assert general.quiet.ceiling.text() == "No limit"
    general.quiet.ask_after.setValue(5)
    general.quiet.digest.setChecked(True)
    settings = window.draft.settings
    assert (settings.daily_ceiling, settings.ask_after, settings.digest_at) == (0, 5, "17:30")
    window.sidebar.setCurrentRow(window.page_row(window.rules))
    window.rules.table.selectRow(0)
    window.rules.editor.digest.setChecked(True)
    chosen = window.rules.selected
    assert chosen is not None and window.draft.rule(chosen).digest is True  # type: ignore[union-attr]
