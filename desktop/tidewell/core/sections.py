"""The lists a person defines, declared once: their key in a rule file and in tidewell.json,
their field in State, what each item is, and how to say them to a person."""

from __future__ import annotations

from typing import Any, NamedTuple

from tidewell.core.calendar import CalendarSource
from tidewell.core.life import Block, Person, Season, WaitingIdea
from tidewell.core.pack_record import TakenPack
from tidewell.core.rules import Rule
from tidewell.i18n import N_


class Section(NamedTuple):
    key: str  # in files: "protected"
    field: str  # in State: "blocks"
    kind: Any  # the msgspec type (or union) each item converts to
    words: str  # for a person, translated with _() where shown: "Protected times"


RULE_FILE_SECTIONS = (
    Section("rules", "rules", Rule, N_("Rules")),
    Section("protected", "blocks", Block, N_("Protected times")),
    Section("people", "people", Person, N_("People")),
    Section("seasons", "seasons", Season, N_("Seasons")),
    Section("ideas", "ideas", WaitingIdea, N_("Waiting-time ideas")),
)
# tidewell.json also keeps the calendars (their addresses are in the password store, and a
# rule file someone shares never carries them), and the packs taken (core/pack_record.py).
STORED_SECTIONS = (
    *RULE_FILE_SECTIONS,
    Section("calendars", "calendars", CalendarSource, N_("Calendars")),
    Section("packs", "packs", TakenPack, N_("Packs")),
)
