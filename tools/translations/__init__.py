"""Translations as written by the team, turned into each language's .po file by
``python tools/translations/build.py LANG`` (translators on a platform such as Weblate edit the
.po files directly; these tables are how the first versions were written)."""
