"""The tray icon's state, tooltip and menu, and the window shown when there is no tray."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QSystemTrayIcon

from tidewell.core.clock import FakeClock
from tidewell.core.status import status_of
from tidewell.shell.app import TidewellApp
from tidewell.shell.runtime import Runtime
from tidewell.shell.tray import Tray, tooltip_text
from tidewell.ui.no_tray import NoTrayWindow
from tidewell.ui.panel import OFFLINE, WAITING
from tidewell.ui.tooltips import as_tooltip

from ..helpers import local


def menu_texts(tray: Tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if not a.isSeparator()]


def test_menu_is_rebuilt_when_it_opens_and_acts(qtbot, runtime: Runtime) -> None:  # type: ignore[no-untyped-def]
    tray = Tray()
    tray.refresh(runtime.status(), nudge_waiting=False)
    tray.menu.aboutToShow.emit()
    assert menu_texts(tray) == [
        "Next: A stretch?, 11:00",
        "Settings…",
        "Review…",
        "I have waiting time…",
        "Going offline…",
        "Pause nudges",
        "Quit Tidewell",
    ]
    pages: list[int] = []
    tray.panel_requested.connect(pages.append)
    actions = {a.text(): a for a in tray.menu.actions()}
    actions["I have waiting time…"].trigger()
    actions["Going offline…"].trigger()
    assert pages == [WAITING, OFFLINE]
    pause_menu = actions["Pause nudges"].menu()
    resume = next(a for a in pause_menu.actions() if a.text() == "Resume")
    assert not resume.isEnabled()
    with qtbot.waitSignal(tray.pause_requested) as blocker:
        next(a for a in pause_menu.actions() if a.text() == "For an hour").trigger()
    assert blocker.args == ["hour"]
    runtime.pause_for("hour")
    tray.refresh(runtime.status(), nudge_waiting=False)
    tray.menu.aboutToShow.emit()  # the menu is current each time it opens
    assert menu_texts(tray)[0] == "Nudges paused until 09:00"
    pause_menu = {a.text(): a for a in tray.menu.actions()}["Pause nudges"].menu()
    assert next(a for a in pause_menu.actions() if a.text() == "Resume").isEnabled()


def test_icon_and_tooltip_follow_the_state(runtime: Runtime, clock: FakeClock) -> None:
    tray = Tray()
    tray.refresh(runtime.status(), nudge_waiting=False)
    assert tray.state == "normal"
    tray.refresh(runtime.status(), nudge_waiting=True)
    assert tray.state == "nudge"
    assert "A nudge is waiting for you" in tray.icon.toolTip()
    clock.set(local("Europe/London", 2026, 11, 28, 10, 0))  # Saturday: the weekend block
    tray.refresh(runtime.status(), nudge_waiting=False)
    assert tray.state == "protected"
    assert "Protected time until Mon 07:00: &#x27;time with the kids&#x27;" in tray.icon.toolTip()
    runtime.pause(clock.now() + timedelta(hours=2))
    tray.refresh(runtime.status(), nudge_waiting=False)
    assert tray.state == "paused"
    assert tray.icon.icon().cacheKey() == tray.icons["paused"].cacheKey()


def test_tooltips_show_titles_as_literal_text(runtime: Runtime) -> None:
    status = status_of(runtime.state, runtime.now())
    text = tooltip_text(status, False) + "\n<b>bold</b>"
    assert "<b>" not in as_tooltip(text)
    assert "&lt;b&gt;bold&lt;/b&gt;" in as_tooltip(text)


def test_without_a_tray_a_window_says_why(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # Qt's offscreen platform has none
    assert shell.tray is None
    window = shell.window
    assert isinstance(window, NoTrayWindow) and window.isVisible()
    assert "no system tray" in window.why.text()
    assert not window.content.quit_button.isHidden()
    assert shell.tray_poll.isActive()  # it keeps looking for a tray to move into
    assert window.content.state_line.text() == "Next: A stretch?, 11:00"


def test_im_back_in_the_menu_while_offline(qtbot, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    """Bug: once offline, neither the panel nor the menu could end it early."""
    runtime = shell.runtime
    runtime.go_offline(
        runtime.offline_until_time(local("Europe/London", 2026, 1, 1, 21).time()), "dinner"
    )
    tray = Tray()
    tray.back_requested.connect(runtime.come_back)
    tray.refresh(runtime.status(), nudge_waiting=False)
    tray.menu.aboutToShow.emit()
    assert menu_texts(tray)[0] == "Offline until 21:00: 'dinner'"
    assert "Going offline…" not in menu_texts(tray)
    actions = {a.text(): a for a in tray.menu.actions()}
    actions["I'm back"].trigger()
    assert not runtime.status().offline
    tray.refresh(runtime.status(), nudge_waiting=False)
    tray.menu.aboutToShow.emit()
    assert "Going offline…" in menu_texts(tray) and "I'm back" not in menu_texts(tray)
