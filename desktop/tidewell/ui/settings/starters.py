"""Starter ideas for rules: examples to pick and make your own, never switched on unasked."""

from __future__ import annotations

from typing import Any

from tidewell.i18n import _

STARTER_RULES: list[dict[str, Any]] = [
    {
        "name": _("Stand up and stretch"),
        "area": "health",
        "when": {
            "kind": "at",
            "times": ["11:00", "15:30"],
            "days": ["mon", "tue", "wed", "thu", "fri"],
        },
        "nudge": {"title": _("A stretch?"), "message": _("Two minutes away from the screen.")},
    },
    {
        "name": _("You planned to be offline"),
        "area": "family",
        "when": {"kind": "protected", "at_start": True, "active_minutes": 10},
        "nudge": {
            "title": _("You planned to be offline"),
            "message": _("Is someone expecting this, or is it habit?"),
        },
    },
    {
        "name": _("Waiting time for someone"),
        "area": "family",
        "when": {"kind": "waiting", "min_minutes": 20},
        "nudge": {
            "title": _("Some waiting time?"),
            "message": _("A moment for someone far away, or for you?"),
        },
    },
    {
        "name": _("Late at the desk"),
        "area": "rest",
        "when": {"kind": "late", "after": "22:30", "until": "05:00"},
        "nudge": {"title": _("Still here at this hour?"), "message": _("A real need tonight?")},
    },
    {
        "name": _("Revisit my balance"),
        "area": "self",
        "when": {"kind": "reflect", "every_weeks": 4, "day": "sun", "time": "18:00"},
        "nudge": {
            "title": _("Does your balance still fit?"),
            "message": _("A few quiet minutes with your own words."),
        },
    },
]

# Protected time offered in the welcome: (what the tick box says, the block).
STARTER_BLOCKS: list[tuple[str, dict[str, Any]]] = [
    (
        _("Weekends"),
        {
            "kind": "weekly",
            "id": "weekend",
            "reason": _("weekends are ours"),
            "days": ["sat", "sun"],
            "start": "00:00",
            "end": "00:00",
        },
    ),
    (
        _("Evenings before a working day, 19:00 to 07:00"),
        {
            "kind": "weekly",
            "id": "evenings",
            "reason": _("evenings at home"),
            "days": ["sun", "mon", "tue", "wed", "thu"],  # the nights before working days
            "start": "19:00",
            "end": "07:00",
        },
    ),
]
