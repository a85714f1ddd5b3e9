"""A read-only look at the data folder: everything ``tidewell check`` reports."""

from __future__ import annotations

import os
from pathlib import Path

from tidewell.core.validation import cross_check
from tidewell.i18n import _
from tidewell.store.atomic import stray_temp_files
from tidewell.store.datastore import LEDGER, MAIN, state_from_tables
from tidewell.store.documents import Unreadable, read_tables
from tidewell.store.migrations import DATA_VERSION, NewerSchema, migrate


def check_folder(folder: Path) -> list[str]:
    """Problems found, one sentence each; empty when all is well. Changes nothing."""
    if not folder.exists():
        return [f"{folder}: " + _("no data folder yet (Tidewell creates it on first start)")]
    problems: list[str] = []
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        problems.append(f"{folder}: " + _("others can read this folder (it should be 0700)"))
    for sub in (folder, folder / "journal", folder / "backups"):
        stray = _("a temporary file left by an interrupted save")
        problems += [f"{p}: {stray}" for p in stray_temp_files(sub)]
    files = [folder / MAIN, folder / LEDGER, *sorted((folder / "journal").glob("*.json"))]
    for path in files:
        if not path.exists():
            continue
        if os.name == "posix" and path.stat().st_mode & 0o077:
            problems.append(f"{path}: " + _("others can read this file (it should be 0600)"))
        try:
            raw, _data = read_tables(path, newest=None if path.name == MAIN else DATA_VERSION)
        except (Unreadable, NewerSchema) as err:
            problems.append(f"{path}: {err}")
            continue
        if path.name == MAIN and raw is not None:
            try:
                migrate(dict(raw))
            except NewerSchema as err:
                problems.append(f"{path}: {err}")
            except ValueError as err:
                problems.append(f"{path}: {err}")
    if not problems and (folder / MAIN).exists():
        problems += _content_problems(folder)
    return problems


def _content_problems(folder: Path) -> list[str]:
    path = folder / MAIN
    raw, _data = read_tables(path, newest=None)
    assert raw is not None
    state, found, _notes = state_from_tables(raw)
    return [f"{path}: {p}" for p in (*found, *cross_check(state))]
