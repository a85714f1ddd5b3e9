"""The other settings pages: protected time, people, waiting ideas, seasons, general."""

from __future__ import annotations

import json
import plistlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tidewell.core.life import WeeklyBlock
from tidewell.platform import autostart
from tidewell.platform.desktop_entry import entry_text, exec_value
from tidewell.shell.app import TidewellApp
from tidewell.ui.place_box import PlaceBox
from tidewell.ui.settings.window import SettingsWindow


def retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    edit.del_()
    qtbot.keyClicks(edit, text)


def test_protected_block_edit_and_firmness(
    qtbot, window: SettingsWindow, shell: TidewellApp
) -> None:  # type: ignore[no-untyped-def]
    page = window.protected
    window.sidebar.setCurrentRow(2)
    assert page.selected == "weekend"
    retype(qtbot, page.reason, "weekends with Mia and Jonas")
    retype(qtbot, page.start, "25:00")
    assert "a time like 09:00" in page.fields["start"].problem.text()
    assert not window.save_button.isEnabled()
    retype(qtbot, page.start, "08:00")
    assert page.fields["start"].problem.isHidden()
    page.firmness.setCurrentIndex(2)  # also when active inside it
    page.active_minutes.setValue(20)
    assert window.save()
    state = shell.runtime.state
    block = next(b for b in state.blocks if b.id == "weekend")
    assert isinstance(block, WeeklyBlock)
    assert (block.reason, block.start) == ("weekends with Mia and Jonas", "08:00")
    own = state.rule("protect-weekend")
    assert own is not None and own.when.active_minutes == 20  # type: ignore[union-attr]
    # Deleting the block takes its own reminder with it.
    page.delete()
    assert window.draft.rule("protect-weekend") is None


