"""The quick panel (and the copy of it in the no-tray window): what it shows, and what its
buttons ask of the runtime. The panel is made on first use: an idle tray holds less."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal

from tidewell.core.status import Status
from tidewell.shell.runtime import Runtime

if TYPE_CHECKING:
    from tidewell.ui.panel import PanelContent
    from tidewell.ui.quick_panel import QuickPanel

log = logging.getLogger(__name__)


class PanelHost(QObject):
    wait_requested = Signal(int, str)  # minutes, place: the app shows the ideas
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, runtime: Runtime, parent: QObject) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self._panel: QuickPanel | None = None
        self.adopted: list[PanelContent] = []  # the no-tray window's content, while it shows

    @property
    def panel(self) -> QuickPanel:
        if self._panel is None:
            from tidewell.ui.quick_panel import QuickPanel

            self._panel = QuickPanel()
            self.wire(self._panel.content)
            self.fill(self._panel.content)
        return self._panel

    def wire(self, content: PanelContent) -> None:
        rt = self.runtime
        content.wait_requested.connect(self.wait_requested)
        content.idea_answered.connect(rt.answer_idea)
        content.offline_requested.connect(rt.go_offline)
        content.pause_requested.connect(rt.pause_for)
        content.back_requested.connect(rt.come_back)
        content.settings_requested.connect(self.settings_requested)
        content.quit_requested.connect(self.quit_requested)

    def adopt(self, content: PanelContent) -> None:
        self.wire(content)
        self.adopted.append(content)

    def contents(self) -> list[PanelContent]:
        made = [self._panel.content] if self._panel is not None else []
        return [*made, *self.adopted]

    def fill(self, content: PanelContent, status: Status | None = None) -> None:
        now, home = self.runtime.now(), self.runtime.home()
        content.set_status(status or self.runtime.status(), now, home)
        content.set_offline_choices(self.runtime.offline_choices(), now, home)

    def fill_all(self, status: Status) -> None:
        for content in self.contents():
            self.fill(content, status)

    def show_ideas(self, minutes: int, context: str, in_panel: bool) -> None:
        """Start the waiting time and show the ideas that fit: in the quick panel (made now
        if it never was) when there is a tray, else where the panel's content shows."""
        ideas = self.runtime.start_waiting(minutes, context or None)
        log.info("waiting ideas for %s min: %s", minutes, ", ".join(r.idea.id for r in ideas))
        for content in [self.panel.content] if in_panel else self.contents():
            content.show_ideas(minutes, context or None, ideas)

    def open_geometry(self) -> QRect | None:
        """Where the panel is while it is open; popups go under it, so neither hides the other."""
        if self._panel is not None and self._panel.isVisible():
            return self._panel.frameGeometry()
        return None
