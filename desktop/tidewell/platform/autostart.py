"""Start at login: an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent on
macOS. Each writer is a plain function of paths and text, so all three can be tested."""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from pathlib import Path

from tidewell.assets import APP_ID
from tidewell.platform.desktop_entry import entry_text

LAUNCH_AGENT = APP_ID
OLD_XDG_NAME = "tidewell.desktop"  # what 0.1 development builds wrote; replaced when touched


def launch_command() -> list[str]:
    """How to start this installed Tidewell: the bundle's own program when frozen
    (PyInstaller), else the script next to the interpreter, else ``python -m tidewell``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("tidewell")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tidewell"]


# --- Linux (XDG) ------------------------------------------------------------------------


def xdg_autostart_file(config_home: Path | None = None) -> Path:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / f"{APP_ID}.desktop"


def write_xdg(path: Path, command: list[str]) -> None:
    """The application menu's desktop entry, marked to start at login."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(command, autostart=True), encoding="utf-8")
    path.with_name(OLD_XDG_NAME).unlink(missing_ok=True)


# --- macOS (LaunchAgent) ----------------------------------------------------------------


def launch_agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT}.plist"


def launch_agent(command: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


def write_launch_agent(path: Path, command: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(launch_agent(command))


# --- Windows (Run key) ------------------------------------------------------------------

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def run_value(command: list[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


def write_run_key(command: list[str] | None) -> None:  # pragma: no cover - Windows only
    if sys.platform == "win32":
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            if command is None:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, "Tidewell")
            else:
                winreg.SetValueEx(key, "Tidewell", 0, winreg.REG_SZ, run_value(command))


def run_key_set() -> bool:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return False
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.QueryValueEx(key, "Tidewell")
    except FileNotFoundError:
        return False
    return True


# --- this system ------------------------------------------------------------------------


def starts_at_login() -> bool:
    if sys.platform == "win32":
        return run_key_set()
    if sys.platform == "darwin":
        return launch_agent_file().exists()
    entry = xdg_autostart_file()
    return entry.exists() or entry.with_name(OLD_XDG_NAME).exists()


def set_start_at_login(on: bool) -> Path | None:
    """Write or remove the entry; returns the file written (None on Windows)."""
    command = launch_command()
    if sys.platform == "win32":
        write_run_key(command if on else None)
        return None
    path = launch_agent_file() if sys.platform == "darwin" else xdg_autostart_file()
    if not on:
        path.unlink(missing_ok=True)
        path.with_name(OLD_XDG_NAME).unlink(missing_ok=True)
        return path
    if sys.platform == "darwin":
        write_launch_agent(path, command)
    else:
        write_xdg(path, command)
    return path
