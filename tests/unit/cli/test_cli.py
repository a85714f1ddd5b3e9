"""The command line, run as a person would: a real process, a real data folder."""

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
STARTER = ROOT / "resources" / "examples" / "starter-rules.json"


def tidewell(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT / "desktop"), "PATH": "/usr/bin:/bin", "TZ": "Europe/London"}
    return subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    result = tidewell(folder, "rules", "import", str(STARTER))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Imported 5 rules (5 new, 0 changed).",
        "Also 6 other items.",
    ]
    return folder


def test_rules_list_in_words_and_json(data: Path) -> None:
    listing = tidewell(data, "rules", "list")
    assert "Weekdays at 11:00, 15:30" in listing.stdout
    assert listing.stdout.count("\n") == 5
    rules = json.loads(tidewell(data, "rules", "list", "--json").stdout)
    assert [r["id"] for r in rules][:2] == ["stretch", "offline"]


def test_import_is_all_or_nothing_with_paths_and_exit_2(data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "rules": [
                    {
                        "id": "new",
                        "name": "New",
                        "when": {"kind": "active"},
                        "nudge": {"title": "t"},
                    },
                    {
                        "id": "x",
                        "name": "X",
                        "when": {"kind": "waiting", "min_minutes": 0},
                        "nudge": {"title": "t"},
                    },
                ]
            }
        )
    )
    result = tidewell(data, "rules", "import", str(bad))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{bad}: $.rules[1].when.min_minutes: expected int >= 1",
        "Nothing was imported: 1 problem to fix first.",
    ]
    assert "new" not in tidewell(data, "rules", "list").stdout


def test_import_again_counts_changes_and_export_round_trips(data: Path, tmp_path: Path) -> None:
    doc = json.loads(STARTER.read_text())
    doc["rules"][0]["name"] = "Stretch, gently"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc))
    result = tidewell(data, "rules", "import", str(changed))
    assert result.stdout.startswith("Imported 5 rules (0 new, 1 changed)")
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"rules": [json.loads(STARTER.read_text())["rules"][1]]}))
    single = tidewell(data, "rules", "import", str(one))
    assert single.stdout.startswith("Imported 1 rule (0 new, 0 changed)")
    out = tmp_path / "out.json"
    assert tidewell(data, "rules", "export", str(out)).returncode == 0
    exported = json.loads(out.read_text())
    assert exported["rules"][0]["name"] == "Stretch, gently"
    assert len(exported["protected"]) == 2
    fresh = tmp_path / "fresh"
    assert tidewell(fresh, "rules", "import", str(out)).returncode == 0
    assert tidewell(fresh, "rules", "list").stdout == tidewell(data, "rules", "list").stdout


def test_next_from_a_given_moment(data: Path) -> None:
    result = tidewell(data, "next", "--count", "4", "--from", "2026-11-27T12:00")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Fri 27 Nov 15:30  A stretch?")
    assert lines[1].startswith("Sat 28 Nov 00:00  You planned to be offline")  # the weekend
    assert lines[2].startswith("Mon 30 Nov 11:00  A stretch?")
    assert lines[3].startswith("Mon 30 Nov 15:30")
    as_json = json.loads(
        tidewell(data, "next", "--count", "1", "--from", "2026-11-27T12:00", "--json").stdout
    )
    assert as_json == [
        {
            "at": "2026-11-27T15:30:00+00:00",
            "rule": "stretch",
            "name": "Stand up and stretch",
            "title": "A stretch?",
        }
    ]


def test_next_rejects_a_bad_time_in_words(data: Path) -> None:
    result = tidewell(data, "next", "--from", "tomorrow")
    assert result.returncode == 2
    assert "--from: 'tomorrow' is not a date and time" in result.stderr


def test_check_passes_then_finds_a_broken_file(data: Path) -> None:
    assert tidewell(data, "check").stdout.startswith("All good")
    (data / "tidewell.json").write_text('{"rules": {"1": {"id": "x"')
    result = tidewell(data, "check")
    assert result.returncode == 1
    assert "tidewell.json is not valid JSON" in result.stdout


def test_a_broken_file_is_recovered_and_the_person_told(data: Path) -> None:
    (data / "tidewell.json").write_bytes(b"\x00garbage")
    result = tidewell(data, "rules", "list")
    assert result.returncode == 0
    assert "backup" in result.stderr and "restored" in result.stderr
    assert "stretch" in result.stdout


HOLDER = """
import sys
from pathlib import Path
from tidewell.platform.folder_lock import FolderLock
print("held" if FolderLock(Path(sys.argv[1])).try_lock() else "refused", flush=True)
sys.stdin.read()
"""


