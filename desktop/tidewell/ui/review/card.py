"""'Working with me': pick the protected times to share, say how to reach you, see the card,
and save it as Markdown and as a picture (to paste in a chat, an e-mail or a wiki)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tidewell.core.card import Section, card_markdown, card_sections
from tidewell.i18n import _
from tidewell.ui.style import LIGHT, dialog_buttons, plain_label, use_sheet

if TYPE_CHECKING:
    from tidewell.ui.hosts import ReviewHostLike

WIDTH = 640  # the picture, in points (drawn at twice that in pixels)
SCALE = 2


class CardDialog(QDialog):
    def __init__(self, host: ReviewHostLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(_("Working with me"))
        use_sheet(self, "window")
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "A short card of the boundaries you choose to share, for colleagues or "
                    "clients. Your reasons stay yours unless you add them."
                ),
                "muted",
            )
        )
        layout.addWidget(plain_label(_("Protected times to share"), "section"))
        self.blocks: list[tuple[QCheckBox, object]] = []
        for block in host.state.blocks:
            box = QCheckBox(block.reason or block.id)
            box.setChecked(True)
            box.toggled.connect(self.refresh)
            layout.addWidget(box)
            self.blocks.append((box, block))
        if not self.blocks:
            layout.addWidget(plain_label(_("No protected times yet: add some in Settings.")))
        self.reasons = QCheckBox(_("Show my reasons too"))
        self.reasons.toggled.connect(self.refresh)
        layout.addWidget(self.reasons)
        layout.addWidget(plain_label(_("How and when to reach me"), "section"))
        self.reach = QPlainTextEdit(host.state.balance.reach_me)
        self.reach.setPlaceholderText(
            _("Like: A message is fine until 18:00. For something urgent, call me.")
        )
        self.reach.setAccessibleName(_("How and when to reach me"))
        self.reach.setTabChangesFocus(True)
        self.reach.setFixedHeight(70)
        self.reach.textChanged.connect(self.refresh)
        layout.addWidget(self.reach)
        self.picture = QLabel()
        self.picture.setAccessibleName(_("The card"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.picture, 1)
        self.status = plain_label(name="muted")
        layout.addWidget(self.status)
        self.save = dialog_buttons(self, layout, _("Close"), _("Save the card…"))
        self.save.clicked.connect(self._save)
        self.refresh()

    def sections(self) -> list[Section]:
        now, home = self.host.now_and_home()
        chosen = [block for box, block in self.blocks if box.isChecked()]
        return card_sections(chosen, self.reach.toPlainText()[:4000], self.host.zone_name(),  # type: ignore[arg-type]
                             now, home, reasons=self.reasons.isChecked())  # fmt: skip

    def refresh(self) -> None:
        image = card_image(self.sections())
        shown = QPixmap.fromImage(image)
        shown.setDevicePixelRatio(SCALE * 1.6)  # a small preview of the real thing
        self.picture.setPixmap(shown)

    def _save(self) -> None:
        name, _unused = QFileDialog.getSaveFileName(
            self, _("Save the card"), str(Path.home() / "working-with-me.md"), _("Text (*.md)")
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        sections = self.sections()
        try:
            picture = self.host.save_card(path, card_markdown(sections),
                                          png_bytes(card_image(sections)),
                                          self.reach.toPlainText())  # fmt: skip
        except OSError as err:
            reason = err.strerror or err
            self.status.setText(
                _("Could not write {path}: {reason}").format(path=path, reason=reason)
            )
            return
        self.status.setText(_("Saved {path} and {picture}.").format(path=path, picture=picture))


def card_image(sections: list[Section]) -> QImage:
    """The card, drawn in Tidewell's light colours at twice the size, for any screen."""
    margin, width = 32, WIDTH - 64
    fonts = {"title": _font(20, bold=True), "heading": _font(13, bold=True), "body": _font(12)}
    blocks: list[tuple[str, QFont, str]] = [(_("Working with me"), fonts["title"], LIGHT.text)]
    for heading, lines, as_list in sections:
        if heading:
            blocks.append((heading, fonts["heading"], LIGHT.section))
        colour = LIGHT.text if heading else LIGHT.muted
        blocks += [(f"•  {line}" if as_list else line, fonts["body"], colour) for line in lines]
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    heights = []
    for text, font, _colour in blocks:
        painter.setFont(font)
        bound = painter.boundingRect(QRectF(0, 0, width, 10_000), _FLAGS, text)
        heights.append(bound.height())
    painter.end()
    gaps = [14 if font is not fonts["body"] else 6 for _t, font, _c in blocks]
    height = int(margin * 2 + sum(heights) + sum(gaps))
    image = QImage(WIDTH * SCALE, height * SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(SCALE)
    image.fill(QColor(LIGHT.card))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor(LIGHT.border))
    painter.drawRoundedRect(QRectF(1, 1, WIDTH - 2, height - 2), 14, 14)
    y = float(margin)
    for (text, font, colour), line_height, gap in zip(blocks, heights, gaps, strict=True):
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(margin, y, width, line_height), _FLAGS, text)
        y += line_height + gap
    painter.end()
    return image


_FLAGS = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    return bytes(data.data())
