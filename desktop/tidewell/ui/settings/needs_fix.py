"""Rules kept in the file that do not fit (written by hand, or by an older Tidewell): listed
under the rules table as needing a fix, each with why in words, never dropped. "Edit as
text" mends one; it joins the rules once it fits, and Save keeps it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.rulefile import rule_from_text
from tidewell.core.rules import Rule
from tidewell.core.validation import Invalid
from tidewell.i18n import _
from tidewell.ui.settings.fields import in_words, problem_label, where_in_words
from tidewell.ui.style import dialog_buttons, plain_label, use_sheet


class NeedsFix(QWidget):
    mended = Signal(object)  # a Rule that fits now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            plain_label(_("Needs a fix: kept in your file, not used until mended"), "section")
        )
        self.list = QListWidget()
        self.list.setAccessibleName(_("Rules that need a fix"))
        self.list.setMaximumHeight(90)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.edit = QPushButton(_("Edit as text…"))
        self.edit.setAccessibleName(_("Edit the chosen rule as text, to mend it"))
        self.edit.clicked.connect(self.open_chosen)
        row.addWidget(self.edit)
        row.addStretch(1)
        layout.addLayout(row)
        self.texts: list[str] = []
        self.dialog: MendDialog | None = None
        self.set_items([])

    def set_items(self, items: list[tuple[str, list[str], str]]) -> None:
        self.list.clear()
        self.texts = []
        for name, reasons, text in items:
            words = "; ".join(in_words(r) for r in reasons)
            self.list.addItem(QListWidgetItem(f"{name}: {words}"))
            self.texts.append(text)
        if self.texts:
            self.list.setCurrentRow(0)
        self.setVisible(bool(self.texts))

    def open_chosen(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.texts):
            self.dialog = MendDialog(self.texts[row], self)
            self.dialog.accepted.connect(lambda r=row: self._mended(r))
            self.dialog.open()

    def _mended(self, row: int) -> None:
        assert self.dialog is not None and self.dialog.rule is not None
        self.mended.emit(self.dialog.rule)
        self.list.takeItem(row)
        del self.texts[row]
        self.setVisible(bool(self.texts))


class MendDialog(QDialog):
    """The rule as text; it closes only once what is written fits."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mend a rule"))
        use_sheet(self, "window")
        self.rule: Rule | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _("Change what is wrong, then keep it. Nothing is saved until you press Save.")
            )
        )
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(_("The rule, as text"))
        layout.addWidget(self.text, 1)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.keep = dialog_buttons(self, layout, _("Cancel"), _("Use it"))
        self.keep.clicked.connect(self.check_and_keep)
        self.resize(520, 420)

    def check_and_keep(self) -> None:
        try:
            self.rule = rule_from_text(self.text.toPlainText())
        except Invalid as err:
            first = err.problems[0]
            where = where_in_words(first.path.replace("$", "$.rules[0]", 1))
            self.problem.setText(
                _("Not yet: {problem} ({where})").format(
                    problem=in_words(first.message), where=where
                )
            )
            self.problem.show()
            return
        self.accept()
