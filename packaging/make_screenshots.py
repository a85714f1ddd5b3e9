"""Pictures of every window, drawn from the demo life (`tidewell demo`), to look at and for
the AppStream metainfo:

    python packaging/make_screenshots.py OUT_DIR [--dark] [--appstream]

Run it on a display (Xvfb with a window manager, as tests/e2e does); QT_SCALE_FACTOR=2 gives
the 200 % pictures. Time stands still on a Sunday evening in London, so the pictures are
the same on every run. ``--appstream`` writes only the three pictures the metainfo names."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

MOMENT = datetime.fromisoformat("2026-11-29T18:24:00+00:00")  # a Sunday, 18:24 in London


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--appstream", action="store_true")
    parser.add_argument("--language", default="en", help="e.g. de, ja, ar (right to left)")
    args = parser.parse_args(argv)
    app = QApplication(["tidewell"])
    app.setApplicationName("Tidewell")
    from tidewell.shell.language import speak

    speak(args.language)  # before any window is made, as the app does
    from tidewell.core.clock import FakeClock
    from tidewell.core.requests import Offline
    from tidewell.demo import write_demo
    from tidewell.platform.idle import Unavailable
    from tidewell.shell.activity import ActivityTracker
    from tidewell.shell.app import TidewellApp
    from tidewell.shell.runtime import Runtime
    from tidewell.store.datastore import DataStore
    from tidewell.ui.appearance import apply_appearance
    from tidewell.ui.settings.rules_model import RULE_ROLE

    apply_appearance("dark" if args.dark else "light")
    clock = FakeClock(MOMENT, "Europe/London")
    store, opened = DataStore.open(Path(tempfile.mkdtemp(prefix="tidewell-shots-")), clock)
    write_demo(store, opened.state)
    store, opened = DataStore.open(store.folder, clock)
    runtime = Runtime(store, opened.state, clock, ActivityTracker(Unavailable("pictures")))
    shell = TidewellApp(runtime)
    shell.start()
    scheme = "dark" if args.dark else "light"
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = args.out / (f"{name}.png" if args.appstream else f"{name}-{scheme}.png")
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not save {path}")
        written.append(path)

    def together(first: QWidget, second: QWidget, name: str) -> None:
        """Two windows in one picture, side by side: a popup and its open menu."""
        from PySide6.QtGui import QPainter, QPixmap

        left, right = first.grab(), second.grab()
        ratio = left.devicePixelRatio()
        left.setDevicePixelRatio(1)  # drawn pixel for pixel
        right.setDevicePixelRatio(1)
        width = left.width() + right.width() + int(12 * ratio)
        canvas = QPixmap(width, max(left.height(), right.height()))
        canvas.fill(first.palette().window().color())
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, left)
        painter.drawPixmap(left.width() + int(12 * ratio), 0, right)
        painter.end()
        path = args.out / f"{name}-{scheme}.png"
        if not canvas.save(str(path)):
            raise SystemExit(f"could not save {path}")
        written.append(path)

    # The popup: Sunday's call home, with its own answer words.
    rule = runtime.state.rule("call-mum-and-dad")
    assert rule is not None
    shell.nudges.try_rule(rule)
    grab(shell.popup, "nudge" if args.appstream else "popup")
    if not args.appstream:
        more = shell.popup.quieter.menu()
        more.popup(shell.popup.mapToGlobal(shell.popup.quieter.geometry().bottomLeft()))
        for _ in range(3):
            app.processEvents()
        together(shell.popup, more, "popup-more-answers")  # "Less often", "Not this one again"
        more.hide()
        asking = shell.nudges._question(rule.id)  # as after three passes in a row
        assert asking is not None
        shell.popup.add([asking])
        while shell.popup.current is not asking:
            shell.popup.step()
        grab(shell.popup, "popup-kind-question")
    shell.popup.hide()

    shell.open_settings()
    settings = shell.settings
    assert settings is not None
    settings.resize(1100, 720)
    settings.sidebar.setCurrentRow(settings.page_row(settings.rules))
    editor = settings.rules.editor
    rows = settings.rules.proxy
    for row in range(rows.rowCount()):
        if rows.data(rows.index(row, 1), RULE_ROLE) == "call-mum-and-dad":
            settings.rules.table.selectRow(row)
    grab(settings, "settings" if args.appstream else "settings-rules")
    if not args.appstream:
        editor.more_button.setChecked(True)
        grab(settings, "settings-rules-more-options")
        editor.more_button.setChecked(False)
        for row, (title, _page) in enumerate(settings.pages):
            settings.sidebar.setCurrentRow(row)
            grab(settings, f"settings-{row + 1}-{title.lower().replace(' ', '-')}")
        from tidewell.core.packs import make_pack, preview
        from tidewell.core.state import State
        from tidewell.ui.settings.pack_dialogs import PackPreview

        state = runtime.state
        picks = [("protected", b.id, "Dinner is ours; I answer after.") for b in state.blocks][:2]
        picks += [("rule", r.id, "") for r in state.rules[:2]]
        pack = make_pack(state, picks, pack_id="evenings", title="How I keep my evenings",
                         author="Maya, team lead", note="Mine, shared gladly: take what fits.",
                         day=MOMENT.date())  # fmt: skip
        shown = PackPreview(pack, preview(State(), pack), settings)
        shown.show()
        grab(shown, "pack-preview")
        shown.close()
        from msgspec.structs import replace

        kept = replace(state, balance=replace(state.balance, definition="Evenings are ours."))
        settings._offer_kept(kept)  # as after a Settings that ended without asking
        assert settings.kept_question is not None
        grab(settings.kept_question, "settings-kept-changes")
        settings.kept_question.reject()
    settings.close()

    shell.open_review()
    review = shell.review
    assert review is not None
    review.resize(900, 760)
    review.kind.setCurrentIndex(1)  # a month
    grab(review, "review" if args.appstream else "review-month")
    if args.appstream:
        print("\n".join(str(p) for p in written))
        return 0
    for index, name in ((0, "week"), (3, "year")):
        review.kind.setCurrentIndex(index)
        grab(review, f"review-{name}")
    review.new_reflection()
    if review.dialog is not None:
        grab(review.dialog, "review-reflection")
        review.dialog.reject()
    review.open_card()
    review.card.reach.setPlainText("A message is fine until 18:00. For something urgent, call.")
    grab(review.card, "working-with-me")
    review.card.close()
    review.close()

    from PySide6.QtCore import QRect

    panel = shell.panel  # the quick panel, as a click on the tray icon opens it
    for name, page, act in (
        ("home", 0, None),
        ("waiting", 1, lambda: shell.start_waiting(40, "airport")),
        ("offline", 2, None),
        ("offline-now", 0, lambda: shell.handle(Offline("21:30", "dinner with Sam"))),
    ):  # fmt: skip
        if act is not None:
            act()
        if shell.window is not None:
            shell.window.hide()  # no tray on this display: only the panel is wanted
        panel.open_at(QRect(), page)
        grab(panel, f"panel-{name}")
    panel.hide()

    from tidewell.ui.settings.welcome import WelcomeDialog

    welcome = WelcomeDialog(runtime)
    welcome.show()
    for step in range(3):
        grab(welcome, f"welcome-{step + 1}")
        if step < 2:
            welcome.next.click()
    welcome.person_name.setText("Mum")
    welcome.person_zone.edit.setText("Xyzzyville")
    welcome.person_zone._typed = True  # as if typed, then Start pressed
    welcome.next.click()
    grab(welcome, "welcome-3-place-not-found")

    box = QMessageBox(QMessageBox.Icon.Question, "Leave the welcome?", "")
    box.setText("You have chosen a few things here. Keep them?")
    box.addButton("Keep what I chose", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Leave without keeping", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Back to the welcome", QMessageBox.ButtonRole.RejectRole)
    box.show()
    grab(box, "welcome-leave-question")
    box.hide()
    welcome.hide()
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
