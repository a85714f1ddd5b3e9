"""When nudges step back, in General: the day's ceiling on nudges not asked for, when to ask
kindly about a rule that keeps going by, and the digest's time."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QSpinBox, QTimeEdit, QWidget

from tidewell.core.life import Settings
from tidewell.i18n import _
from tidewell.ui.settings.fields import form_label
from tidewell.ui.style import plain_label

DIGEST_DEFAULT = "17:30"  # the end of a usual workday, offered when the digest is turned on


class QuietSettings(QObject):
    """Rows for General's form; ``changed`` when any moves."""

    changed = Signal()

    def __init__(self, form: QFormLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ceiling = QSpinBox()
        self.ceiling.setRange(0, 100)
        self.ceiling.setSpecialValueText(_("No limit"))
        self.ceiling.setAccessibleName(_("Nudges you didn't ask for, at most a day"))
        form.addRow(form_label(_("At most a day")), self.ceiling)
        form.addRow(
            form_label(""),
            plain_label(
                _("Nudges you didn't ask for. Waiting time, snoozes and your digest always come."),
                "muted",
            ),
        )
        self.ask_after = QSpinBox()
        self.ask_after.setRange(0, 20)
        self.ask_after.setSpecialValueText(_("Never ask"))
        self.ask_after.setAccessibleName(_("Ask about a rule after it goes by this many times"))
        form.addRow(form_label(_("Ask about a rule")), self.ask_after)
        form.addRow(
            form_label(""),
            plain_label(
                _("After it goes by this many times in a row, Tidewell asks once, kindly.")
                , "muted"
            ),
        )  # fmt: skip
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.digest = QCheckBox(_("Once a day, at"))
        self.digest.setAccessibleName(_("A digest for the rules you choose"))
        self.digest_at = QTimeEdit()
        self.digest_at.setDisplayFormat("HH:mm")
        self.digest_at.setAccessibleName(_("When the digest comes"))
        line.addWidget(self.digest)
        line.addWidget(self.digest_at)
        line.addStretch(1)
        form.addRow(form_label(_("Digest")), row)
        form.addRow(
            form_label(""),
            plain_label(
                _("The rules you choose (under More options) wait and come together then."),
                "muted",
            ),
        )
        self.ceiling.valueChanged.connect(self.changed)
        self.ask_after.valueChanged.connect(self.changed)
        self.digest.toggled.connect(self._digest_toggled)
        self.digest_at.timeChanged.connect(self.changed)

    def show_settings(self, settings: Settings) -> None:
        """Load without telling: the page is loading."""
        for widget in (self.ceiling, self.ask_after, self.digest, self.digest_at):
            widget.blockSignals(True)
        self.ceiling.setValue(settings.daily_ceiling)
        self.ask_after.setValue(settings.ask_after)
        self.digest.setChecked(settings.digest_at is not None)
        self.digest_at.setTime(QTime.fromString(settings.digest_at or DIGEST_DEFAULT, "HH:mm"))
        self.digest_at.setEnabled(settings.digest_at is not None)
        for widget in (self.ceiling, self.ask_after, self.digest, self.digest_at):
            widget.blockSignals(False)

    def values(self) -> dict[str, object]:
        """The fields of Settings these rows hold."""
        at = self.digest_at.time().toString("HH:mm") if self.digest.isChecked() else None
        return {
            "daily_ceiling": self.ceiling.value(),
            "ask_after": self.ask_after.value(),
            "digest_at": at,
        }

    def _digest_toggled(self, on: bool) -> None:
        self.digest_at.setEnabled(on)
        self.changed.emit()
