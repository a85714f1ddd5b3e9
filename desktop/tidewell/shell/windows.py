"""The tray's side of the windows that run in their own process (``shell/window_process.py``):
started when asked for, brought forward when asked again, told when the tray's state moved,
ended with the tray. A window that crashes is said in words; the tray keeps running."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess

from tidewell.i18n import N_, _
from tidewell.shell import WINDOW_FLAG

log = logging.getLogger(__name__)
END_MS = 3000  # a window asked to end at quit gets this long before it is made to
_ERR_KEPT = 8192  # the last bytes a window wrote to standard error, for the log
CRASHED = {
    "settings": N_(
        "The settings window closed unexpectedly. Tidewell is still running, and everything "
        "you saved is kept. You can open Settings again from the tray."
    ),
    "review": N_(
        "The review window closed unexpectedly. Tidewell is still running, and your journal "
        "and reflections are kept. You can open Review again from the tray."
    ),
    "welcome": N_(
        "The welcome closed unexpectedly. Tidewell is still running; the welcome comes back "
        "next time you start it."
    ),
}


def window_command(kind: str, folder: Path) -> list[str]:
    """How to start a window's process: this Python, or a frozen bundle itself."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WINDOW_FLAG, kind, str(folder)]
    return [sys.executable, "-m", "tidewell", WINDOW_FLAG, kind, str(folder)]


class WindowProcesses(QObject):
    def __init__(self, folder: Path, tell: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.folder = folder
        self.tell = tell
        self.running: dict[str, QProcess] = {}
        self._errors: dict[str, bytes] = {}
        self.ending = False  # quitting: windows ended on purpose are not crashes

    def open(self, kind: str, *orders: str) -> None:
        """Start ``kind``'s window, or bring it forward; then give it ``orders``."""
        process = self.running.get(kind)
        if process is None:
            process = self._start(kind)
        else:
            self._say(process, "raise")
        for order in orders:
            self._say(process, order)

    def tell_all(self, word: str) -> None:
        for process in self.running.values():
            self._say(process, word)

    def end_all(self) -> None:
        """At quit: each window is asked to end, then made to (what was saved is kept)."""
        self.ending = True
        for process in list(self.running.values()):
            process.terminate()
            if not process.waitForFinished(END_MS):
                process.kill()
                process.waitForFinished(END_MS)

    def _start(self, kind: str) -> QProcess:
        program, *arguments = window_command(kind, self.folder)
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments(arguments)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedOutputChannel)
        process.readyReadStandardError.connect(lambda: self._keep_errors(kind, process))
        process.finished.connect(lambda code, status: self._ended(kind, process, code, status))
        process.errorOccurred.connect(lambda error: self._failed(kind, process, error))
        self.running[kind] = process
        self._errors[kind] = b""
        process.start()
        log.info("%s window started", kind)
        return process

    def _say(self, process: QProcess, line: str) -> None:
        if process.state() != QProcess.ProcessState.NotRunning:
            process.write(line.encode() + b"\n")

    def _keep_errors(self, kind: str, process: QProcess) -> None:
        data = bytes(process.readAllStandardError().data())
        for line in data.decode("utf-8", "replace").splitlines():
            log.info("%s window: %s", kind, line)  # in the tray's log, with its own
        self._errors[kind] = (self._errors.get(kind, b"") + data)[-_ERR_KEPT:]

    def _ended(self, kind: str, process: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if self.running.get(kind) is process:
            del self.running[kind]
        crashed = status == QProcess.ExitStatus.CrashExit or code != 0
        errors = self._errors.pop(kind, b"").decode("utf-8", "replace").strip()
        if crashed and not self.ending:
            log.error("the %s window ended unexpectedly (%s): %s", kind, code, errors[-2000:])
            self.tell(_(CRASHED[kind]))
        else:
            log.info("%s window closed", kind)
        process.deleteLater()

    def _failed(self, kind: str, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.error("the %s window could not start: %s", kind, process.errorString())
            if self.running.get(kind) is process:
                del self.running[kind]
            said = _("Tidewell could not open that window: {reason}")
            self.tell(said.format(reason=process.errorString()))
