"""The one desktop entry (packaging/linux/org.tidewell.Tidewell.desktop), written out for this
install: in the application menu, and as the start-at-login file. Only its Exec lines
change, so both always say the same thing."""

from __future__ import annotations

import re

from tidewell.assets import APP_ID, linux_dir

ENTRY_FILE = f"{APP_ID}.desktop"
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")
_EXEC = re.compile(r"^Exec=tidewell(?P<rest>(?: \S+)*)$", re.MULTILINE)


def template() -> str:
    """The entry, with its words in every language Tidewell speaks."""
    from tidewell.platform.desktop_words import localized_entry

    return localized_entry((linux_dir() / ENTRY_FILE).read_text(encoding="utf-8"))


def exec_value(command: list[str]) -> str:
    """``command`` as the Exec key wants it: quoted by the Desktop Entry rules, with the
    string-value escapes on top (a backslash doubles; % is written %%)."""
    parts = []
    for arg in command:
        if _RESERVED.search(arg) or not arg:
            quoted = re.sub(r'(["`$\\])', r"\\\1", arg)
            arg = f'"{quoted}"'
        parts.append(arg.replace("%", "%%"))
    return " ".join(parts).replace("\\", "\\\\")


def entry_text(command: list[str], *, autostart: bool = False) -> str:
    """The desktop entry starting Tidewell with ``command`` (its actions append theirs)."""

    def exec_line(match: re.Match[str]) -> str:
        return "Exec=" + exec_value([*command, *match["rest"].split()])

    text = _EXEC.sub(exec_line, template())
    if autostart:
        head, sep, actions = text.partition("\n[Desktop Action")
        text = (
            head.rstrip("\n")
            + "\nX-GNOME-Autostart-enabled=true\n"
            + (sep + actions if sep else "")
        )
    return text
