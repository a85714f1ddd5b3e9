"""Light, dark, or as the system has it: the palette Tidewell's windows use, and the style
sheets drawn from it (re-applied to every open window when the choice changes)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tidewell.ui.style import restyle_all

_system: QPalette | None = None  # the palette the desktop gave Tidewell at start


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#26292b"),
        (QPalette.ColorRole.WindowText, "#e6e6e3"),
        (QPalette.ColorRole.Base, "#1d1f21"),
        (QPalette.ColorRole.AlternateBase, "#2b2e30"),
        (QPalette.ColorRole.Text, "#e6e6e3"),
        (QPalette.ColorRole.Button, "#34383a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e3"),
        (QPalette.ColorRole.Highlight, "#2a7a74"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9aa09e"),
        (QPalette.ColorRole.ToolTipBase, "#34383a"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e3"),
        (QPalette.ColorRole.Link, "#72c7c0"),
        (QPalette.ColorRole.Mid, "#4a4f51"),
        (QPalette.ColorRole.Dark, "#1a1c1d"),
        (QPalette.ColorRole.Light, "#45494b"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8283"))
    return palette


def light_palette() -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.style().standardPalette()


def apply_appearance(choice: str) -> None:
    """'dark', 'light' or 'system'; every open window follows at once."""
    global _system
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _system is None:
        _system = QPalette(app.palette())
    wanted = {"dark": dark_palette, "light": light_palette}.get(choice)
    palette = wanted() if wanted is not None else _system
    if app.palette() != palette:
        app.setPalette(palette)
        restyle_all()
