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


def run_rules(args: argparse.Namespace) -> int:
    action = args.rules_command
    if action == "list":
        return _list(args)
    if action == "import":
        return _import(args)
    return _export(args)


def _list(args: argparse.Namespace) -> int:
    from tidewell.core.describe import when_in_words

    _, opened = open_store(args)
    rules = opened.state.rules
    if args.json:
        print_json(rules)
        return EXIT_OK
    if not rules:
        print("No rules yet. 'tidewell rules import FILE' adds some (see the README).")
        return EXIT_OK
    width = max(len(r.id) for r in rules)
    for rule in rules:
        mark = "on " if rule.enabled else "off"
        print(f"{mark}  {rule.id:<{width}}  {rule.name}  [{rule.area}]  {when_in_words(rule)}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from tidewell.core.commands import merge_rules
    from tidewell.core.rulefile import merge_file, read_rule_file
    from tidewell.core.validation import Invalid

    name = "<stdin>" if args.file == "-" else args.file
    data = _read(args.file)
    refuse_while_running(
        args,
        "the import",
        "Quit it first ('tidewell quit'), import, then start it again.",
    )
    store, opened = open_store(args)
    try:
        incoming = read_rule_file(data, known=opened.state)
    except Invalid as invalid:
        for problem in invalid.problems:
            print(f"{name}: {problem}", file=sys.stderr)
        count = len(invalid.problems)
        print(
            f"Nothing was imported: {count} problem{'s' if count != 1 else ''} to fix first.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    state, added, changed = merge_rules(opened.state, incoming.rules, store.clock.now())
    state = merge_file(state, incoming)
    store.save(state)
    others = sum(
        len(x) for x in (incoming.blocks, incoming.people, incoming.seasons, incoming.ideas)
    )
    extra = f", and {others} other item{'s' if others != 1 else ''}" if others else ""
    rules = "1 rule" if len(incoming.rules) == 1 else f"{len(incoming.rules)} rules"
    print(f"Imported {rules} ({added} new, {changed} changed){extra}.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from tidewell.core.rulefile import write_rule_file
    from tidewell.store.atomic import atomic_write

    _, opened = open_store(args)
    data = write_rule_file(opened.state)
    if args.file == "-":
        sys.stdout.write(data.decode())
        return EXIT_OK
    target = Path(args.file)
    try:
        atomic_write(target.resolve(), data)
    except OSError as err:
        raise Failure(f"cannot write {target}: {err.strerror}") from None
    print(f"Wrote {len(opened.state.rules)} rules to {target}.")
    return EXIT_OK


def _read(file: str) -> bytes:
    from tidewell.core.reading import NotReadable, read_regular_file
    from tidewell.core.rulefile import MAX_BYTES

    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise Failure(f"<stdin>: more than {MAX_BYTES // 2**20} MB", EXIT_INVALID)
        return data
    try:
        return read_regular_file(Path(file), MAX_BYTES)
    except NotReadable as err:
        raise Failure(f"cannot read {file}: {err}", EXIT_INVALID) from None
