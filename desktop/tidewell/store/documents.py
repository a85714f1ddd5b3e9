"""Reading one TinyDB JSON file safely: shape checks, and moving a bad file aside."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

from tidewell.store.backups import stamp
from tidewell.store.migrations import DATA_VERSION, refuse_newer


class Unreadable(Exception):
    """The file exists but cannot be used; the message says why."""


def read_tables(
    path: Path, newest: int | None = DATA_VERSION
) -> tuple[dict[str, Any] | None, bytes]:
    """The file's tables (None if the file does not exist) and its bytes.

    Raises Unreadable for an empty, truncated, binary or wrongly shaped file, and NewerSchema
    (the file untouched) for one written by a newer Tidewell than ``newest``.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, b""
    if not data.strip():
        raise Unreadable(f"{path.name} is empty")
    try:
        raw = msgspec.json.decode(data)
    except msgspec.DecodeError as err:
        raise Unreadable(f"{path.name} is not valid JSON ({err})") from None
    if not isinstance(raw, dict):
        raise Unreadable(f"{path.name}: expected an object of tables, got {type(raw).__name__}")
    for name, table in raw.items():
        if not isinstance(table, dict):
            raise Unreadable(f"{path.name}: $.{name} should be a table (an object)")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise Unreadable(f"{path.name}: $.{name}.{doc_id} should be an object")
    if newest is not None:
        try:
            refuse_newer(raw, newest)
        except ValueError as err:
            raise Unreadable(f"{path.name}: {err}") from None
    return raw, data


def move_aside(path: Path, moment: datetime) -> Path:
    """Rename an unreadable file to ``<name>.corrupt-<time>`` so nothing is lost."""
    aside = path.with_name(f"{path.name}.corrupt-{stamp(moment)}")
    path.replace(aside)
    return aside


def documents(raw: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """A table's documents in insertion (doc id) order."""
    rows = raw.get(table, {})
    return [rows[key] for key in sorted(rows, key=_doc_order)]


def _doc_order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (1 << 62, key)


def as_table(docs: list[Any]) -> dict[str, Any]:
    return {str(index): doc for index, doc in enumerate(docs, start=1)}
