"""Schema versions of the main file, and the ordered steps from each to the next.

A migration is a small function from one version's raw document to the next one's. A file
from a newer Tidewell is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tidewell.i18n import _

Raw = dict[str, Any]
META = "meta"
META_ID = "1"


def _v0_to_v1(raw: Raw) -> Raw:
    """Version 0 (the first drafts) kept no meta table; nothing else changed."""
    return raw


MIGRATIONS: list[Callable[[Raw], Raw]] = [_v0_to_v1]
SCHEMA_VERSION = len(MIGRATIONS)
# The other files (the ledger, each journal year, the calendars' cache, the reflections):
# version 1 is their first shape with a meta table; version 0 (no meta) reads the same.
DATA_VERSION = 1


class NewerSchema(Exception):
    def __init__(self, found: int, newest: int = SCHEMA_VERSION) -> None:
        self.found = found
        super().__init__(
            _(
                "this was written by a newer Tidewell (version {found}; this one reads up to "
                "{newest}). Nothing was changed: please update Tidewell."
            ).format(found=found, newest=newest)
        )


def with_version(tables: Raw, version: int = DATA_VERSION) -> Raw:
    """``tables`` with the meta table that says which shape they are in."""
    return {**tables, META: {META_ID: {"schema_version": version}}}


def refuse_newer(raw: Raw, newest: int = DATA_VERSION) -> None:
    """A file from a newer Tidewell is left exactly as it is."""
    version = schema_of(raw)
    if version > newest:
        raise NewerSchema(version, newest)


def schema_of(raw: Raw) -> int:
    meta = raw.get(META, {}).get(META_ID, {})
    version = meta.get("schema_version", 0) if isinstance(meta, dict) else 0
    if not isinstance(version, int) or version < 0:
        raise ValueError(f"$.{META}.{META_ID}.schema_version: expected a whole number")
    return version


def migrate(raw: Raw) -> tuple[Raw, bool]:
    """Bring ``raw`` to SCHEMA_VERSION; returns it and whether anything changed."""
    version = schema_of(raw)
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    for step in MIGRATIONS[version:]:
        raw = step(raw)
    changed = version != SCHEMA_VERSION
    if changed:
        raw.setdefault(META, {})[META_ID] = {"schema_version": SCHEMA_VERSION}
    return raw, changed
