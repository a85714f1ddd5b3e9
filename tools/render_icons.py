"""Render the tray and window icons from their SVGs to PNGs, at the sizes trays and window
managers ask for, so a running Tidewell never loads Qt's SVG support (about 0.8 MiB an idle
tray would hold). Run after changing an SVG in resources/icons; `--check` (run by the tests)
fails when a PNG is missing or no longer matches its SVG.

    .venv/bin/python tools/render_icons.py [--check]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 22, 24, 32, 44, 48, 64, 128)  # 22 and 44: the usual tray, at 1x and 2x


def rendered(svg: Path, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _alike(a: QImage, b: QImage, tolerance: int = 8) -> bool:
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    _app = QGuiApplication(["render-icons"])
    stale = []
    for svg in sorted(ICONS.glob("*.svg")):
        for size in SIZES:
            png = ICONS / "png" / f"{svg.stem}-{size}.png"
            data = rendered(svg, size)
            if args.check:
                if not png.exists() or not _alike(QImage(str(png)), QImage.fromData(data)):
                    stale.append(png.name)
                continue
            png.parent.mkdir(exist_ok=True)
            png.write_bytes(data)
    if stale:
        print(f"stale icons (run tools/render_icons.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
