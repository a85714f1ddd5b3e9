"""Where the person stands right now, in words: for the tray's tooltip and the quick panel."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Literal

from msgspec import Struct

from tidewell.core.calendar import meetings_end
from tidewell.core.life import DatedBlock
from tidewell.core.localtime import naive_to_moment, zone_or
from tidewell.core.occurrences import block_at
from tidewell.core.offline import running_offline
from tidewell.core.quiet import WAIT_LINES
from tidewell.core.schedule import Quiet, upcoming
from tidewell.core.state import State, WaitingSession, home_zone
from tidewell.i18n import _, clock, day_name, month_name, n_

Mode = Literal["normal", "protected", "paused"]
_CHAIN_LIMIT = 20  # protected blocks that touch end to end, followed to find the real end


class NextNudge(Struct, frozen=True):
    at: datetime
    rule_id: str
    title: str


class Status(Struct, frozen=True):
    mode: Mode
    line: str  # "Protected time until Mon 07:00: 'weekend with the kids'"
    until: datetime | None  # when the mode ends (protected or paused)
    reason: str | None  # the person's own reason for the protected time
    next: list[NextNudge]
    offline: bool = False  # offline time the person started runs now: "I'm back" can end it


def status_of(
    state: State,
    now: datetime,
    count: int = 2,
    waiting: WaitingSession | None = None,
    quiet: Quiet | None = None,
) -> Status:
    """Where the person stands: paused, protected, in quiet the desktop asked for, in a
    meeting, waiting, or free."""
    home = home_zone(state, now)
    coming = [
        NextNudge(u.at, u.rule_id, rule.nudge.title)
        for u in upcoming(state, now, count)
        if (rule := state.rule(u.rule_id)) is not None
    ]
    if state.pause is not None and state.pause.covers(now):
        until = state.pause.until
        line = _("Nudges paused until {moment}").format(moment=moment_in_words(until, now, home))
        return Status("paused", line, until, None, coming)
    offline = running_offline(state, now, home)
    if offline is not None:  # what the person just said: "offline until 21:30 for dinner"
        until = to_moment_in(offline, home)
        moment = moment_in_words(until, now, home)
        line = (
            _("Offline until {moment}: '{reason}'").format(moment=moment, reason=offline.reason)
            if offline.reason
            else _("Offline until {moment}").format(moment=moment)
        )
        return Status("protected", line, until, offline.reason or None, coming, True)
    protected = protected_now(state, now, home)
    if protected is not None:
        until, reason = protected
        moment = moment_in_words(until, now, home)
        line = (
            _("Protected time until {moment}: '{reason}'").format(moment=moment, reason=reason)
            if reason
            else _("Protected time until {moment}").format(moment=moment)
        )
        return Status("protected", line, until, reason or None, coming)
    if quiet is not None:
        return Status("normal", _(WAIT_LINES[quiet]), None, None, coming)
    meeting_end = meetings_end(state.calendar, now)
    if meeting_end is not None:
        line = _("In a meeting until {moment}: nudges wait").format(
            moment=moment_in_words(meeting_end, now, home)
        )
        return Status("normal", line, meeting_end, None, coming)
    if waiting is not None:
        end = waiting.started + timedelta(minutes=waiting.minutes)
        if waiting.started <= now < end:
            left = max(1, round((end - now).total_seconds() / 60))
            line = waiting_in_words(left, waiting.context)
            return Status("normal", line, end, None, coming)
    if coming:
        first = coming[0]
        moment = moment_in_words(first.at, now, home)
        line = _("Next: {title}, {moment}").format(title=first.title, moment=moment)
    else:
        line = _("Nothing planned for now")
    return Status("normal", line, None, None, coming)


def protected_now(state: State, now: datetime, home: tzinfo) -> tuple[datetime, str] | None:
    """The end of the protected time running now (following blocks that join up) and the
    reason of the block begun most recently (going offline inside the evening quotes the
    offline reason); None outside protected time."""
    reason: str | None = None
    end: datetime | None = None
    probe = now
    for _step in range(_CHAIN_LIMIT):
        runs = [
            (b, run)
            for b in state.protected_blocks()
            if (run := block_at(b, home, probe)) is not None
        ]
        if not runs:
            break
        if reason is None:  # the stretch the person entered last is the one they mean
            reason = max(runs, key=lambda found: found[1][0])[0].reason
        end = max(run[1] for _unused, run in runs)
        probe = end
    if end is None or reason is None:
        return None
    return end, reason


def waiting_in_words(minutes: int, context: str | None) -> str:
    """'30 minutes of waiting at the airport': whole sentences, one per place."""
    if context == "airport":
        line = n_("{count} minute of waiting at the airport",
                  "{count} minutes of waiting at the airport", minutes)  # fmt: skip
    elif context == "commute":
        line = n_("{count} minute of waiting on the commute",
                  "{count} minutes of waiting on the commute", minutes)  # fmt: skip
    elif context == "waiting room":
        line = n_("{count} minute of waiting in the waiting room",
                  "{count} minutes of waiting in the waiting room", minutes)  # fmt: skip
    elif context:
        line = n_("{count} minute of waiting ({place})",
                  "{count} minutes of waiting ({place})", minutes)  # fmt: skip
    else:
        line = n_("{count} minute of waiting", "{count} minutes of waiting", minutes)
    return line.format(count=minutes, place=context)


def moment_in_words(at: datetime, now: datetime, home: tzinfo) -> str:
    """'18:00' today, 'tomorrow 07:00', 'Mon 07:00' within a week, else 'Mon 4 Jan 07:00'."""
    local, today = at.astimezone(home), now.astimezone(home).date()
    time = clock(local.hour, local.minute)  # 12- or 24-hour, as the locale has it
    if local.date() == today:
        return time
    if local.date() == today + timedelta(days=1):
        return _("tomorrow {time}").format(time=time)
    day = day_name(local.weekday(), short=True)
    if today < local.date() < today + timedelta(days=7):
        return _("{weekday} {time}").format(weekday=day, time=time)
    return _("{weekday} {day} {month} {time}").format(
        weekday=day,
        day=local.day,
        month=month_name(local.month),
        time=time,
    )


def to_moment_in(block: DatedBlock, home: tzinfo) -> datetime:
    """The end of a dated block, as a moment."""
    return naive_to_moment(block.end, zone_or(block.zone, home))
