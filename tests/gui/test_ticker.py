"""The ticker: one single-shot timer, re-armed to the next wakeup (at most five minutes),
driven through the FakeClock; popups come from its ticks, answers reach the journal."""

from __future__ import annotations

from datetime import timedelta

from tidewell.core.clock import FakeClock
from tidewell.core.journal import AnswerEntry, ShownEntry
from tidewell.shell.app import TidewellApp
from tidewell.shell.ticker import Ticker

from ..helpers import local
from .conftest import SteadyIdle


def armed_seconds(ticker: Ticker) -> float:
    assert ticker.timer.isSingleShot() and ticker.timer.isActive()
    return ticker.timer.interval() / 1000


def test_sleeps_at_most_five_minutes(shell: TidewellApp) -> None:
    assert armed_seconds(shell.ticker) == 300  # 08:00; the next nudge is at 11:00


def test_arms_to_the_next_nudge_and_raises_it(
    qtbot,
    shell: TidewellApp,
    clock: FakeClock,  # type: ignore[no-untyped-def]
) -> None:
    clock.set(local("Europe/London", 2026, 11, 23, 10, 58))
    shell.ticker.fire()
    assert 120 <= armed_seconds(shell.ticker) <= 120.01
    clock.advance(minutes=2)
    with qtbot.waitSignal(shell.runtime.nudges_due) as due:
        shell.ticker.timer.timeout.emit()
    assert [d.rule_id for d in due.args[0]] == ["stretch"]
    assert shell.popup.isVisible() and shell.popup.title.text() == "A stretch?"
    assert armed_seconds(shell.ticker) == 300  # next: 15:30, capped
    # A second tick at the same moment does not raise it again.
    shell.ticker.fire()
    assert len(shell.popup.queue) == 1
    shell.popup.done.click()
    store = shell.runtime.store
    assert store.journal is not None
    entries = store.journal.entries(2026, clock.now())
    assert [type(e) for e in entries[-2:]] == [ShownEntry, AnswerEntry]
    assert entries[-1].answer == "done"  # type: ignore[union-attr]


def test_samples_activity_only_while_a_rule_needs_it(
    qtbot,
    shell: TidewellApp,
    clock: FakeClock,
    idle: SteadyIdle,  # type: ignore[no-untyped-def]
) -> None:
    assert shell.runtime.activity.active_since is None  # Monday 08:00: nothing needs it
    clock.set(local("Europe/London", 2026, 11, 28, 10, 0))  # Saturday: protected time
    shell.ticker.fire()
    assert armed_seconds(shell.ticker) <= 15.01
    assert shell.runtime.activity.active_since is not None
    # The person keeps working through the weekend: after ten minutes, a gentle question.
    popups = []
    shell.runtime.nudges_due.connect(popups.append)
    for _ in range(44):  # 11 minutes in 15-second ticks
        clock.advance(seconds=15)
        shell.ticker.timer.timeout.emit()
    assert [[d.rule_id for d in batch] for batch in popups] == [["offline"]]
    assert shell.popup.reason.text() == "Your reason: 'time with the kids'"
    assert not shell.popup.chose.isHidden()
    shell.popup.chose.click()
    # A break ends the stretch; the app stops sampling once the weekend is over.
    idle.seconds = 900
    clock.advance(seconds=15)
    shell.ticker.fire()
    assert shell.runtime.activity.active_since is None
    clock.set(local("Europe/London", 2026, 11, 30, 9, 0))
    shell.ticker.fire()
    assert armed_seconds(shell.ticker) > 15


def test_a_clock_jump_or_zone_change_is_noticed(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    clock.set(clock.now() - timedelta(hours=3))  # the clock was set back
    with qtbot.waitSignal(shell.ticker.clock_changed):
        shell.ticker.fire()
    shell.ticker.fire()  # and settles
    clock.set_zone("America/Toronto")
    with qtbot.waitSignal(shell.ticker.clock_changed):
        shell.ticker.fire()


def test_a_change_pokes_the_ticker(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    ticks = shell.ticker.ticks
    shell.runtime.pause_for("hour")
    qtbot.waitUntil(lambda: shell.ticker.ticks > ticks)
    assert armed_seconds(shell.ticker) == 300