def test_a_dated_block_for_a_vacation(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.protected
    page.add()
    page.block_kind.setCurrentIndex(1)
    assert page.fields["start"].isHidden() and not page.fields["dated_start"].isHidden()
    retype(qtbot, page.reason, "Lisbon with everyone")
    page.to_date.setDateTime(page.from_date.dateTime().addDays(7))
    block = window.draft.blocks[-1]
    assert block.__struct_config__.tag == "dated" and block.reason == "Lisbon with everyone"
    page.to_date.setDateTime(page.from_date.dateTime().addDays(-1))
    assert "the end must come after the start" in page.general_problem.text()


def choose_place(qtbot, box: PlaceBox, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a place box as a person does, then press Enter."""
    box.edit.setFocus()
    box.edit.selectAll()
    qtbot.keyClicks(box.edit, typed)
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)


def test_people_zones_and_the_live_line(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.people
    page.add()
    retype(qtbot, page.name, "Dad")
    choose_place(qtbot, page.zone, "toronto")
    retype(qtbot, page.hours, "06:00-09:00")
    person = window.draft.people[-1]
    assert (person.name, person.zone, person.place, person.reachable[0].start) == (
        "Dad",
        "America/Toronto",
        "Toronto",
        "06:00",
    )
    assert page.zone.edit.text() == "Toronto, Canada"
    assert page.zone.hint.text() == "Now 03:00 there"  # 08:00 in London
    assert page.live.text() == "Likely busy now"
    retype(qtbot, page.hours, "7-10pm")
    assert window.draft.people[-1].reachable[0].start == "19:00"  # as people write it
    retype(qtbot, page.hours, "after dinner")
    assert "a time like 09:00" in page.fields["reachable"].problem.text()


def test_the_place_box_says_nothing_while_typing_and_names_what_it_cannot_find(
    qtbot, window: SettingsWindow
) -> None:  # type: ignore[no-untyped-def]
    """Bugs: 'Leeds' and 'Tokyo'+Enter were refused, Down jumped to Africa/Accra, the error
    showed while typing, and the time there kept showing for an invalid entry."""
    page = window.people
    page.add()
    box, field = page.zone, page.fields["zone"]
    box.edit.setFocus()
    box.edit.selectAll()
    qtbot.keyClicks(box.edit, "Atlantis Ci")
    assert field.problem.isHidden() and box.hint.isHidden()  # typing: nothing said yet
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert not field.problem.isHidden()
    assert "No place called 'Atlantis Ci'" in field.problem.text()
    assert box.hint.isHidden()  # no "Now … there" for a place that is not found
    assert not window.save_button.isEnabled()
    box.edit.selectAll()
    qtbot.keyClicks(box.edit, "Toky")
    assert box.completer.popup().isVisible()
    assert box.model.stringList()[0] == "Tokyo, Japan"
    qtbot.keyClick(box.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(box.completer.popup(), Qt.Key.Key_Return)
    assert box.zone() == "Asia/Tokyo"
    assert field.problem.isHidden() and window.save_button.isEnabled()
    choose_place(qtbot, box, "Leeds")
    assert (window.draft.people[-1].zone, window.draft.people[-1].place) == (
        "Europe/London",
        "Leeds",
    )


def test_waiting_ideas_with_a_person(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.ideas
    page.add()
    retype(qtbot, page.what, "Voice message to Anna")
    page.minutes.setValue(5)
    page.person.setCurrentIndex(page.person.findData("sister"))
    retype(qtbot, page.link, "javascript:alert(1)")
    assert "a link starts with one of" in page.fields["link"].problem.text()
    retype(qtbot, page.link, "mailto:anna@example.org")
    idea = window.draft.ideas[-1]
    assert (idea.what, idea.minutes, idea.person) == ("Voice message to Anna", 5, "sister")


def test_seasons_that_cannot_overlap(qtbot, window: SettingsWindow) -> None:  # type: ignore[no-untyped-def]
    seasons = window.balance.seasons
    seasons.add()
    seasons.season_kind.setCurrentIndex(2)  # recovery, across the busy year-end push
    problem = seasons.general_problem.text()
    assert "overlaps 'Year-end push'; a busy and a recovery season" in problem
    assert not window.save_button.isEnabled()
    seasons.start.setDate(seasons.start.date().addDays(40))
    seasons.end.setDate(seasons.start.date().addDays(10))
    assert seasons.general_problem.isHidden()
    assert window.draft.seasons[-1].kind == "recovery"


def test_reflection_frequency(window: SettingsWindow) -> None:
    page = window.balance
    page.reflect_weeks.setValue(6)
    assert window.draft.rule("reflect").when.every_weeks == 6  # type: ignore[union-attr]
    page.reflect_on.setChecked(False)
    assert window.draft.rule("reflect").enabled is False  # type: ignore[union-attr]


def test_general_settings(qtbot, window: SettingsWindow, shell: TidewellApp) -> None:  # type: ignore[no-untyped-def]
    page = window.general
    page.popup_minutes.setValue(3)
    page.break_minutes.setValue(10)
    choose_place(qtbot, page.zone, "Japan")
    page.appearance.setCurrentIndex(page.appearance.findData("dark"))
    assert window.save()
    settings = shell.runtime.state.settings
    assert (settings.popup_seconds, settings.break_seconds) == (180, 600)
    assert (settings.zone, settings.appearance) == ("Asia/Tokyo", "dark")
    choose_place(qtbot, page.zone, "Nowhere Else At All")
    assert "No place called" in page.zone_field.problem.text()
    assert not window.save_button.isEnabled()
    page.zone.edit.selectAll()  # emptied: follow the computer
    qtbot.keyClick(page.zone.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(page.zone.edit, Qt.Key.Key_Return)
    assert window.save_button.isEnabled()
    assert window.save()
    assert shell.runtime.state.settings.zone is None


def test_export_and_import_with_a_preview(
    tmp_path: Path, window: SettingsWindow, shell: TidewellApp
) -> None:
    page = window.general
    out = tmp_path / "export.json"
    page.export_to(out)
    exported = json.loads(out.read_text())
    assert [r["id"] for r in exported["rules"]][:2] == ["stretch", "offline"]
    incoming = tmp_path / "incoming.json"
    incoming.write_text(
        json.dumps(
            {
                "rules": [
                    {
                        "id": "call-dad",
                        "name": "Call Dad",
                        "when": {"kind": "waiting"},
                        "nudge": {"title": "Dad?"},
                    },
                    {**exported["rules"][0], "name": "Stretch, slowly"},
                ]
            }
        )
    )
    QTimer.singleShot(0, lambda: page.question.button(QMessageBox.StandardButton.Ok).click())
    assert page.import_from(incoming)
    assert "Rules: 1 new, 1 changed" in page.question.text()
    assert window.draft.rule("call-dad") is not None
    assert window.draft.rule("stretch").name == "Stretch, slowly"  # type: ignore[union-attr]
    assert shell.runtime.state.rule("call-dad") is None  # not until Save


def test_a_rejected_import_changes_nothing(
    tmp_path: Path, window: SettingsWindow, shell: TidewellApp
) -> None:
    main = shell.runtime.store.folder / "tidewell.json"
    before = main.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "rules": [
                    {
                        "id": "ok",
                        "name": "Fine",
                        "when": {"kind": "waiting"},
                        "nudge": {"title": "Fine"},
                    },
                    {
                        "id": "bad",
                        "name": "Bad",
                        "when": {"kind": "at", "times": ["7pm"]},
                        "nudge": {"title": "x", "link": "file:///etc/passwd"},
                    },
                ]
            }
        )
    )
    assert not window.general.import_from(bad)
    assert "Nothing was imported" in window.general.message.text()
    assert "Rule 2: a time like 09:00" in window.general.message.text()  # no JSON paths here
    assert window.draft.rule("ok") is None and not window.dirty
    assert main.read_bytes() == before


def test_restore_from_a_backup(qtbot, window: SettingsWindow, shell: TidewellApp, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(minutes=1)
    window.rules.delete()  # the first rule goes
    window.save()
    gone = {r.id for r in shell.runtime.state.rules}
    window.sidebar.setCurrentRow(5)
    window.general.set_state(window.draft, *window.host.now_and_home())
    page = window.general
    page.backups.setCurrentIndex(page.backups.count() - 1)  # the oldest: before the delete
    assert page.restore(page.backups.currentData())
    assert len(window.draft.rules) == len(gone) + 1
    assert window.save()
    assert len(shell.runtime.state.rules) == len(gone) + 1


def test_start_at_login_writes_and_removes_the_autostart_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: SettingsWindow
) -> None:
    general = window.general  # built (as when first shown) before the old entry is there
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "org.tidewell.Tidewell.desktop"
    old = entry.with_name("tidewell.desktop")  # what development builds wrote
    old.parent.mkdir(parents=True)
    old.write_text("[Desktop Entry]\n")
    general.autostart.setChecked(True)
    assert entry.exists() and not old.exists()
    command = autostart.launch_command()
    # the application menu's entry, word for word, marked to start at login
    menu = entry_text(command).splitlines()
    login = entry.read_text().splitlines()
    assert [line for line in login if line != "X-GNOME-Autostart-enabled=true"] == menu
    assert f"Exec={exec_value(command)}" in login
    assert autostart.starts_at_login()
    window.general.autostart.setChecked(False)
    assert not entry.exists()
    assert not autostart.starts_at_login()


def test_the_macos_and_windows_writers(tmp_path: Path) -> None:
    agent = autostart.launch_agent_file(tmp_path)
    autostart.write_launch_agent(agent, ["/Applications/Tidewell.app/Contents/MacOS/tidewell"])
    plist = plistlib.loads(agent.read_bytes())
    assert plist["Label"] == "org.tidewell.Tidewell" and plist["RunAtLoad"] is True
    assert autostart.run_value([r"C:\Program Files\Tidewell\tidewell.exe"]) == (
        '"C:\\Program Files\\Tidewell\\tidewell.exe"'
    )


def test_popups_can_appear_in_a_chosen_corner(window: SettingsWindow, shell: TidewellApp) -> None:
    from tidewell.core.schedule import Due

    window.general.popup_place.setCurrentIndex(window.general.popup_place.findData("top-left"))
    assert window.save()
    rule = shell.runtime.state.rule("stretch")
    assert rule is not None
    shell.nudges.try_rule(rule)
    screen = shell.popup.screen().availableGeometry()
    assert shell.popup.x() - screen.left() < 20 and shell.popup.y() - screen.top() < 20
    assert isinstance(next(iter(shell.nudges.trials)), Due)


def test_the_morning_that_ends_a_pause(window: SettingsWindow, shell: TidewellApp) -> None:
    from PySide6.QtCore import QTime

    window.general.morning.setTime(QTime(9, 30))
    assert window.save()
    shell.runtime.pause_for("tomorrow")
    until = shell.runtime.paused_until()
    assert until is not None
    assert until.astimezone(shell.runtime.home()).strftime("%d %H:%M") == "24 09:30"
