"""Makes every icon format from the drawings in resources/icons/:

    packaging/linux/icons/hicolor/scalable/apps/org.tidewell.Tidewell.svg   (a copy)
    packaging/linux/icons/hicolor/NxN/apps/org.tidewell.Tidewell.png        (16 to 512)
    packaging/windows/tidewell.ico    (PNG-compressed entries, 16 to 256)
    packaging/macos/tidewell.icns     (PNG entries, 16 to 1024)
    resources/icons/png/NAME-N.png    (every drawing, tray icons included, 16 to 128: the
                                       running app reads these and never loads QtSvg)

Qt's SVG renderer draws each size, so nothing beyond PySide6 is needed. Run it after
changing a drawing:  .venv/bin/python packaging/make_icons.py
``--check`` (run by the tests) fails when an app PNG is missing or no longer its drawing.
"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from tidewell.assets import APP_ID, ICON_PNG_SIZES  # noqa: E402

ICONS = ROOT / "resources" / "icons"
DRAWING = ICONS / "tidewell.svg"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
LINUX_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size (the @2x types share sizes with others)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not write a {size}px PNG")
    return bytes(data.data())


def app_pngs() -> dict[Path, bytes]:
    """Every drawing in resources/icons at each size the app asks for, by file."""
    found = {}
    for svg in sorted(ICONS.glob("*.svg")):
        renderer = QSvgRenderer(str(svg))
        for size in ICON_PNG_SIZES:
            found[ICONS / "png" / f"{svg.stem}-{size}.png"] = render_png(renderer, size)
    return found


def alike(a: QImage, b: QImage, tolerance: int = 8) -> bool:
    """The same picture, give or take what another Qt's antialiasing changes."""
    if a.size() != b.size():
        return False
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if any(abs(((pa >> s) & 255) - ((pb >> s) & 255)) > tolerance for s in (0, 8, 16, 24)):
                return False
    return True


def stale_app_pngs() -> list[str]:
    return [
        path.name
        for path, data in app_pngs().items()
        if not path.exists() or not alike(QImage(str(path)), QImage.fromData(data))
    ]


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon whose entries are PNG images (Windows Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    if "--check" in sys.argv[1:]:
        stale = stale_app_pngs()
        if stale:
            print(f"stale icons (run packaging/make_icons.py): {', '.join(stale)}", file=sys.stderr)
        return 1 if stale else 0
    renderer = QSvgRenderer(str(DRAWING))
    if not renderer.isValid():
        print(f"{DRAWING} is not an SVG Qt can draw", file=sys.stderr)
        return 1
    sizes = sorted({*LINUX_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(renderer, size) for size in sizes}

    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DRAWING, scalable)
    for size in LINUX_SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    windows = ROOT / "packaging" / "windows" / "tidewell.ico"
    windows.parent.mkdir(parents=True, exist_ok=True)
    windows.write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    macos = ROOT / "packaging" / "macos" / "tidewell.icns"
    macos.parent.mkdir(parents=True, exist_ok=True)
    macos.write_bytes(icns(pngs))
    for path, data in app_pngs().items():
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    del app
    print(
        f"icons written: {len(LINUX_SIZES)} PNG sizes, the SVG, {windows.name}, {macos.name}, "
        f"and the app's PNGs at {len(ICON_PNG_SIZES)} sizes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
