"""'Working with me': a short, plain card of the boundaries a person chooses to share (their
protected times in words, in their own time zone; how and when to reach them), as Markdown
and, drawn by the windows, as a picture. Reasons stay private unless the person adds them:
colleagues see when, not why. Nothing is tracked; the card is a file the person sends."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from tidewell.core.describe import block_in_words
from tidewell.core.fields import zone_city, zone_named
from tidewell.core.life import Block, DatedBlock
from tidewell.core.localtime import naive_to_moment, zone_or
from tidewell.i18n import _

Section = tuple[str, list[str], bool]  # heading ("" for none), lines, shown as a list


def card_sections(
    blocks: list[Block], reach: str, zone_name: str, now: datetime, home: tzinfo,
    reasons: bool = False,
) -> list[Section]:  # fmt: skip
    """The card's parts: a line about it, when offline, how to reach; past dates left out."""
    offline = [_block_words(b, reasons) for b in blocks if _still_ahead(b, now, home)]
    intro = _("My boundaries, shared by choice. Times are in my time zone: {zone}.")
    sections: list[Section] = [
        ("", [intro.format(zone=zone_words(zone_name, now))], False),
        (_("When I'm offline"), offline or [_("No protected times shared.")], True),
    ]
    if reach.strip():
        sections.append((_("How and when to reach me"), reach.strip().splitlines(), False))
    return sections


def card_markdown(sections: list[Section]) -> str:
    lines = [f"# {_('Working with me')}", ""]
    for heading, items, as_list in sections:
        if heading:
            lines += [f"## {heading}", ""]
        lines += [f"- {item}" for item in items] if as_list else items
        lines.append("")
    return "\n".join(lines)


def _block_words(block: Block, reasons: bool) -> str:
    words = block_in_words(block)
    return f"{words} ({block.reason})" if reasons and block.reason else words


def _still_ahead(block: Block, now: datetime, home: tzinfo) -> bool:
    if not isinstance(block, DatedBlock):
        return True
    return naive_to_moment(block.end, zone_or(block.zone, home)) > now


def zone_words(zone_name: str, now: datetime) -> str:
    """'London time (UTC+0)': a place and an offset anyone can read, not a zone's id."""
    place = zone_city(zone_name)
    try:
        offset = now.astimezone(zone_named(zone_name)).utcoffset() or timedelta(0)
    except ValueError:
        return zone_name
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return _("{place} time ({offset})").format(place=place, offset=utc)
