"""The rule editor, simple first: a new rule asks what, when and the message; the rest is
behind "More options", and every choice there is a choice, not syntax."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tidewell.core.rules import AtTrigger
from tidewell.shell.app import TidewellApp
from tidewell.ui.settings.fields import Field
from tidewell.ui.settings.rule_editor import RuleEditor
from tidewell.ui.settings.window import SettingsWindow

from .test_settings import select


def shown_fields(editor: RuleEditor) -> list[str]:
    return [
        key
        for key, field in editor.fields.items()
        if isinstance(field, Field) and field.isVisibleTo(editor)
    ]


def new_rule(qtbot, window: SettingsWindow) -> RuleEditor:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return window.rules.editor


def test_a_new_rule_asks_only_what_when_and_the_message(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    editor = new_rule(qtbot, window)
    assert shown_fields(editor) == [
        "name",
        "kind",
        "when.times",
        "when.repeat",
        "when.days",
        "nudge.message",
    ]
    editor.more_button.click()
    more = shown_fields(editor)
    assert {"area", "nudge.title", "nudge.link", "nudge.snooze", "when.zone"} <= set(more)
    assert "when.rrule" not in more  # the text form is for experts, behind its own button


def test_call_mum_and_dad_on_sundays_at_half_past_six(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    editor = new_rule(qtbot, window)
    qtbot.keyClicks(editor.name, "Call Mum and Dad")
    editor.times.selectAll()
    qtbot.keyClicks(editor.times, "6:30pm")
    for day, box in zip("mtwtfss", editor.days.boxes, strict=True):
        box.setChecked(day == "s" and box is editor.days.boxes[6])
    qtbot.keyClicks(editor.message, "A good moment for them, too.")
    rule = window.draft.rule(window.rules.selected or "")
    assert rule is not None
    assert rule.id == "call-mum-and-dad"  # from its name, not "a-new-rule"
    assert rule.nudge.title == "Call Mum and Dad"
    assert isinstance(rule.when, AtTrigger)
    assert (rule.when.times, rule.when.days, rule.when.rrule) == (["18:30"], ["sun"], None)
    assert editor.sentence.text() == "Every Sunday at 18:30"
    assert editor.preview.text().startswith("Sun 18:30")  # Monday 23 Nov, 08:00 now
    assert window.save()


def test_every_other_week_and_the_first_saturday_are_chosen_not_typed(
    qtbot, window: SettingsWindow
) -> None:  # type: ignore[no-untyped-def]
    editor = new_rule(qtbot, window)
    qtbot.keyClicks(editor.name, "Long walk")
    editor.times.selectAll()
    qtbot.keyClicks(editor.times, "10am")
    editor.days.set_days(["sun"])
    editor.repeat.setCurrentIndex(editor.repeat.findData(2))
    assert editor.sentence.text() == "Every other Sunday at 10:00"
    rule = window.draft.rule(window.rules.selected or "")
    assert rule is not None and isinstance(rule.when, AtTrigger)
    assert rule.when.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;BYHOUR=10;BYMINUTE=0"
    assert editor.preview.text().split(", ")[:2] == ["Sun 10:00", "Sun 13 Dec 10:00"]
    editor.repeat.setCurrentIndex(editor.repeat.findData("monthly"))
    editor.ordinal.setCurrentIndex(editor.ordinal.findData(1))
    editor.month_day.setCurrentIndex(5)  # Saturday
    assert editor.sentence.text() == "The first Saturday of each month at 10:00"
    editor.times.selectAll()
    qtbot.keyClicks(editor.times, "9am, 5pm")
    assert "One time" in editor.fields["when.times"].problem.text()


def test_a_rule_with_its_own_repeat_line_keeps_it_and_speaks_in_words(
    qtbot, window: SettingsWindow
) -> None:  # type: ignore[no-untyped-def]
    window.rules.add(
        {
            "name": "Payday treat",
            "when": {"kind": "at", "rrule": "FREQ=MONTHLY;BYMONTHDAY=25;BYHOUR=17;BYMINUTE=0"},
            "nudge": {"title": "Payday treat"},
        }
    )
    editor = window.rules.editor
    assert editor.repeat.currentData() == "text"
    assert editor.rrule.isVisibleTo(editor)
    assert editor.sentence.text() == "A monthly pattern of your own"
    model = window.rules.model
    when = model.data(model.index(model.row_of("payday-treat"), 3))
    assert when == "A monthly pattern of your own"  # the table too


def test_a_phone_number_and_the_answer_words(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    select(window, "late")
    editor = window.rules.editor
    editor.more_button.click()
    assert editor.done_words.placeholderText() == "Stopping now"
    qtbot.keyClicks(editor.link, "+44 113 496 0000")
    rule = window.draft.rule("late")
    assert rule is not None and rule.nudge.link == "tel:+441134960000"
    assert window.save()
    shell.nudges.try_rule(rule)
    assert shell.popup.done.text() == "Stopping now"


def test_edit_as_text_starts_from_the_chosen_repeat(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    editor = new_rule(qtbot, window)
    editor.times.selectAll()
    qtbot.keyClicks(editor.times, "9am, 5pm")  # two times: no single repeat line to start from
    editor.as_text_button.click()
    assert editor.rrule.text() == "" and editor.rrule.isVisibleTo(editor)
    editor.as_text_button.click()
    editor.times.selectAll()
    qtbot.keyClicks(editor.times, "6:30pm")
    editor.days.set_days(["sun"])
    editor.as_text_button.click()
    assert editor.rrule.text() == "FREQ=WEEKLY;BYDAY=SU;BYHOUR=18;BYMINUTE=30"
    rule = window.draft.rule(window.rules.selected or "")
    assert rule is not None and isinstance(rule.when, AtTrigger)
    assert rule.when.rrule == "FREQ=WEEKLY;BYDAY=SU;BYHOUR=18;BYMINUTE=30"
