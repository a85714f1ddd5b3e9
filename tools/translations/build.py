"""``python tools/translations/build.py LANG``: LANG's table (tools/translations/LANG.py) into
``desktop/tidewell/locale/LANG/LC_MESSAGES/tidewell.po``, for every string of the template;
kept translations already in the .po win over the table (a translator's edits stay)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from babel.messages.catalog import Catalog

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from i18n import LOCALE, extracted, read, write  # noqa: E402

PLURALS = {"ja": "nplurals=1; plural=0;", "ar": None}


def main(language: str) -> int:
    spec = importlib.util.spec_from_file_location(language, HERE / f"{language}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table: dict[object, object] = module.T
    path = LOCALE / language / "LC_MESSAGES" / "tidewell.po"
    old = read(path) if path.exists() else None
    catalog = Catalog(locale=language, project="Tidewell", domain="tidewell", fuzzy=False)
    missing = []
    for message in extracted():
        if not message.id:
            continue
        key_id = message.id[0] if isinstance(message.id, tuple | list) else message.id
        kept = old.get(message.id, message.context) if old is not None else None
        if kept is not None and kept.string and not kept.fuzzy and all(kept.string):
            string = kept.string
        else:
            string = table.get((message.context, key_id) if message.context else key_id)
            if string is None:
                missing.append(key_id)
                plural = isinstance(message.id, tuple | list)
                string = ("",) * catalog.num_plurals if plural else ""
            elif isinstance(message.id, tuple | list):
                forms = string if isinstance(string, tuple) else (string,)
                string = tuple(forms[min(i, len(forms) - 1)] for i in range(catalog.num_plurals))
        catalog.add(message.id, string, locations=message.locations, context=message.context,
                    auto_comments=message.auto_comments)  # fmt: skip
    write(catalog, path)
    for key in missing:
        print(f"{language}: not translated: {key!r}", file=sys.stderr)
    print(f"wrote {path.relative_to(HERE.parents[1])} ({len(missing)} missing)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
