"""Tidewell speaks the person's language: one gettext catalogue, ``tidewell``, for the core,
the command line and the windows (``locale/<language>/LC_MESSAGES/tidewell.mo``, compiled
from the ``.po`` files when Tidewell is built or installed).

The language is the system's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext
reads them), or the one chosen in General. Strings are marked with:

- ``_("Done")``;
- ``n_("{count} nudge waiting", "{count} nudges waiting", count)`` wherever a count is shown;
- ``p_("answer", "Skip")`` where one English word means two things;
- ``N_("…")`` in tables defined at import, translated with ``_`` where shown;

always with named placeholders filled by ``.format`` after translation, never sentences
glued from pieces. Qt-free: the core and the command line use it too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

DOMAIN = "tidewell"
LOCALE_DIR = Path(__file__).with_name("locale")


class _Catalogue(Protocol):
    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...
    def pgettext(self, context: str, message: str, /) -> str: ...


class _English:
    """The words as written: no catalogue (nor the gettext module) is loaded for English."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return message


_catalogue: _Catalogue = _English()
_language = "en"


def use_language(language: str | None = None) -> str:
    """Speak ``language`` ("de", "pt_BR"), or the system's when None or "system". Returns
    the language now spoken ("en" when no catalogue fits)."""
    global _catalogue, _language
    wanted = [language] if language and language != "system" else _system_languages()
    for code in (c for w in wanted for c in _forms(w)):
        if (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
            import gettext  # only when there is a catalogue to read

            _catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
            _language = code
            return code
    _catalogue, _language = _English(), "en"
    return "en"


def _system_languages() -> list[str]:
    """As gettext reads them: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return [part for part in value.split(":") if part and part not in ("C", "POSIX")]
    return []


def _forms(language: str) -> list[str]:
    """'pt_BR.UTF-8@x' → ['pt_BR', 'pt']."""
    code = language.split(".")[0].split("@")[0]
    return [code, code.split("_")[0]] if "_" in code else [code]


def language() -> str:
    return _language


def shipped() -> list[str]:
    """The languages whose catalogue is here, as folder names ("de", "pt_BR")."""
    if not LOCALE_DIR.is_dir():
        return []
    return sorted(
        p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").exists()
    )


def _(message: str) -> str:
    return _catalogue.gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    return _catalogue.ngettext(singular, plural, count)


def p_(context: str, message: str) -> str:
    return _catalogue.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined (a table of words); it is
    translated with ``_`` where it is shown, in the language spoken then."""
    return message


def day_name(weekday: int, short: bool = False) -> str:
    """Monday is 0, as ``date.weekday()`` counts; in the language spoken."""
    if short:
        return (p_("weekday", "Mon"), p_("weekday", "Tue"), p_("weekday", "Wed"),
                p_("weekday", "Thu"), p_("weekday", "Fri"), p_("weekday", "Sat"),
                p_("weekday", "Sun"))[weekday]  # fmt: skip
    return (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
            _("Saturday"), _("Sunday"))[weekday]  # fmt: skip


_twelve_hours: bool | None = None  # None: ask the system's locale on first use


def use_clock(twelve_hours: bool) -> None:
    """12- or 24-hour times for the words the core writes (the app sets it from QLocale)."""
    global _twelve_hours
    _twelve_hours = twelve_hours


def clock(hour: int, minute: int) -> str:
    """'18:30', or '6:30 PM' where the locale writes a 12-hour clock."""
    global _twelve_hours
    if _twelve_hours is None:
        _twelve_hours = _locale_twelve_hours()
    if not _twelve_hours:
        return f"{hour:02d}:{minute:02d}"
    half = p_("clock", "AM") if hour < 12 else p_("clock", "PM")
    return _("{hour}:{minute} {half}").format(
        hour=hour % 12 or 12, minute=f"{minute:02d}", half=half
    )


def _locale_twelve_hours() -> bool:
    """What the C library's locale (LC_TIME) says, for the command line: no Qt there."""
    import locale

    try:
        locale.setlocale(locale.LC_TIME, "")
        pattern = locale.nl_langinfo(locale.T_FMT)
    except (locale.Error, AttributeError):  # an unknown locale, or no nl_langinfo
        return False
    finally:
        with contextlib.suppress(locale.Error):
            locale.setlocale(locale.LC_TIME, "C")  # strftime elsewhere stays as it was
    return "%I" in pattern or "%r" in pattern or "%l" in pattern


def number(value: int) -> str:
    """'20,000' with the language's thousands separator ('20.000' in German)."""
    # Translators: the thousands separator, as in 20,000 (German ".", French a narrow space).
    return f"{value:,}".replace(",", p_("number", ","))


def month_name(month: int) -> str:
    """January is 1; short ("Nov"), in the language spoken."""
    return (p_("month", "Jan"), p_("month", "Feb"), p_("month", "Mar"), p_("month", "Apr"),
            p_("month", "May"), p_("month", "Jun"), p_("month", "Jul"), p_("month", "Aug"),
            p_("month", "Sep"), p_("month", "Oct"), p_("month", "Nov"),
            p_("month", "Dec"))[month - 1]  # fmt: skip


use_language()  # the system's, until the person's choice is read (shell/language.py)
