"""Going offline now: an ad-hoc protected block, from this minute until a chosen time."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from msgspec.structs import replace

from tidewell.core.fields import free_id
from tidewell.core.journal import ProtectedEntry
from tidewell.core.life import Block, DatedBlock
from tidewell.core.localtime import next_local, to_moment, zone_or
from tidewell.core.occurrences import block_at
from tidewell.core.pause import MORNING
from tidewell.core.rules import ProtectedTrigger
from tidewell.core.state import State
from tidewell.i18n import _

_WEEKEND_FROM_FRIDAY = time(12, 0)  # "the rest of the weekend" is offered from Friday noon
OFFLINE_PREFIX = "offline-"  # the id of a block made by going offline now


def until_time(now: datetime, at: time, home: tzinfo) -> datetime:
    """The next time the clock shows ``at``: 'until 21:00' at 22:00 means tomorrow."""
    return next_local(now, at, home)


def rest_of_weekend(now: datetime, home: tzinfo, morning: time = MORNING) -> datetime | None:
    """Monday morning, offered from Friday noon to Sunday night; None on other days."""
    local = now.astimezone(home)
    weekday = local.weekday()
    if weekday < 4 or (weekday == 4 and local.time() < _WEEKEND_FROM_FRIDAY):
        return None
    monday = local.date() + timedelta(days=7 - weekday)
    return to_moment(monday, morning, home)


def go_offline(
    state: State, until: datetime, reason: str, now: datetime, home: tzinfo
) -> tuple[State, ProtectedEntry]:
    """Start protected time now. Its start is not announced back to the person who just
    chose it; activity inside it is noticed like in any other protected time."""
    if until <= now + timedelta(minutes=1):
        raise ValueError(_("going offline needs an end at least a minute from now"))
    local_now = now.astimezone(home).replace(second=0, microsecond=0)
    start = local_now.replace(tzinfo=None)
    end = until.astimezone(home).replace(tzinfo=None, second=0, microsecond=0)
    zone = home.key if isinstance(home, ZoneInfo) else None
    block = DatedBlock(
        id=free_id(f"{OFFLINE_PREFIX}{start:%Y%m%d-%H%M}", {b.id for b in state.blocks}),
        reason=reason.strip(),
        start=start,
        end=end,
        zone=zone,
    )
    progress = dict(state.progress)
    begun = local_now.astimezone(now.tzinfo)
    for rule in state.rules:
        trigger = rule.when
        if isinstance(trigger, ProtectedTrigger) and (
            not trigger.blocks or block.id in trigger.blocks
        ):
            old = state.progress_of(rule.id)
            if old.handled is None or old.handled < begun:
                progress[rule.id] = replace(old, handled=begun)
    new_state = replace(state, blocks=[*state.blocks, block], progress=progress)
    entry = ProtectedEntry(at=now, block=block.id, event="started", reason=block.reason)
    return new_state, entry


def running_offline(state: State, now: datetime, home: tzinfo) -> DatedBlock | None:
    """The offline time the person started themselves and that runs now, if any."""
    for block in reversed(state.blocks):
        if (
            isinstance(block, DatedBlock)
            and block.id.startswith(OFFLINE_PREFIX)
            and block_at(block, home, now) is not None
        ):
            return block
    return None


def come_back(state: State, now: datetime, home: tzinfo) -> tuple[State, ProtectedEntry]:
    """'I'm back': the offline time running now ends this minute. A choice, kept as one."""
    block = running_offline(state, now, home)
    if block is None:
        raise ValueError(_("no offline time of yours is running now"))
    end = now.astimezone(zone_or(block.zone, home)).replace(tzinfo=None, second=0, microsecond=0)
    blocks: list[Block] = []
    for b in state.blocks:
        if b is not block:
            blocks.append(b)
        elif end > b.start:
            blocks.append(replace(b, end=end))
    entry = ProtectedEntry(at=now, block=block.id, event="back", reason=block.reason)
    return replace(state, blocks=blocks), entry
