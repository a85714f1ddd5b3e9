"""What the settings window may ask of the app, in one place: the time, saving a draft,
files (export, import, backups) and start-at-login. Widgets never open files themselves."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

import msgspec
from PySide6.QtCore import QObject, Signal

from tidewell.calendars.events import FeedError
from tidewell.calendars.fetch import check_url
from tidewell.calendars.sync import describe_host
from tidewell.core.calendar import CalendarSource, CalendarView, understand
from tidewell.core.commands import merge_rules
from tidewell.core.fields import free_id
from tidewell.core.packs import Pack
from tidewell.core.reading import NotReadable, read_regular_file
from tidewell.core.rulefile import MAX_BYTES, merge_file, read_rule_file, write_rule_file
from tidewell.core.sections import RULE_FILE_SECTIONS
from tidewell.core.state import State
from tidewell.core.validation import Invalid, Problem
from tidewell.i18n import _, clock, day_name, month_name
from tidewell.platform import autostart
from tidewell.shell.calendars import CalendarKeeper
from tidewell.shell.runtime import Runtime
from tidewell.store.atomic import atomic_write
from tidewell.store.backups import backup_time, backups_of
from tidewell.store.calendar_cache import Synced
from tidewell.store.datastore import MAIN, state_from_tables
from tidewell.store.documents import Unreadable, read_tables

log = logging.getLogger(__name__)
DRAFTS = "drafts"  # a window's own files: what it holds unsaved
SETTINGS_DRAFT = "settings.json"


class Preview:
    """What an import would do, before anything changes."""

    def __init__(self, before: State, after: State) -> None:
        self.after = after
        self.lines: list[str] = []
        for label, field in ((s.words, s.field) for s in RULE_FILE_SECTIONS):
            old = {i.id: i for i in getattr(before, field)}
            new = getattr(after, field)
            added = sum(1 for i in new if i.id not in old)
            changed = sum(1 for i in new if i.id in old and old[i.id] != i)
            if added or changed:
                self.lines.append(
                    _("{section}: {added} new, {changed} changed").format(
                        section=_(label), added=added, changed=changed
                    )
                )
        if before.balance != after.balance:
            self.lines.append(_("Your own words about balance: replaced"))


class SettingsHost:
    def __init__(self, runtime: Runtime, calendars: CalendarKeeper | None = None) -> None:
        self.runtime = runtime
        self.calendars = calendars
        self.folder = runtime.store.folder
        self._couriers: list[_Courier] = []  # packs on their way from an address

    def activity_unavailable(self) -> str | None:
        """Why activity (idle time) cannot be read on this desktop; None when it can."""
        source = self.runtime.activity.source
        return getattr(source, "why", None) if not self.runtime.activity.available else None

    def now_and_home(self) -> tuple[datetime, tzinfo]:
        return self.runtime.now(), self.runtime.home()

    def apply(self, draft: State) -> list[Problem]:
        return self.runtime.apply_definitions(draft)

    # --- files --------------------------------------------------------------------------

    def export(self, draft: State, path: Path) -> None:
        atomic_write(path, write_rule_file(draft))  # private (0600), like every Tidewell file

    def preview_import(self, draft: State, path: Path) -> Preview:
        """Read and check a rule file against the draft; raises Invalid (with paths) or
        OSError. Nothing changes until the person says so."""
        incoming = read_rule_file(read_regular_file(path, MAX_BYTES), known=draft)
        merged, _added, _changed = merge_rules(draft, incoming.rules, self.runtime.clock.now())
        return Preview(draft, merge_file(merged, incoming))

    def backups(self) -> list[tuple[str, Path]]:
        found = []
        for path in backups_of(self.folder / MAIN):
            when = backup_time(path)
            home = self.runtime.home()
            label = _when_saved(when.astimezone(home)) if when else path.name
            found.append((label, path))
        return found

    def read_backup(self, path: Path) -> State:
        try:
            raw, _data = read_tables(path)
        except Unreadable as err:
            raise Invalid([Problem("$", str(err))]) from None
        state, problems, _notes = state_from_tables(raw or {})
        if problems:
            raise Invalid(problems)
        return state

    # --- sync ---------------------------------------------------------------------------

    def sync_status(self) -> tuple[str | None, list[tuple[str, datetime, bool]]]:
        """The sync folder (None: not syncing), and each computer seen: name, when, mine."""
        sync = self.runtime.store.sync
        if sync is None:
            return None, []
        seen = [(d.name, d.seen, d.device == sync.link.device) for d in sync.folder.devices()]
        return sync.link.folder, seen

    def join_sync(self, folder: Path) -> None:
        """Sync through ``folder``, a backup of the settings kept first; raises OSError."""
        self.runtime.join_sync(folder)

    def leave_sync(self) -> None:
        self.runtime.leave_sync()

    # --- packs --------------------------------------------------------------------------

    def load_pack(self, source: str, done: Callable[[Pack | None, str], None]) -> None:
        """Read a pack from a file at once, or from an address on a thread of its own (the
        window never waits on the network); ``done(pack, "")`` or ``done(None, why)``."""
        from tidewell.sharing import is_address

        if not is_address(source):
            done(*_pack_or_problem(source))
            return
        courier = _Courier()
        courier.arrived.connect(lambda pack, why: done(pack, why))
        self._couriers.append(courier)
        courier.arrived.connect(lambda *_args: self._couriers.remove(courier))
        threading.Thread(
            target=lambda: courier.arrived.emit(*_pack_or_problem(source)), daemon=True
        ).start()

    def write_pack(self, pack: Pack, path: Path) -> None:
        from tidewell.core.packs import write_pack

        atomic_write(path, write_pack(pack))

    # --- calendars ------------------------------------------------------------------------

    def feeds_unavailable(self) -> str | None:
        """Why feeds cannot be added here (no safe keyring); None when they can."""
        if self.calendars is None:
            return _("calendars are not running in this window")
        return self.calendars.keyring_problem

    def rules_needing_a_fix(self) -> list[tuple[str, list[str], str]]:
        """Stored rules that do not validate: name, what is wrong, the rule as text."""
        found = []
        for doc, reasons in self.runtime.store.rules_needing_a_fix():
            name = str(doc.get("name") or doc.get("id") or "A rule")
            text = msgspec.json.format(msgspec.json.encode(doc), indent=2).decode()
            found.append((name, reasons, text))
        return found

    def saved_calendar_ids(self) -> set[str]:
        return {s.id for s in self.runtime.state.calendars}

    def calendar_results(self) -> dict[str, Synced]:
        return dict(self.calendars.results) if self.calendars is not None else {}

    def new_feed(self, draft: State, name: str, url: str) -> CalendarSource:
        """A feed source for the draft. Its address goes to the keyring now (the keeper's
        ``secret_stored`` says how that went); raises ValueError with a reason."""
        if self.calendars is None or self.calendars.keyring_problem:
            raise ValueError(_("your system's password store is not open here"))
        try:
            host = describe_host(url.strip())
        except FeedError as err:
            raise ValueError(str(err)) from None
        source = CalendarSource(_calendar_id(draft, name), name.strip() or host, "url", host=host)
        self.calendars.store_secret(source.id, check_url(url.strip()))
        return source

    def new_file(self, draft: State, name: str, path: Path) -> CalendarSource:
        if not path.is_file():
            raise ValueError(_("{path} is not a file").format(path=path))
        label = name.strip() or path.stem
        return CalendarSource(_calendar_id(draft, label), label, "file", path=str(path.resolve()))

    def sync_calendars(self, source_ids: list[str]) -> None:
        if self.calendars is not None:
            self.calendars.sync(source_ids)

    def syncing(self, source_id: str) -> bool:
        return self.calendars is not None and self.calendars.syncing(source_id)

    def understood(self, draft: State) -> CalendarView:
        """What the draft's readings make of the events read so far."""
        events = {key: r.events for key, r in self.calendar_results().items()}
        return understand(draft.calendars, events, self.runtime.home())

    # --- the draft, kept while it is not saved ----------------------------------------------

    def keep_draft(self, draft: State | None) -> None:
        """Keep what the window holds and has not saved (None: nothing to keep), so a crash
        or a power cut loses nothing typed; the next Settings offers it back."""
        path = self.folder / DRAFTS / SETTINGS_DRAFT
        try:
            if draft is None:
                path.unlink(missing_ok=True)
                return
            from tidewell.store.datastore import main_tables
            from tidewell.store.paths import ensure_private_dir

            ensure_private_dir(path.parent)
            atomic_write(path, msgspec.json.encode(main_tables(draft)))
        except OSError as err:  # a full disk: the window still holds it; saving tells more
            log.warning("could not keep the unsaved settings: %s", err)

    def kept_draft(self) -> State | None:
        """What a window held unsaved when it last closed without asking (a crash), if any
        and if it still reads whole."""
        path = self.folder / DRAFTS / SETTINGS_DRAFT
        try:
            raw = msgspec.json.decode(read_regular_file(path, MAX_BYTES))
        except (OSError, NotReadable, msgspec.DecodeError, RecursionError, Invalid):
            return None
        if not isinstance(raw, dict):
            return None
        draft, problems, _invalid = state_from_tables(raw)
        return None if problems else draft

    # --- start at login -----------------------------------------------------------------

    def starts_at_login(self) -> bool:
        return autostart.starts_at_login()

    def set_start_at_login(self, on: bool) -> Path | None:
        return autostart.set_start_at_login(on)


def _calendar_id(draft: State, name: str) -> str:
    return free_id(name, {s.id for s in draft.calendars}, "calendar")


def _when_saved(at: datetime) -> str:
    """'Mon 30 Nov 2026, 18:30', in the person's language and clock."""
    return _("{weekday} {day} {month} {year}, {time}").format(
        weekday=day_name(at.weekday(), short=True), day=at.day, month=month_name(at.month),
        year=at.year, time=clock(at.hour, at.minute),
    )  # fmt: skip


class _Courier(QObject):
    """Brings a pack read on a thread back to the window's thread."""

    arrived = Signal(object, str)  # the Pack or None, and why not


def _pack_or_problem(source: str) -> tuple[Pack | None, str]:
    from tidewell.sharing import pack_from

    try:
        return pack_from(source), ""
    except Invalid as err:
        return None, err.problems[0].message
