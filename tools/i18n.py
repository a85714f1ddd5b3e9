"""Tidewell's catalogue: ``python tools/i18n.py extract|update|compile|check|pseudo DIR``.

- extract: the words marked in the code (``_``, ``n_``, ``p_``) into ``locale/tidewell.pot``;
- update: each language's ``.po`` merged with the new template (a translation platform such
  as Weblate does the same from the repository);
- compile: every ``.po`` to its ``.mo`` (the build does this; see hatch_build.py);
- check: every shipped language has every string, translated and not fuzzy, with the same
  placeholders, and compiles (CI runs this: tools/test);
- pseudo DIR: a pseudo-language ("en_XA": every string accented and 40 % longer) compiled
  into DIR, for the test that finds words left untranslated or clipped.
"""

from __future__ import annotations

import re
import sys
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "desktop" / "tidewell" / "locale"
TEMPLATE = LOCALE / "tidewell.pot"
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "p_": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_ACCENTS = str.maketrans("aeiouyAEIOUYcnsz", "àéîöûýÀÉÎÖÛÝçñšž")


def extracted() -> Catalog:
    catalog = Catalog(project="Tidewell", domain="tidewell", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT / "desktop" / "tidewell"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
    ):
        catalog.add(message, locations=[(f"desktop/tidewell/{filename}", lineno)],
                    auto_comments=comments, context=context)  # fmt: skip
    return catalog


def po_files() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/tidewell.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False)
    path.write_bytes(buffer.getvalue())


def compile_all(out: Path | None = None) -> list[Path]:
    made = []
    for po in po_files():
        mo = (out / po.relative_to(LOCALE)) if out else po
        mo = mo.with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, read(po))
        made.append(mo)
    return made


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def problems() -> list[str]:
    """What keeps a shipped language from being complete, each naming its file and string."""
    template = extracted()
    found: list[str] = []
    for po in po_files():
        catalog = read(po)
        where = po.relative_to(ROOT)
        for wanted in template:
            if not wanted.id:
                continue
            have = catalog.get(wanted.id, wanted.context)
            if have is None or not all(_strings(have)) or have.fuzzy:
                found.append(f"{where}: not translated: {_ids(wanted)[0]!r}")
                continue
            expected = set(PLACEHOLDER.findall(" ".join(_ids(wanted))))
            plural = len(_ids(wanted)) > 1  # a form may leave out the count ("every week")
            for string in _strings(have):
                got = set(PLACEHOLDER.findall(string))
                needed = expected - {"{count}"} if plural else expected
                if not got <= expected or not needed <= got:
                    found.append(f"{where}: placeholders differ in {string!r}")
        try:
            write_mo(BytesIO(), catalog)
        except Exception as err:  # any reason a catalogue cannot compile
            found.append(f"{where}: does not compile: {err}")
    return found


def pseudo(message: str) -> str:
    """Accented, 40 % longer, placeholders kept: '[Ðöñé·····]'."""
    parts = PLACEHOLDER.split(message)
    holders = PLACEHOLDER.findall(message)
    out = parts[0].translate(_ACCENTS)
    for holder, part in zip(holders, parts[1:], strict=True):
        out += holder + part.translate(_ACCENTS)
    return f"[{out}{'·' * max(1, round(len(message) * 0.4))}]"


def pseudo_catalog(out: Path) -> Path:
    catalog = Catalog(locale="en", domain="tidewell")
    for message in extracted():
        if not message.id:
            continue
        ids = _ids(message)
        string = tuple(pseudo(i) for i in ids) if len(ids) > 1 else pseudo(ids[0])
        catalog.add(message.id, string, context=message.context)
    mo = out / "en_XA" / "LC_MESSAGES" / "tidewell.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as handle:
        write_mo(handle, catalog)
    return mo


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        write(extracted(), TEMPLATE)
        print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    elif command == "update":
        template = extracted()
        write(template, TEMPLATE)
        for po in po_files():
            catalog = read(po)
            catalog.update(template, no_fuzzy_matching=True)
            write(catalog, po)
            print(f"updated {po.relative_to(ROOT)}")
    elif command == "compile":
        for mo in compile_all():
            print(f"compiled {mo.relative_to(ROOT)}")
    elif command == "check":
        found = problems()
        for line in found[:200]:
            print(line, file=sys.stderr)
        if found:
            print(f"tools/i18n.py: {len(found)} problems in the catalogues", file=sys.stderr)
            return 1
        print(f"catalogues complete: {', '.join(p.parts[-3] for p in po_files()) or 'none'}")
    elif command == "pseudo":
        print(pseudo_catalog(Path(argv[1])))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
