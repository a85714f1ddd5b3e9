"""The desktop entry's and the AppStream metainfo's words, in every language Tidewell
speaks: merged from the same catalogue when Tidewell installs them (``tidewell desktop
install``), so a menu in German says "Deine eigene Balance, behutsam gehalten"."""

from __future__ import annotations

import gettext
import re
import xml.etree.ElementTree as ET

from tidewell.i18n import DOMAIN, LOCALE_DIR, N_, shipped

WORDS = (  # exactly as in packaging/linux (spaces inside a paragraph count as one)
    N_("Balance reminders"),
    N_("Your own version of balance, gently kept"),
    N_("balance;offline;break;family;reminder;weekend;"),
    N_("Settings"),
    N_("Review my balance"),
    N_("Keep your own version of work-life balance, gently"),
    N_("Tidewell lives in your tray and keeps the balance you define, not a template. You write "
       "your own rules: a call home while you wait at the airport, evenings that stay offline, a "
       "walk after a long stretch at the keyboard."),
    N_("Some of what it does:"),
    N_('Nudges at the moment you chose, with done, snooze, skip or "I chose this"'),
    N_("Protected time for evenings, weekends and holidays, and a kind question when the laptop "
       "is open anyway"),
    N_("Ideas for waiting time, with your family's time zone in view"),
    N_("Busy and recovery seasons, so a full week is fine when the protected time holds"),
    N_("A review now and then of your own definition, with no streaks and no guilt"),
    N_("Everything stays on your computer. Calendar addresses are kept in your system's keyring."),
    N_("Your own rules, in your own words"),
    N_("A gentle nudge from the tray"),
    N_("Looking back over a season"),
)  # fmt: skip
_ENTRY_KEYS = re.compile(r"^(GenericName|Comment|Keywords|Name)=(.+)$", re.MULTILINE)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _catalogues() -> list[tuple[str, gettext.NullTranslations]]:
    found: list[tuple[str, gettext.NullTranslations]] = []
    for code in shipped():
        try:
            found.append((code, gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])))
        except OSError:
            continue
    return found


def _plain(text: str) -> str:
    return " ".join(text.split())


def localized_entry(text: str) -> str:
    """The desktop entry with ``Key[lang]=`` lines after each translatable key."""
    catalogues = _catalogues()

    def add(match: re.Match[str]) -> str:
        key, value = match[1], match[2]
        lines = [match[0]]
        for code, catalogue in catalogues:
            said = catalogue.gettext(value)
            if said != value:
                lines.append(f"{key}[{code}]={said}")
        return "\n".join(lines)

    return _ENTRY_KEYS.sub(add, text)


def localized_metainfo(text: str) -> str:
    """The metainfo with an ``xml:lang`` sibling after each translatable element."""
    root = ET.fromstring(text)
    catalogues = _catalogues()
    for parent in list(root.iter()):
        children = list(parent)
        for child in children:
            if child.tag not in ("summary", "p", "li", "caption") or child.get(_XML_LANG):
                continue
            english = _plain(child.text or "")
            at = list(parent).index(child)
            for code, catalogue in reversed(catalogues):
                said = catalogue.gettext(english)
                if said == english:
                    continue
                copy = ET.Element(child.tag, {_XML_LANG: code.replace("_", "-")})
                copy.text = said
                copy.tail = child.tail
                parent.insert(at + 1, copy)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
