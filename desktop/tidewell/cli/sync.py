"""``tidewell sync``: your balance on every computer you use, through the file sync you
already run (Syncthing, Nextcloud, Dropbox, OneDrive, iCloud Drive). No account, no server
of ours: each computer writes only its own files in a folder you choose."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tidewell.cli.common import EXIT_INVALID, EXIT_OK, Failure, open_store, refuse_while_running
from tidewell.i18n import _


def add_sync_commands(commands: Any) -> None:  # argparse's subparsers action
    sync = commands.add_parser(
        "sync", help=_("share your rules and journal through a folder you sync")
    )
    do = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    join = do.add_parser("join", help=_("use this folder (a backup is kept first)"))
    join.add_argument("folder", metavar="FOLDER", help=_("a folder your sync tool keeps in step"))
    do.add_parser("leave", help=_("stop syncing; everything stays on this computer"))
    do.add_parser("status", help=_("the folder, and the computers it has seen"))


def run_sync(args: argparse.Namespace) -> int:
    if args.sync_command == "join":
        return _join(args)
    if args.sync_command == "leave":
        return _leave(args)
    return _status(args)


def _join(args: argparse.Namespace) -> int:
    from tidewell.store.backups import back_up
    from tidewell.store.datastore import MAIN
    from tidewell.store.reflections import Reflections
    from tidewell.store.sync_link import SyncLink

    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        said = _("{path} is not a folder; make it first, in the folder your sync tool keeps")
        raise Failure(said.format(path=folder), EXIT_INVALID)
    refuse_while_running(args, _("Quit Tidewell first ('tidewell quit'), then join."))
    store, opened = open_store(args)
    if store.sync is not None:
        said = _("already syncing through {path}; 'tidewell sync leave' first")
        raise Failure(said.format(path=store.sync.link.folder), EXIT_INVALID)
    now = store.clock.now()
    main = store.folder / MAIN
    back_up(main, main.read_bytes(), now)  # the way back, whatever the folder brings
    assert store.journal is not None
    journal = [e for year in store.journal.years() for e in store.journal.entries(year, now)]
    try:
        kept = [r for _id, r in Reflections(store.folder, now).all()]
        link = SyncLink.join(store.folder, folder, opened.state, journal, now, kept)
    except OSError as err:
        said = _("Could not write {path}: {reason}").format(path=folder, reason=err.strerror)
        raise Failure(said) from None
    store.sync = link
    _merged, notes = store.merge_sync(opened.state)
    print(_("Syncing through {path} as '{name}'.").format(path=folder, name=link.link.name))
    others = [d for d in link.folder.devices() if d.device != link.link.device]
    if others:
        print(_("Also there: {names}.").format(names=", ".join(d.name for d in others)))
    for note in notes:
        print(_("Left as it is: {what}").format(what=note))
    print(_("Your rules and journal were backed up first; 'tidewell sync leave' stops."))
    return EXIT_OK


def _leave(args: argparse.Namespace) -> int:
    refuse_while_running(args, _("Quit Tidewell first ('tidewell quit'), then leave."))
    store, _opened = open_store(args)
    if store.sync is None:
        print(_("Not syncing: everything is on this computer."))
        return EXIT_OK
    folder = store.sync.link.folder
    store.sync.leave()
    said = _("Stopped syncing through {path}. Everything stays on this computer, and the "
             "folder stays as it is for your other computers.")  # fmt: skip
    print(said.format(path=folder))
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from tidewell.core.status import moment_in_words

    store, _opened = open_store(args)
    if store.sync is None:
        print(_("Not syncing. 'tidewell sync join FOLDER' shares your balance through a "
                "folder your sync tool keeps in step."))  # fmt: skip
        return EXIT_OK
    link = store.sync
    now = store.clock.now()
    zone = store.clock.zone()
    print(_("Syncing through {path}.").format(path=link.link.folder))
    for device in link.folder.devices():
        when = moment_in_words(device.seen, now, zone)
        if device.device == link.link.device:
            print(
                _("  {name} (this computer): last synced {when}").format(
                    name=device.name, when=when
                )
            )
        else:
            print(_("  {name}: last seen {when}").format(name=device.name, when=when))
    return EXIT_OK
