"""What PySide6's QtDBus needs said its own way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SLOT


def slot(signature: str) -> Any:
    """A slot as QtDBus's ``connect`` names it, as C++'s SLOT() macro writes it
    ("1name(args)"). PySide6 takes it as text; its stubs say bytes, which it refuses."""
    return SLOT(signature)
