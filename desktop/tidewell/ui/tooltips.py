"""Tooltips that keep a person's words literal. No Qt here: the idle tray uses this, and
importing Qt's enum namespace costs about a megabyte (nor ``html``, whose table of entities
an idle tray would hold for five replacements)."""

from __future__ import annotations

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)  # as html.escape does


def as_tooltip(text: str) -> str:
    """Tooltips guess at rich text: escape everything, so a person's words stay literal
    (an '<img>' in a rule's name is shown as those letters, never loaded)."""
    return "<qt>" + text.translate(_ESCAPES).replace("\n", "<br>") + "</qt>"
