"""The review window over a real journal: periods, the person's own numbers, the days, areas
and choices; reflecting (write, read back, edit, delete); exports; screenshots to look at."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest
from msgspec.structs import replace

from tidewell.core.clock import FakeClock
from tidewell.core.journal import AnswerEntry, JournalEntry
from tidewell.core.life import Season, Target
from tidewell.core.requests import OpenReview
from tidewell.core.rules import ProtectedTrigger, ReflectTrigger
from tidewell.core.schedule import Due
from tidewell.shell.app import TidewellApp
from tidewell.ui.review.window import ReflectionDialog, ReviewWindow

from ..shots import SCREENSHOTS
from .test_settings_look import palette_of

SHOTS = SCREENSHOTS / "review"


@pytest.fixture
def lived_in(shell: TidewellApp, clock: FakeClock) -> TidewellApp:
    """Ten weeks of answers to the starter rules, a busy season, and numbers of one's own."""
    runtime = shell.runtime
    state = runtime.state
    now = clock.now()
    by_area = {r.area: r.id for r in state.rules}
    guard = next(r.id for r in state.rules if isinstance(r.when, ProtectedTrigger))
    entries: list[JournalEntry] = []
    for n in range(70):
        day = now - timedelta(days=n, hours=2)
        if n % 2 == 0:
            entries.append(AnswerEntry(at=day, rule=by_area["family"], due=day, answer="done"))
        if n % 3 == 0:
            entries.append(AnswerEntry(at=day, rule=by_area["health"], due=day, answer="done"))
        if n % 9 == 0:
            entries.append(AnswerEntry(at=day, rule=guard, due=day, answer="chose", active=True))
        if n % 11 == 0:
            entries.append(AnswerEntry(at=day, rule=by_area["family"], due=day, answer="skipped"))
    assert runtime.store.journal is not None
    runtime.store.journal.append(entries, now)
    targets = [
        msgspec.convert(doc, Target)
        for doc in (
            {"id": "family", "name": "Family time", "kind": "done", "area": "family", "count": 3},
            {
                "id": "weekends",
                "name": "Work-free weekends",
                "kind": "kept",
                "block": "weekend",
                "count": 2,
                "per": "month",
                "busy_count": 1,
            },
            {
                "id": "vacation",
                "name": "Vacation days",
                "kind": "days_off",
                "count": 20,
                "per": "year",
            },
        )
    ]
    season = Season(
        "launch", "Launch", "busy", now.date() - timedelta(days=40), now.date() - timedelta(days=10)
    )
    balance = replace(
        state.balance,
        definition="Evenings and weekends are for the people I love.",
        targets=targets,
    )
    assert runtime.apply_definitions(replace(state, balance=balance, seasons=[season])) == []
    return shell


