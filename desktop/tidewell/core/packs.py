"""Norms packs: a leader shares, each person adapts, nothing goes back.

A pack is a small versioned file: a title, an author, a date, a note, and items (rules,
protected time, waiting-time ideas, a balance statement), each with a "why" in the author's
words. Taking a pack never overwrites anything: the preview lists each item, and the person
takes it or leaves it (and adapts what they took, as anything of theirs). When a newer
version arrives, the preview shows only what changed since the version taken, compared three
ways (the item as taken, the new pack's, the person's own): what the person changed stays
theirs. Leaving a pack keeps what was taken, as the person's. Nothing is ever reported back.

    {"tidewell_pack": 1, "id": "team-evenings", "version": 2, "title": "…", "author": "…",
     "date": "2026-11-30", "note": "…",
     "items": [{"id": "evenings", "kind": "protected", "why": "…", "item": {…}}, …]}

Reading is as strict as a rule file's: bounded in size and depth, every problem named with
its path, nothing half-taken.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import replace

from tidewell.core.commands import CommandError
from tidewell.core.describe import block_in_words, when_in_words
from tidewell.core.fields import Id, Name, Text, free_id
from tidewell.core.life import Block, WaitingIdea
from tidewell.core.pack_record import MAX_ITEMS, ItemKind, TakenItem, TakenPack, Version
from tidewell.core.rules import ProtectedTrigger, Rule
from tidewell.core.state import State
from tidewell.core.validation import Invalid, Problem, cross_check, problem_from
from tidewell.i18n import _

FORMAT: Literal[1] = 1
MAX_BYTES = 1024 * 1024  # a pack is words and a few rules: a megabyte is plenty


class BalanceWords(Struct, forbid_unknown_fields=True, frozen=True):
    """A balance statement: someone's own words about what balance means to them."""

    definition: Annotated[str, Meta(min_length=1, max_length=4000)]


KINDS: dict[str, Any] = {"rule": Rule, "protected": Block, "idea": WaitingIdea,
                         "balance": BalanceWords}  # fmt: skip
FIELDS = {"rule": "rules", "protected": "blocks", "idea": "ideas"}  # in State


