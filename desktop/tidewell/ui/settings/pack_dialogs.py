"""The pack's preview (each item with its why: take it or leave it) and the dialog that
makes a pack of the person's own items, each with their own why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.describe import when_in_words
from tidewell.core.packs import Change, Pack, item_in_words
from tidewell.core.state import State
from tidewell.i18n import N_, _
from tidewell.ui.settings.fields import form_label, problem_label
from tidewell.ui.style import dialog_buttons, plain_label, use_sheet

PRIVACY = N_(  # translated where shown
    "Taking a pack changes nothing of yours, and nothing goes back to whoever made it: no "
    "reports, no read receipts, no team view."
)
_STATUS = {
    "new": N_("New"),
    "updated": N_("Changed since you took it"),
    "adapted": N_("Changed; your own changes stay"),
    "left": N_("Changed since you left it"),
}


class PackPreview(QDialog):
    """Each item of a pack (or, for a newer version, only what changed) with its why; the
    person ticks what to take. Taken items appear in their pages, to adapt before saving."""

    def __init__(self, pack: Pack, changes: list[Change], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setWindowTitle(_("A pack: {title}").format(title=pack.title))
        use_sheet(self, "window")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(pack.title, "title"))
        layout.addWidget(
            plain_label(
                _("By {author}, version {version}, {date}").format(
                    author=pack.author, version=pack.version, date=pack.date.isoformat()
                ),
                "muted",
            )
        )
        if pack.note:
            layout.addWidget(plain_label(pack.note, "reason"))
        layout.addWidget(plain_label(_(PRIVACY), "muted"))
        self.boxes: dict[str, QCheckBox] = {}
        body = QWidget()
        items = QVBoxLayout(body)
        shown = [c for c in changes if c.status != "removed"]
        for change in shown:
            name, what = item_in_words(change.item)
            box = QCheckBox(name)
            box.setAccessibleName(_("Take: {name}").format(name=name))
            box.setChecked(change.status in ("updated", "adapted"))  # one already theirs
            items.addWidget(box)
            items.addWidget(plain_label(f"{_(_STATUS[change.status])} · {what}", "muted"))
            if change.item.why:
                items.addWidget(plain_label(_("Why: {why}").format(why=change.item.why), "reason"))
            self.boxes[change.item.id] = box
        for change in (c for c in changes if c.status == "removed"):
            name, _what = item_in_words(change.item)
            said = _("'{name}' is no longer in the pack; yours stays.").format(name=name)
            items.addWidget(plain_label(said, "muted"))
        if not changes:
            items.addWidget(plain_label(_("Nothing new since the version you took.")))
        items.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        layout.addWidget(
            plain_label(
                _("What you take appears in its page; change anything there before you save."),
                "muted",
            )
        )
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.take_button = dialog_buttons(self, layout, _("Not now"), _("Take what's ticked"))
        self.take_button.setEnabled(bool(shown))
        self.resize(560, 560)

    def chosen(self) -> set[str]:
        return {item_id for item_id, box in self.boxes.items() if box.isChecked()}

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()


class MakePack(QDialog):
    """A pack of the person's own items: tick what to share and say why, in their words."""

    def __init__(self, state: State, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Share a pack"))
        use_sheet(self, "window")
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Share the boundaries you keep yourself, each with why it matters to you. "
                    "Whoever takes it adapts it to their own life; nothing comes back to you."
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("Like: How I keep my evenings"))
        self.title.setAccessibleName(_("Title"))
        self.author = QLineEdit()
        self.author.setPlaceholderText(_("Your name, as others know you"))
        self.author.setAccessibleName(_("From"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("A few words to whoever takes it"))
        self.note.setAccessibleName(_("Note"))
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)
        form.addRow(form_label(_("Title")), self.title)
        form.addRow(form_label(_("From")), self.author)
        form.addRow(form_label(_("Note")), self.note)
        layout.addLayout(form)
        body = QWidget()
        items = QVBoxLayout(body)
        self.picks: list[tuple[str, str, QCheckBox, QLineEdit]] = []
        own: list[tuple[str, str, str, str]] = [
            *(("protected", b.id, b.reason or b.id, "") for b in state.blocks),
            *(("rule", r.id, r.name, when_in_words(r)) for r in state.rules),
            *(("idea", i.id, i.what, "") for i in state.ideas),
        ]
        if state.balance.definition:
            own.append(("balance", "balance", _("My words about balance"), ""))
        for kind, item_id, name, what in own:
            box = QCheckBox(f"{name} · {what}" if what else name)
            why = QLineEdit()
            why.setPlaceholderText(_("Why it matters to you"))
            why.setAccessibleName(_("Why: {name}").format(name=name))
            why.setEnabled(False)
            box.toggled.connect(why.setEnabled)
            box.toggled.connect(self._check)
            items.addWidget(box)
            items.addWidget(why)
            self.picks.append((kind, item_id, box, why))
        items.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.save = dialog_buttons(self, layout, _("Cancel"), _("Save the pack…"))
        self.save.setEnabled(False)
        self.title.textChanged.connect(self._check)
        self.resize(560, 600)

    def _check(self) -> None:
        self.save.setEnabled(bool(self.title.text().strip() and self.chosen()))

    def chosen(self) -> list[tuple[str, str, str]]:
        return [(k, i, why.text().strip()) for k, i, box, why in self.picks if box.isChecked()]

    def details(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip()[:120],
            "author": self.author.text().strip()[:120] or _("Someone who shares their boundaries"),
            "note": self.note.toPlainText().strip()[:4000],
        }

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()
