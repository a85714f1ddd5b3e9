"""What the person keeps of a pack they took: which pack and version, and for each of its
items what it was when taken (the base of the three-way comparison when a newer version
comes) and what it became here (a local id), or that it was left. Stored with the person's
definitions (the "packs" table); nothing about it ever leaves the computer."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from msgspec import Meta, Struct

from tidewell.core.fields import Id, Name

ItemKind = Literal["rule", "protected", "idea", "balance"]
MAX_ITEMS = 200
Version = Annotated[int, Meta(ge=1, le=1_000_000)]


class TakenItem(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    id: Id  # the item's id in the pack
    kind: ItemKind
    item: dict[str, Any]  # as it was taken, in local form (local ids): the comparison's base
    mine: Id | None = None  # what it became here; none: left


class TakenPack(Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    id: Id  # the pack's own id
    title: Name
    author: Name
    version: Version
    date: date
    items: Annotated[list[TakenItem], Meta(max_length=MAX_ITEMS)] = []
