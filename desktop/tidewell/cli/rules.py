"""``tidewell rules list | import FILE | export FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tidewell.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    Failure,
    open_store,
    print_json,
    refuse_while_running,
)
from tidewell.i18n import _, n_, p_


def run_rules(args: argparse.Namespace) -> int:
    action = args.rules_command
    if action == "list":
        return _list(args)
    if action == "import":
        return _import(args)
    return _export(args)


def _list(args: argparse.Namespace) -> int:
    from tidewell.core.describe import when_in_words

    _store, opened = open_store(args)
    rules = opened.state.rules
    if args.json:
        print_json(rules)
        return EXIT_OK
    if not rules:
        print(_("No rules yet. 'tidewell rules import FILE' adds some (see the README)."))
        return EXIT_OK
    width = max(len(r.id) for r in rules)
    on, off = p_("rule", "on"), p_("rule", "off")
    marks = max(len(on), len(off))
    for rule in rules:
        mark = on if rule.enabled else off
        what = f"{rule.name}  [{rule.area}]  {when_in_words(rule)}"
        print(f"{mark:<{marks}}  {rule.id:<{width}}  {what}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from tidewell.core.commands import merge_rules
    from tidewell.core.rulefile import merge_file, read_rule_file
    from tidewell.core.validation import Invalid

    name = "<stdin>" if args.file == "-" else args.file
    data = _read(args.file)
    refuse_while_running(args, _("Quit it first ('tidewell quit'), import, then start it again."))
    store, opened = open_store(args)
    try:
        incoming = read_rule_file(data, known=opened.state)
    except Invalid as invalid:
        for problem in invalid.problems:
            print(f"{name}: {problem}", file=sys.stderr)
        count = len(invalid.problems)
        said = n_("Nothing was imported: {count} problem to fix first.",
                  "Nothing was imported: {count} problems to fix first.", count)  # fmt: skip
        print(said.format(count=count), file=sys.stderr)
        return EXIT_INVALID
    state, added, changed = merge_rules(opened.state, incoming.rules, store.clock.now())
    state = merge_file(state, incoming)
    store.save(state)
    others = sum(
        len(x) for x in (incoming.blocks, incoming.people, incoming.seasons, incoming.ideas)
    )
    count = len(incoming.rules)
    said = n_("Imported {count} rule ({added} new, {changed} changed).",
              "Imported {count} rules ({added} new, {changed} changed).", count)  # fmt: skip
    print(said.format(count=count, added=added, changed=changed))
    if others:
        print(
            n_("Also {count} other item.", "Also {count} other items.", others).format(count=others)
        )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from tidewell.core.rulefile import write_rule_file
    from tidewell.store.atomic import atomic_write

    _store, opened = open_store(args)
    data = write_rule_file(opened.state)
    if args.file == "-":
        sys.stdout.write(data.decode())
        return EXIT_OK
    target = Path(args.file)
    try:
        atomic_write(target.resolve(), data)
    except OSError as err:
        raise Failure(
            _("Could not write {path}: {reason}").format(path=target, reason=err.strerror)
        ) from None
    count = len(opened.state.rules)
    said = n_("Wrote {count} rule to {path}.", "Wrote {count} rules to {path}.", count)
    print(said.format(count=count, path=target))
    return EXIT_OK


def _read(file: str) -> bytes:
    from tidewell.core.reading import NotReadable, read_regular_file
    from tidewell.core.rulefile import MAX_BYTES

    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            said = _("the file is larger than {size} MB").format(size=MAX_BYTES // 2**20)
            raise Failure(f"<stdin>: {said}", EXIT_INVALID)
        return data
    try:
        return read_regular_file(Path(file), MAX_BYTES)
    except NotReadable as err:
        raise Failure(str(err), EXIT_INVALID) from None
