"""A norms pack's round trip between two people, as real processes: a leader makes a pack
of her own boundaries; a teammate previews and takes part of it from a file, adapts one item,
then takes a newer version from a web address (a real HTTP server on loopback): only what
changed is shown, the adaptation survives, nothing is half-taken, and while the teammate's
Tidewell runs, the command line leaves the taking to its window."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.feeds import FeedServer

from .conftest import App
from .xsession import XSession

ROOT = Path(__file__).resolve().parents[2]
LEADER_RULES = {
    "protected": [{"kind": "weekly", "id": "evenings", "reason": "Dinner with the kids",
                   "days": ["mon", "tue", "wed", "thu", "fri"], "start": "18:30",
                   "end": "21:00"}],
    "rules": [{"id": "stretch", "name": "Stand up and stretch",
               "when": {"kind": "at", "times": ["11:00", "15:30"]},
               "nudge": {"title": "A stretch?"}}],
}  # fmt: skip


def tidewell(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidewell", "--data-dir", str(data), *args],
        capture_output=True, text=True, check=False, timeout=60, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "desktop"), "PATH": "/usr/bin:/bin", "TZ": "Europe/London",
             "LANGUAGE": "en"},
    )  # fmt: skip


def stored(data: Path) -> dict[str, dict[str, dict[str, object]]]:
    return json.loads((data / "tidewell.json").read_text())  # type: ignore[no-any-return]


def test_a_pack_round_trip_between_two_people(tmp_path: Path) -> None:
    leader, teammate = tmp_path / "leader", tmp_path / "teammate"
    rules = tmp_path / "leader-rules.json"
    rules.write_text(json.dumps(LEADER_RULES))
    assert tidewell(leader, "rules", "import", str(rules)).returncode == 0
    v1 = tmp_path / "team-v1.json"
    made = tidewell(
        leader, "packs", "make", str(v1), "--items", "protected:evenings,rule:stretch",
        "--why", "evenings=I protect these hours; nobody needs me then.",
        "--note", "Mine. Take what fits.", "--author", "Maya", "--id", "team",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    seen = tidewell(teammate, "packs", "preview", str(v1))
    assert "+ protected:evenings  new" in seen.stdout
    assert "I protect these hours" in seen.stdout
    assert "nothing is sent back to its author" in seen.stdout
    took = tidewell(teammate, "packs", "take", str(v1), "--items", "evenings")
    assert took.stdout.strip() == "Took 1 item from 'Team v1'.", took.stderr
    # the teammate adapts it: their evenings end at 20:30
    doc = stored(teammate)
    row = next(iter(doc["protected"].values()))
    row["end"] = "20:30"
    (teammate / "tidewell.json").write_text(json.dumps(doc))
    # a newer version, from a web address: the evenings start at 18:00 now
    newer = json.loads(v1.read_text())
    newer["version"] = 2
    newer["items"][0]["item"]["start"] = "18:00"
    server = FeedServer()
    server.feeds["team.json"] = json.dumps(newer).encode()
    try:
        seen = tidewell(teammate, "packs", "preview", server.url("team.json"))
        lines = [line for line in seen.stdout.splitlines() if line[:2] in ("+ ", "~ ", "- ")]
        assert lines == ["~ protected:evenings  changed; your own changes stay"], seen.stdout
        took = tidewell(teammate, "packs", "take", server.url("team.json"), "--items", "evenings")
        assert took.returncode == 0, took.stderr
    finally:
        server.close()
    block = next(iter(stored(teammate)["protected"].values()))
    assert (block["start"], block["end"]) == ("18:00", "20:30")  # the adaptation survives
    listed = tidewell(teammate, "packs", "list").stdout
    assert "(version 2): 1 of 2 taken" in listed
    assert tidewell(teammate, "packs", "preview", str(v1)).returncode == 0
    # a broken pack is refused whole, naming where
    broken = json.loads(v1.read_text())
    broken["items"][1]["item"]["when"]["times"] = ["25:00"]
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(broken))
    before = (teammate / "tidewell.json").read_bytes()
    refused = tidewell(teammate, "packs", "take", str(bad), "--all")
    assert refused.returncode == 2
    assert "$.items[1].item.when.times[0]" in refused.stderr
    assert (teammate / "tidewell.json").read_bytes() == before
    gone = tidewell(teammate, "packs", "leave", "team")
    assert gone.returncode == 0 and "stays yours" in gone.stdout
    assert stored(teammate).get("packs", {}) == {}
    assert len(stored(teammate)["protected"]) == 1


def test_while_tidewell_runs_the_command_line_leaves_taking_to_its_window(
    x: XSession, app: App, tmp_path: Path
) -> None:
    x.start_tray_host()
    pack = tmp_path / "pack.json"
    pack.write_text(json.dumps({
        "tidewell_pack": 1, "id": "p", "version": 1, "title": "A pack", "author": "Maya",
        "date": "2026-11-30", "items": [{"id": "walk", "kind": "idea", "why": "Air.",
                                         "item": {"id": "walk", "what": "A short walk"}}],
    }))  # fmt: skip
    app.launch()
    app.wait_in_tray()
    app.wait_started()
    refused = app.run("packs", "take", str(pack), "--all")
    assert refused.returncode != 0
    assert "Take it in Settings → Packs, or quit Tidewell first." in refused.stderr