@contextmanager
def app_holding(data: Path) -> Iterator[int]:
    """A live process holding the folder's lock, as the app does, until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data / "tidewell.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.stdin.close()
        holder.wait()
        holder.stdout.close()


def test_import_waits_for_a_running_app_to_quit(data: Path) -> None:
    with app_holding(data) as pid:
        result = tidewell(data, "rules", "import", str(STARTER))
        assert result.returncode == 1
        assert f"Tidewell is running (process {pid})" in result.stderr
    # Its lock is stale now: the import goes ahead.
    assert tidewell(data, "rules", "import", str(STARTER)).returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["wait", "0"], "wait: minutes must be between 1 and 600"),
        (["offline", "--until", "25:00"], "offline --until: '25:00' is not a time like 21:30"),
        (["pause", "soon"], "pause: 'soon' is not a length like 1h, 30m or 1h30m"),
    ],
)
def test_app_commands_are_checked_before_anything_starts(
    data: Path, args: list[str], message: str
) -> None:
    result = tidewell(data, *args)
    assert result.returncode == 2
    assert result.stderr.strip() == f"tidewell: {message}"


def test_pause_lengths() -> None:
    from tidewell.cli.app_commands import pause_length

    assert pause_length("1h") == {"minutes": 60}
    assert pause_length("1h30m") == {"minutes": 90}
    assert pause_length("45") == {"minutes": 45}
    assert pause_length("Tomorrow") == {"tomorrow": True}


def test_calendars_add_list_remove_a_file_and_refuse_while_running(
    data: Path, tmp_path: Path
) -> None:
    trips = tmp_path / "trips.ics"
    trips.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        b"DTSTART:20300101T090000Z\r\nDTEND:20300101T100000Z\r\nSUMMARY:Flight\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    added = tidewell(data, "calendars", "add", "Trips", str(trips), "--lead", "90")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Added 'Trips' (the file trips.ics).")
    [listed] = json.loads(tidewell(data, "calendars", "list", "--json").stdout)
    assert (listed["id"], listed["kind"], listed["ok"]) == ("trips", "file", True)
    assert tidewell(data, "calendars", "add", "X", "https://example.org/").returncode != 0
    with app_holding(data):
        refused = tidewell(data, "calendars", "remove", "Trips")
        assert refused.returncode == 1 and "Settings → Calendars" in refused.stderr
    removed = tidewell(data, "calendars", "remove", "trips")
    assert removed.returncode == 0 and removed.stdout.strip() == "Removed 'Trips'."
    assert json.loads(tidewell(data, "calendars", "list", "--json").stdout) == []


def test_status_in_words_and_json_from_the_files(data: Path) -> None:
    words = tidewell(data, "status")
    assert words.returncode == 0, words.stderr
    assert "Tidewell is not running" in words.stdout
    status = json.loads(tidewell(data, "status", "--json").stdout)
    assert status["state"] in ("normal", "protected", "paused")
    assert set(status) >= {"line", "reason", "until", "next", "nudges_waiting", "running"}
    assert status["running"] is False and status["nudges_waiting"] == 0
    assert all({"at", "rule", "title"} == set(n) for n in status["next"])


def test_status_reads_what_the_running_app_wrote_and_refuses_a_broken_file(
    data: Path,
) -> None:
    """live.json comes from the running app; a broken or huge one is ignored, never a crash."""
    from tidewell.core.state import WaitingSession
    from tidewell.store.live import LIVE, Live, read_live, write_live

    write_live(data, Live(WaitingSession(started=_utc_now(), minutes=30, context="airport"), 2))
    assert read_live(data).nudges_waiting == 2
    for broken in (b"{", b"[1,2]", b'{"nudges_waiting": "many"}', b" " * 10_000):
        (data / LIVE).write_bytes(broken)
        assert read_live(data) == Live()
        assert tidewell(data, "status").returncode == 0


def _utc_now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_demo_writes_an_example_life_into_an_empty_folder_only(tmp_path: Path, data: Path) -> None:
    folder = tmp_path / "demo"
    made = tidewell(folder, "demo")
    assert made.returncode == 0, made.stderr
    assert "3 people in three time zones" in made.stdout
    listing = tidewell(folder, "rules", "list", "--json")
    assert "call-mum-and-dad" in {r["id"] for r in json.loads(listing.stdout)}
    assert list((folder / "journal").glob("*.json"))
    assert tidewell(folder, "check").returncode == 0
    refused = tidewell(data, "demo")
    assert refused.returncode == 1 and "already holds your own rules" in refused.stderr


def test_import_refuses_a_pipe_and_a_device_at_once(data: Path, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "rules.json"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        result = tidewell(data, "rules", "import", path)
        assert result.returncode == 2
        assert "not a file (a pipe or a device)" in result.stderr


def test_next_from_an_offset_keeps_zoneless_rules_at_home(data: Path) -> None:
    """Bug: `--from …+09:00` moved a rule without a zone to that offset's zone."""
    plain = json.loads(
        tidewell(data, "next", "--count", "1", "--from", "2026-11-27T12:00", "--json").stdout
    )
    for written in ("2026-11-27T21:00+09:00", "2026-11-27T12:00Z"):  # the same instant
        shifted = json.loads(
            tidewell(data, "next", "--count", "1", "--from", written, "--json").stdout
        )
        assert shifted == plain
    assert plain[0]["at"] == "2026-11-27T15:30:00+00:00"
