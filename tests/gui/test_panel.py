"""The quick panel through the shell: waiting ideas, going offline, pausing; all journaled."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QRect, Qt

from tidewell.core.clock import FakeClock
from tidewell.core.journal import IdeaEntry, ProtectedEntry, WaitingEntry
from tidewell.core.life import DatedBlock
from tidewell.core.requests import Offline, Online
from tidewell.shell.app import TidewellApp
from tidewell.ui.panel import HOME, OFFLINE, WAITING, PanelContent


def journal(shell: TidewellApp, clock: FakeClock) -> list[object]:
    store = shell.runtime.store
    assert store.journal is not None
    return list(store.journal.entries(clock.now().year, clock.now()))


def shown_content(shell: TidewellApp) -> PanelContent:
    """What open_panel shows: the quick panel, or the no-tray window (as here, offscreen)."""
    return shell.window.content if shell.window is not None else shell.panel.content


def test_waiting_time_lists_ranked_ideas_with_the_persons_time(
    qtbot,
    shell: TidewellApp,
    clock: FakeClock,  # type: ignore[no-untyped-def]
) -> None:
    clock.set(clock.now().replace(hour=18, minute=40))  # Anna in Leeds is free 18:00-22:00
    content = shown_content(shell)
    shell.open_panel(WAITING)
    content.context.setCurrentIndex(0)  # airport
    qtbot.mouseClick(content.minute_buttons.button(30), Qt.MouseButton.LeftButton)
    rows = content.idea_rows
    assert [r.idea.id for r in rows] == ["mail-anna", "walk"]
    assert rows[0].who.text() == "Anna, 18:40 in Leeds, usually free"
    assert rows[1].who.isHidden()  # an idea for nobody in particular
    assert "30 minutes (Airport)" in content.ideas_heading.text()
    qtbot.mouseClick(rows[0].done, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rows[1].not_now, Qt.MouseButton.LeftButton)
    entries = journal(shell, clock)
    assert WaitingEntry(at=clock.now(), minutes=30, context="airport") in entries
    ideas = [(e.idea, e.answer, e.minutes) for e in entries if isinstance(e, IdeaEntry)]
    assert ideas == [("mail-anna", "done", 30), ("walk", "not_now", 30)]


def test_short_waiting_time_says_nothing_fits_yet(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    content = shown_content(shell)
    shell.open_panel(WAITING)
    qtbot.mouseClick(content.minute_buttons.button(10), Qt.MouseButton.LeftButton)
    assert content.idea_rows == []
    assert content.ideas_heading.text().startswith("None of your ideas fits 10 minutes")


def test_typed_minutes_work_too(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    content = shown_content(shell)
    content.typed_minutes.setValue(17)
    qtbot.mouseClick(content.typed_go, Qt.MouseButton.LeftButton)
    assert shell.runtime.waiting is not None and shell.runtime.waiting.minutes == 17
    assert [r.idea.id for r in content.idea_rows] == ["walk"]


def test_going_offline_creates_a_protected_block(
    qtbot,
    shell: TidewellApp,
    clock: FakeClock,  # type: ignore[no-untyped-def]
) -> None:
    content = shown_content(shell)
    shell.open_panel(OFFLINE)
    assert content.page == OFFLINE
    qtbot.keyClicks(content.reason, "a long lunch with Sam")
    morning = content.offline_buttons[0]
    assert morning.text() == "Until tomorrow morning (tomorrow 07:00)"
    qtbot.mouseClick(morning, Qt.MouseButton.LeftButton)
    block = shell.runtime.state.blocks[-1]
    assert isinstance(block, DatedBlock)
    assert block.reason == "a long lunch with Sam"
    assert block.end.isoformat() == "2026-11-24T07:00:00"
    assert content.page == HOME
    assert content.state_line.text() == "Offline until tomorrow 07:00: 'a long lunch with Sam'"
    started = [e for e in journal(shell, clock) if isinstance(e, ProtectedEntry)]
    assert [(e.block, e.event) for e in started] == [(block.id, "started")]
    # It is written to disk, not only held in memory.
    saved = (shell.runtime.store.folder / "tidewell.json").read_text()
    assert "a long lunch with Sam" in saved


def test_going_offline_until_a_time(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    content = shown_content(shell)
    content.until_time.setTime(content.until_time.time().fromString("12:30", "HH:mm"))
    qtbot.mouseClick(content.until_go, Qt.MouseButton.LeftButton)
    block = shell.runtime.state.blocks[-1]
    assert isinstance(block, DatedBlock)
    assert (block.start.isoformat(), block.end.isoformat()) == (
        "2026-11-23T08:00:00",
        "2026-11-23T12:30:00",
    )


def test_pause_and_resume_from_the_panel(
    qtbot,
    shell: TidewellApp,
    clock: FakeClock,  # type: ignore[no-untyped-def]
) -> None:
    content = shown_content(shell)
    qtbot.mouseClick(content.pause_hour, Qt.MouseButton.LeftButton)
    assert shell.runtime.paused_until() == clock.now() + timedelta(hours=1)
    assert content.state_line.text() == "Nudges paused until 09:00"
    assert content.pause_hour.isHidden() and not content.resume_button.isHidden()
    qtbot.mouseClick(content.resume_button, Qt.MouseButton.LeftButton)
    assert shell.runtime.paused_until() is None
    assert content.state_line.text().startswith("Next: A stretch?")


def test_the_panel_opens_by_the_icon_and_fits_its_page(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    shell.panel.content.set_status(
        shell.runtime.status(), shell.runtime.now(), shell.runtime.home()
    )
    shell.panel.open_at(QRect(700, 0, 24, 24))
    home_height = shell.panel.height()
    assert shell.panel.geometry().top() >= 24  # opens below a panel at the top
    shell.panel.content.show_page(WAITING)
    assert shell.panel.height() > home_height
    shell.panel.content.show_page(HOME)
    assert shell.panel.height() == home_height


def test_a_declared_wait_shows_its_ideas_in_the_panel_only(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    """Bug: declaring a wait also raised a popup saying the ideas were ready while the panel
    said none fit. The waiting-time rule's moment is the panel itself."""
    content = shown_content(shell)
    shell.open_panel(WAITING)
    content.context.setCurrentIndex(0)  # airport: the starter waiting rule's context
    ticks = shell.ticker.ticks
    qtbot.mouseClick(content.minute_buttons.button(60), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.ticker.ticks > ticks)  # the tick after the wait ran
    assert shell.runtime.state.progress_of("airport").handled is not None  # it was due
    assert shell.nudges._popup is None or not shell.nudges._popup.queue
    assert "airport" not in shell.runtime.showing


