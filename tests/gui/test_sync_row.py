"""Sync in General: choosing a folder links this computer at once (a backup first), says
which computers are there, and stopping keeps everything here."""

from __future__ import annotations

from pathlib import Path

from tidewell.shell.app import TidewellApp
from tidewell.ui.settings.window import SettingsWindow


def test_choose_a_sync_folder_and_stop(
    shell: TidewellApp, window: SettingsWindow, tmp_path: Path
) -> None:
    row = window.general.sync
    assert not row.join_button.isHidden() and row.leave_button.isHidden()
    assert "no account, no server of ours" in row.words.text()
    folder = tmp_path / "Sync"
    folder.mkdir()
    row.join(folder)
    assert shell.runtime.store.sync is not None
    assert row.words.text().startswith(f"Syncing through {folder}")
    assert "(this computer): last synced" in row.words.text()
    assert row.join_button.isHidden() and not row.leave_button.isHidden()
    records = list((folder / "Tidewell" / "devices").glob("*/changes.jsonl"))
    assert len(records) == 1 and b'"stretch"' in records[0].read_bytes()
    assert shell.sync_watch is not None  # the app now watches it
    rules = shell.runtime.state.rules
    row.leave()
    assert shell.runtime.store.sync is None
    assert shell.runtime.state.rules == rules  # everything stays here
    assert "Use Tidewell on more than one computer" in row.words.text()
