"""What every command shares: exit codes, the failure a command reports, opening the data
folder, printing JSON, and whether Tidewell runs on the folder."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tidewell.i18n import _

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_PROBLEM, EXIT_INVALID = 0, 1, 2


class Failure(Exception):
    """A command could not do what was asked; the message says why, the code how."""

    def __init__(self, message: str, code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.code = code


def open_store(args: argparse.Namespace) -> Any:
    """Open the data folder, telling the person about anything that was repaired."""
    from tidewell.platform.clock import SystemClock
    from tidewell.store.datastore import DataStore, StoreError
    from tidewell.store.paths import data_dir

    try:
        store, opened = DataStore.open(data_dir(args.data_dir), SystemClock())
    except StoreError as err:
        raise Failure(str(err)) from None
    for event in opened.events:
        print(f"tidewell: {event}", file=sys.stderr)
    for problem in opened.problems:
        said = _("kept but not used: {problem}").format(problem=problem)
        print(f"tidewell: {said}", file=sys.stderr)
    if store.sync is not None:  # what the other computers wrote, before anything else
        try:
            opened.state, notes = store.merge_sync(opened.state)
        except OSError as err:
            notes = [str(err)]
        for note in notes:
            said = _("Left as it is: {what}").format(what=note)
            print(f"tidewell: {said}", file=sys.stderr)
    return store, opened


def print_json(value: object) -> None:
    import msgspec

    sys.stdout.write(msgspec.json.format(msgspec.json.encode(value)).decode() + "\n")


def running_pid(args: argparse.Namespace) -> int | None:
    """The process of a Tidewell running on this data folder, if any."""
    from tidewell.platform.folder_lock import is_held
    from tidewell.store.paths import data_dir
    from tidewell.store.running import LOCK, running_app

    folder = data_dir(args.data_dir)
    if is_held(folder / LOCK) is False:
        return None  # a file left by a crash, naming a process that took its number since
    return running_app(folder)


def refuse_while_running(args: argparse.Namespace, instead: str) -> None:
    """The running app holds the state in memory and would write over the change;
    ``instead`` says what to do."""
    pid = running_pid(args)
    if pid is not None:
        said = _("Tidewell is running (process {pid}) and would write over this.")
        raise Failure(f"{said.format(pid=pid)} {instead}")
