"""PySide's import hook keeps no module's source once Tidewell has loaded PySide6 (the tray's
and the windows' processes): the same answer to its question, nothing left in linecache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tidewell.shell.pyside_import import FEATURE_MODULE, keep_no_sources, names_pyside

DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")


def module_at(path: Path) -> ModuleType:
    module = ModuleType(path.stem)
    module.__file__ = str(path)
    return module


def imports_in_a_fresh_process(folder: Path, modules: list[str]) -> dict[str, str]:
    """Import ``modules`` in order (from ``folder`` and Tidewell's checkout) in a new Python;
    what the hook answered for each of ``folder``'s modules, and whether linecache kept any
    of their lines."""
    own = sorted(p.stem for p in folder.glob("*.py"))
    code = (
        f"import sys, linecache; sys.path[:0] = [{DESKTOP!r}, {str(folder)!r}];"
        + "".join(f"import {name};" for name in modules)
        + f"seen = sys.modules[{FEATURE_MODULE!r}].pyside_feature_dict;"
        + f"kept = [p for p in linecache.cache if p.startswith({str(folder)!r})];"
        + f"print(*(f'{{n}}={{seen.get(n)}}' for n in {own!r}), f'kept={{len(kept) or \"none\"}}')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(pair.split("=") for pair in out.stdout.split())


def test_the_answer_is_the_hooks_own(tmp_path: Path) -> None:
    uses = tmp_path / "uses.py"
    uses.write_text("from PySide6.QtCore import QTimer\n")
    plain = tmp_path / "plain.py"
    plain.write_text("VALUE = 1\n")
    assert names_pyside(module_at(uses)) is True
    assert names_pyside(module_at(plain)) is False
    assert names_pyside(sys) is False  # built in: no source
    assert names_pyside(module_at(tmp_path / "gone.py")) is False  # the file went away
    assert names_pyside(module_at(tmp_path / "compiled.so")) is False
    assert names_pyside(ModuleType("nameless")) is False


def test_the_hook_answers_without_keeping_sources(tmp_path: Path) -> None:
    """In a process of its own, as the tray starts: a module imported after Tidewell's PySide
    import is still seen by the hook (its answer recorded) but its lines are not kept."""
    (tmp_path / "with_qt.py").write_text("import PySide6.QtCore\n" + "X = 1\n" * 2000)
    (tmp_path / "without_qt.py").write_text("Y = 2\n" * 2000)
    said = imports_in_a_fresh_process(
        tmp_path, ["tidewell.shell.pyside_import", "with_qt", "without_qt"]
    )
    assert said == {"with_qt": "0", "without_qt": "-1", "kept": "none"}


def test_replacing_it_twice_is_harmless() -> None:
    assert keep_no_sources() is True
    assert keep_no_sources() is True
    assert sys.modules[FEATURE_MODULE]._mod_uses_pyside is names_pyside


def test_a_module_loaded_before_pyside_is_not_read(tmp_path: Path) -> None:
    """Importing it again after PySide6 (as every module does with typing or logging) asks
    the hook about it: answered at once, since it could not have asked for a feature."""
    (tmp_path / "early.py").write_text("# mentions PySide6 only in words\n")
    said = imports_in_a_fresh_process(tmp_path, ["early", "tidewell.shell.pyside_import", "early"])
    assert said == {"early": "-1", "kept": "none"}
