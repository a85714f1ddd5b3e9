"""A guard on the Qt binding itself: PySide6 6.12.0 dropped a reference to True on every
Signal.emit(), so on Python 3.11 a long-running Tidewell aborted ("bool_dealloc") after a
few hundred state changes. pyproject excludes that release; this fails on any like it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Source(QObject):
    changed = Signal()
    text = Signal(str)
    items = Signal(list)


def test_emitting_signals_leaves_the_reference_counts_of_true_false_and_none_alone() -> None:
    source = Source()
    heard: list[object] = []
    source.text.connect(heard.append)
    counts = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(60):  # few enough that a broken release fails here rather than aborts
        source.changed.emit()
        source.text.emit("x")
        source.items.emit([])
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert len(heard) == 60
    # a few references may come and go elsewhere; the broken release lost 180 of True's
    assert all(abs(a - b) < 30 for a, b in zip(after, counts, strict=True)), (counts, after)
