"""``tidewell calendars add NAME URL|FILE | list | sync | remove NAME``, for scripted setups.

A feed's address goes straight into the keyring; only its host is written or printed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tidewell.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_PROBLEM,
    Failure,
    open_store,
    print_json,
    refuse_while_running,
)
from tidewell.core.status import moment_in_words
from tidewell.i18n import _


def add_calendar_commands(commands: Any) -> None:  # argparse's subparsers action
    calendars = commands.add_parser("calendars", help=_("your calendars: add, list, sync, remove"))
    do = calendars.add_subparsers(dest="calendars_command", metavar="ACTION", required=True)
    add = do.add_parser("add", help=_("add a calendar feed (its private address) or an .ics file"))
    add.add_argument("name", help=_("a name for it, e.g. Work"))
    add.add_argument(
        "where", metavar="URL|FILE", help=_("https:// or webcal:// address, or a file")
    )
    add.add_argument(
        "--lead",
        type=int,
        default=120,
        metavar="MINUTES",
        help=_("offer waiting-time ideas this long before a trip (120)"),
    )
    listing = do.add_parser("list", help=_("show your calendars and how their last read went"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    do.add_parser("sync", help=_("read every calendar now"))
    remove = do.add_parser(
        "remove", help=_("remove a calendar (and its address from the password store)")
    )
    remove.add_argument("name", help=_("its name or id"))


def _NONE_YET() -> str:
    return _("No calendars yet. 'tidewell calendars add NAME URL|FILE' adds one.")


def run_calendars(args: argparse.Namespace) -> int:
    action = args.calendars_command
    if action == "list":
        return _list(args)
    if action == "add":
        return _add(args)
    if action == "remove":
        return _remove(args)
    return _sync(args)


def _list(args: argparse.Namespace) -> int:
    from tidewell.store.calendar_cache import CalendarCache

    store, opened = open_store(args)
    results = CalendarCache(store.folder, store.clock.now()).read()
    sources = opened.state.calendars
    if args.json:
        rows = [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "where": s.where,
                "last_read": results[s.id].at.isoformat() if s.id in results else None,
                "ok": results[s.id].ok if s.id in results else None,
                "result": results[s.id].message if s.id in results else None,
            }
            for s in sources
        ]
        print_json(rows)
        return EXIT_OK
    if not sources:
        print(_NONE_YET())
        return EXIT_OK
    zone = store.clock.zone()
    for source in sources:
        done = results.get(source.id)
        if done is None:
            last = _("not read yet")
        else:
            when = moment_in_words(done.at, store.clock.now(), zone)
            said = _("read {when}: {result}") if done.ok else _("not read {when}: {result}")
            last = said.format(when=when, result=done.message)
        what = (
            _("from {host}").format(host=source.host)
            if source.kind == "url"
            else _("the file {path}").format(path=source.path)
        )
        print(f"{source.id}  {source.name}  ({what})  {last}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from tidewell.calendars.events import FeedError
    from tidewell.calendars.fetch import check_url
    from tidewell.calendars.sync import describe_host
    from tidewell.core.calendar import CalendarSource, Readings
    from tidewell.core.fields import free_id

    if not 10 <= args.lead <= 600:
        raise Failure("--lead: " + _("give between 10 and 600 minutes"), EXIT_INVALID)
    refuse_while_running(args, _("Add it in Settings → Calendars, or quit Tidewell first."))
    store, opened = open_store(args)
    state = opened.state
    name = args.name.strip()
    if not name:
        raise Failure(_("give the calendar a name"), EXIT_INVALID)
    source_id = free_id(name, {s.id for s in state.calendars}, "calendar")
    readings = Readings(lead_minutes=args.lead)
    if "://" in args.where:
        try:
            host = describe_host(args.where)
            url = check_url(args.where)
        except FeedError as err:
            raise Failure(str(err), EXIT_INVALID) from None
        secrets = _keyring()
        source = CalendarSource(source_id, name, "url", host=host, readings=readings)
        _keep(secrets, source.id, url)
        what = _("from {host}; its address is in your system's password store").format(host=host)
    else:
        path = Path(args.where).expanduser()
        if not path.is_file():
            raise Failure(_("{path} is not a file").format(path=args.where), EXIT_INVALID)
        source = CalendarSource(
            source_id, name, "file", path=str(path.resolve()), readings=readings
        )
        what = _("the file {path}").format(path=path.name)
    store.save(_with_calendars(state, [*state.calendars, source]))
    print(_("Added '{name}' ({what}).").format(name=name, what=what))
    code = _read_now(store, [source], opened.state)
    return EXIT_OK if code == EXIT_OK else EXIT_PROBLEM


def _remove(args: argparse.Namespace) -> int:
    from tidewell.store.secrets import SecretError, SecretStore

    refuse_while_running(args, _("Remove it in Settings → Calendars, or quit Tidewell first."))
    store, opened = open_store(args)
    state = opened.state
    wanted = args.name.strip().casefold()
    found = [s for s in state.calendars if wanted in (s.id.casefold(), s.name.casefold())]
    if not found:
        names = ", ".join(s.name for s in state.calendars) or _("none yet")
        said = _("no calendar is called '{name}' (yours: {names})")
        raise Failure(said.format(name=args.name, names=names), EXIT_INVALID)
    source = found[0]
    store.save(_with_calendars(state, [s for s in state.calendars if s.id != source.id]))
    _forget_results(store, source.id)
    print(_("Removed '{name}'.").format(name=source.name))
    if source.kind == "url":
        try:
            SecretStore().delete(source.id)
        except SecretError as err:
            said = _(
                "its address could not be removed from your system's password store "
                "({reason}); remove the entry '{entry}' there yourself."
            ).format(reason=err, entry=f"tidewell / {source.id}")
            print(f"tidewell: {said}", file=sys.stderr)
            return EXIT_PROBLEM
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    store, opened = open_store(args)
    if not opened.state.calendars:
        print(_NONE_YET())
        return EXIT_OK
    return _read_now(store, opened.state.calendars, opened.state)


def _read_now(store: Any, sources: list[Any], state: Any) -> int:
    from tidewell.calendars.sync import sync_source
    from tidewell.store.calendar_cache import CalendarCache
    from tidewell.store.secrets import SecretStore

    cache = CalendarCache(store.folder, store.clock.now())
    results = cache.read()
    secrets = SecretStore() if any(s.kind == "url" for s in sources) else None
    code = EXIT_OK
    for source in sources:
        done = sync_source(
            source, results.get(source.id), secrets, store.clock.now(), store.clock.zone()
        )
        results[source.id] = done
        if done.ok:
            print(f"{source.name}: {done.message}.")
        else:
            said = _("{name}: could not be read: {reason}.")
            print(said.format(name=source.name, reason=done.message), file=sys.stderr)
            code = EXIT_PROBLEM
    known = {s.id for s in state.calendars} | {s.id for s in sources}
    cache.write({k: v for k, v in results.items() if k in known})
    return code


def _forget_results(store: Any, source_id: str) -> None:
    from tidewell.store.calendar_cache import CalendarCache

    cache = CalendarCache(store.folder, store.clock.now())
    results = cache.read()
    if results.pop(source_id, None) is not None:
        cache.write(results)


def _keyring() -> Any:
    from tidewell.store.secrets import SecretStore

    secrets = SecretStore()
    problem = secrets.unavailable()
    if problem:
        raise Failure(
            _(
                "a calendar's private address needs your system's password store, and none "
                "works here ({reason}). A calendar file works: {command}"
            ).format(reason=problem, command="tidewell calendars add NAME FILE")
        )
    return secrets


def _keep(secrets: Any, key: str, url: str) -> None:
    from tidewell.store.secrets import SecretError

    try:
        secrets.set(key, url)
    except SecretError as err:
        said = _("your system's password store did not keep the address ({reason})")
        raise Failure(said.format(reason=err)) from None


def _with_calendars(state: Any, calendars: list[Any]) -> Any:
    from msgspec.structs import replace  # here, not at the top: `tidewell` alone starts lighter

    return replace(state, calendars=calendars)
