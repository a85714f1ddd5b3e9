"""Tooltips that keep a person's words literal. No Qt here: the idle tray uses this, and
importing Qt's enum namespace costs about a megabyte."""

from __future__ import annotations

import html


def as_tooltip(text: str) -> str:
    """Tooltips guess at rich text: escape everything, so a person's words stay literal
    (an '<img>' in a rule's name is shown as those letters, never loaded)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
