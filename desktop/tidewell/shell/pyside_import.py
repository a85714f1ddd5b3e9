"""PySide6, imported so that its import hook keeps no module's source.

Once PySide6 is loaded, its import hook asks of every module imported after it whether the
source mentions "PySide6" (to honour ``from __feature__ import ...``). It asks through
``inspect.getsource``, which splits each source into lines and keeps them all in
``linecache``: some 40,000 small strings for the tray's 250 modules, made while the modules'
own code is being made, so that the memory they took stays scattered through the code's
after they are dropped. This answers the same question from the file's bytes, keeping
nothing. Import this module before any PySide6 import (``# isort: split`` keeps it first):
every module the hook meets before it is replaced has its source read the old way, and
typing, logging or pathlib are long. Measured in bench/changes.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

# Modules loaded before PySide6 could not have asked for a PySide feature.
LOADED_BEFORE = frozenset() if "PySide6" in sys.modules else frozenset(sys.modules)

import PySide6  # noqa: E402, F401  (loads shiboken6, which puts PySide's import hook in place)

FEATURE_MODULE = "shibokensupport.feature"


def names_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source mentions PySide6, as the hook's own check answers it:
    False for a module without a source file (built in, compiled, or bytecode only), and
    without reading for one loaded before PySide6 was (``from __feature__ import`` needs
    PySide6 loaded: typing, logging and the like are long to read for nothing)."""
    if getattr(module, "__name__", None) in LOADED_BEFORE:
        return False
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def keep_no_sources() -> bool:
    """Answer the hook's question with ``names_pyside``; False if this PySide6 has no such
    hook (nothing to replace then)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = names_pyside  # type: ignore[attr-defined]  # its one question
    return True


keep_no_sources()
