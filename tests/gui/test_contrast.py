"""Tidewell's own text colours keep a contrast of at least 4.5:1 (WCAG AA) on the backgrounds
they are drawn on, in light and in dark windows."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tidewell.ui.appearance import dark_palette, light_palette
from tidewell.ui.style import DARK, LIGHT, Colours, colours

AA = 4.5


def luminance(colour: str) -> float:
    """Relative luminance of '#rrggbb' (WCAG 2.1)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula_on_known_pairs() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just under AA
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize(("name", "scheme"), [("light", LIGHT), ("dark", DARK)])
def test_panel_and_popup_colours(name: str, scheme: Colours) -> None:
    text_on = {
        "card": ("text", "muted", "reason", "section", "problem"),
        "button": ("text",),
        "hover": ("text",),
        "checked": ("text",),
        "idea": ("text", "muted", "reason"),
        "accent": ("on_accent",),
    }
    low = [
        (fg, bg, round(contrast(getattr(scheme, fg), getattr(scheme, bg)), 2))
        for bg, fgs in text_on.items()
        for fg in fgs
        if contrast(getattr(scheme, fg), getattr(scheme, bg)) < AA
    ]
    assert low == [], f"{name}: below 4.5:1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_window_colours_on_the_window_background(qapp: QApplication, scheme: str) -> None:
    palette = dark_palette() if scheme == "dark" else light_palette()
    ours = colours(palette)
    assert ours is (DARK if scheme == "dark" else LIGHT)
    window = palette.color(QPalette.ColorRole.Window).name()
    low = [
        (role, round(contrast(getattr(ours, role), window), 2))
        for role in ("muted", "reason", "section", "problem")
        if contrast(getattr(ours, role), window) < AA
    ]
    assert low == []
    text = palette.color(QPalette.ColorRole.Text).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    assert contrast(text, base) >= AA
