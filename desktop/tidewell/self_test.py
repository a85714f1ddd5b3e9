"""``tidewell --self-test``: proves an install works without a screen or the person's data.

It opens a temporary store, builds the tray, a popup, the settings and review windows on
Qt's offscreen platform, draws every icon, reads a calendar in the bounded reader, and
prints one line a check. Exit 0 when all pass; 1 with what failed. Made for bundles, where
a missing plugin or data file shows up only when the part that needs it runs."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tidewell import __version__

ICS = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Tidewell//self-test//EN
BEGIN:VEVENT
UID:self-test@tidewell
DTSTAMP:20261123T080000Z
DTSTART:20261124T150000Z
DTEND:20261124T170000Z
SUMMARY:Flight to Lisbon
END:VEVENT
END:VCALENDAR
"""


class Check:
    def __init__(self, name: str, run: Callable[[], str]) -> None:
        self.name, self.run = name, run


def run_self_test(out: Any = None) -> int:
    out = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless by definition, even on a desktop
    with tempfile.TemporaryDirectory(prefix="tidewell-self-test-") as folder:
        context = _Context(Path(folder))
        print(f"Tidewell {__version__} self-test ({_kind_of_install()})", file=out)
        failed = 0
        checks = context.checks()
        for check in checks:
            try:
                detail = check.run()
            except Exception as err:  # every failure is reported, then the next check runs
                failed += 1
                print(f"  FAILED  {check.name}: {type(err).__name__}: {err}", file=out)
                traceback.print_exc(file=sys.stderr)
            else:
                print(f"  ok      {check.name}: {detail}", file=out)
        context.close()
    if failed:
        print(f"{failed} of {len(checks)} checks failed.", file=out)
        return 1
    print(f"All {len(checks)} checks passed.", file=out)
    return 0


def _kind_of_install() -> str:
    if getattr(sys, "frozen", False):
        return f"bundle at {Path(sys.executable).parent}"
    import tidewell

    return f"Python {sys.version.split()[0]}, package at {Path(tidewell.__file__).parent}"


