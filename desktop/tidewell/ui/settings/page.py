"""What every settings page is: it shows a draft of the whole state (``set_state``), says
when the person changed it (``edited``, with the new draft) and whether it can be saved."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from tidewell.core.state import State


class SettingsPage(QWidget):
    edited = Signal(object)  # the new draft State
    validity_changed = Signal(bool)  # False while something on the page must be fixed first

    def set_state(self, state: State, now: datetime, home: tzinfo) -> None:
        raise NotImplementedError
