"""The calendars in the running app: syncing on a worker thread (at start, every 30 minutes
and on demand), the last result per source, the keyring, and handing what the events mean
to the runtime. Nothing here blocks the GUI thread: results come back as queued signals."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable
from functools import partial

from msgspec.structs import replace
from PySide6.QtCore import QObject, QTimer, Signal

from tidewell.core.calendar import CalendarSource, understand
from tidewell.shell.runtime import Runtime
from tidewell.store.calendar_cache import CalendarCache, Synced
from tidewell.store.secrets import SecretError, SecretStore

log = logging.getLogger(__name__)
SYNC_EVERY_MS = 30 * 60 * 1000
FIRST_SYNC_MS = 1500  # after start-up, so reaching the tray stays quick


class _Worker:
    """One daemon thread running jobs in order: quitting never waits for a slow feed. The
    thread starts with the first job (someone with no calendars never needs it)."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="tidewell-calendars", daemon=True)
            self.thread.start()
        self.jobs.put(job)

    def stop(self) -> None:
        if self.thread is not None:
            self.jobs.put(None)

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            try:
                job()
            except Exception:  # a bug in one job must not end syncing for good
                log.exception("calendar job failed")


class _Bridge(QObject):
    """Lives in the GUI thread; the worker emits through it (so delivery is queued)."""

    synced = Signal(object)  # Synced
    keyring_checked = Signal(object)  # str | None: why no keyring can be used
    secret_stored = Signal(str, object)  # source id, problem (str) or None


