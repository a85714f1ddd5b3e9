"""The core and the store never import Qt."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import tidewell.core
import tidewell.store

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def modules_of(package) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def test_core_and_store_import_no_pyside6_in_a_fresh_interpreter() -> None:
    names = modules_of(tidewell.core) + modules_of(tidewell.store)
    assert len(names) >= 15
    code = (
        f"import sys; sys.path.insert(0, {str(DESKTOP)!r})\n"
        f"import importlib\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(len([m for m in sys.modules if m.startswith('tidewell.')]), bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, bad = out.stdout.split(" ", 1)
    assert int(count) >= len(names)
    assert bad.strip() == "[]"


def test_the_cli_for_rules_next_and_check_imports_no_pyside6(tmp_path: Path) -> None:
    code = (
        f"import sys; sys.path.insert(0, {str(DESKTOP)!r})\n"
        "from tidewell.cli import main\n"
        f"for argv in (['rules', 'list'], ['next'], ['check']):\n"
        f"    main(['--data-dir', {str(tmp_path)!r}, *argv])\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_no_module_imports_another_in_a_circle() -> None:
    """Cycles (cli <-> cli_rules, app <-> launch) were removed; none may come back. Imports
    inside functions and under TYPE_CHECKING count too: modules that need the app's type
    declare a small Protocol of their own (shell/commands.py, shell/presence.py)."""
    import grimp

    graph = grimp.build_graph("tidewell", exclude_type_checking_imports=False)
    found: list[list[str]] = []
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        order[module] = low[module] = len(order)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    assert len(graph.modules) > 100
    assert found == []
