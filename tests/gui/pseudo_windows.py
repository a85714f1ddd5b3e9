"""Every window, settings page, rule kind and panel page in the pseudo-language (every
string accented and 40 % longer), in its own process: ``python pseudo_windows.py DIR``
where DIR holds the compiled pseudo catalogue. Prints one line per visible word left
untranslated or text clipped, then 'checked N'."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(Path(__file__).parent))

from tidewell import i18n  # noqa: E402

i18n.LOCALE_DIR = Path(sys.argv[1])
assert i18n.use_language("en_XA") != "en", "the pseudo catalogue did not load"

from PySide6.QtCore import QLocale, QRect  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

app = QApplication(["tidewell"])

from starter_runtime import after_actions, starter_runtime, walk_windows  # noqa: E402

from tidewell.core.schedule import Due  # noqa: E402
from tidewell.shell.nudges import NudgeRouter  # noqa: E402
from tidewell.ui.nudge_item import PopupItem  # noqa: E402
from tidewell.ui.popup import NudgePopup  # noqa: E402
from tidewell.ui.review.window import ReflectionDialog  # noqa: E402

runtime = starter_runtime()
state = runtime.state
DATA = (
    {
        text
        for item in [*state.rules, *state.blocks, *state.people, *state.ideas, *state.seasons]
        for text in re.findall(r"'([^']*)'|\"([^\"]*)\"", repr(item))
        for text in text
        if text
    }
    | set(state.balance.areas)
    | {"Scroll Left", "Scroll Right", "English"}  # Qt's own words; a language's own name
    | {"Evenings", "Take what fits.", "Mine, and why it matters."}  # a pack's author's words
    | {"A message is fine until six."}  # the person's own words on their card
)
DATA |= {QLocale().dayName(d, f) for d in range(1, 8) for f in QLocale.FormatType}  # the locale's
DATA |= {QLocale().monthName(m, f) for m in range(1, 13) for f in QLocale.FormatType}
WORDS = re.compile(r"[A-Za-z]{3,}")
problems: set[str] = set()
checked = 0


def translated(text: str) -> bool:
    """Pseudo text, the person's own words, or nothing to translate (numbers, times)."""
    text = text.replace("&", "").strip()
    if not text or "·]" in text or not WORDS.search(text) or re.search(r"\d", text):
        return True
    if text.startswith(("/", "~")):  # a folder: the person's, not ours
        return True
    return text in DATA or any(text in d or d in text for d in DATA if len(d) > 3)


def texts(widget: QWidget) -> list[tuple[str, QWidget]]:
    found: list[tuple[str, QWidget]] = []
    if isinstance(widget, QLabel | QAbstractButton):
        found.append((widget.text(), widget))
    if isinstance(widget, QGroupBox):
        found.append((widget.title(), widget))
    if isinstance(widget, QLineEdit):
        found.append((widget.placeholderText(), widget))
    if isinstance(widget, QComboBox):
        found += [(widget.itemText(i), widget) for i in range(widget.count())]
    if widget.accessibleName():
        found.append((widget.accessibleName(), widget))
    if widget.toolTip():
        found.append((widget.toolTip(), widget))
    if widget.accessibleDescription():
        found.append((widget.accessibleDescription(), widget))
    if isinstance(widget, QListWidget):
        found += [(widget.item(i).text(), widget) for i in range(widget.count())]
    return found


def clipped(widget: QWidget) -> bool:
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) > widget.height() + 2
    if isinstance(widget, QAbstractButton) and widget.text():  # the words, not the style's room
        text = widget.text().replace("&", "")
        return widget.fontMetrics().horizontalAdvance(text) + 8 > widget.width()
    if isinstance(widget, QLabel) and widget.text():
        return widget.sizeHint().width() > widget.width() + 2
    return False


def check(name: str, window: QWidget) -> None:
    global checked
    for _round in range(3):  # wrapped labels settle their height over a few layout passes
        app.processEvents()
    checked += 1
    if not translated(window.windowTitle()):
        problems.add(f"{name}: untranslated window title {window.windowTitle()!r}")
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window):
            continue
        for text, owner in texts(widget):
            if not translated(text):
                problems.add(f"{name}: untranslated {type(owner).__name__} {text!r}")
        if clipped(widget):
            problems.add(f"{name}: clipped {type(widget).__name__} {texts(widget)[0][0]!r}")


walk_windows(runtime, check, kinds=True)
popup = NudgePopup(60_000)
rule = state.rules[0]
nudge = rule.nudge
first = PopupItem(Due(rule.id, runtime.now()), nudge.title, nudge.message, can_choose=True)
popup.add([first, PopupItem(Due("x", runtime.now()), "x", can_quiet=True)], QRect())
check("popup", popup)
popup.close()
router = NudgeRouter(runtime, QRect, app)
router.show_nudges([Due(rule.id, runtime.now())])
router._changed(rule.id, "less_often")  # the undo that follows "Less often"
router.popup.step()
check("popup, less often with its undo", router.popup)
router.popup.add([router._question(rule.id)], QRect())  # type: ignore[list-item]
while router.popup.current is not None and not router.popup.current.choices[2:]:
    router.popup.step()
check("popup, the kind question", router.popup)
router.popup.close()
reflecting = ReflectionDialog(None, ["[Öñé qûéšțîöñ fröm thé jöûrñàl·········]"])
reflecting.show()
check("a moment to reflect", reflecting)
reflecting.close()
after_actions(runtime, check, Path(sys.argv[1]))
for line in sorted(problems):
    print(line)
print(f"checked {checked}")
