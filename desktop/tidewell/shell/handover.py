"""What the tray does with a change handed over by a window in its own process
(``shell/window_process.py``): the window reads the data folder, the tray alone writes it.

Each request is checked at this door as the main file is when it is read (every item
validated, the whole checked together), and either kept whole or refused whole. The answer
is "" when done, else why not in words, which the window shows."""

from __future__ import annotations

import logging
from pathlib import Path

import msgspec

from tidewell.core import requests
from tidewell.core.reflection import Reflection
from tidewell.shell.runtime import Runtime
from tidewell.store.datastore import state_from_tables

log = logging.getLogger(__name__)


def answer(runtime: Runtime, request: requests.Request) -> str:
    try:
        return _carry_out(runtime, request)
    except OSError as err:
        return str(err.strerror or err)


def _carry_out(runtime: Runtime, request: requests.Request) -> str:
    match request:
        case requests.Apply(tables=tables):
            draft, problems, _invalid = state_from_tables(tables)
            problems = problems or runtime.apply_definitions(draft)
            if problems:
                log.warning("a window's save was refused: %s", problems[:3])
            return "; ".join(str(p) for p in problems[:3])
        case requests.Reflected(reflection=doc, gone=gone):
            sync = runtime.store.sync
            if sync is not None:
                try:
                    kept = msgspec.convert(doc, Reflection)
                except msgspec.ValidationError as err:
                    return f"not a reflection: {err}"
                sync.publish_reflection(kept, runtime.clock.now(), gone=gone)
            return ""
        case requests.JoinSync(folder=folder):
            runtime.join_sync(Path(folder))
            runtime.changed.emit()
            return ""
        case requests.LeaveSync():
            runtime.leave_sync()
            runtime.changed.emit()
            return ""
    return "not a window's request"
