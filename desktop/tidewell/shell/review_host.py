"""What the review window may ask of the app: the review of a period (computed by core from
the journal), the person's reflections, and exports. Widgets never open files themselves."""

from __future__ import annotations

import logging
from datetime import date, datetime, tzinfo
from pathlib import Path

from msgspec.structs import replace

from tidewell.core.exports import journal_csv, protected_ics
from tidewell.core.journal import JournalEntry
from tidewell.core.reflection import Reflection, noticed
from tidewell.core.review import Period, PeriodKind, Review, period_of, review, shifted
from tidewell.core.state import State
from tidewell.i18n import _
from tidewell.shell.runtime import Runtime
from tidewell.store.atomic import atomic_write
from tidewell.store.reflections import Reflections

log = logging.getLogger(__name__)


class ReviewHost:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.reflections = Reflections(runtime.store.folder, runtime.clock.now())
        self._years: dict[int, list[JournalEntry]] = {}

    @property
    def state(self) -> State:
        return self.runtime.state

    def now_and_home(self) -> tuple[datetime, tzinfo]:
        return self.runtime.now(), self.runtime.home()

    def period(self, kind: PeriodKind, day: date | None = None) -> Period:
        now, home = self.now_and_home()
        return period_of(kind, day or now.astimezone(home).date(), self.state.seasons)

    def step(self, period: Period, steps: int) -> Period:
        return shifted(period, steps, self.state.seasons)

    def left_out(self) -> int:
        """Journal entries that could not be read (left out of the review, kept in place)."""
        journal = self.runtime.store.journal
        return sum(journal.skipped.values()) if journal is not None else 0

    def review(self, period: Period) -> Review:
        now, home = self.now_and_home()
        state = self.state
        return review(
            period=period,
            entries=self.entries(period.start.year, period.end.year),
            rules=state.rules,
            blocks=state.protected_blocks(),
            seasons=state.seasons,
            targets=state.balance.targets,
            now=now,
            home=home,
            since=self.began(),
        )

    def began(self) -> datetime | None:
        """The first moment in the journal: protected time before it was not watched."""
        journal = self.runtime.store.journal
        assert journal is not None
        years = journal.years()
        if not years:
            return None
        # Usually just read by ``review`` itself: the shard is not read a second time.
        firsts = self._years.get(years[0]) or self.entries(years[0], years[0])
        return min((e.at for e in firsts), default=None)

    def entries(self, first: int, last: int) -> list[JournalEntry]:
        journal = self.runtime.store.journal
        assert journal is not None
        now = self.runtime.clock.now()
        found: list[JournalEntry] = []
        sync = self.runtime.store.sync
        for year in range(first, last + 1):
            if year not in self._years or year >= now.year:  # this year's shard still grows
                mine = journal.entries(year, now)
                others = sync.others_journal([year]) if sync is not None else []
                both = sorted([*mine, *others], key=lambda e: e.at) if others else mine
                self._years[year] = both  # every device's entries, each once
            found += self._years[year]
        return found

    def noticed(self) -> list[str]:
        """What the last weeks suggest asking, as questions (core/reflection.noticed)."""
        now, home = self.now_and_home()
        entries = self.entries(now.year - 1, now.year) if self.runtime.store.journal else []
        return noticed(entries, self.state.rules, now, home)

    # --- reflections ------------------------------------------------------------------

    def all_reflections(self) -> list[tuple[int, Reflection]]:
        """Newest first; when syncing, every device's, as the newest edit of each has it
        (brought into this computer's file, so they read, edit and delete like its own)."""
        sync = self.runtime.store.sync
        if sync is not None:
            try:
                self._bring_in(sync.reflections())
            except OSError as err:
                log.warning("reflections from the sync folder: %s", err)
        return self.reflections.all()

    def _bring_in(self, merged: dict[str, Reflection | None]) -> None:
        from tidewell.store.sync_link import reflection_key

        here = {reflection_key(r): (doc_id, r) for doc_id, r in self.reflections.all()}
        for key, theirs in merged.items():
            found = here.get(key)
            if theirs is None:
                if found is not None:
                    self.reflections.remove(found[0])  # deleted on another computer
            elif found is None:
                self.reflections.add(theirs)
            elif found[1] != theirs:
                self.reflections.update(found[0], theirs)

    def keep_reflection(self, answers: list[str], doc_id: int | None = None) -> None:
        try:
            self._keep(answers, doc_id)
        except OSError as err:  # a full disk, or a file from a newer Tidewell: kept as it is
            said = _("Your reflection could not be kept: {reason}")
            self.runtime.problem.emit(said.format(reason=err))

    def _keep(self, answers: list[str], doc_id: int | None) -> None:
        now = self.runtime.clock.now()
        if doc_id is None:
            kept = Reflection(at=now, answers=answers)
            self.reflections.add(kept)
        else:
            before = dict(self.reflections.all()).get(doc_id)
            at = before.at if before is not None else now
            kept = Reflection(at=at, answers=answers, edited=now)
            self.reflections.update(doc_id, kept)
        if self.runtime.store.sync is not None:
            self.runtime.store.sync.publish_reflection(kept, now)

    def delete_reflection(self, doc_id: int) -> None:
        try:
            gone = dict(self.reflections.all()).get(doc_id)
            self.reflections.remove(doc_id)
            sync = self.runtime.store.sync
            if sync is not None and gone is not None:
                sync.publish_reflection(gone, self.runtime.clock.now(), gone=True)
        except OSError as err:
            said = _("That reflection could not be deleted: {reason}")
            self.runtime.problem.emit(said.format(reason=err))

    # --- exports ------------------------------------------------------------------------

    def export_journal(self, path: Path) -> int:
        journal = self.runtime.store.journal
        assert journal is not None
        years = journal.years()
        entries = self.entries(min(years), max(years)) if years else []
        atomic_write(path, journal_csv(entries).encode())
        return len(entries)

    def zone_name(self) -> str:
        _now, home = self.now_and_home()
        return self.state.settings.zone or getattr(home, "key", None) or "UTC"

    def save_card(self, path: Path, markdown: str, picture: bytes, reach: str) -> Path:
        """The card as Markdown at ``path`` and as a picture beside it (.png); the words
        about reaching the person are kept for next time. Returns the picture's path."""
        picture_path = path.with_suffix(".png")
        atomic_write(path, markdown.encode())
        atomic_write(picture_path, picture)
        state = self.state
        if state.balance.reach_me != reach:
            balance = replace(state.balance, reach_me=reach[:4000])
            self.runtime.apply_definitions(replace(state, balance=balance))
        return picture_path

    def export_protected(self, path: Path) -> int:
        now, home = self.now_and_home()
        blocks = self.state.blocks
        zone = self.state.settings.zone or getattr(home, "key", None) or "UTC"
        atomic_write(path, protected_ics(blocks, zone, now))
        return len(blocks)