class PackItem(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    id: Id
    kind: ItemKind
    item: dict[str, Any]
    why: Text = ""  # the author's words: why this matters to them


class Pack(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    tidewell_pack: Literal[1]
    id: Id
    version: Version
    title: Name
    author: Name
    date: date
    items: Annotated[list[PackItem], Meta(max_length=MAX_ITEMS)]
    note: Text = ""


Status = Literal["new", "updated", "adapted", "left", "removed"]


class Change(Struct, frozen=True):
    """One line of the preview. ``offered`` is what taking it writes (local form); ``kept``
    names the parts where the person's own change stays over the pack's."""

    item: PackItem
    status: Status
    offered: dict[str, Any] | None = None
    kept: list[str] = []


# --- reading ------------------------------------------------------------------------------


def read_pack(data: bytes) -> Pack:
    """The pack in ``data``; Invalid naming every problem with its path."""
    if len(data) > MAX_BYTES:
        said = _("the file is larger than {size} MB").format(size=MAX_BYTES // 2**20)
        raise Invalid([Problem("$", said)])
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        raw = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as err:
        said = _("this is not a pack Tidewell can read ({reason})").format(reason=err)
        raise Invalid([Problem("$", said)]) from None
    if not isinstance(raw, dict) or "tidewell_pack" not in raw:
        raise Invalid([Problem("$", _("this is not a pack: it has no 'tidewell_pack' mark"))])
    if raw.get("tidewell_pack") != FORMAT:
        said = _("this pack was made by a newer Tidewell (format {found}); please update")
        raise Invalid([Problem("$.tidewell_pack", said.format(found=raw.get("tidewell_pack")))])
    try:
        pack = msgspec.convert(raw, Pack)
    except msgspec.ValidationError as err:
        raise Invalid([problem_from(err)]) from None
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(pack.items):
        if item.id in seen:
            said = _("the id '{id}' is used twice").format(id=item.id)
            problems.append(Problem(f"$.items[{index}].id", said))
        seen.add(item.id)
        try:
            typed(item)
        except msgspec.ValidationError as err:
            problems.append(problem_from(err, f"$.items[{index}].item"))
    if problems:
        raise Invalid(problems)
    return pack


def typed(item: PackItem) -> Any:
    """The item as what it is: a Rule, a Block, a WaitingIdea or BalanceWords."""
    return msgspec.convert(item.item, KINDS[item.kind])


def write_pack(pack: Pack) -> bytes:
    return msgspec.json.format(msgspec.json.encode(pack), indent=2) + b"\n"


# --- making -------------------------------------------------------------------------------


def make_pack(
    state: State,
    picks: list[tuple[str, str, str]],
    *,
    pack_id: str,
    title: str,
    author: str,
    note: str,
    day: date,
    version: int = 1,
) -> Pack:
    """A pack of the person's own items: ``picks`` are (kind, id, why). Links to people stay
    private (a rule's "only when free", an idea's person); a rule's protected times are kept
    only when they travel in the pack too."""
    chosen = {(k, i) for k, i, _why in picks}
    items: list[PackItem] = []
    for kind, item_id, why in picks:
        if kind == "balance":
            if not state.balance.definition:
                raise CommandError(_("you have not written your own words about balance yet"))
            words = {"definition": state.balance.definition}
            items.append(PackItem("balance", "balance", words, why))
            continue
        found = _local(state, kind, item_id)
        if found is None:
            raise CommandError(_("there is nothing called '{id}' to share").format(id=item_id))
        doc = msgspec.to_builtins(_shareable(found, chosen))
        items.append(PackItem(item_id, kind, doc, why))  # type: ignore[arg-type]
    pack = Pack(FORMAT, pack_id, version, title, author, day, items, note)
    return read_pack(write_pack(pack))  # the same checks as anyone who takes it


def _shareable(item: Any, chosen: set[tuple[str, str]]) -> Any:
    if isinstance(item, WaitingIdea):
        return replace(item, person=None)
    if isinstance(item, Rule):
        item = replace(item, only_if=replace(item.only_if, reachable=None))
        if isinstance(item.when, ProtectedTrigger):
            blocks = [b for b in item.when.blocks if ("protected", b) in chosen]
            item = replace(item, when=replace(item.when, blocks=blocks))
    return item


# --- the preview: what taking would bring -------------------------------------------------


def preview(state: State, pack: Pack) -> list[Change]:
    """What the pack brings: everything, the first time; after that only what changed since
    the version taken. An item the person adapted is compared three ways."""
    taken = taken_pack(state, pack.id)
    if taken is None:
        ids = _id_map(state, pack, None)
        return [Change(i, "new", _localized(i, ids)) for i in pack.items]
    ids = _id_map(state, pack, taken)
    bases = {t.id: t for t in taken.items}
    changes: list[Change] = []
    for item in pack.items:
        base = bases.get(item.id)
        theirs = _localized(item, ids)
        if base is None:
            changes.append(Change(item, "new", theirs))
        elif base.item == theirs:
            continue  # unchanged since the version taken: not shown
        elif base.mine is None or _mine(state, base) is None:
            changes.append(Change(item, "left", theirs))
        else:
            mine = _mine(state, base)
            if mine == base.item:
                changes.append(Change(item, "updated", theirs))
            else:
                merged, kept = three_way(base.item, theirs, mine)  # type: ignore[arg-type]
                if merged != mine:
                    changes.append(Change(item, "adapted", merged, kept))
    gone = {i.id for i in pack.items}
    for base in taken.items:
        if base.id not in gone and base.mine is not None:
            removed = PackItem(base.id, base.kind, base.item)
            changes.append(Change(removed, "removed"))
    return changes


def three_way(
    base: dict[str, Any], theirs: dict[str, Any], mine: dict[str, Any], at: str = ""
) -> tuple[dict[str, Any], list[str]]:
    """What the pack changed, on top of what the person has; where both changed the same
    part, the person's stays (and is named in the list returned)."""
    merged: dict[str, Any] = {}
    kept: list[str] = []
    for key in dict.fromkeys([*mine, *theirs, *base]):
        b, t, m = base.get(key, _ABSENT), theirs.get(key, _ABSENT), mine.get(key, _ABSENT)
        if t in (b, m):
            value = m
        elif m == b:
            value = t
        elif all(isinstance(v, dict) for v in (b, t, m)):
            value, deeper = three_way(b, t, m, f"{at}{key}.")
            kept += deeper
        else:
            value = m
            kept.append(f"{at}{key}")
        if value is not _ABSENT:
            merged[key] = value
    return merged, kept


_ABSENT: Any = object()


# --- taking and leaving ---------------------------------------------------------------------


def take(state: State, pack: Pack, chosen: set[str]) -> State:
    """Take the items in ``chosen`` (the pack's item ids) as the preview offers them, and
    remember the pack. All or nothing: Invalid if what would result does not fit together."""
    taken = taken_pack(state, pack.id)
    bases = {t.id: t for t in taken.items} if taken else {}
    ids = _id_map(state, pack, taken)
    changes = {c.item.id: c for c in preview(state, pack)}
    new_state = state
    record: list[TakenItem] = []
    for item in pack.items:
        change, base = changes.get(item.id), bases.get(item.id)
        theirs = _localized(item, ids)
        mine = base.mine if base is not None and _mine(state, base) is not None else None
        if change is None:  # unchanged since taken
            record.append(base or TakenItem(item.id, item.kind, theirs))
            continue
        if item.id not in chosen:
            record.append(base if base is not None else TakenItem(item.id, item.kind, theirs))
            continue
        assert change.offered is not None
        new_state, local = _put(new_state, item.kind, change.offered, mine or ids[item.id])
        record.append(TakenItem(item.id, item.kind, theirs, local))
    remembered = TakenPack(pack.id, pack.title, pack.author, pack.version, pack.date, record)
    others = [p for p in new_state.packs if p.id != pack.id]
    new_state = replace(new_state, packs=[*others, remembered])
    problems = cross_check(new_state)
    if problems:
        raise Invalid(problems)
    return new_state


def leave(state: State, pack_id: str) -> State:
    """Forget the pack; everything taken from it stays, as the person's own."""
    if taken_pack(state, pack_id) is None:
        raise CommandError(_("no pack called '{id}' was taken").format(id=pack_id))
    return replace(state, packs=[p for p in state.packs if p.id != pack_id])


def taken_pack(state: State, pack_id: str) -> TakenPack | None:
    return next((p for p in state.packs if p.id == pack_id), None)


# --- local form -----------------------------------------------------------------------------


def _id_map(state: State, pack: Pack, taken: TakenPack | None) -> dict[str, str]:
    """Each pack item's id here: what it became when taken, else a free id of its kind."""
    ids: dict[str, str] = {}
    known = {t.id: t.mine for t in taken.items if t.mine} if taken else {}
    used: dict[str, set[str]] = {
        kind: {x.id for x in getattr(state, field)} for kind, field in FIELDS.items()
    }
    for item in pack.items:
        if item.kind == "balance":
            ids[item.id] = "balance"
        elif item.id in known:
            ids[item.id] = str(known[item.id])
        else:
            ids[item.id] = free_id(item.id, used[item.kind], item.kind)
            used[item.kind].add(ids[item.id])
    return ids


def _localized(item: PackItem, ids: dict[str, str]) -> dict[str, Any]:
    """The pack's item with its id (and a rule's protected times) as they are here."""
    doc = dict(item.item)
    if item.kind == "balance":
        return _canonical("balance", doc)
    doc["id"] = ids[item.id]
    when = doc.get("when")
    if item.kind == "rule" and isinstance(when, dict) and when.get("blocks"):
        when = {**when, "blocks": [ids.get(b, b) for b in when["blocks"]]}
        doc["when"] = when
    return _canonical(item.kind, doc)


def _local(state: State, kind: str, item_id: str) -> Any:
    return next((x for x in getattr(state, FIELDS[kind]) if x.id == item_id), None)


def _mine(state: State, base: TakenItem) -> dict[str, Any] | None:
    """The person's item as it is now, in the same form as the base."""
    if base.kind == "balance":
        words = state.balance.definition
        return {"definition": words} if words else None
    found = _local(state, base.kind, base.mine or "")
    return None if found is None else _canonical(base.kind, msgspec.to_builtins(found))


def _canonical(kind: str, doc: dict[str, Any]) -> dict[str, Any]:
    """One form for the same item however it was written (defaults left out), so the three
    versions compare part by part."""
    try:
        found: dict[str, Any] = msgspec.to_builtins(msgspec.convert(doc, KINDS[kind]))
    except msgspec.ValidationError:
        return doc  # taking it says what is wrong, with its path
    return found


def _put(state: State, kind: str, doc: dict[str, Any], local: str) -> tuple[State, str]:
    """Write the item into the state (replacing the person's own with that id)."""
    try:
        value = msgspec.convert(doc, KINDS[kind])
    except msgspec.ValidationError as err:
        raise Invalid([problem_from(err, "$.item")]) from None
    if kind == "balance":
        if state.balance.definition and state.balance.definition != value.definition:
            return state, "balance"  # the person's own words are never written over
        balance = replace(state.balance, definition=value.definition)
        return replace(state, balance=balance), "balance"
    field = FIELDS[kind]
    items = list(getattr(state, field))
    index = next((i for i, x in enumerate(items) if x.id == local), None)
    if index is None:
        items.append(value)
    else:
        items[index] = value
    return replace(state, **{field: items}), local


def item_in_words(item: PackItem) -> tuple[str, str]:
    """A pack item for a person: what it is called, and what it does."""
    value = typed(item)
    if isinstance(value, Rule):
        return value.name, when_in_words(value)
    if isinstance(value, WaitingIdea):
        return value.what, _("Waiting time of {minutes}+ min").format(minutes=value.minutes)
    if isinstance(value, BalanceWords):
        return _("Words about balance"), value.definition
    return value.reason, block_in_words(value)
