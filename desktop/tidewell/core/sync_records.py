"""Sync through a folder the person already syncs (Syncthing, Nextcloud, Dropbox…), with no
two devices ever writing the same file: each device appends its own change records, and
every device merges everyone's the same way.

A change record says: at this time, this device set this item (a rule, a protected time, a
person, a season, an idea, the balance, the person's settings) to this, or deleted it:

    {"v": 1, "at": "2026-11-30T10:00:00Z", "device": "k3f9", "seq": 12,
     "section": "rules", "id": "stretch", "doc": {...}}          # "doc": null deletes

For each item the newest edit wins; a tie in time goes to the greater device id; a deletion
is an edit too, so it wins only over older edits. Merging is a pure function of the set of
records: the order they are read in, repeats (a conflict copy holding records already
read) and devices coming and going change nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, TypeVar

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import replace

from tidewell.core.fields import Id
from tidewell.core.life import Balance, Settings
from tidewell.core.sections import STORED_SECTIONS
from tidewell.core.state import State
from tidewell.core.validation import Problem, problem_from

FORMAT = 1
SYNCED_SECTIONS = tuple(s for s in STORED_SECTIONS if s.key not in ("calendars", "packs"))
SINGLE = {"balance": Balance, "settings": Settings}
# What belongs to one computer stays out of the records: where this computer's window sits,
# its idle source and calendar addresses are not in Settings at all; of Settings, these are
# this computer's (how nudges come suits a desktop; the language may differ per machine).
LOCAL_SETTINGS = frozenset({"nudges_as", "popup_place"})
DeviceId = Annotated[str, Meta(pattern=r"^[a-z0-9]{4,32}$")]


class Record(Struct, frozen=True, forbid_unknown_fields=False, omit_defaults=True):
    """One edit of one item by one device; ``doc`` None deletes the item."""

    v: int
    at: datetime
    device: DeviceId
    seq: Annotated[int, Meta(ge=0)]
    section: str
    id: Id
    doc: dict[str, Any] | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.section, self.id

    @property
    def order(self) -> tuple[datetime, str, int]:
        """Newest wins; a tie in time goes to the greater device id, then the later seq."""
        return self.at, self.device, self.seq


def winners(records: list[Record]) -> dict[tuple[str, str], Record]:
    """The winning edit of every item (deletions included)."""
    best: dict[tuple[str, str], Record] = {}
    for record in records:
        held = best.get(record.key)
        if held is None or record.order > held.order:
            best[record.key] = record
    return best


def merged_state(records: list[Record], local: State) -> tuple[State, list[Problem]]:
    """The person's definitions as every device's records say, over ``local``'s runtime
    parts (progress, pause, calendars, packs) and this computer's own settings. An item whose
    winning document does not validate here is left out and named (a newer Tidewell's)."""
    won = winners(records)
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    for section in SYNCED_SECTIONS:
        docs = [r for (s, _i), r in sorted(won.items()) if s == section.key and r.doc is not None]
        items = []
        for edit in docs:
            try:
                items.append(msgspec.convert(edit.doc, section.kind))
            except msgspec.ValidationError as err:
                problems.append(problem_from(err, f"$.{section.key}[{edit.id}]"))
        parts[section.field] = _in_local_order(items, getattr(local, section.field))
    for name, kind in SINGLE.items():
        single = won.get((name, name))
        if single is None or single.doc is None:
            parts[name] = getattr(local, name)
            continue
        try:
            value = msgspec.convert(single.doc, kind)
        except msgspec.ValidationError as err:
            problems.append(problem_from(err, f"$.{name}"))
            parts[name] = getattr(local, name)
            continue
        if name == "settings":
            value = replace(value, **{f: getattr(local.settings, f) for f in LOCAL_SETTINGS})
        parts[name] = value
    return replace(local, **parts), problems


def _in_local_order(items: list[Any], local: list[Any]) -> list[Any]:
    """Items as this computer lists them, new ones after: a merge does not reshuffle."""
    place = {item.id: n for n, item in enumerate(local)}
    return sorted(items, key=lambda i: (place.get(i.id, len(place)), i.id))


def changes(before: State, after: State) -> list[tuple[str, str, dict[str, Any] | None]]:
    """What the person changed, item by item: (section, id, document or None if deleted)."""
    found: list[tuple[str, str, dict[str, Any] | None]] = []
    for section in SYNCED_SECTIONS:
        old = {i.id: i for i in getattr(before, section.field)}
        new = {i.id: i for i in getattr(after, section.field)}
        for item_id, item in new.items():
            if old.get(item_id) != item:
                found.append((section.key, item_id, msgspec.to_builtins(item)))
        found += [(section.key, i, None) for i in old if i not in new]
    for name in SINGLE:
        old_value, new_value = _shared(before, name), _shared(after, name)
        if old_value != new_value:
            found.append((name, name, new_value))
    return found


def everything(state: State) -> list[tuple[str, str, dict[str, Any] | None]]:
    """Every item as a change: what a device publishes when it joins a folder."""
    found: list[tuple[str, str, dict[str, Any] | None]] = [
        (section.key, item.id, msgspec.to_builtins(item))
        for section in SYNCED_SECTIONS
        for item in getattr(state, section.field)
    ]
    return found + [(name, name, _shared(state, name)) for name in SINGLE]


def _shared(state: State, name: str) -> dict[str, Any]:
    doc: dict[str, Any] = msgspec.to_builtins(getattr(state, name))
    if name == "settings":
        doc = {k: v for k, v in doc.items() if k not in LOCAL_SETTINGS}
    return doc


def record(
    device: str, seq: int, at: datetime, change: tuple[str, str, dict[str, Any] | None]
) -> Record:
    section, item_id, doc = change
    return Record(FORMAT, at, device, seq, section, item_id, doc)


def encode(records: list[Record]) -> bytes:
    return b"".join(msgspec.json.encode(r) + b"\n" for r in records)


L = TypeVar("L", bound=Struct)


def decode_lines(data: bytes, where: str, kind: type[L]) -> tuple[list[L], list[str]]:
    """The lines of a device's file, each a ``kind`` (records, or journal lines); a line
    that cannot be read (cut short while being written, damaged in transit, from a newer
    Tidewell) is skipped and named, never fatal."""
    found: list[L] = []
    skipped: list[str] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            item = msgspec.json.decode(line, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError):
            skipped.append(f"{where}:{number}")
            continue
        if getattr(item, "v", FORMAT) > FORMAT:
            skipped.append(f"{where}:{number}")
            continue
        found.append(item)
    return found, skipped
