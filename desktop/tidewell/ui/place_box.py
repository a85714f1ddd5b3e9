"""One box for a time zone, asked as a place: type 'Leeds', 'sao paulo' or 'Japan', pick from
the suggestions (Enter takes the first), and it keeps the zone and the place's name.

Used wherever Tidewell asks for a time zone: the welcome, People, a rule's time zone and
the home zone in General. It says nothing while the person types; ``problem()`` says what to
fix once they move on, for the form to show beside the box."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from tidewell.core.fields import zone_city
from tidewell.i18n import _
from tidewell.places import Place, place_index
from tidewell.ui.dates import clock_text
from tidewell.ui.style import plain_label


class PlaceBox(QWidget):
    changed = Signal()  # a place was chosen, or typing ended (the box may now be invalid)

    def __init__(
        self, accessible: str, empty_means: str | None = None, parent: QWidget | None = None
    ) -> None:
        """``empty_means``: what an empty box stands for ('the computer's time zone'); without
        it a place is needed."""
        super().__init__(parent)
        self.empty_means = empty_means
        self._chosen: Place | None = None
        self._suggested: list[Place] = []
        self._now: datetime | None = None
        self._typed = False  # typed since the last choice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible)
        self.edit.setPlaceholderText(
            _("Empty: {meaning}").format(meaning=empty_means)
            if empty_means
            else _("Type a city or a country, like Leeds")
        )
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.hint = plain_label(name="muted")
        self.hint.setAccessibleName(_("{field}: what Tidewell found").format(field=accessible))
        layout.addWidget(self.hint)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._take_label)
        self.edit.textEdited.connect(self._suggest)
        self.edit.returnPressed.connect(self._take_first)
        self.edit.editingFinished.connect(self._settle)
        self._show_hint()

    # --- what it holds --------------------------------------------------------------------

    def zone(self) -> str | None:
        return self._chosen.zone if self._chosen is not None else None

    def place_name(self) -> str | None:
        return self._chosen.name if self._chosen is not None else None

    def is_valid(self) -> bool:
        if self._chosen is not None:
            return True
        return self.empty_means is not None and not self.edit.text().strip()

    def problem(self) -> str | None:
        """What to fix, in words, or None."""
        if self.is_valid():
            return None
        text = self.edit.text().strip()
        if not text:
            return _("Type a city or a country, like Leeds or Japan.")
        return _("No place called '{place}' was found. Try the nearest large city.").format(
            place=text
        )

    def set_place(self, zone: str | None, place: str | None = None) -> None:
        if not zone:
            self._chosen = None
            self.edit.setText("")
        else:
            name = place or zone_city(zone)
            self._chosen = Place(name, "", zone, 0)
            self.edit.setText(name)
        self._show_hint()

    def set_now(self, now: datetime | None) -> None:
        self._now = now
        self._show_hint()

    def settle(self) -> bool:
        """Take what is typed (the first suggestion for it); True when the box holds a place
        or may be empty. Called before the window saves, so a typed 'Leeds' is never lost."""
        self._hide_popup()
        self._settle()
        return self.is_valid()

    # --- typing ---------------------------------------------------------------------------

    def _hide_popup(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def _popup_open(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    def _suggest(self, text: str) -> None:
        self._chosen = None
        self._typed = True
        self._show_hint()
        self._suggested = place_index().search(text) if text.strip() else []
        self.model.setStringList([p.label for p in self._suggested])
        if self._suggested:
            self.completer.complete()
        else:
            self._hide_popup()

    def _take_label(self, label: str) -> None:
        found = next((p for p in self._suggested if p.label == label), None)
        if found is not None:
            self._choose(found)

    def _take_first(self) -> None:
        if self._chosen is None and self._suggested:
            self._choose(self._suggested[0])

    def _settle(self) -> None:
        if self._popup_open() or not self._typed:
            return  # still choosing, or nothing new
        if self._suggested:  # found for what is typed now, as it was typed
            self._choose(self._suggested[0])
            return
        self._typed = False
        self._show_hint()
        self.changed.emit()

    def _choose(self, place: Place) -> None:
        self._chosen = place
        self._typed = False
        self._hide_popup()
        self.edit.setText(place.label)
        self._show_hint()
        self.changed.emit()

    def _show_hint(self) -> None:
        if self._chosen is not None and self._now is not None:
            there = self._now.astimezone(ZoneInfo(self._chosen.zone))
            self.hint.setText(_("Now {time} there").format(time=clock_text(there)))
        elif self._chosen is None and self.empty_means and not self.edit.text().strip():
            self.hint.setText(_("Following {meaning}").format(meaning=self.empty_means))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