class CalendarKeeper(QObject):
    results_changed = Signal()  # a sync finished, or sources changed
    keyring_checked = Signal(object)
    secret_stored = Signal(str, object)

    def __init__(
        self, runtime: Runtime, secrets: SecretStore | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.secrets = secrets or SecretStore()
        self.keyring_problem: str | None = None
        self.keyring_known = False
        self._keyring_asked = False
        self.cache = CalendarCache(runtime.store.folder, runtime.clock.now())
        self.results: dict[str, Synced] = self.cache.read()
        self.in_flight: set[str] = set()
        self.pending_secrets: set[str] = set()  # stored for sources not saved yet
        self.sources = list(runtime.state.calendars)
        self._bridge = _Bridge(self)
        self._bridge.synced.connect(self._synced)
        self._bridge.keyring_checked.connect(self._keyring_checked)
        self._bridge.secret_stored.connect(self._secret_stored)
        self._worker = _Worker()
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_EVERY_MS)
        self.timer.timeout.connect(self.sync_all)
        runtime.changed.connect(self._state_changed)
        self._use_results()
        if self.cache.problem:
            log.warning("%s", self.cache.problem)

    def start(self) -> None:
        if any(s.kind == "url" for s in self.runtime.state.calendars):
            self.check_keyring()  # its feeds need it; otherwise only the settings page asks
        self.timer.start()
        QTimer.singleShot(FIRST_SYNC_MS, self.sync_all)

    def stop(self) -> None:
        self.timer.stop()
        self._worker.stop()

    def wait_for_jobs(self, seconds: float = 5) -> None:
        """After ``stop``: let the jobs already asked for finish (a window's process ending)."""
        if self._worker.thread is not None:
            self._worker.thread.join(seconds)

    # --- syncing --------------------------------------------------------------------------

    def sync_all(self) -> None:
        self.sync(s.id for s in self.runtime.state.calendars)

    def sync(self, source_ids: Iterable[str]) -> None:
        by_id = {s.id: s for s in self.runtime.state.calendars}
        now = self.runtime.clock.now()
        for source_id in source_ids:
            source = by_id.get(source_id)
            if source is None or source_id in self.in_flight:
                continue
            self.in_flight.add(source_id)
            previous = self.results.get(source_id)
            self._worker.submit(partial(self._sync_one, source, previous, now))
        self.results_changed.emit()

    def syncing(self, source_id: str) -> bool:
        return source_id in self.in_flight

    def _sync_one(self, source: CalendarSource, previous: Synced | None, now: object) -> None:
        # Imported here, on the worker: fetching pulls in urllib and ssl (~60 ms), which
        # the way to the tray icon does not need.
        from tidewell.calendars.sync import sync_source

        secrets = self.secrets if source.kind == "url" else None
        result = sync_source(source, previous, secrets, now, self.runtime.home())  # type: ignore[arg-type]
        self._bridge.synced.emit(result)

    def _synced(self, result: Synced) -> None:
        self.in_flight.discard(result.source)
        if not any(s.id == result.source for s in self.runtime.state.calendars):
            return  # removed while it was being read
        self.results[result.source] = result
        self._save_results()
        log.info("calendar %s synced: %s", result.source, result.message if result.ok else "failed")
        self._use_results()
        self.results_changed.emit()

    def _save_results(self) -> None:
        try:
            self.cache.write(self.results)
        except OSError as err:
            log.warning("could not save calendar events: %s", err.strerror or err)

    def _use_results(self) -> None:
        state = self.runtime.state
        events = {key: r.events for key, r in self.results.items()}
        view = understand(state.calendars, events, self.runtime.home())
        self.runtime.use_calendar(view)

    # --- sources coming and going -------------------------------------------------------

    def _state_changed(self) -> None:
        sources = list(self.runtime.state.calendars)
        if sources == self.sources:
            return
        before = {s.id: s for s in self.sources}
        now_ids = {s.id for s in sources}
        self.sources = sources
        gone = [s for key, s in before.items() if key not in now_ids]
        for source in gone:
            self.results.pop(source.id, None)
            if source.kind == "url":
                self._forget_secret(source.id)
        self.pending_secrets -= now_ids
        if gone:
            self._save_results()
        self._use_results()
        changed = [
            s.id for s in sources if before.get(s.id) is None or _read_differs(before[s.id], s)
        ]
        self.sync(changed)

    # --- the keyring ------------------------------------------------------------------

    def check_keyring(self) -> None:
        """Find out, off this thread, whether feeds can be kept (``keyring_checked`` says).
        Not at start-up unless a feed needs it: the keyring library alone costs ~10 MiB."""
        if not self.keyring_known and not self._keyring_asked:
            self._keyring_asked = True
            self._worker.submit(self._check_keyring)

    def _check_keyring(self) -> None:
        self._bridge.keyring_checked.emit(self.secrets.unavailable())

    def _keyring_checked(self, problem: str | None) -> None:
        self.keyring_problem, self.keyring_known = problem, True
        if problem:
            log.warning("calendar feeds cannot be added: %s", problem)
        self.keyring_checked.emit(problem)

    def store_secret(self, source_id: str, url: str) -> None:
        """Keep a feed's address in the keyring; ``secret_stored`` says how it went."""

        def job() -> None:
            try:
                self.secrets.set(source_id, url)
            except SecretError as err:
                self._bridge.secret_stored.emit(source_id, str(err))
                return
            self._bridge.secret_stored.emit(source_id, None)

        self._worker.submit(job)

    def _secret_stored(self, source_id: str, problem: str | None) -> None:
        if problem is None and not any(s.id == source_id for s in self.runtime.state.calendars):
            self.pending_secrets.add(source_id)
        self.secret_stored.emit(source_id, problem)

    def forget_unsaved(self) -> None:
        """The settings window closed: addresses kept for feeds never saved are removed."""
        saved = {s.id for s in self.runtime.state.calendars}
        for source_id in self.pending_secrets - saved:
            self._forget_secret(source_id)
        self.pending_secrets.clear()

    def _forget_secret(self, source_id: str) -> None:
        def job() -> None:
            try:
                self.secrets.delete(source_id)
            except SecretError as err:
                log.warning("could not remove a feed's address from the keyring: %s", err)

        self._worker.submit(job)


def _read_differs(a: CalendarSource, b: CalendarSource) -> bool:
    """A change that needs the source read again (not just its name or readings)."""
    return replace(a, name=b.name, readings=b.readings) != b
