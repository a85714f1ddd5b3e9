"""The review window: the person's own definition at the top, then a period (week, month,
season, year) seen against their own numbers, the days, the areas of life, how nudges were
answered (as choices), their reflections, and exports. It only draws: core computes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.reflection import QUESTIONS, Reflection
from tidewell.core.review import Period, PeriodKind, choices_in_words
from tidewell.i18n import _, n_
from tidewell.ui.dates import day_text
from tidewell.ui.placement import fit_to_screen
from tidewell.ui.review.charts import (
    TEAL,
    AreaWeeks,
    DayMap,
    Legend,
    TargetBars,
    days_legend,
)
from tidewell.ui.style import dialog_buttons, plain_label, use_sheet

if TYPE_CHECKING:
    from tidewell.ui.hosts import ReviewHostLike

KINDS = (("week", _("Week")), ("month", _("Month")), ("season", _("Season")), ("year", _("Year")))


class ReviewWindow(QWidget):
    reflect_requested = Signal()

    def __init__(self, host: ReviewHostLike) -> None:
        super().__init__()
        self.host = host
        self.setWindowTitle(_("Tidewell review"))
        self.setAccessibleName(_("Tidewell review"))
        use_sheet(self, "window")
        self.period: Period = host.period("week")
        self.dialog: ReflectionDialog | None = None
        self._build()
        fit_to_screen(self, QSize(900, 820))
        self.show_period(self.period)
        self._show_reflections()  # they span every period: read once, and after each change

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        self.definition = plain_label(name="reason")
        self.definition.setAccessibleName(_("Your balance, in your words"))
        layout.addWidget(self.definition)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Period"))
        for key, label in KINDS:
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.back = QPushButton("◀")
        self.back.setAccessibleName(_("Earlier"))
        self.back.setMinimumWidth(36)
        self.back.clicked.connect(lambda: self.show_period(self.host.step(self.period, -1)))
        self.label = plain_label(name="title", wrap=False)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.forward = QPushButton("▶")
        self.forward.setAccessibleName(_("Later"))
        self.forward.setMinimumWidth(36)
        self.forward.clicked.connect(lambda: self.show_period(self.host.step(self.period, 1)))
        self.today = QPushButton(_("Now"))
        self.today.clicked.connect(lambda: self.show_period(self.host.period(self._kind())))
        for widget in (self.kind, self.back):
            bar.addWidget(widget)
        bar.addWidget(self.label, 1)
        bar.addWidget(self.forward)
        bar.addWidget(self.today)
        layout.addLayout(bar)
        self.season_line = plain_label(name="muted")
        layout.addWidget(self.season_line)

        layout.addWidget(plain_label(_("Your own numbers"), "section"))
        self.targets = TargetBars()
        layout.addWidget(self.targets)
        self.targets_legend = Legend(
            [(TEAL, _("how far you are towards your own number"), False)], _("What the bars mean")
        )
        layout.addWidget(self.targets_legend)
        self.no_targets = plain_label(
            _(
                "No numbers of your own yet. Add them on the My balance page in Settings: "
                "family time three times a week, two free weekends a month…"
            ),
            "muted",
        )
        layout.addWidget(self.no_targets)
        layout.addWidget(plain_label(_("Your days"), "section"))
        self.days = DayMap()
        days_row = QHBoxLayout()
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        layout.addLayout(days_row)
        layout.addWidget(days_legend())
        layout.addWidget(plain_label(_("What got your attention, week by week"), "section"))
        self.areas = AreaWeeks()
        layout.addWidget(self.areas)
        layout.addWidget(plain_label(_("Your choices"), "section"))
        self.choices = plain_label()
        layout.addWidget(self.choices)

        layout.addWidget(plain_label(_("Your reflections"), "section"))
        self.reflections = QListWidget()
        self.reflections.setAccessibleName(_("Your reflections"))
        self.reflections.setMinimumHeight(110)
        self.reflections.itemDoubleClicked.connect(lambda _unused: self.edit_reflection())
        self.reflections.currentItemChanged.connect(lambda *_unused: self._reflection_chosen())
        layout.addWidget(self.reflections)
        row = QHBoxLayout()
        self.reflect = QPushButton(_("Reflect now…"))
        self.reflect.setToolTip(_("Ctrl+R"))
        self.reflect.clicked.connect(self.new_reflection)
        QShortcut(QKeySequence("Ctrl+R"), self, self.new_reflection)
        self.edit = QPushButton(_("Read or edit"))
        self.edit.clicked.connect(self.edit_reflection)
        self.delete = QPushButton(_("Delete"))
        self.delete.clicked.connect(self.delete_reflection)
        for button in (self.reflect, self.edit, self.delete):
            row.addWidget(button)
        row.addStretch(1)
        self.export_journal = QPushButton(_("Journal as CSV…"))
        self.export_journal.clicked.connect(self._export_journal)
        self.export_protected = QPushButton(_("Protected time for your work calendar…"))
        self.export_protected.setToolTip(_("For your work calendar: colleagues see when, not why."))
        self.export_protected.clicked.connect(self._export_protected)
        row.addWidget(self.export_journal)
        row.addWidget(self.export_protected)
        self.card_button = QPushButton(_("Working with me card…"))
        self.card_button.setToolTip(_("The boundaries you choose to share, as a short card."))
        self.card_button.clicked.connect(self.open_card)
        row.addWidget(self.card_button)
        layout.addLayout(row)
        self.status = plain_label(name="muted")
        layout.addWidget(self.status)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- showing ------------------------------------------------------------------------

    def _kind(self) -> PeriodKind:
        chosen = str(self.kind.currentData())
        return chosen if chosen in ("week", "month", "season", "year") else "week"  # type: ignore[return-value]

    def _kind_changed(self) -> None:
        """Keep looking at the same time: today if it is in view, else where the view starts."""
        now, home = self.host.now_and_home()
        today = now.astimezone(home).date()
        anchor = today if self.period.start <= today < self.period.end else self.period.start
        self.show_period(self.host.period(self._kind(), anchor))

    def show_period(self, period: Period) -> None:
        self.period = period
        state = self.host.state
        words = state.balance.definition.strip()
        self.definition.setText(
            f"'{words}'" if words else _("Balance, in your own words, goes on the My balance page.")
        )
        result = self.host.review(period)
        self.label.setText(period.label)
        self.season_line.setText(
            _season_words(period.season.kind) if period.season is not None else ""
        )
        self.season_line.setVisible(period.season is not None)
        self.targets.set_items(result.targets)
        self.targets.setVisible(bool(result.targets))
        self.targets_legend.setVisible(bool(result.targets))
        now, home = self.host.now_and_home()
        today = now.astimezone(home).date()
        self.forward.setEnabled(period.end <= today)  # nothing to look back on ahead
        self.today.setEnabled(not period.start <= today < period.end)
        self.no_targets.setVisible(not result.targets)
        self.days.set_days(result.days)
        self.areas.set_weeks(result.areas, list(state.balance.areas))
        self.choices.setText("\n".join(choices_in_words(result.answers)))
        missing = self.host.left_out()
        if missing:
            self.status.setText(
                n_(
                    "{count} entry of your journal could not be read; "
                    "left out here, kept as it is.",
                    "{count} entries of your journal could not be read; "
                    "left out here, kept as they are.",
                    missing,
                ).format(count=missing)
            )

    def _show_reflections(self) -> None:
        self.reflections.clear()
        _unused, home = self.host.now_and_home()
        for doc_id, reflection in self.host.all_reflections():
            first = next((a for a in reflection.answers if a.strip()), _("(no words)"))
            first = first.strip().replace("\n", " ")
            item = QListWidgetItem(
                f"{day_text(reflection.at.astimezone(home).date())} · {first[:90]}"
            )
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            self.reflections.addItem(item)
        if not self.reflections.count():
            self.reflections.addItem(_("None yet. A few quiet questions, whenever you like."))
            self.reflections.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._reflection_chosen()

    def _reflection_chosen(self) -> None:
        """Read, edit and delete act on a chosen reflection: without one they wait."""
        chosen = self._selected() is not None
        self.edit.setEnabled(chosen)
        self.delete.setEnabled(chosen)

    def _selected(self) -> int | None:
        item = self.reflections.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(data) if data is not None else None

    # --- reflections ------------------------------------------------------------------

    def new_reflection(self) -> None:
        self._open_dialog(None, None)

    def edit_reflection(self) -> None:
        doc_id = self._selected()
        if doc_id is None:
            return
        found = dict(self.host.all_reflections()).get(doc_id)
        if found is not None:
            self._open_dialog(doc_id, found)

    def delete_reflection(self) -> None:
        doc_id = self._selected()
        if doc_id is not None:
            self.host.delete_reflection(doc_id)
            self.status.setText(_("Deleted."))
            self._show_reflections()

    def _open_dialog(self, doc_id: int | None, reflection: Reflection | None) -> None:
        noticed = self.host.noticed() if reflection is None else []  # for a new one only
        dialog = ReflectionDialog(reflection, noticed, self)
        dialog.accepted.connect(lambda: self._kept(doc_id, dialog.answers()))
        self.dialog = dialog
        dialog.open()

    def _kept(self, doc_id: int | None, answers: list[str]) -> None:
        self.host.keep_reflection(answers, doc_id)
        self.status.setText(_("Kept, just for you."))
        self._show_reflections()

    # --- exports ------------------------------------------------------------------------

    def _export_journal(self) -> None:
        path, _unused = QFileDialog.getSaveFileName(
            self, _("Save the journal"), str(Path.home() / "tidewell-journal.csv"), _("CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path), journal=True)

    def open_card(self) -> None:
        from tidewell.ui.review.card import CardDialog  # only when asked for

        self.card = CardDialog(self.host, self)
        self.card.open()

    def _export_protected(self) -> None:
        path, _unused = QFileDialog.getSaveFileName(
            self,
            _("Save protected time"),
            str(Path.home() / "tidewell-offline.ics"),
            _("Calendars (*.ics)"),
        )
        if path:
            self.export_to(Path(path), journal=False)

    def export_to(self, path: Path, journal: bool) -> None:
        try:
            if journal:
                count = self.host.export_journal(path)
                wrote = n_(
                    "Wrote {count} journal entry to {path}.",
                    "Wrote {count} journal entries to {path}.",
                    count,
                )
                self.status.setText(wrote.format(count=count, path=path))
            else:
                count = self.host.export_protected(path)
                self.status.setText(
                    n_(
                        "Wrote {count} protected block to {path}. Import it into your work "
                        "calendar: colleagues see 'Offline', not your reasons.",
                        "Wrote {count} protected blocks to {path}. Import it into your work "
                        "calendar: colleagues see 'Offline', not your reasons.",
                        count,
                    ).format(count=count, path=path)
                )
        except OSError as err:
            self.status.setText(
                _("Could not write {path}: {reason}.").format(path=path, reason=err.strerror or err)
            )


class ReflectionDialog(QDialog):
    """Three quiet questions. Every answer may stay empty."""

    def __init__(
        self, reflection: Reflection | None, noticed: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("A moment to reflect"))
        use_sheet(self, "window")
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "No right answers, and nobody else reads these. Write as much or as little "
                    "as you like."
                ),
                "muted",
            )
        )
        if noticed:  # from the journal: a question, never a verdict
            layout.addWidget(plain_label(_("From these weeks, if it helps:"), "caption"))
            for words in noticed:
                layout.addWidget(plain_label(words, "reason"))
        self.edits: list[QPlainTextEdit] = []
        before = reflection.answers if reflection is not None else []
        for n, question in enumerate(_(q) for q in QUESTIONS):
            layout.addWidget(plain_label(question, "section"))
            edit = QPlainTextEdit()
            edit.setAccessibleName(question)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(80)
            if n < len(before):
                edit.setPlainText(before[n])
            layout.addWidget(edit)
            self.edits.append(edit)
        self.keep = dialog_buttons(self, layout, _("Not now"), _("Keep it"))
        self.keep.setToolTip(_("Ctrl+Enter"))
        self.keep.clicked.connect(self.accept)
        for keys in (_("Ctrl+Return"), _("Ctrl+Enter")):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.resize(560, self.sizeHint().height())
        self.edits[0].setFocus()  # ready to write in

    def answers(self) -> list[str]:
        return [edit.toPlainText().strip()[:4000] for edit in self.edits]


def _season_words(kind: str) -> str:
    return {
        "busy": _("A busy season."),
        "steady": _("A steady season."),
        "recovery": _("A season of recovery."),
    }.get(kind, "")