def test_offline_then_im_back_from_the_panel_and_the_menu(
    qtbot, shell: TidewellApp, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    content = shown_content(shell)
    assert content.back_button.isHidden()
    shell.open_panel(OFFLINE)
    qtbot.keyClicks(content.reason, "dinner")
    content.until_time.setTime(content.until_time.time().fromString("21:30", "HH:mm"))
    qtbot.mouseClick(content.until_go, Qt.MouseButton.LeftButton)
    assert not content.back_button.isHidden() and content.offline_button.isHidden()
    clock.advance(timedelta(minutes=30))
    qtbot.mouseClick(content.back_button, Qt.MouseButton.LeftButton)
    assert shell.runtime.status().mode == "normal"
    assert content.back_button.isHidden() and not content.offline_button.isHidden()
    back = [e for e in journal(shell, clock) if isinstance(e, ProtectedEntry)]
    assert [(e.event, e.reason) for e in back] == [("started", "dinner"), ("back", "dinner")]
    # `tidewell online` reaches the same place.
    shell.handle(Offline("21:30", "reading"))
    assert shell.runtime.status().offline
    shell.handle(Online())
    assert not shell.runtime.status().offline


def test_appearance_dark_reaches_the_panel_and_comes_back(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    """Bug: the panel and popups stayed cream while their inputs turned dark."""
    from msgspec.structs import replace
    from PySide6.QtWidgets import QApplication

    from tidewell.ui.style import DARK, LIGHT, is_dark

    panel = shell.panel
    state = shell.runtime.state
    try:
        shell.runtime.apply_definitions(
            replace(state, settings=replace(state.settings, appearance="dark"))
        )
        assert is_dark(QApplication.palette())
        assert DARK.card in panel.styleSheet()
        shell.runtime.apply_definitions(
            replace(state, settings=replace(state.settings, appearance="light"))
        )
        assert not is_dark(QApplication.palette())
        assert LIGHT.card in panel.styleSheet()
    finally:
        shell.runtime.apply_definitions(state)
    assert shell.appearance == "system"
