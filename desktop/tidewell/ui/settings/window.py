"""The settings window: a sidebar of pages over one draft of what the person defined.

Pages edit the draft; Save hands it to the shell's state facade, which checks it with core
and writes it with the store. Undo steps back through the draft; closing with unsaved
changes asks first. The window remembers its size and the last page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.state import State, definitions_differ
from tidewell.i18n import N_, _
from tidewell.ui.placement import fit_to_screen, scrolling
from tidewell.ui.settings.page import SettingsPage
from tidewell.ui.style import plain_label, use_sheet

if TYPE_CHECKING:
    from tidewell.ui.hosts import SettingsHostLike
    from tidewell.ui.settings.balance_page import BalancePage
    from tidewell.ui.settings.calendars_page import CalendarsPage
    from tidewell.ui.settings.general_page import GeneralPage
    from tidewell.ui.settings.ideas_page import IdeasPage
    from tidewell.ui.settings.packs_page import PacksPage
    from tidewell.ui.settings.people_page import PeoplePage
    from tidewell.ui.settings.protected_page import ProtectedPage
    from tidewell.ui.settings.rules_page import RulesPage

UNDO_LIMIT = 200
KEEP_MS = 500  # an unsaved change is on disk this soon after it is made
PAGES = (  # the sidebar's titles, and the attribute each page is known by
    (N_("My balance"), "balance"),
    (N_("Rules"), "rules"),
    (N_("Protected time"), "protected"),
    (N_("People"), "people"),
    (N_("Waiting time"), "ideas"),
    (N_("Calendars"), "calendars"),
    (N_("Packs"), "packs"),
    (N_("General"), "general"),
)
NUMBER = {attribute: number for number, (_title, attribute) in enumerate(PAGES)}


class SettingsWindow(QWidget):
    saved = Signal()
    try_requested = Signal(object)  # a Rule, to show its popup

    def __init__(self, state: State, host: SettingsHostLike, settings_file: Path) -> None:
        super().__init__()
        self.setWindowTitle(_("Tidewell settings"))
        self.setAccessibleName(_("Tidewell settings"))
        use_sheet(self, "window")
        self.host = host
        self.saved_state = state
        self.draft = state
        self.undo_stack: list[State] = []
        self.invalid: set[int] = set()
        self.prefs = QSettings(str(settings_file), QSettings.Format.IniFormat)
        self.keeping = QTimer(self)  # the unsaved draft is kept on disk shortly after a change
        self.keeping.setSingleShot(True)
        self.keeping.setInterval(KEEP_MS)
        self.keeping.timeout.connect(self._keep)
        self.kept_question: QMessageBox | None = None
        self._build()
        self._show_all()
        geometry = self.prefs.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        fit_to_screen(self, self.size() if geometry is not None else QSize(1180, 760))
        self.sidebar.setCurrentRow(_whole(self.prefs.value("window/page", 0)))
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)
        kept = host.kept_draft()
        if kept is not None and definitions_differ(kept, state):
            QTimer.singleShot(0, lambda: self._offer_kept(kept))
        elif kept is not None:
            host.keep_draft(None)  # it was saved after all

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(_("Settings pages"))
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        # Each page is built when first shown (or asked for): the window opens with one.
        self._made: dict[int, SettingsPage] = {}
        self._titles = [_(title) for title, _attribute in PAGES]
        for title in self._titles:
            self.sidebar.addItem(title)
            self.stack.addWidget(QWidget())  # stands in until the page is built
        self.sidebar.currentRowChanged.connect(self._go_to)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        footer = QHBoxLayout()
        self.status = plain_label(name="muted")
        footer.addWidget(self.status, 1)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the last change"))
        self.undo_button.clicked.connect(self.undo)
        self.revert_button = QPushButton(_("Discard changes"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for button in (self.undo_button, self.revert_button, self.save_button):
            footer.addWidget(button)
        layout.addLayout(footer)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_rule)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._update_buttons()

    # --- pages, built when first wanted --------------------------------------------------

    def _go_to(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self._page(row)
            self.stack.setCurrentIndex(row)

    def _page(self, number: int) -> SettingsPage:
        made = self._made.get(number)
        if made is None:
            made = self._make(PAGES[number][1])
            self._made[number] = made
            stand_in = self.stack.widget(number)
            assert stand_in is not None
            self.stack.insertWidget(number, scrolling(made))  # reachable at 200 % too
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            made.edited.connect(self._edited)
            made.validity_changed.connect(lambda ok, n=number: self._validity(n, ok))
            now, home = self.host.now_and_home()
            made.set_state(self.draft, now, home)
        return made

    def _make(self, name: str) -> SettingsPage:
        host = self.host
        if name == "balance":
            from tidewell.ui.settings.balance_page import BalancePage

            return BalancePage()
        if name == "rules":
            from tidewell.ui.settings.rules_page import RulesPage

            rules = RulesPage()
            rules.try_requested.connect(self.try_requested)
            rules.editor.activity_missing = host.activity_unavailable()
            rules.needs_fix.set_items(host.rules_needing_a_fix())
            return rules
        if name == "protected":
            from tidewell.ui.settings.protected_page import ProtectedPage

            return ProtectedPage()
        if name == "people":
            from tidewell.ui.settings.people_page import PeoplePage

            return PeoplePage()
        if name == "ideas":
            from tidewell.ui.settings.ideas_page import IdeasPage

            return IdeasPage()
        if name == "calendars":
            from tidewell.ui.settings.calendars_page import CalendarsPage

            return CalendarsPage(host)
        if name == "packs":
            from tidewell.ui.settings.packs_page import PacksPage

            return PacksPage(host)
        from tidewell.ui.settings.general_page import GeneralPage

        return GeneralPage(host)

    @property
    def pages(self) -> list[tuple[str, SettingsPage]]:
        """Every page with its title (each built, if it was not yet)."""
        return [(title, self._page(n)) for n, title in enumerate(self._titles)]

    @property
    def balance(self) -> BalancePage:
        return self._page(NUMBER["balance"])  # type: ignore[return-value]

    @property
    def rules(self) -> RulesPage:
        return self._page(NUMBER["rules"])  # type: ignore[return-value]

    @property
    def protected(self) -> ProtectedPage:
        return self._page(NUMBER["protected"])  # type: ignore[return-value]

    @property
    def people(self) -> PeoplePage:
        return self._page(NUMBER["people"])  # type: ignore[return-value]

    @property
    def ideas(self) -> IdeasPage:
        return self._page(NUMBER["ideas"])  # type: ignore[return-value]

    @property
    def calendars(self) -> CalendarsPage:
        return self._page(NUMBER["calendars"])  # type: ignore[return-value]

    @property
    def packs(self) -> PacksPage:
        return self._page(NUMBER["packs"])  # type: ignore[return-value]

    @property
    def general(self) -> GeneralPage:
        return self._page(NUMBER["general"])  # type: ignore[return-value]

    # --- the draft ----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return definitions_differ(self.draft, self.saved_state)

    def _edited(self, draft: State) -> None:
        if draft == self.draft:
            return
        self.undo_stack = [*self.undo_stack[-UNDO_LIMIT:], self.draft]
        self.draft = draft
        self._show_all()

    def _validity(self, page: int, ok: bool) -> None:
        if ok:
            self.invalid.discard(page)
        else:
            self.invalid.add(page)
        self._update_buttons()

    def _show_all(self) -> None:
        now, home = self.host.now_and_home()
        for page in self._made.values():  # a page not built yet reads the draft when it is
            page.set_state(self.draft, now, home)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.keeping.start()  # after every change, a save, an undo: what to keep moved
        self.save_button.setEnabled(self.dirty and not self.invalid)
        self.revert_button.setEnabled(self.dirty)
        self.undo_button.setEnabled(bool(self.undo_stack))
        if self.invalid:
            names = ", ".join(self._titles[n] for n in sorted(self.invalid))
            said = _("Something needs a look before saving: {pages}.")
            self.status.setText(said.format(pages=names))
        elif self.dirty:
            self.status.setText(_("Unsaved changes."))
        elif self.status.text() != _("Saved."):
            self.status.setText("")

    def current_page(self) -> SettingsPage:
        return self._page(self.stack.currentIndex())

    def page_row(self, page: SettingsPage) -> int:
        return next(n for n, made in self._made.items() if made is page)

    def show_rule(self, rule_id: str) -> None:
        """The Rules page, with this rule open: "Move it" from the kind question."""
        self.sidebar.setCurrentRow(self.page_row(self.rules))
        self.rules.show_rule(rule_id)

    def new_rule(self) -> None:
        """Ctrl+N: a blank rule, its name ready to be typed."""
        self.sidebar.setCurrentRow(self.page_row(self.rules))
        self.rules.add_blank()

    def undo(self) -> None:
        if self.undo_stack:
            self.draft = self.undo_stack.pop()
            self._show_all()

    def revert(self) -> None:
        self.undo_stack = []
        self.draft = self.saved_state
        self._show_all()

    def save(self) -> bool:
        if not self.dirty or self.invalid:
            return not self.dirty
        problems = self.host.apply(self.draft)
        if problems:
            shown = "; ".join(p.message for p in problems[:3])
            self.status.setText(
                _("Not saved yet: {problems}. Nothing you changed is lost.").format(problems=shown)
            )
            return False
        self.saved_state = self.draft
        rules = self._made.get(NUMBER["rules"])
        if rules is not None:  # saved rules keep their ids: the journal names them
            rules.fresh.clear()  # type: ignore[attr-defined]
        self.status.setText(_("Saved."))
        self._update_buttons()
        self.saved.emit()
        return True

    def reload(self, state: State) -> None:
        """The app's state moved (another change); take it when nothing here is unsaved."""
        if not self.dirty:
            self.saved_state = self.draft = state
            self._show_all()

    # --- the unsaved draft, kept against a crash -----------------------------------------

    def _keep(self) -> None:
        if self.kept_question is not None:
            return  # what was kept last time stays until the person answers
        self.host.keep_draft(self.draft if self.dirty else None)

    def _offer_kept(self, kept: State) -> None:
        """Changes this window held when it last ended without asking (a crash, a power
        cut): offered back, never put in without asking."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Unsaved changes from last time"),
            _(
                "Settings closed last time before your changes were saved. They were kept. "
                "Pick them up where you left off?"
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        pick = box.addButton(_("Pick up my changes"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Start from what is saved"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(pick)

        def answered() -> None:
            if box.clickedButton() is pick:
                self._edited(kept)
            else:
                self.host.keep_draft(None)
            self.kept_question = None

        box.finished.connect(answered)
        self.kept_question = box
        box.open()

    # --- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self._may_close():
            event.ignore()
            return
        self.prefs.setValue("window/geometry", self.saveGeometry())
        self.prefs.setValue("window/page", self.sidebar.currentRow())
        self.prefs.sync()
        self.keeping.stop()
        self.host.keep_draft(None)  # saved, or let go on purpose
        event.accept()

    def _may_close(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Unsaved changes"),
            _("You have changes that are not saved yet. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        self.close_question = box
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False


def _whole(value: object) -> int:
    """A number kept in window.ini (text there), or 0 for anything else."""
    try:
        return int(str(value))
    except ValueError:
        return 0