class _Context:
    """The parts the checks share: one QApplication, one store, one shell."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.app: Any = None
        self.shell: Any = None
        self.runtime: Any = None  # made by the store check
        self.previous_handler: Any = None

    def checks(self) -> list[Check]:
        return [
            Check("resources", self.resources),
            Check("time zones", self.time_zones),
            Check("places", self.places),
            Check("store", self.store),
            Check("icons", self.icons),
            Check("tray", self.tray),
            Check("popup", self.popup),
            Check("settings window", self.settings),
            Check("review window", self.review),
            Check("calendar reader", self.calendar_reader),
            Check("keyring", self.keyring),
        ]

    def resources(self) -> str:
        from tidewell.assets import example_file, icon_file, linux_dir, resources_dir
        from tidewell.core.rulefile import read_rule_file
        from tidewell.platform.desktop_entry import ENTRY_FILE, entry_text

        names = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))
        for name in names:
            icon_file(name)
        rules = read_rule_file(example_file("starter-rules.json").read_bytes()).rules
        if "Exec=" not in entry_text(["tidewell"]):
            raise ValueError(f"{ENTRY_FILE} has no Exec line")
        pngs = list((linux_dir() / "icons" / "hicolor").glob("*/apps/*.png"))
        return f"{len(names)} icons, {len(rules)} starter rules, desktop entry, {len(pngs)} PNGs"

    def time_zones(self) -> str:
        from zoneinfo import ZoneInfo

        lisbon = datetime(2026, 7, 1, 12, tzinfo=ZoneInfo("Europe/Lisbon"))
        if lisbon.utcoffset() != timedelta(hours=1):
            raise ValueError(f"Lisbon in July should be UTC+1, got {lisbon.utcoffset()}")
        return "Europe/Lisbon summer time is right"

    def places(self) -> str:
        from tidewell.places import place_index

        found = place_index().best("Leeds")
        if found is None or found.zone != "Europe/London":
            raise ValueError(f"'Leeds' should be in Europe/London, found {found}")
        return "'Leeds' is in Europe/London"

    def store(self) -> str:
        from tidewell.assets import example_file
        from tidewell.core.commands import merge_rules
        from tidewell.core.rulefile import merge_file, read_rule_file
        from tidewell.platform.clock import SystemClock
        from tidewell.shell.activity import ActivityTracker
        from tidewell.shell.runtime import Runtime
        from tidewell.store.datastore import DataStore

        clock = SystemClock()
        store, opened = DataStore.open(self.folder / "data", clock)
        incoming = read_rule_file(example_file("starter-rules.json").read_bytes())
        state, _, _ = merge_rules(opened.state, incoming.rules, clock.now())
        store.save(merge_file(state, incoming))
        again, reopened = DataStore.open(self.folder / "data", clock)
        if len(reopened.state.rules) != len(incoming.rules):
            raise ValueError(
                f"saved {len(incoming.rules)} rules, read back {len(reopened.state.rules)}"
            )
        self.runtime = Runtime(again, reopened.state, clock, ActivityTracker(_NoIdle()))
        return f"saved and read back {len(reopened.state.rules)} rules in a temporary folder"

    def _qt(self) -> Any:
        if self.app is None:
            from PySide6.QtCore import qInstallMessageHandler
            from PySide6.QtWidgets import QApplication

            self.previous_handler = qInstallMessageHandler(_qt_message)
            self.app = QApplication.instance() or QApplication(["tidewell"])
        return self.app

    def icons(self) -> str:
        self._qt()
        from tidewell.assets import resources_dir
        from tidewell.shell.resources import icon

        names = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))
        if not names:
            raise ValueError(f"no icons in {resources_dir() / 'icons'}")
        for name in names:
            image = icon(name).pixmap(32, 32).toImage()
            if image.isNull() or _colours(image) < 2:
                raise ValueError(f"{name}.svg draws nothing (is Qt's SVG icon plugin missing?)")
        return f"{len(names)} SVG icons drawn at 32 px"

    def _shell(self) -> Any:
        if self.runtime is None:
            raise RuntimeError("this needs the store, which did not open (see above)")
        if self.shell is None:
            self._qt()
            from tidewell.shell.app import TidewellApp

            self.shell = TidewellApp(self.runtime)
            self.shell.refresh()
        return self.shell

    def tray(self) -> str:
        from tidewell.shell.tray import Tray

        tray = Tray(self._shell())
        self.shell.tray = tray
        self.shell.refresh()
        image = tray.icon.icon().pixmap(22, 22).toImage()
        if image.isNull() or _colours(image) < 2:
            raise ValueError("the tray icon draws nothing")
        tray.rebuild_menu()
        actions = [a.text() for a in tray.menu.actions() if a.text()]
        return f"the {tray.state!r} icon drawn, a menu of {len(actions)} items"

    def popup(self) -> str:
        from tidewell.core.schedule import Due

        shell = self._shell()
        rule = shell.runtime.state.rules[0]
        shell.nudges.show_nudges([Due(rule.id, shell.runtime.now())])
        popup = shell.popup
        _drawn(popup, "the popup")
        return f"showing {rule.nudge.title!r}"

    def settings(self) -> str:
        shell = self._shell()
        shell.open_settings()
        window = shell.settings
        _drawn(window, "the settings window")
        pages = [name for name, _ in window.pages]
        window.revert()
        window.close()
        return f"{len(pages)} pages ({', '.join(pages)})"

    def review(self) -> str:
        shell = self._shell()
        shell.open_review()
        _drawn(shell.review, "the review window")
        shell.review.close()
        return "opened"

    def calendar_reader(self) -> str:
        from tidewell.calendars.bounded import parse_bounded
        from tidewell.core.calendar import CalendarEvent

        start = datetime.fromisoformat("2026-11-23T00:00:00+00:00")
        events: list[CalendarEvent] = parse_bounded(ICS, start, start + timedelta(days=7))
        if [e.title for e in events] != ["Flight to Lisbon"]:
            raise ValueError(f"read {events!r}")
        return "read one event in a limited child process"

    def keyring(self) -> str:
        import importlib

        module = {
            "win32": "keyring.backends.Windows",
            "darwin": "keyring.backends.macOS",
        }.get(sys.platform, "keyring.backends.SecretService")
        importlib.import_module(module)
        return f"{module} is here (whether a keyring runs is the desktop's part)"

    def close(self) -> None:
        """Everything Qt made is deleted while the application still exists."""
        if self.app is None:
            return
        from PySide6.QtCore import QCoreApplication, QEvent

        shell = self.shell
        if shell is not None:
            shell.ticker.timer.stop()
            shell.tray_poll.stop()
            if shell.tray is not None:
                shell.tray.hide()
            for widget in (shell.nudges._popup, shell.panels._panel, shell.settings, shell.review):
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
            shell.deleteLater()
        self.shell = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self.previous_handler)


class _NoIdle:
    name = "self-test"

    def idle_seconds(self) -> float | None:
        return None


def _qt_message(kind: Any, context: Any, message: str) -> None:
    """Qt's offscreen platform says it cannot raise windows; that is expected here."""
    if not message.startswith("This plugin does not support"):
        print(f"Qt: {message}", file=sys.stderr)


def _colours(image: Any) -> int:
    seen = set()
    for y in range(0, image.height(), max(1, image.height() // 32)):
        for x in range(0, image.width(), max(1, image.width() // 32)):
            seen.add(image.pixel(x, y))
    return len(seen)


def _drawn(widget: Any, what: str) -> None:
    if widget is None or not widget.isVisible():
        raise ValueError(f"{what} did not open")
    image = widget.grab().toImage()
    if image.isNull() or _colours(image) < 3:
        raise ValueError(f"{what} drew nothing")
