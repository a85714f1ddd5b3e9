"""Calendars in the app: a feed added in settings (its address into a real gnome-keyring),
read from a real HTTP server on a worker thread, with ETags; a trip offering waiting time;
a meeting holding a nudge; no D-Bus at all; and the address found nowhere afterwards."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace
from PySide6.QtCore import QTimer

from tests.feeds import TOKEN, FeedServer, ics
from tests.helpers import rule
from tidewell.core.calendar import CalendarSource
from tidewell.core.clock import FakeClock
from tidewell.shell.app import TidewellApp
from tidewell.shell.calendars import CalendarKeeper
from tidewell.shell.runtime import Runtime
from tidewell.store.secrets import SecretStore
from tidewell.ui.settings.add_calendar import AddCalendarDialog
from tidewell.ui.settings.window import SettingsWindow

from .conftest import stop


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def no_dbus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)  # no X11 autolaunch of a bus either
    empty = tmp_path / "no-bus"
    empty.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(empty))
    monkeypatch.setenv("HOME", str(tmp_path))


def app_with_calendars(qtbot, runtime: Runtime) -> TidewellApp:  # type: ignore[no-untyped-def]
    keeper = CalendarKeeper(runtime)
    app = TidewellApp(runtime, None, keeper)
    app.start()
    if not any(s.kind == "url" for s in runtime.state.calendars):
        assert not keeper.keyring_known  # no feed needs it: not asked at start-up
    with qtbot.waitSignal(keeper.keyring_checked, timeout=20000):
        keeper.check_keyring()  # as the settings page does when it opens
    qtbot.waitUntil(lambda: app.ticker.ticks > 0)
    return app


def close(app: TidewellApp) -> None:
    assert app.calendars is not None
    app.calendars.stop()
    stop(app)


def open_page(app: TidewellApp) -> SettingsWindow:
    app.open_settings()
    window = app.settings
    assert window is not None
    window.sidebar.setCurrentRow(window.page_row(window.calendars))
    return window


def add_through_dialog(qtbot, window: SettingsWindow, name: str, **where: str) -> None:  # type: ignore[no-untyped-def]
    page = window.calendars
    page.add()
    dialog = page.dialog
    assert isinstance(dialog, AddCalendarDialog)
    dialog.name.setText(name)
    if "url" in where:
        dialog.as_feed.setChecked(True)
        dialog.url.setText(where["url"])
    else:
        dialog.as_file.setChecked(True)
        dialog.path.setText(where["path"])
    with qtbot.waitSignal(dialog.chosen, timeout=15000):
        dialog.add.click()


def every_text(folder: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()
    )


def test_a_feed_is_kept_in_the_keyring_read_on_a_worker_and_never_written(  # type: ignore[no-untyped-def]
    qtbot,
    runtime: Runtime,
    clock: FakeClock,
    feeds: FeedServer,
    secret_service: None,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    now = clock.now()
    feeds.feeds["work.ics"] = ics(
        ("Flight to Lisbon", now + timedelta(hours=6), now + timedelta(hours=9)),
        ("Planning", now + timedelta(hours=2), now + timedelta(hours=3)),
        ("Vacation", date(2026, 12, 24), date(2026, 12, 28)),
    )
    app = app_with_calendars(qtbot, runtime)
    keeper = app.calendars
    assert keeper is not None and keeper.keyring_problem is None
    window = open_page(app)
    add_through_dialog(qtbot, window, "Work", url=feeds.url("work.ics"))
    [source] = window.draft.calendars
    assert source.kind == "url" and source.host == "127.0.0.1" and source.path is None
    assert "Not read yet" in window.calendars.result.text()
    assert window.save()

    qtbot.waitUntil(lambda: source.id in keeper.results, timeout=20000)
    assert keeper.results[source.id].ok, keeper.results[source.id].message
    meanings = [(s.meaning, s.title) for s in runtime.state.calendar.spans]
    assert meanings == [
        ("busy", "Planning"),
        ("travel", "Flight to Lisbon"),
        ("offline", "Vacation"),
    ]
    page = window.calendars
    qtbot.waitUntil(lambda: "Read at" in page.result.text())
    coming = [page.coming.item(i).text() for i in range(page.coming.count())]
    assert any("Flight to Lisbon" in line and "waiting-time ideas from" in line for line in coming)
    assert any("Vacation" in line and "protected time" in line for line in coming)

    # Read again on demand: the server says nothing changed (ETag), the events stay.
    page.sync_button.click()
    qtbot.waitUntil(lambda: feeds.not_modified == 1, timeout=20000)
    qtbot.waitUntil(lambda: "unchanged" in keeper.results[source.id].message, timeout=20000)
    assert len(runtime.state.calendar.spans) == 3

    # Changing what meetings mean needs no new read: the events are kept.
    page.toggles["busy"].setChecked(False)
    assert window.save()
    assert [s.meaning for s in runtime.state.calendar.spans] == ["travel", "offline"]

    # Removing it takes its address out of the keyring.
    page.delete()
    assert window.save()
    qtbot.waitUntil(lambda: SecretStore().get(source.id) is None, timeout=20000)
    assert runtime.state.calendar.spans == []

    close(app)
    out, err = capfd.readouterr()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for where, text in (
        ("data folder", every_text(runtime.store.folder)),
        ("log", logged),
        ("output", out + err),
    ):
        assert TOKEN not in text, f"the address's secret part was found in the {where}"


def test_without_dbus_the_page_explains_and_local_files_work(  # type: ignore[no-untyped-def]
    qtbot, runtime: Runtime, clock: FakeClock, tmp_path: Path, no_dbus: None
) -> None:
    now = clock.now()
    trips = tmp_path / "trips.ics"
    trips.write_bytes(ics(("Train to Leeds", now + timedelta(hours=5), now + timedelta(hours=7))))
    app = app_with_calendars(qtbot, runtime)
    assert app.calendars is not None
    assert "no password store is open" in (app.calendars.keyring_problem or "")
    window = open_page(app)
    page = window.calendars
    assert "A calendar file on this computer works" in page.notice.text()
    assert "keyring" not in page.notice.text()
    page.add()
    assert page.dialog is not None and not page.dialog.as_feed.isEnabled()
    page.dialog.reject()
    add_through_dialog(qtbot, window, "Trips", path=str(trips))
    assert window.save()
    qtbot.waitUntil(lambda: bool(runtime.state.calendar.spans), timeout=20000)
    assert runtime.state.calendar.spans[0].title == "Train to Leeds"
    close(app)


def test_a_trip_offers_waiting_ideas_and_a_meeting_holds_a_nudge(  # type: ignore[no-untyped-def]
    qtbot, runtime: Runtime, clock: FakeClock, tmp_path: Path
) -> None:
    now = clock.now()  # Monday 08:00 in London
    feed = tmp_path / "week.ics"
    feed.write_bytes(
        ics(
            ("Flight to Lisbon", now + timedelta(minutes=90), now + timedelta(hours=4)),
            ("Standup", now + timedelta(minutes=2), now + timedelta(minutes=20)),
        )
    )
    source = CalendarSource("week", "Week", "file", path=str(feed))
    runtime.apply_definitions(replace(runtime.state, calendars=[source]))
    app = app_with_calendars(qtbot, runtime)
    assert app.calendars is not None
    app.calendars.sync_all()
    qtbot.waitUntil(
        lambda: app.nudges._popup is not None and bool(app.nudges._popup.queue), timeout=20000
    )
    popup = app.popup
    assert popup.title.text() == "You may have some waiting time soon"
    assert "'Flight to Lisbon', 09:30" in popup.message.text()
    assert popup.done.text() == "Show my ideas" and popup.skip.text() == "Not now"
    popup.done.click()
    assert app.runtime.waiting is not None and app.runtime.waiting.minutes == 90
    assert app.runtime.waiting.context == "airport"
    [content] = app.contents()  # offscreen has no tray: the window shows the panel
    assert content.idea_rows and "90 minutes (Airport)" in content.ideas_heading.text()

    # A nudge due at 08:05 comes during the standup (08:02-08:20): it waits, then says so.
    stretch = rule("stretch", {"kind": "at", "times": ["08:05"]}, grace_minutes=10)
    runtime.apply_definitions(replace(runtime.state, rules=[stretch]))
    clock.advance(timedelta(minutes=5))
    app.ticker.fire()
    assert not popup.queue and "In a meeting until 08:20" in runtime.status().line
    clock.advance(timedelta(minutes=16))  # 08:21, past the rule's own grace
    app.ticker.fire()
    qtbot.waitUntil(lambda: bool(popup.queue))
    assert popup.title.text() == "Nudge stretch"
    assert "waited until your meeting was over" in popup.message.text()
    close(app)


def test_a_hostile_feed_is_stopped_while_the_app_keeps_answering(  # type: ignore[no-untyped-def]
    qtbot, runtime: Runtime, tmp_path: Path
) -> None:
    forever = tmp_path / "forever.ics"
    forever.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s\r\n"
        b"DTSTART:20261123T000000Z\r\nDTEND:20261123T000001Z\r\nSUMMARY:s\r\n"
        b"RRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    source = CalendarSource("forever", "Forever", "file", path=str(forever))
    runtime.apply_definitions(replace(runtime.state, calendars=[source]))
    app = app_with_calendars(qtbot, runtime)
    keeper = app.calendars
    assert keeper is not None
    beats: list[bool] = []
    heart = QTimer()
    heart.setInterval(20)
    heart.timeout.connect(lambda: beats.append(keeper.syncing("forever")))
    heart.start()
    keeper.sync(["forever"])
    # The GUI thread keeps running its timers while the feed is being read elsewhere.
    qtbot.waitUntil(lambda: beats.count(True) >= 10, timeout=20000)
    qtbot.waitUntil(lambda: "forever" in keeper.results, timeout=20000)
    heart.stop()
    result = keeper.results["forever"]
    assert not result.ok and "too long" in result.message
    window = open_page(app)
    window.calendars.set_state(window.draft, app.runtime.now(), app.runtime.home())
    assert "Could not be read" in window.calendars.result.text()
    close(app)


def test_the_keyring_is_asked_only_when_the_calendars_page_opens(qtbot, runtime: Runtime) -> None:  # type: ignore[no-untyped-def]
    keeper = CalendarKeeper(runtime)
    app = TidewellApp(runtime, None, keeper)
    app.start()
    assert not keeper.keyring_known
    with qtbot.waitSignal(keeper.keyring_checked, timeout=20000):
        open_page(app)
    assert keeper.keyring_known
    close(app)
