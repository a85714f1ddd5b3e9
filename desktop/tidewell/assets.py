"""Where the files Tidewell ships are: icons, example rules and the Linux desktop files.

An installed Tidewell (a wheel, or a PyInstaller bundle) carries them inside the package as
``tidewell/resources`` and finds them through ``importlib.resources``. A source checkout
keeps them at the top (``resources/`` and ``packaging/linux/``). No Qt here: the command
line uses this too."""

from __future__ import annotations

from functools import cache
from pathlib import Path

APP_ID = "org.tidewell.Tidewell"  # the desktop entry, the AppStream id and the icon name
# Every drawing is shipped as a PNG at these sizes too (packaging/make_icons.py draws them):
# 22 and 44 are the usual tray, at 1x and 2x.
ICON_PNG_SIZES = (16, 22, 24, 32, 44, 48, 64, 128)

_CHECKOUT = Path(__file__).resolve().parents[2]


class MissingResource(FileNotFoundError):
    """A shipped file is not where this install keeps it."""


@cache
def resources_dir() -> Path:
    """The folder with icons/, examples/ and linux/."""
    beside = Path(__file__).resolve().parent / "resources"  # a wheel or a bundle
    if beside.is_dir():
        return beside
    checkout = _CHECKOUT / "resources"
    if (checkout / "icons").is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return checkout  # a source checkout (importlib.resources would cost 3 ms to start)
    from importlib import resources  # the general way, for the rare install that is no folder

    shipped = resources.files("tidewell").joinpath("resources")
    if shipped.is_dir():
        if not isinstance(shipped, Path):  # a zip import: Qt needs real files
            raise MissingResource(f"Tidewell's resources are inside an archive: {shipped}")
        return shipped
    if (checkout / "icons").is_dir():
        return checkout
    raise MissingResource(
        f"Tidewell's resources are missing from this install (looked in {shipped} and {checkout})"
    )


def icon_file(name: str) -> Path:
    """An SVG icon by name, e.g. 'tray-normal'."""
    return _existing(resources_dir() / "icons" / f"{name}.svg")


def icon_pngs(name: str) -> list[tuple[Path, int]]:
    """The icon pre-rendered to PNG at each size (packaging/make_icons.py), smallest first,
    with its size: a running Tidewell never needs Qt's SVG support for its own icons. The
    SVG (size 0: any) where no PNGs were made for it."""
    folder = resources_dir() / "icons" / "png"
    found = [(folder / f"{name}-{size}.png", size) for size in ICON_PNG_SIZES]
    return found if found[0][0].is_file() else [(icon_file(name), 0)]


def example_file(name: str) -> Path:
    return _existing(resources_dir() / "examples" / name)


def linux_dir() -> Path:
    """The desktop entry, AppStream metainfo and hicolor icons (packaging/linux/ in a checkout)."""
    shipped = resources_dir() / "linux"
    if shipped.is_dir():
        return shipped
    return _existing(_CHECKOUT / "packaging" / "linux")


def _existing(path: Path) -> Path:
    if not path.exists():
        raise MissingResource(f"{path.name} is missing from Tidewell's resources ({path.parent})")
    return path
