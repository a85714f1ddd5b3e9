"""Nudges wait while the desktop asks for quiet (Do Not Disturb, a full-screen window, a
locked screen) and come once after; time away from the computer counts as a break, and a
lock inside protected time keeps it. Driven through the FakeClock and the real ticker."""

from __future__ import annotations

from tidewell.core.clock import FakeClock
from tidewell.core.journal import ProtectedEntry, ShownEntry
from tidewell.core.schedule import Quiet
from tidewell.shell.app import TidewellApp

from ..helpers import local


class Desktop:
    """What the desktop says about quiet, as a test sets it (each desktop's own way of
    saying it is tested against real services in test_desktop_services.py)."""

    def __init__(self) -> None:
        self.quiet: Quiet | None = None

    def __call__(self) -> Quiet | None:
        return self.quiet


def shown(shell: TidewellApp, clock: FakeClock, rule: str) -> int:
    journal = shell.runtime.store.journal
    assert journal is not None
    entries = journal.entries(2026, clock.now())
    return sum(isinstance(e, ShownEntry) and e.rule == rule for e in entries)


def test_do_not_disturb_holds_a_nudge_that_then_comes_once(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    desktop = Desktop()
    shell.runtime.quiet_probe = desktop
    desktop.quiet = "dnd"
    clock.set(local("Europe/London", 2026, 11, 23, 11, 0))  # the stretch rule is due
    raised: list[object] = []
    shell.runtime.nudges_due.connect(raised.append)
    shell.ticker.fire()
    assert raised == [] and list(shell.runtime.held.items) == ["stretch"]
    assert shell.runtime.status().line == "Do Not Disturb: nudges wait"
    assert shell.ticker.timer.interval() <= 20_005  # it looks again soon while it holds
    clock.advance(minutes=90)  # long past the rule's grace: it still waits, once
    shell.ticker.fire()
    assert raised == [] and len(shell.runtime.held.items) == 1
    desktop.quiet = None
    clock.advance(seconds=20)
    with qtbot.waitSignal(shell.runtime.nudges_due):
        shell.ticker.fire()
    assert shell.popup.message.text().endswith("(It waited while Do Not Disturb was on.)")
    assert shown(shell, clock, "stretch") == 1
    shell.ticker.fire()
    assert shown(shell, clock, "stretch") == 1 and not shell.runtime.held.items


def test_a_full_screen_window_says_so(shell: TidewellApp, clock: FakeClock) -> None:
    desktop = Desktop()
    shell.runtime.quiet_probe = desktop
    desktop.quiet = "fullscreen"
    shell.ticker.fire()
    assert shell.runtime.status().line == "A full-screen window is open: nudges wait"
    assert shell.window is not None  # no tray on this platform: the window says it
    assert shell.window.content.state_line.text() == "A full-screen window is open: nudges wait"


def test_a_locked_screen_holds_nudges_and_unlocking_brings_one_popup(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    clock.set(local("Europe/London", 2026, 11, 23, 10, 30))
    shell.runtime.away(True)
    assert shell.runtime.status().line == "Screen locked: nudges wait"
    clock.set(local("Europe/London", 2026, 11, 23, 15, 45))  # 11:00 and 15:30 came and went
    shell.ticker.fire()
    assert not shell.popup.isVisible()
    with qtbot.waitSignal(shell.runtime.nudges_due) as due:
        shell.runtime.away(False)
        shell.ticker.fire()
    assert len(due.args[0]) >= 1
    assert shell.popup.isVisible() and len(shell.popup.queue) == len(due.args[0])
    assert "(It waited while your screen was locked.)" in shell.popup.message.text()


def test_time_away_as_long_as_a_break_ends_the_stretch(
    shell: TidewellApp, clock: FakeClock
) -> None:
    clock.set(local("Europe/London", 2026, 11, 28, 10, 0))  # Saturday: protected time
    shell.ticker.fire()
    activity = shell.runtime.activity
    began = activity.active_since
    assert began is not None
    shell.runtime.away(True)  # a minute at the door: shorter than a break
    clock.advance(minutes=1)
    shell.runtime.away(False)
    assert activity.active_since == began
    shell.runtime.away(True)  # lunch: longer than a break
    clock.advance(minutes=40)
    shell.runtime.away(False)
    assert activity.active_since is None
    shell.ticker.fire()
    assert activity.active_since is not None and activity.active_since > began


def test_locking_inside_protected_time_is_written_as_kept(
    shell: TidewellApp, clock: FakeClock
) -> None:
    clock.set(local("Europe/London", 2026, 11, 28, 10, 0))  # Saturday: protected time
    shell.runtime.away(True)
    journal = shell.runtime.store.journal
    assert journal is not None
    last = journal.entries(2026, clock.now())[-1]
    assert isinstance(last, ProtectedEntry) and last.event == "kept"
    assert last.reason == "screen locked"
    shell.runtime.away(False)
    clock.set(local("Europe/London", 2026, 11, 30, 10, 0))  # Monday: not protected
    count = len(journal.entries(2026, clock.now()))
    shell.runtime.away(True)
    assert len(journal.entries(2026, clock.now())) == count
