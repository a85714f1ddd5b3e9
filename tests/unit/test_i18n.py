"""Tidewell speaks German from the same catalogue in the core, the command line and the
windows; every shipped language is complete; an unknown language falls back to English."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tidewell import i18n
from tidewell.i18n import _, day_name, month_name, n_, p_, use_language

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from i18n import problems  # noqa: E402


@pytest.fixture
def german() -> Iterator[None]:
    assert use_language("de") == "de"
    yield
    use_language("en")


def test_german_words_plurals_and_contexts(german: None) -> None:
    assert p_("answer", "Done") == "Erledigt"
    assert _("Nothing planned for now") == "Gerade nichts geplant"
    assert n_("{count} minute of waiting", "{count} minutes of waiting", 1) == (
        "{count} Minute Wartezeit"
    )
    assert n_("{count} minute of waiting", "{count} minutes of waiting", 30).format(count=30) == (
        "30 Minuten Wartezeit"
    )
    assert (day_name(0), day_name(6, short=True), month_name(11)) == ("Montag", "So", "Nov.")


def test_an_unknown_language_speaks_english() -> None:
    assert use_language("xx") == "en"
    assert p_("answer", "Done") == "Done"
    assert i18n.language() == "en"


def test_every_shipped_language_is_complete_and_compiles() -> None:
    assert "de" in i18n.shipped()
    assert problems() == []


def test_the_command_line_speaks_german(tmp_path: Path) -> None:
    env = {**os.environ, "LANGUAGE": "de"}
    folder = ["--data-dir", str(tmp_path / "data")]
    tidewell = [sys.executable, "-m", "tidewell", *folder]
    demo = subprocess.run([*tidewell, "demo"], env=env, capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    upcoming = subprocess.run(
        [*tidewell, "next", "--count", "3", "--from", "2026-11-23T08:00"],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert upcoming.returncode == 0, upcoming.stderr
    first = upcoming.stdout.splitlines()[0]
    assert first.startswith("Mo, 23. Nov. 11:00"), first  # German weekday, day and month
    assert "Werktags um 11:00, 15:30" in first
    status = subprocess.run([*tidewell, "status"], env=env, capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    assert "(Tidewell läuft nicht: Bis es startet, erscheint nichts.)" in status.stdout


def test_a_twelve_hour_clock_where_the_locale_has_one() -> None:
    from tidewell.i18n import clock, use_clock

    use_clock(True)
    try:
        assert (clock(18, 30), clock(0, 5), clock(12, 0)) == ("6:30 PM", "12:05 AM", "12:00 PM")
    finally:
        use_clock(False)
    assert clock(18, 30) == "18:30"
