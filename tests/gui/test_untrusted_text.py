"""Untrusted text (markup, nested tables, a 1 MB string, bidirectional overrides, NUL) in
everything a person or a feed can name, shown in every window: never as rich text, and the
longest stall it causes is measured."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from msgspec import Struct
from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QWidget

from tidewell.core.calendar import CalendarView, Span
from tidewell.core.life import Season
from tidewell.core.rules import Rule
from tidewell.core.schedule import Due
from tidewell.core.status import Status
from tidewell.shell.app import TidewellApp
from tidewell.shell.review_host import ReviewHost
from tidewell.shell.runtime import Runtime
from tidewell.shell.tray import Tray, tooltip_text
from tidewell.ui.tooltips import as_tooltip

from ..figures import record
from .conftest import started, stop

MARKUP = "<b>bold</b><img src='file:///etc/passwd'><a href='https://x.test'>link</a>"
TABLES = "<table>" * 40 + "<tr><td>deep</td></tr>" + "</table>" * 40
HUGE = "<i>" + "1 MB of text " * 80_000 + "</i>"  # a little over 1 MB
BIDI = "\u202eevil\u202c \u2066isolated\u2069 <u>under</u>"
NUL = "before\x00after <s>struck</s>"
PAYLOADS = (MARKUP, TABLES, HUGE, BIDI, NUL)
RAW_MARKS = ("<b>", "<table>", "<i>", "<u>", "<s>")  # what a rich-text rendering would eat
TEXT_FIELDS = {"name", "title", "message", "definition", "reason", "note", "context", "what"}


def hostile(value: Any, turn: list[int]) -> Any:
    """``value`` with every free-text field swapped for the next payload (not season names:
    rules refer to those)."""
    if isinstance(value, Struct) and not isinstance(value, Season):
        changes = {}
        for field in value.__struct_fields__:
            inner = getattr(value, field)
            if field in TEXT_FIELDS and isinstance(inner, str):
                turn[0] += 1
                changes[field] = PAYLOADS[turn[0] % len(PAYLOADS)]
            elif isinstance(inner, Struct | list | tuple):
                changes[field] = hostile(inner, turn)
        return replace(value, **changes)
    if isinstance(value, list | tuple):
        return type(value)(hostile(v, turn) for v in value)
    return value


def rich_text_shown(root: QWidget) -> list[str]:
    """Widgets under ``root`` that would render untrusted markup instead of showing it."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        rich = isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText
        if rich and any(mark in widget.text() for mark in RAW_MARKS):  # type: ignore[attr-defined]
            found.append(f"{name}: {widget.text()[:60]!r}")
        if isinstance(widget, QTextEdit) and widget.acceptRichText():
            found.append(f"{name}: accepts rich text")
        tip = widget.toolTip()
        if any(mark in tip for mark in RAW_MARKS):
            found.append(f"{name} tooltip: {tip[:60]!r}")
    return found


class Stalls:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, what: str, show: Callable[[], object]) -> None:
        started_at = time.perf_counter()
        show()
        QApplication.processEvents()  # layout and paint, where a long text would stall
        self.seconds[what] = time.perf_counter() - started_at


def test_untrusted_text_is_never_rich_text_anywhere(qtbot, runtime: Runtime) -> None:  # type: ignore[no-untyped-def]
    assert runtime.apply_definitions(hostile(runtime.state, [0])) == []
    now = runtime.now()
    feed_events = [  # as a feed names them
        Span(
            "travel", now + timedelta(hours=i + 1), now + timedelta(hours=i + 2), text, "feed", now
        )
        for i, text in enumerate(PAYLOADS)
    ]
    runtime.use_calendar(CalendarView(spans=feed_events))
    ReviewHost(runtime).keep_reflection(list(PAYLOADS[:3]))
    app: TidewellApp = started(qtbot, runtime)
    stalls = Stalls()
    try:
        windows: dict[str, QWidget] = {}
        rule: Rule = runtime.state.rules[0]
        stalls.time("popup", lambda: app.nudges.show_nudges([Due(rule.id, now)]))
        windows["popup"] = app.popup
        stalls.time("quick panel", lambda: app.open_panel())
        windows["quick panel"] = app.panel
        if app.window is not None:
            windows["window without a tray"] = app.window
        stalls.time("settings", app.open_settings)
        settings = app.settings
        assert settings is not None
        windows["settings"] = settings
        for page in range(settings.stack.count()):
            stalls.time(f"settings page {page}", lambda p=page: settings.sidebar.setCurrentRow(p))
            lists = settings.pages[page][1].findChildren(type(settings.sidebar))
            for listing in lists:
                for row in range(listing.count()):
                    stalls.time(
                        f"settings page {page} row {row}",
                        lambda w=listing, r=row: w.setCurrentRow(r),
                    )
                    assert rich_text_shown(settings) == []
        stalls.time("review", app.open_review)
        assert app.review is not None
        windows["review"] = app.review
        tray = Tray()
        status = runtime.status()
        stalls.time("tray", lambda: tray.refresh(status, True))
        tray.rebuild_menu()
        for name, window in windows.items():
            assert rich_text_shown(window) == [], name
        assert tray.menu.actions()[0].text() == status.line.replace("&", "&&")  # plain
        tip = as_tooltip(tooltip_text(Status("normal", MARKUP, None, None, []), True))
        assert "<b>" not in tip and "&lt;b&gt;" in tip
        tray.hide()
        tray.deleteLater()
    finally:
        stop(app)
    worst = max(stalls.seconds, key=stalls.seconds.__getitem__)
    record(
        "untrusted text",
        {
            "payloads": ["markup", "40 nested tables", "1 MB", "bidi overrides", "NUL"],
            "windows": sorted(windows),
            "steps timed (windows, pages, rows)": len(stalls.seconds),
            "rich text shown": 0,
            "largest stall s": round(stalls.seconds[worst], 3),
            "largest stall in": worst,
        },
    )


def test_the_check_sees_rich_text_when_it_is_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel(MARKUP)
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    assert rich_text_shown(label) != []
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(TABLES)
    assert rich_text_shown(label) != []


def test_every_role_of_the_rules_model_keeps_a_name_literal(qtbot, runtime: Runtime) -> None:  # type: ignore[no-untyped-def]
    """Bug: the rules table's tooltip rendered a rule's name as rich text (an <img> showed
    as a 400×300 box; a file:// source would be loaded). Every role, every column."""
    from PySide6.QtGui import Qt as GuiQt

    from tidewell.ui.settings.rules_model import RulesModel

    name = "<img src='file:///etc/hosts' width=400 height=300><b>Call</b>"
    state = replace(runtime.state, rules=[replace(runtime.state.rules[0], name=name)])
    model = RulesModel()
    model.set_state(state, runtime.now(), runtime.home())
    checked = 0
    for column in range(model.columnCount()):
        index = model.index(0, column)
        for role in Qt.ItemDataRole:
            value = model.data(index, role)
            if not isinstance(value, str):
                continue
            checked += 1
            if role == Qt.ItemDataRole.DisplayRole:
                continue  # item views draw display text as plain text
            assert "<img" not in value and "<b>" not in value, (column, role, value)
            if GuiQt.mightBeRichText(value):  # then it is escaped: only Tidewell's own tags
                inner = value.removeprefix("<qt>").removesuffix("</qt>").replace("<br>", "")
                assert "<" not in inner, (column, role, value)
    assert checked >= 5
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=" in tip