def test_review_opens_with_your_words_and_numbers(qtbot, lived_in: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    lived_in.handle(OpenReview())
    window = lived_in.review
    assert isinstance(window, ReviewWindow)
    assert "people I love" in window.definition.text()
    assert window.period.kind == "week" and len(window.days.days) == 7
    names = [t.target.name for t in window.targets.items]
    assert names == ["Family time", "Work-free weekends", "Vacation days"]
    family = window.targets.items[0]
    assert family.goal == 3 and family.count >= 1
    assert "Family time:" in window.targets.accessibleDescription()
    assert "yours to decide" in window.choices.text() or "You said yes" in window.choices.text()
    week = window.period
    window.back.click()
    assert window.period.end == week.start
    window.kind.setCurrentIndex(3)  # year
    assert window.period.kind == "year" and len(window.days.days) in (365, 366)
    assert "Protected stretches kept" in window.days.accessibleDescription()
    window.kind.setCurrentIndex(1)  # month
    assert any(c for _, c in window.areas.weeks)


def test_reflecting_reading_back_editing_and_deleting(qtbot, lived_in: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    lived_in.open_review()
    window = lived_in.review
    assert window is not None
    window.new_reflection()
    dialog = window.dialog
    assert isinstance(dialog, ReflectionDialog)
    dialog.edits[0].setPlainText("Sunday walks with Mia.")
    dialog.edits[1].setPlainText("Mostly habit, checking mail.")
    with qtbot.waitSignal(dialog.accepted):
        dialog.keep.click()
    assert window.reflections.item(0).text().endswith("Sunday walks with Mia.")
    window.reflections.setCurrentRow(0)
    window.edit_reflection()
    dialog = window.dialog
    assert dialog is not None and dialog.edits[1].toPlainText() == "Mostly habit, checking mail."
    dialog.edits[0].setPlainText("Sunday walks, and dinner together.")
    dialog.accept()
    [(_, kept)] = window.host.all_reflections()
    assert kept.answers[0] == "Sunday walks, and dinner together." and kept.edited is not None
    window.reflections.setCurrentRow(0)
    window.delete_reflection()
    assert window.host.all_reflections() == []


def test_a_reflect_rule_opens_the_reflection(qtbot, lived_in: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    rule = next(r for r in lived_in.runtime.state.rules if isinstance(r.when, ReflectTrigger))
    item = Due(rule.id, lived_in.runtime.clock.now())
    lived_in.nudges.show_nudges([item])
    popup = lived_in.popup
    assert popup.done.text() == "Reflect now"
    popup.done.click()
    assert lived_in.review is not None and isinstance(lived_in.review.dialog, ReflectionDialog)
    lived_in.review.dialog.reject()


def test_exports_the_journal_and_protected_time(  # type: ignore[no-untyped-def]
    qtbot, lived_in: TidewellApp, tmp_path: Path
) -> None:
    import icalendar

    lived_in.open_review()
    window = lived_in.review
    assert window is not None
    window.export_to(tmp_path / "journal.csv", journal=True)
    rows = list(csv.DictReader((tmp_path / "journal.csv").read_text().splitlines()))
    assert len(rows) > 50 and {"at", "type", "rule", "answer"} <= set(rows[0])
    assert "Wrote" in window.status.text()
    window.export_to(tmp_path / "offline.ics", journal=False)
    calendar = icalendar.Calendar.from_ical((tmp_path / "offline.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(lived_in.runtime.state.blocks) > 0
    assert all(str(e["SUMMARY"]) == "Offline" for e in events)
    reasons = {b.reason for b in lived_in.runtime.state.blocks}
    assert not any(r and r in (tmp_path / "offline.ics").read_text() for r in reasons)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_review_is_drawn(qtbot, lived_in: TidewellApp, scheme: str) -> None:  # type: ignore[no-untyped-def]
    with palette_of(scheme):
        lived_in.open_review()
        window = lived_in.review
        assert window is not None
        window.resize(900, 900)
        SHOTS.mkdir(parents=True, exist_ok=True)
        for index, name in ((0, "week"), (3, "year")):
            window.kind.setCurrentIndex(index)
            path = SHOTS / f"review-{name}-{scheme}.png"
            assert window.grab().save(str(path))
            assert path.stat().st_size > 20_000
        window.new_reflection()
        assert window.dialog is not None
        window.dialog.edits[0].setPlainText("Sunday walks with Mia, and reading in the evening.")
        path = SHOTS / f"reflection-{scheme}.png"
        assert window.dialog.grab().save(str(path))
        window.dialog.reject()


def test_your_own_numbers_are_set_on_the_balance_page(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    shell.open_settings()
    window = shell.settings
    assert window is not None
    targets = window.balance.targets
    targets.add()
    assert window.draft.balance.targets[0].since == shell.runtime.now().date()
    targets.name.setText("Work-free weekends")
    targets.name.textEdited.emit("Work-free weekends")
    targets.what.setCurrentIndex(1)  # protected time kept
    assert targets.fields["block"].isVisible() or not targets.fields["area"].isVisibleTo(window)
    targets.block.setCurrentIndex(targets.block.findData("weekend"))
    targets.count.setValue(2)
    targets.per.setCurrentIndex(1)  # a month
    targets.relax.setChecked(True)
    targets.busy_count.setValue(1)
    assert window.save()
    [kept] = shell.runtime.state.balance.targets
    assert (kept.name, kept.kind, kept.block, kept.count, kept.per, kept.busy_count) == (
        "Work-free weekends",
        "kept",
        "weekend",
        2,
        "month",
        1,
    )
    assert kept.area is None
    window.close()


def test_buttons_wait_for_something_to_act_on_and_charts_explain_themselves(
    qtbot, lived_in: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    from tidewell.ui.review.charts import Legend

    lived_in.open_review()
    window = lived_in.review
    assert window is not None
    assert not window.forward.isEnabled() and not window.today.isEnabled()  # this week, now
    window.back.click()
    assert window.forward.isEnabled() and window.today.isEnabled()
    assert not window.edit.isEnabled() and not window.delete.isEnabled()  # nothing chosen
    window.kind.setCurrentIndex(1)  # a month: a wall calendar under the weekday names
    assert window.days._top() == window.days.BAND + 4 + window.days.HEAD
    legends = [w for w in window.findChildren(Legend) if w.isVisibleTo(window)]
    assert len(legends) == 2 and all(w.accessibleDescription() for w in legends)
