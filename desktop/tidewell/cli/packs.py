"""``tidewell packs``: make a norms pack of your own items, preview one, take it, list and
leave the packs taken. Nothing is ever sent back to whoever made a pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tidewell.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    Failure,
    open_store,
    print_json,
    refuse_while_running,
)
from tidewell.i18n import _, n_

STATUS_WORDS = {  # how a line of the preview is introduced
    "new": "+",
    "updated": "~",
    "adapted": "~",
    "left": "+",
    "removed": "-",
}


def add_pack_commands(commands: Any) -> None:  # argparse's subparsers action
    packs = commands.add_parser(
        "packs", help=_("share your own boundaries as a pack, or take one someone shared")
    )
    do = packs.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    make = do.add_parser("make", help=_("make a pack of your own items"))
    make.add_argument("out", metavar="OUT", help=_("the pack file to write"))
    make.add_argument(
        "--items", required=True,
        help=_("what to share, like rule:stretch,protected:evenings,idea:walk,balance"),
    )  # fmt: skip
    make.add_argument("--note", default="", help=_("a note from you, shown first"))
    make.add_argument(
        "--why", action="append", default=[], metavar="ID=TEXT",
        help=_("why an item matters to you, in your words (once per item)"),
    )  # fmt: skip
    make.add_argument("--title", default=None, help=_("its title (default: the file's name)"))
    make.add_argument("--author", default=None, help=_("who made it (default: you, unnamed)"))
    make.add_argument("--id", dest="pack_id", default=None, help=_("its id, kept across versions"))
    make.add_argument("--version", type=int, default=1, help=_("a newer version: 2, 3…"))
    preview = do.add_parser("preview", help=_("show what a pack would bring, changing nothing"))
    preview.add_argument("source", metavar="FILE|URL")
    preview.add_argument("--json", action="store_true", help=_("print JSON"))
    take = do.add_parser("take", help=_("take items of a pack (nothing of yours is replaced)"))
    take.add_argument("source", metavar="FILE|URL")
    which = take.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help=_("everything the preview shows"))
    which.add_argument("--items", help=_("the ids to take, like evenings,stretch"))
    do.add_parser("list", help=_("the packs you took"))
    leave = do.add_parser("leave", help=_("forget a pack; what you took stays yours"))
    leave.add_argument("pack_id", metavar="ID")


def run_packs(args: argparse.Namespace) -> int:
    action = args.packs_command
    if action == "make":
        return _make(args)
    if action == "preview":
        return _preview(args)
    if action == "take":
        return _take(args)
    if action == "list":
        return _list(args)
    return _leave(args)


def _make(args: argparse.Namespace) -> int:
    from tidewell.core.commands import CommandError
    from tidewell.core.fields import free_id
    from tidewell.core.packs import make_pack, write_pack
    from tidewell.core.validation import Invalid
    from tidewell.store.atomic import atomic_write

    store, opened = open_store(args)
    whys = dict(w.split("=", 1) for w in args.why if "=" in w)
    picks = []
    for part in (p.strip() for p in args.items.split(",") if p.strip()):
        kind, _sep, item_id = part.partition(":")
        if kind == "balance":
            item_id = "balance"
        if kind not in ("rule", "protected", "idea", "balance") or not item_id:
            said = _("'{item}' is not an item like rule:stretch or protected:evenings")
            raise Failure("--items: " + said.format(item=part), EXIT_INVALID)
        picks.append((kind, item_id, whys.get(item_id, "")))
    out = Path(args.out)
    title = args.title or out.stem.replace("-", " ").capitalize()
    try:
        pack = make_pack(
            opened.state, picks, pack_id=args.pack_id or free_id(title, set(), "pack"),
            title=title, author=args.author or _("Someone who shares their boundaries"),
            note=args.note, day=store.clock.now().astimezone(store.clock.zone()).date(),
            version=args.version,
        )  # fmt: skip
    except (CommandError, Invalid) as err:
        raise Failure(str(err), EXIT_INVALID) from None
    try:
        atomic_write(out.resolve(), write_pack(pack))
    except OSError as err:
        said = _("Could not write {path}: {reason}").format(path=out, reason=err.strerror)
        raise Failure(said) from None
    count = len(pack.items)
    said = n_("Wrote a pack of {count} item to {path}.", "Wrote a pack of {count} items to {path}.",
              count)  # fmt: skip
    print(said.format(count=count, path=out))
    print(_("Nothing comes back to you from those who take it."))
    return EXIT_OK


def _load(source: str) -> Any:
    from tidewell.core.validation import Invalid
    from tidewell.sharing import pack_from

    try:
        return pack_from(source)
    except Invalid as err:
        for problem in err.problems:
            print(f"{source}: {problem}", file=sys.stderr)
        raise Failure(_("Nothing was taken."), EXIT_INVALID) from None


def _preview(args: argparse.Namespace) -> int:
    import msgspec

    from tidewell.core.packs import preview

    pack = _load(args.source)
    _store, opened = open_store(args)
    changes = preview(opened.state, pack)
    if args.json:
        print_json({"pack": pack, "changes": [msgspec.to_builtins(c) for c in changes]})
        return EXIT_OK
    print(
        _("{title}, by {author} (version {version}, {date})").format(
            title=pack.title, author=pack.author, version=pack.version, date=pack.date.isoformat()
        )
    )
    if pack.note:
        print(f"  {pack.note}")
    print(_("Taking it changes nothing of yours, and nothing is sent back to its author."))
    if not changes:
        print(_("Nothing new since the version you took."))
    for change in changes:
        print(f"{STATUS_WORDS[change.status]} {change.item.kind}:{change.item.id}  "
              f"{_status_words(change.status, change.kept)}")  # fmt: skip
        if change.item.why:
            print(f"    {change.item.why}")
    return EXIT_OK


def _status_words(status: str, kept: list[str]) -> str:
    if status == "adapted" and kept:
        return _("changed; where you changed the same part, yours stays ({parts})").format(
            parts=", ".join(kept)
        )
    return {
        "new": _("new"),
        "updated": _("changed since you took it"),
        "adapted": _("changed; your own changes stay"),
        "left": _("changed since you left it"),
        "removed": _("no longer in the pack; yours stays"),
    }[status]


def _take(args: argparse.Namespace) -> int:
    from tidewell.core.packs import preview, take
    from tidewell.core.validation import Invalid

    pack = _load(args.source)
    refuse_while_running(args, _("Take it in Settings → Packs, or quit Tidewell first."))
    store, opened = open_store(args)
    offered = {c.item.id for c in preview(opened.state, pack) if c.status != "removed"}
    wanted = offered if args.all else {i.strip() for i in args.items.split(",") if i.strip()}
    unknown = sorted(wanted - offered)
    if unknown:
        said = _("not in what this pack offers now: {ids}").format(ids=", ".join(unknown))
        raise Failure("--items: " + said, EXIT_INVALID)
    try:
        state = take(opened.state, pack, wanted)
    except Invalid as err:
        for problem in err.problems:
            print(f"{args.source}: {problem}", file=sys.stderr)
        raise Failure(_("Nothing was taken."), EXIT_INVALID) from None
    store.save(state)
    count = len(wanted)
    said = n_("Took {count} item from '{title}'.", "Took {count} items from '{title}'.", count)
    print(said.format(count=count, title=pack.title))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    _store, opened = open_store(args)
    if not opened.state.packs:
        print(_("No packs taken yet. 'tidewell packs preview FILE|URL' shows one first."))
    for pack in opened.state.packs:
        taken = sum(1 for i in pack.items if i.mine)
        print(_("{id}  {title}, by {author} (version {version}): {taken} of {count} taken").format(
            id=pack.id, title=pack.title, author=pack.author, version=pack.version,
            taken=taken, count=len(pack.items)))  # fmt: skip
    return EXIT_OK


def _leave(args: argparse.Namespace) -> int:
    from tidewell.core.commands import CommandError
    from tidewell.core.packs import leave

    refuse_while_running(args, _("Leave it in Settings → Packs, or quit Tidewell first."))
    store, opened = open_store(args)
    try:
        state = leave(opened.state, args.pack_id)
    except CommandError as err:
        raise Failure(str(err), EXIT_INVALID) from None
    store.save(state)
    print(_("Left '{id}'. What you took from it stays yours.").format(id=args.pack_id))
    return EXIT_OK
